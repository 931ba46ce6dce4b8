import { isTimeZone } from "@innbox/protocol/rules";
import { useEffect, useRef, useState } from "preact/hooks";
import { toApiError } from "../../api/client";
import { useApp } from "../../app-context";
import { Alert } from "../../components/alert";
import { AuthShell } from "../../components/auth-shell";
import { TextField, fieldsFor } from "../../components/field";
import { Icon } from "../../components/icon";
import { TimezoneField } from "../../components/timezone-field";
import { placeServerErrors } from "../../forms/server-errors";
import { browserTimeZone } from "../../format/time-format";
import { RichText } from "../../components/rich-text";
import { t } from "../../messages";
import { navigate } from "../../router";
import { timeIn } from "../timezones";
import { SETUP_FIELDS, validateAccount, validatePropertyStep, type SetupForm } from "./setup-validation";

type Step = 1 | 2 | 3;

/** First run: property name → manager account → done, signed in. */
export function SetupPage({ token }: { token: string | null }) {
  const { api, session, startSession, setProperty, setLoginNotice } = useApp();
  const [checked, setChecked] = useState(false);
  const [checkError, setCheckError] = useState<string | null>(null);
  const [step, setStep] = useState<Step>(1);
  const [form, setForm] = useState<SetupForm>(() => ({ propertyName: "", timezone: guessTimezone(), name: "", username: "", password: "", passwordAgain: "" }));
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});
  const [alert, setAlert] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const stepHeading = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    document.title = `${t.setup.title} · ${t.app.titleSuffix}`;
    let cancelled = false;
    api.getSetupStatus().then(
      (status) => {
        if (cancelled) return;
        if (status.needed) return setChecked(true);
        if (!session) setLoginNotice(t.setup.alreadyDone);
        navigate(session ? "/" : "/login", { replace: true });
      },
      (caught: unknown) => {
        if (!cancelled) setCheckError(toApiError(caught).message);
      },
    );
    return () => {
      cancelled = true;
    };
    // Asked once when the wizard opens; finishing it signs in without asking again.
  }, [api]);

  const goTo = (next: Step) => {
    setStep(next);
    // Let the new step render, then move focus to its heading for screen readers.
    requestAnimationFrame(() => stepHeading.current?.focus());
  };


  const onPropertySubmit = (event: Event) => {
    event.preventDefault();
    const errors = validatePropertyStep(form);
    setFieldErrors(errors);
    setAlert(null);
    if (!Object.keys(errors).length) goTo(2);
  };

  const onAccountSubmit = async (event: Event) => {
    event.preventDefault();
    const errors = validateAccount(form);
    setFieldErrors(errors);
    setAlert(null);
    if (Object.keys(errors).length || !token) return;

    setBusy(true);
    try {
      const created = await api.setup({
        token,
        propertyName: form.propertyName.trim(),
        name: form.name.trim(),
        username: form.username.trim(),
        password: form.password,
      });
      startSession(created);
      // The setup request names no timezone: the property gets the one chosen here next.
      try {
        setProperty(await api.updateProperty({ timezone: form.timezone }));
      } catch {
        setNotice(t.setup.timezoneNotSaved);
      }
      goTo(3);
    } catch (caught) {
      const failure = toApiError(caught);
      if (failure.status === 409) {
        setLoginNotice(t.setup.alreadyDone);
        navigate("/login", { replace: true });
        return;
      }
      const placed = placeServerErrors(failure, SETUP_FIELDS);
      setAlert(failure.status === 401 ? t.setup.badToken : placed.alert);
      setFieldErrors(placed.fields);
      if (placed.fields.propertyName) goTo(1);
    } finally {
      setBusy(false);
    }
  };

  if (checkError) {
    return (
      <AuthShell>
        <h1>{t.setup.title}</h1>
        <Alert kind="error">{checkError}</Alert>
      </AuthShell>
    );
  }
  if (!checked) {
    return (
      <AuthShell>
        <p role="status">{t.setup.checking}</p>
      </AuthShell>
    );
  }
  if (!token) return <MissingToken />;

  const field = fieldsFor(form, fieldErrors, setForm);

  return (
    <AuthShell wide>
      <h1>{t.setup.title}</h1>
      {step < 3 ? <p class="page-lead">{t.setup.intro}</p> : null}
      <Stepper step={step} />
      {alert ? (
        <Alert kind="error">
          <RichText text={alert} />
        </Alert>
      ) : null}

      {step === 1 ? (
        <form class="form" onSubmit={onPropertySubmit} noValidate>
          <h2 ref={stepHeading} tabIndex={-1}>
            {t.setup.propertyHeading}
          </h2>
          <p class="muted">{t.setup.propertyLead}</p>
          <TextField
            label={t.setup.propertyName}
            {...field("propertyName")}
            hint={t.setup.propertyNameHint}
            autoComplete="organization"
            required
            autoFocus
          />
          <TimezoneField label={t.setup.timezone} {...field("timezone")} hint={timezoneHint(form.timezone)} />
          <div class="actions">
            <button type="submit" class="button button-primary">
              {t.setup.next}
            </button>
          </div>
        </form>
      ) : null}

      {step === 2 ? (
        <form class="form" onSubmit={onAccountSubmit} noValidate>
          <h2 ref={stepHeading} tabIndex={-1}>
            {t.setup.accountHeading}
          </h2>
          <p class="muted">{t.setup.accountLead}</p>
          <TextField label={t.setup.managerName} {...field("name")} hint={t.setup.managerNameHint} autoComplete="name" required />
          <TextField
            label={t.setup.username}
            {...field("username")}
            hint={t.setup.usernameHint}
            autoComplete="username"
            required
            verbatim
          />
          <TextField
            label={t.setup.password}
            {...field("password")}
            type="password"
            hint={t.setup.passwordHint}
            autoComplete="new-password"
            required
          />
          <TextField label={t.setup.passwordAgain} {...field("passwordAgain")} type="password" autoComplete="new-password" required />
          <div class="actions">
            <button type="submit" class="button button-primary" disabled={busy}>
              {busy ? t.setup.creating : t.setup.create}
            </button>
            <button type="button" class="button" disabled={busy} onClick={() => goTo(1)}>
              {t.setup.back}
            </button>
          </div>
        </form>
      ) : null}

      {step === 3 ? (
        <div class="form">
          <h2 ref={stepHeading} tabIndex={-1}>
            {t.setup.doneHeading}
          </h2>
          <p>{t.setup.doneBody(form.propertyName.trim())}</p>
          {notice ? <Alert kind="info">{notice}</Alert> : null}
          <p class="muted">{t.setup.doneNext}</p>
          <div class="actions">
            <button type="button" class="button button-primary" onClick={() => navigate("/", { replace: true })}>
              {t.setup.open}
            </button>
          </div>
        </div>
      ) : null}
    </AuthShell>
  );
}

