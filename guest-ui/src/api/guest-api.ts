// The guest endpoints of the appliance (same origin). A guest token is a bearer
// capability for one conversation; it is passed in, never kept here.
import type { ChatMessage, CreateGuestSessionBody, GuestConversationInfo, GuestProperty, GuestSession } from "@innbox/protocol";

/** Whether someone is on duty now, and if not, what the property tells guests. */
export type Duty = Pick<GuestProperty, "onDuty" | "offHoursNotice" | "backAt">;

export type { GuestProperty };

/** An answer the appliance refused (4xx/5xx), or no answer at all (status 0). */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
    this.name = "ApiError";
  }

  /** The request never got an answer: the network (or the appliance) is down. */
  get offline(): boolean {
    return this.status === 0;
  }
}

export interface GuestUpdate {
  name?: string;
  email?: string;
  language?: string;
}

export interface GuestApi {
  /** `language`: the page's, for the off-hours notice. */
  getProperty(slug: string, language: string): Promise<GuestProperty>;
  createSession(body: CreateGuestSessionBody): Promise<GuestSession>;
  listMessages(token: string): Promise<ChatMessage[]>;
  sendMessage(token: string, body: { text: string; clientId: string }): Promise<ChatMessage>;
  getConversation(token: string): Promise<GuestConversationInfo>;
  updateConversation(token: string, body: GuestUpdate): Promise<GuestConversationInfo>;
}

async function request<T>(method: string, path: string, options: { token?: string; body?: unknown } = {}): Promise<T> {
  const headers: Record<string, string> = { Accept: "application/json" };
  if (options.body !== undefined) headers["Content-Type"] = "application/json";
  if (options.token) headers.Authorization = `Bearer ${options.token}`;
  let response: Response;
  try {
    response = await fetch(path, {
      method,
      headers,
      credentials: "omit",
      cache: "no-store",
      body: options.body === undefined ? null : JSON.stringify(options.body),
    });
  } catch (error) {
    throw new ApiError(0, error instanceof Error ? error.message : "network error");
  }
  let payload: unknown;
  try {
    payload = await response.json();
  } catch {
    payload = undefined;
  }
  if (response.ok) return payload as T;
  const message =
    payload && typeof payload === "object" && typeof (payload as { error?: unknown }).error === "string"
      ? (payload as { error: string }).error
      : `HTTP ${response.status}`;
  throw new ApiError(response.status, message);
}

export const guestApi: GuestApi = {
  getProperty: (slug, language) => request("GET", `/api/guest/property/${encodeURIComponent(slug)}?lang=${encodeURIComponent(language)}`),
  createSession: (body) => request("POST", "/api/guest/sessions", { body }),
  listMessages: async (token) => (await request<{ messages: ChatMessage[] }>("GET", "/api/guest/messages", { token })).messages,
  sendMessage: async (token, body) => (await request<{ message: ChatMessage }>("POST", "/api/guest/messages", { token, body })).message,
  getConversation: (token) => request("GET", "/api/guest/conversation", { token }),
  updateConversation: (token, body) => request("PATCH", "/api/guest/conversation", { token, body }),
};
