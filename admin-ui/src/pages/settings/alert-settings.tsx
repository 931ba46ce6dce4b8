import type { ChatSettings } from "@innbox/protocol";
import { useState } from "preact/hooks";
import { useSession } from "../../app-context";
import { TextAreaField, TextField } from "../../components/field";
import { LoadState } from "../../components/use-load";
import { t } from "../../messages";
import { languageName } from "../messenger/time-format";
import { SaveActions, useSettingsForm } from "./settings-form";

const MAX_NOTICE = 1_000;
const CODE = /^[a-z]{2,3}$/;

interface Form {
  minutes: string;
  /** [language code, notice], English first. */
  notices: Array<[string, string]>;
}

function toForm(settings: ChatSettings): Form {
  const notices = Object.entries(settings.offHoursNotice);
  if (!notices.some(([code]) => code === "en")) notices.unshift(["en", ""]);
  notices.sort(([a], [b]) => (a === "en" ? -1 : b === "en" ? 1 : 0));
  return { minutes: String(settings.unansweredMinutes), notices };
}

function validate(form: Form): Record<string, string> {
  const found: Record<string, string> = {};
  const minutes = Number(form.minutes);
  if (!/^\d+$/.test(form.minutes.trim()) || minutes < 1 || minutes > 1440) found.unansweredMinutes = t.alerts.minutesError;
  for (const [code, text] of form.notices) if (!text.trim()) found[`offHoursNotice.${code}`] = t.alerts.noticeRequired;
  return found;
}

/** The unanswered-message reminder and the notice guests get outside working hours. */
export function AlertSettings() {
  const { api } = useSession();
  const { form, loadError, change, save, saved, fieldErrors: errors, error, busy } = useSettingsForm((api) => api.getChatSettings(), toForm);
  const [newCode, setNewCode] = useState("");
  const [codeError, setCodeError] = useState<string | undefined>(undefined);

  if (!form) return <LoadState error={loadError} />;

  const setNotice = (code: string, text: string) =>
    change({ ...form, notices: form.notices.map(([c, old]) => [c, c === code ? text : old]) });

  const addLanguage = () => {
    const code = newCode.trim().toLowerCase();
    if (!CODE.test(code)) return setCodeError(t.alerts.codeInvalid);
    if (form.notices.some(([c]) => c === code)) return setCodeError(t.alerts.codeTaken);
    setCodeError(undefined);
    setNewCode("");
    change({ ...form, notices: [...form.notices, [code, ""]] });
  };

  const onSubmit = (event: Event) =>
    save(event, validate(form), () =>
      api.setChatSettings({
        unansweredMinutes: Number(form.minutes),
        offHoursNotice: Object.fromEntries(form.notices.map(([code, text]) => [code, text.trim()])),
      }),
    );

  return (
    <form class="card form" onSubmit={onSubmit} noValidate aria-labelledby="alerts-title">
      <h2 id="alerts-title">{t.alerts.alertHeading}</h2>
      <div class="field-narrow">
        <TextField
          label={t.alerts.minutes}
          name="unansweredMinutes"
          type="number"
          inputMode="numeric"
          min={1}
          max={1440}
          value={form.minutes}
          onValue={(minutes) => change({ ...form, minutes })}
          hint={t.alerts.minutesHint}
          error={errors.unansweredMinutes}
        />
      </div>

      <fieldset class="fieldset">
        <legend>{t.alerts.noticeHeading}</legend>
        <p class="field-hint">{t.alerts.noticeHint}</p>
        {form.notices.map(([code, text]) => {
          const name = languageName(code);
          return (
            <div key={code} class="notice">
              <TextAreaField
                label={t.alerts.languageLabel(name, code)}
                name={`offHoursNotice.${code}`}
                value={text}
                onValue={(value) => setNotice(code, value)}
                error={errors[`offHoursNotice.${code}`]}
                hint={code === "en" ? t.alerts.fallbackHint : undefined}
                maxLength={MAX_NOTICE}
                lang={code}
              />
              {code === "en" ? null : (
                <button
                  type="button"
                  class="notice-remove"
                  aria-label={t.alerts.removeLanguageFor(name)}
                  onClick={() => change({ ...form, notices: form.notices.filter(([c]) => c !== code) })}
                >
                  {t.alerts.removeLanguage}
                </button>
              )}
            </div>
          );
        })}
        <div
          class="add-language"
          onKeyDown={(event) => {
            // Enter in the code field adds the language rather than saving the whole form.
            if (event.key !== "Enter" || !(event.target instanceof HTMLInputElement)) return;
            event.preventDefault();
            addLanguage();
          }}
        >
          <TextField
            label={t.alerts.languageCode}
            name="newLanguage"
            value={newCode}
            onValue={(value) => {
              setNewCode(value);
              setCodeError(undefined);
            }}
            hint={t.alerts.languageCodeHint}
            error={codeError}
            autoComplete="off"
            verbatim
          />
          <button type="button" class="button" onClick={addLanguage}>
            {t.alerts.addLanguage}
          </button>
        </div>
      </fieldset>

      <SaveActions error={error} fieldErrors={errors} saved={saved ? t.alerts.saved : null} busy={busy} />
    </form>
  );
}
