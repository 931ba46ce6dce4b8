import { useState } from "preact/hooks";
import { type ApiError, toApiError } from "../api/client";

/**
 * A form's checks and its request to the appliance: the problems by field (the browser's
 * own, or the appliance's), the appliance's refusal, and whether the request is running.
 */
export function useFormRequest() {
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);

  /** Clears the last refusal and shows the problems `found` by their fields; true when there are none. */
  const check = (found: Record<string, string>): boolean => {
    setError(null);
    setFieldErrors(found);
    return Object.keys(found).length === 0;
  };

  /** Runs `request` while busy; a refusal shows as a message and by the fields it names. */
  const send = async (request: () => Promise<void>): Promise<void> => {
    setBusy(true);
    try {
      await request();
    } catch (caught) {
      const failure = toApiError(caught);
      setError(failure);
      setFieldErrors({ ...failure.fields });
    } finally {
      setBusy(false);
    }
  };

  return { fieldErrors, error, busy, check, send };
}
