// The guest endpoints of the appliance (same origin). A guest token is a bearer
// capability for one conversation; it is passed in, never kept here.
import type { ChatMessage, CreateGuestSessionBody, GuestConversationInfo, GuestProperty, GuestReception, GuestReservation, GuestSession } from "@innbox/protocol";
import { apiFetch } from "@innbox/protocol/web/api-fetch";

export { ApiError } from "@innbox/protocol/web/api-fetch";

/** Whether someone is on duty now, and if not, what the property tells guests. */
export type Duty = Pick<GuestProperty, "onDuty" | "offHoursNotice" | "backAt">;

export type { GuestProperty, GuestReception, GuestReservation };

export interface GuestUpdate {
  name?: string;
  email?: string;
  language?: string;
}

export interface GuestApi {
  /** Everything the page shows (blocks, places, sun, cached weather), in `language` or the property's default. */
  getReception(slug: string, language: string): Promise<GuestReception>;
  /** `language`: the page's, for the off-hours notice. */
  getProperty(slug: string, language: string): Promise<GuestProperty>;
  createSession(body: CreateGuestSessionBody): Promise<GuestSession>;
  listMessages(token: string): Promise<ChatMessage[]>;
  sendMessage(token: string, body: { text: string; clientId: string }): Promise<ChatMessage>;
  getConversation(token: string): Promise<GuestConversationInfo>;
  updateConversation(token: string, body: GuestUpdate): Promise<GuestConversationInfo>;
  /** My Reservation of the conversation; 404 when none is linked. */
  getReservation(token: string): Promise<GuestReservation>;
  /** Links the conversation to the booking with this code; 404 unknown, 429 too many misses. */
  linkReservation(token: string, reservationCode: string): Promise<GuestReservation>;
}

function request<T>(method: string, path: string, options: { token?: string; body?: unknown } = {}): Promise<T> {
  const headers: Record<string, string> = options.token ? { Authorization: `Bearer ${options.token}` } : {};
  return apiFetch<T>({ method, path, body: options.body, headers, credentials: "omit", cache: "no-store" });
}

/** What the chat uses. */
export type ChatApi = Omit<GuestApi, "getReception" | "getReservation" | "linkReservation">;

export const guestApi: GuestApi = {
  // Asked for exactly as the page's own response preloads it (see property/pages.ts), so the
  // browser fetches it while the script is still arriving: same address, same credentials mode.
  getReception: (slug, language) =>
    apiFetch({ method: "GET", path: `/api/guest/reception/${encodeURIComponent(slug)}?lang=${encodeURIComponent(language)}`, credentials: "same-origin" }),
  getProperty: (slug, language) => request("GET", `/api/guest/property/${encodeURIComponent(slug)}?lang=${encodeURIComponent(language)}`),
  createSession: (body) => request("POST", "/api/guest/sessions", { body }),
  listMessages: async (token) => (await request<{ messages: ChatMessage[] }>("GET", "/api/guest/messages", { token })).messages,
  sendMessage: async (token, body) => (await request<{ message: ChatMessage }>("POST", "/api/guest/messages", { token, body })).message,
  getConversation: (token) => request("GET", "/api/guest/conversation", { token }),
  updateConversation: (token, body) => request("PATCH", "/api/guest/conversation", { token, body }),
  getReservation: (token) => request("GET", "/api/guest/reservation", { token }),
  linkReservation: (token, reservationCode) => request("POST", "/api/guest/reservation", { token, body: { reservationCode } }),
};
