import { useState } from "preact/hooks";
import type { ApiClient, ApiError } from "../../api/client";
import { Alert } from "../../components/alert";
import { useFormRequest } from "../../components/use-form-request";
import { useLoad } from "../../components/use-load";
import { t } from "../../messages";

/**
 * What the working-hours and alert settings share: the settings loaded into a form,
 * edits that clear "saved", and saving that shows the settings as the appliance stored them.
 */
export function useSettingsForm<S, F>(load: (api: ApiClient) => Promise<S>, toForm: (settings: S) => F) {
  const [form, setForm, loadError] = useLoad((api) => load(api).then(toForm));
  const [saved, setSaved] = useState(false);
  const request = useFormRequest();

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

  return { form, setForm, loadError, change, save, saved, fieldErrors: request.fieldErrors, error: request.error, busy: request.busy };
}

interface SaveActionsProps {
  error: ApiError | null;
  fieldErrors: Readonly<Record<string, string>>;
  /** The sentence that says the settings were saved, or null. */
  saved: string | null;
  busy: boolean;
}

/** The end of a settings form: what went wrong or that it was saved, and the save button. */
export function SaveActions({ error, fieldErrors, saved, busy }: SaveActionsProps) {
  const hasErrors = Object.keys(fieldErrors).length > 0;
  return (
    <>
      {error ? <Alert kind="error">{error.message}</Alert> : hasErrors ? <Alert kind="error">{t.errors.fixFields}</Alert> : null}
      {saved ? <Alert kind="success">{saved}</Alert> : null}
      <div class="actions">
        <button type="submit" class="button button-primary" disabled={busy}>
          {busy ? t.settings.saving : t.settings.save}
        </button>
      </div>
    </>
  );
}
