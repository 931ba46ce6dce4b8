import { useState } from "preact/hooks";
import type { ApiClient } from "../../api/client";
import { Alert } from "../../components/alert";
import { useFormRequest } from "../../components/use-form-request";
import { useLoad } from "../../components/use-load";
import type { FieldWords } from "../../forms/server-errors";
import { t } from "../../messages";

/**
 * What the working-hours and alert settings share: the settings loaded into a form,
 * edits that clear "saved", and saving that shows the settings as the appliance stored them.
 */
export function useSettingsForm<S, F>(load: (api: ApiClient) => Promise<S>, toForm: (settings: S) => F, words: FieldWords) {
  const [form, setForm, loadError] = useLoad((api) => load(api).then(toForm));
  const [saved, setSaved] = useState(false);
  const request = useFormRequest(words);

  const change = (next: F) => {
    setForm(next);
    setSaved(false);
  };

  /** Shows the problems `found` by their fields, or stores the settings with `store`. */
  const save = async (event: Event, found: Record<string, string>, store: () => Promise<S>) => {
    event.preventDefault();
    setSaved(false);
    if (!request.check(found)) return;
    await request.send(async () => {
      setForm(toForm(await store()));
      setSaved(true);
    });
  };

  return { form, setForm, loadError, change, save, saved, fieldErrors: request.fieldErrors, alert: request.alert, busy: request.busy };
}

interface SaveActionsProps {
  /** The appliance's refusal, in the form's words (see useFormRequest). */
  alert: string | null;
  fieldErrors: Readonly<Record<string, string>>;
  /** The sentence that says the settings were saved, or null. */
  saved: string | null;
  busy: boolean;
}

/** The end of a settings form: what went wrong or that it was saved, and the save button. */
export function SaveActions({ alert, fieldErrors, saved, busy }: SaveActionsProps) {
  const hasErrors = Object.keys(fieldErrors).length > 0;
  return (
    <>
      {alert ? <Alert kind="error">{alert}</Alert> : hasErrors ? <Alert kind="error">{t.errors.fixFields}</Alert> : null}
      {saved ? <Alert kind="success">{saved}</Alert> : null}
      <div class="actions">
        <button type="submit" class="button button-primary" disabled={busy}>
          {busy ? t.settings.saving : t.settings.save}
        </button>
      </div>
    </>
  );
}
