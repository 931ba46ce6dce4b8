import { useState } from "preact/hooks";
import { type ApiError, toApiError } from "../api/client";
import { placeServerErrors, type FieldWords, type PlaceOptions } from "../forms/server-errors";

/**
 * A form's checks and its request to the appliance: the problems by field (the page's own
 * checks, or the appliance's in the form's words, see forms/server-errors.ts), the sentence
 * for above the form, and whether the request is running. `words` names the request's
 * fields as the form does.
 */
export function useFormRequest(words: FieldWords = {}, options: PlaceOptions = {}) {
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});
  const [error, setError] = useState<ApiError | null>(null);
  const [alert, setAlert] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  /** Clears the last refusal and shows the problems `found` by their fields; true when there are none. */
  const check = (found: Record<string, string>): boolean => {
    setError(null);
    setAlert(null);
    setFieldErrors(found);
    return Object.keys(found).length === 0;
  };

  /** Runs `request` while busy; a refusal shows by the fields it names, and above the form what is left. */
  const send = async (request: () => Promise<void>): Promise<void> => {
    setBusy(true);
    try {
      await request();
    } catch (caught) {
      const failure = toApiError(caught);
      const placed = placeServerErrors(failure, words, options);
      setError(failure);
      setFieldErrors(placed.fields);
      setAlert(placed.alert);
    } finally {
      setBusy(false);
    }
  };

  return { fieldErrors, error, alert, busy, check, send };
}
