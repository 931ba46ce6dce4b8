import { OFF_HOURS_NOTICE_MAX, UNANSWERED_MINUTES } from "@innbox/protocol/rules";
import { useState } from "preact/hooks";
import { useSession } from "../../app-context";
import { TextAreaField, TextField } from "../../components/field";
import { LoadState } from "../../components/use-load";
import { languageName } from "../../format/language-name";
import { t } from "../../messages";
import { alertFieldPlace, checkLanguageCode, fromAlertForm, noticeLabel, toAlertForm, validateAlerts } from "./alert-form";
import { SaveActions, useSettingsForm } from "./settings-form";

/** The unanswered-message reminder and the notice guests get outside working hours. */
export function AlertSettings() {
  const { api } = useSession();
  const { form, loadError, change, save, saved, fieldErrors: errors, alert, busy } = useSettingsForm((api) => api.getChatSettings(), toAlertForm, alertFieldPlace);
  const [newCode, setNewCode] = useState("");
  const [codeError, setCodeError] = useState<string | undefined>(undefined);

  if (!form) return <LoadState error={loadError} />;

  const setNotice = (code: string, text: string) =>
    change({ ...form, notices: form.notices.map(([c, old]) => [c, c === code ? text : old]) });

  const addLanguage = () => {
    const code = newCode.trim().toLowerCase();
    const problem = checkLanguageCode(code, form);
    if (problem) return setCodeError(problem);
    setCodeError(undefined);
    setNewCode("");
    change({ ...form, notices: [...form.notices, [code, ""]] });
  };

  const onSubmit = (event: Event) => save(event, validateAlerts(form), () => api.setChatSettings(fromAlertForm(form)));

  return (
    <form class="card form" onSubmit={onSubmit} noValidate aria-labelledby="alerts-title">
      <h2 id="alerts-title">{t.alerts.alertHeading}</h2>
      <div class="field-narrow">
        <TextField
          label={t.alerts.minutes}
          name="unansweredMinutes"
          type="number"
          inputMode="numeric"
          min={UNANSWERED_MINUTES.min}
          max={UNANSWERED_MINUTES.max}
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
                label={noticeLabel(code)}
                name={`offHoursNotice.${code}`}
                value={text}
                onValue={(value) => setNotice(code, value)}
                error={errors[`offHoursNotice.${code}`]}
                hint={code === "en" ? t.alerts.fallbackHint : undefined}
                maxLength={OFF_HOURS_NOTICE_MAX}
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

      <SaveActions alert={alert} fieldErrors={errors} saved={saved ? t.alerts.saved : null} busy={busy} />
    </form>
  );
}
