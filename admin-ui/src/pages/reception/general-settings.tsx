import { CHAT_INITIAL_STATES, GUEST_LANGUAGES, type ChatInitialState, type GuestLanguage, type ReceptionSettings } from "@innbox/protocol/reception-view";
import { useId } from "preact/hooks";
import { Checkbox, SelectField } from "../../components/field";
import { languageName } from "../../format/language-name";
import { t } from "../../messages";
import { withLanguages } from "./settings-edit";

interface Props {
  settings: ReceptionSettings;
  onSettings: (settings: ReceptionSettings) => void;
  errors: Readonly<Record<string, string>>;
}

/** The default language and the languages the manager translates into. */
export function LanguageSettings({ settings, onSettings, errors }: Props) {
  const id = useId();
  return (
    <section class="card editor-card" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t.editor.languagesTitle}</h2>
      <p class="muted">{t.editor.languagesLead}</p>
      <SelectField
        label={t.editor.defaultLanguage}
        name="defaultLanguage"
        value={settings.defaultLanguage}
        onValue={(value) => onSettings(withLanguages(settings, value as GuestLanguage, settings.languages))}
        hint={t.editor.defaultLanguageHint}
        error={errors.defaultLanguage}
      >
        {GUEST_LANGUAGES.map((code) => (
          <option key={code} value={code}>
            {languageName(code)}
          </option>
        ))}
      </SelectField>
      <fieldset class="language-choice" aria-describedby={`${id}-hint`}>
        <legend>{t.editor.translateInto}</legend>
        <p class="field-hint" id={`${id}-hint`}>
          {t.editor.translateIntoHint}
        </p>
        <div class="language-checks">
          {GUEST_LANGUAGES.map((code) => (
            <label key={code} class="language-check">
              <input
                type="checkbox"
                name="languages"
                value={code}
                checked={settings.languages.includes(code)}
                disabled={code === settings.defaultLanguage}
                onChange={(event) => {
                  const chosen = event.currentTarget.checked ? [...settings.languages, code] : settings.languages.filter((l) => l !== code);
                  onSettings(withLanguages(settings, settings.defaultLanguage, chosen));
                }}
              />
              <span>{languageName(code)}</span>
            </label>
          ))}
        </div>
        {errors.languages ? <p class="field-error">{errors.languages}</p> : null}
      </fieldset>
    </section>
  );
}

/** How the chat starts, and whether the weather may follow the guest. */
export function ChatAndWeatherSettings({ settings, onSettings, errors }: Props) {
  const id = useId();
  return (
    <section class="card editor-card" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t.editor.chatTitle}</h2>
      <fieldset class="chat-states">
        <legend>{t.editor.chatInitialState}</legend>
        {CHAT_INITIAL_STATES.map((state: ChatInitialState) => {
          const words = t.editor.chatStates[state]!;
          return (
            <label key={state} class="radio-card">
              <input
                type="radio"
                name="chatInitialState"
                value={state}
                checked={settings.chatInitialState === state}
                onChange={() => onSettings({ ...settings, chatInitialState: state })}
              />
              <span>
                <strong>{words.label}</strong>
                <span class="field-hint">{words.hint}</span>
              </span>
            </label>
          );
        })}
        {errors.chatInitialState ? <p class="field-error">{errors.chatInitialState}</p> : null}
      </fieldset>
      <h2 class="editor-subtitle">{t.editor.weatherTitle}</h2>
      <Checkbox
        label={t.editor.useGuestLocation}
        name="useGuestLocation"
        checked={settings.useGuestLocation}
        onChecked={(useGuestLocation) => onSettings({ ...settings, useGuestLocation })}
        hint={t.editor.useGuestLocationHint}
      />
      {errors.useGuestLocation ? <p class="field-error">{errors.useGuestLocation}</p> : null}
    </section>
  );
}