/** This device's timezone, where the appliance would take it; else UTC to choose from. */
function guessTimezone(): string {
  const zone = browserTimeZone();
  return isTimeZone(zone) ? zone : "UTC";
}

function timezoneHint(zone: string): string {
  const time = timeIn(zone);
  return [t.setup.timezoneHint, time ? t.property.timezoneNow(time) : ""].filter(Boolean).join(" ");
}

function Stepper({ step }: { step: Step }) {
  return (
    <ol class="stepper">
      {t.setup.steps.map((label, index) => {
        const number = index + 1;
        const state = number < step ? "done" : number === step ? "current" : "later";
        return (
          <li key={label} class={`stepper-item stepper-${state}`} aria-current={state === "current" ? "step" : undefined}>
            <span class="stepper-number" aria-hidden="true">
              {state === "done" ? <Icon name="check" /> : number}
            </span>
            <span class="stepper-label">
              <span class="visually-hidden">{t.setup.stepOf(number, t.setup.steps.length)}: </span>
              {label}
            </span>
          </li>
        );
      })}
    </ol>
  );
}

function MissingToken() {
  return (
    <AuthShell wide>
      <h1>{t.setup.noTokenTitle}</h1>
      <p>{t.setup.noTokenBody}</p>
      <ul class="plain-list">
        <li>
          <RichText text={t.setup.noTokenLog} />
        </li>
        <li>
          <RichText text={t.setup.noTokenFile} />
        </li>
      </ul>
      <p class="muted">{t.setup.noTokenHint}</p>
    </AuthShell>
  );
}
