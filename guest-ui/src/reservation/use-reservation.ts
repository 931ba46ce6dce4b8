import type { GuestReservation } from "@innbox/protocol";
import { useCallback, useEffect, useState } from "preact/hooks";
import { ApiError, guestApi } from "../api/guest-api";
import { browserStore, readGuestRecord, writeGuestRecord } from "../chat/guest-storage";
import { choice, t } from "../i18n";
import { RESERVATION_CODE } from "@innbox/protocol/rules";
import { announceSessionOpened, onReservationNews } from "./reservation-signal";

export type ReservationState =
  | { kind: "loading" }
  | { kind: "ask"; busy: boolean; error?: string }
  | { kind: "shown"; reservation: GuestReservation };

/** The sentence for a refused code, in the guest's language. */
function refusal(error: unknown): string {
  if (error instanceof ApiError) {
    if (error.status === 404) return t.reservation.unknownCode;
    if (error.status === 429) return t.reservation.tooMany;
    if (error.status === 400) return t.reservation.invalidCode(RESERVATION_CODE.min);
  }
  return t.reservation.failed;
}

/**
 * My Reservation of this guest: asked with the chat's token (a conversation opened with a
 * code, or linked by staff), or opened with a code, which then becomes the chat's
 * conversation too. `?code=` in the link is tried once and taken out of the address bar.
 */
export function useReservation(slug: string, tag: string | undefined): { state: ReservationState; submit(code: string): Promise<void> } {
  const [state, setState] = useState<ReservationState>({ kind: "loading" });
  const token = () => readGuestRecord(browserStore(), slug).token;

  const load = useCallback(async () => {
    const current = token();
    if (!current) {
      setState((s) => (s.kind === "ask" ? s : { kind: "ask", busy: false }));
      return;
    }
    try {
      setState({ kind: "shown", reservation: await guestApi.getReservation(current) });
    } catch {
      setState((s) => (s.kind === "ask" ? s : { kind: "ask", busy: false }));
    }
  }, [slug]);

  const submit = useCallback(
    async (code: string) => {
      const reservationCode = code.trim();
      if (reservationCode.replace(/[\s-]/g, "").length < RESERVATION_CODE.min) {
        setState({ kind: "ask", busy: false, error: t.reservation.invalidCode(RESERVATION_CODE.min) });
        return;
      }
      setState({ kind: "ask", busy: true });
      try {
        const current = token();
        if (current) {
          setState({ kind: "shown", reservation: await guestApi.linkReservation(current, reservationCode) });
          return;
        }
        const session = await guestApi.createSession({ slug, channel: "web", language: choice.language, reservationCode, ...(tag ? { tag } : {}) });
        const record = readGuestRecord(browserStore(), slug);
        writeGuestRecord(browserStore(), slug, { ...record, token: session.token, conversationId: session.conversationId, language: choice.language });
        announceSessionOpened(session);
        setState({ kind: "shown", reservation: await guestApi.getReservation(session.token) });
      } catch (error) {
        setState({ kind: "ask", busy: false, error: refusal(error) });
      }
    },
    [slug, tag],
  );

  useEffect(() => {
    const url = new URL(location.href);
    const code = url.searchParams.get("code");
    if (code) {
      // Said once: a reload or a shared screenshot does not carry the code along.
      url.searchParams.delete("code");
      history.replaceState(history.state, "", url.pathname + url.search + url.hash);
      void submit(code);
    } else {
      void load();
    }
    return onReservationNews((news) => {
      if (news === "session") void load();
      else if (news) setState({ kind: "shown", reservation: news });
      else setState({ kind: "ask", busy: false });
    });
  }, [load, submit]);

  return { state, submit };
}
