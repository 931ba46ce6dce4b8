// The kiosk's requests: its token as a bearer credential, nothing else (no cookies).
import type { KioskScreen } from "./kiosk-types";

/** A refusal (status ≥ 400) or no answer (status 0). */
export class KioskApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
    /** Seconds to wait, from a 429's Retry-After. */
    readonly retryAfter?: number,
  ) {
    super(message);
    this.name = "KioskApiError";
  }
}

async function request<T>(method: string, path: string, token: string | null, body?: unknown): Promise<T> {
  const headers: Record<string, string> = { Accept: "application/json" };
  if (token) headers.Authorization = `Bearer ${token}`;
  if (body !== undefined) headers["Content-Type"] = "application/json";
  let response: Response;
  try {
    response = await fetch(path, { method, headers, credentials: "omit", cache: "no-store", body: body === undefined ? null : JSON.stringify(body) });
  } catch (error) {
    throw new KioskApiError(0, error instanceof Error ? error.message : "network error");
  }
  const payload = (await response.json().catch(() => undefined)) as { error?: string } | undefined;
  if (response.ok) return payload as T;
  const wait = Number(response.headers.get("Retry-After"));
  throw new KioskApiError(response.status, payload?.error ?? `HTTP ${response.status}`, Number.isFinite(wait) && wait > 0 ? wait : undefined);
}

export const pairKiosk = (code: string) => request<{ token: string }>("POST", "/api/kiosk/pair", null, { code });
export const getKioskScreen = (token: string) => request<KioskScreen>("GET", "/api/kiosk/screen", token);
/** `clientId` is the same for each try of one message: the appliance stores it once. */
export const sendKioskMessage = (token: string, message: { text: string; name?: string; language: string; clientId: string }) =>
  request<{ conversationId: string }>("POST", "/api/kiosk/messages", token, message);
