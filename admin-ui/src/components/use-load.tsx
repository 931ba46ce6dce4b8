import { useEffect, useState } from "preact/hooks";
import { type ApiClient, toApiError } from "../api/client";
import { useSession } from "../app-context";
import { t } from "../messages";
import { Alert } from "./alert";

/**
 * What a screen shows once the appliance answered `load` (asked once, and again only with
 * another API client): the answer (null until then), a setter for a newer one, and the
 * sentence to show when loading failed.
 */
export function useLoad<T>(load: (api: ApiClient) => Promise<T>): [T | null, (value: T) => void, string | null] {
  const { api } = useSession();
  const [value, setValue] = useState<T | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);

  useEffect(() => {
    load(api).then(setValue, (caught: unknown) => setLoadError(toApiError(caught).message));
  }, [api]);

  return [value, setValue, loadError];
}

/** In place of what has not loaded: why it failed, or that it is on its way. */
export function LoadState({ error }: { error: string | null }) {
  return error ? <Alert kind="error">{error}</Alert> : <p role="status">{t.app.loading}</p>;
}
