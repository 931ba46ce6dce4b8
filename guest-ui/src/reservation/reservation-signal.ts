// The chat's socket hears when staff link or unlink a booking; My Reservation shows it.
// They are separate parts of the page, so the news travels as a DOM event on the window.
import type { GuestReservation } from "@innbox/protocol";

const EVENT = "innbox:reservation";

/** What the guest's conversation now has: a stay, null (none), or "session" (a new chat to ask about). */
export type ReservationNews = GuestReservation | null | "session";

export function announceReservation(news: ReservationNews): void {
  if (typeof window === "undefined" || typeof CustomEvent === "undefined") return;
  window.dispatchEvent(new CustomEvent<ReservationNews>(EVENT, { detail: news }));
}

export function onReservationNews(listener: (news: ReservationNews) => void): () => void {
  if (typeof window === "undefined") return () => undefined;
  const handle = (event: Event) => listener((event as CustomEvent<ReservationNews>).detail);
  window.addEventListener(EVENT, handle);
  return () => window.removeEventListener(EVENT, handle);
}

const SESSION_EVENT = "innbox:session";

export interface OpenedSession {
  token: string;
  conversationId: string;
}

/** My Reservation opened a conversation with the guest's code: the chat takes it as its own. */
export function announceSessionOpened(session: OpenedSession): void {
  if (typeof window === "undefined" || typeof CustomEvent === "undefined") return;
  window.dispatchEvent(new CustomEvent<OpenedSession>(SESSION_EVENT, { detail: session }));
}

export function onSessionOpened(listener: (session: OpenedSession) => void): () => void {
  if (typeof window === "undefined") return () => undefined;
  const handle = (event: Event) => listener((event as CustomEvent<OpenedSession>).detail);
  window.addEventListener(SESSION_EVENT, handle);
  return () => window.removeEventListener(SESSION_EVENT, handle);
}
