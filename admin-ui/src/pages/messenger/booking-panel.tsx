import type { Booking, ConversationBooking, ConversationListItem, Room } from "@innbox/protocol";
import { useEffect, useMemo, useState } from "preact/hooks";
import { toApiError } from "../../api/client";
import { useSession } from "../../app-context";
import { Alert } from "../../components/alert";
import { t } from "../../messages";
import { useInbox } from "./inbox";

const text = () => t.messenger.booking;

/** A stay's days are the property's calendar dates: drawn as written, whatever this browser's timezone. */
function day(date: string): string {
  const [y, m, d] = date.split("-").map(Number) as [number, number, number];
  return new Intl.DateTimeFormat(undefined, { weekday: "short", day: "numeric", month: "short", timeZone: "UTC" }).format(new Date(Date.UTC(y, m - 1, d, 12)));
}

function nights(checkIn: string, checkOut: string): number {
  return Math.round((Date.parse(`${checkOut}T00:00:00Z`) - Date.parse(`${checkIn}T00:00:00Z`)) / 86_400_000);
}

function stay(checkIn: string, checkOut: string): string {
  return `${day(checkIn)} – ${day(checkOut)} · ${text().nights(nights(checkIn, checkOut))}`;
}

/** Today on the property's calendar (this browser's without one): stays leaving after it are current or upcoming. */
function today(timeZone: string | undefined): string {
  try {
    // en-CA writes dates as YYYY-MM-DD.
    return new Intl.DateTimeFormat("en-CA", { year: "numeric", month: "2-digit", day: "2-digit", ...(timeZone ? { timeZone } : {}) }).format(new Date());
  } catch {
    return new Intl.DateTimeFormat("en-CA", { year: "numeric", month: "2-digit", day: "2-digit" }).format(new Date());
  }
}

/** Beside the conversation: the guest's booking with Unlink, or a way to link one. */
export function BookingPanel({ conversation }: { conversation: ConversationListItem }) {
  const { api } = useSession();
  const { upsert } = useInbox();
  const [picking, setPicking] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const link = async (bookingId: string | null) => {
    setBusy(true);
    setError(null);
    try {
      upsert(await api.linkConversationBooking(conversation.id, bookingId));
      setPicking(false);
    } catch (caught) {
      setError(toApiError(caught).message);
    } finally {
      setBusy(false);
    }
  };

  const booking = conversation.booking;
  return (
    <aside class="booking-panel" aria-labelledby="booking-panel-title">
      <h3 id="booking-panel-title" class="booking-panel-title">
        {text().label}
      </h3>
      {error ? <Alert kind="error">{error}</Alert> : null}
      {booking ? (
        <LinkedBooking booking={booking} busy={busy} onUnlink={() => void link(null)} />
      ) : picking ? (
        <BookingPicker busy={busy} onPick={(id) => void link(id)} onCancel={() => setPicking(false)} />
      ) : (
        <div class="booking-none">
          <p>{text().none}</p>
          <button type="button" class="button button-primary" onClick={() => setPicking(true)}>
            {text().link}
          </button>
        </div>
      )}
    </aside>
  );
}

function LinkedBooking({ booking: b, busy, onUnlink }: { booking: ConversationBooking; busy: boolean; onUnlink(): void }) {
  return (
    <div class="booking-linked">
      <dl class="booking-facts">
        <div>
          <dt>{text().guest}</dt>
          <dd>{b.guestName}</dd>
        </div>
        <div>
          <dt>{text().room}</dt>
          <dd>{b.roomName}</dd>
        </div>
        <div>
          <dt>{text().stay}</dt>
          <dd>{stay(b.checkIn, b.checkOut)}</dd>
        </div>
        <div>
          <dt>{text().code}</dt>
          <dd>
            <code>{b.code}</code>{" "}
            <span class={b.status === "cancelled" ? "booking-status booking-cancelled" : "booking-status"}>{b.status === "cancelled" ? text().cancelled : text().confirmed}</span>
          </dd>
        </div>
      </dl>
      <button type="button" class="button" disabled={busy} onClick={onUnlink}>
        {busy ? text().unlinking : text().unlink}
      </button>
    </div>
  );
}

function BookingPicker({ busy, onPick, onCancel }: { busy: boolean; onPick(id: string): void; onCancel(): void }) {
  const { api, property } = useSession();
  const timeZone = property?.timezone;
  const [stays, setStays] = useState<Array<Booking & { roomName: string }> | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [query, setQuery] = useState("");

  useEffect(() => {
    let current = true;
    Promise.all([api.listBookings({ from: today(timeZone) }), api.listRooms()]).then(
      ([bookings, rooms]) => {
        if (!current) return;
        const names = new Map(rooms.map((r: Room) => [r.id, r.name]));
        setStays(bookings.filter((b) => b.status === "confirmed").map((b) => ({ ...b, roomName: names.get(b.roomId) ?? "" })));
      },
      (caught: unknown) => current && setFailure(toApiError(caught).message),
    );
    return () => {
      current = false;
    };
  }, [api, timeZone]);

  const shown = useMemo(() => {
    const q = query.trim().toLowerCase();
    const compact = q.replace(/[\s-]/g, "");
    if (!stays || !q) return stays ?? [];
    return stays.filter((s) => s.guestName.toLowerCase().includes(q) || (compact && s.code.toLowerCase().includes(compact)));
  }, [stays, query]);

  return (
    <div class="booking-picker">
      <label class="field-label" for="booking-search">
        {text().searchLabel}
      </label>
      <input
        id="booking-search"
        class="input"
        type="search"
        autoComplete="off"
        placeholder={text().searchPlaceholder}
        value={query}
        onInput={(event) => setQuery((event.target as HTMLInputElement).value)}
      />
      {failure ? <Alert kind="error">{failure}</Alert> : null}
      {stays === null && !failure ? (
        <p role="status" class="booking-note">
          {text().loading}
        </p>
      ) : null}
      {stays && shown.length === 0 ? <p class="booking-note">{stays.length ? text().noMatch : text().noStays}</p> : null}
      {shown.length ? (
        <ul class="booking-choices" aria-label={text().pickLabel}>
          {shown.map((s) => (
            <li key={s.id}>
              <button type="button" class="booking-choice" disabled={busy} aria-label={text().choose(s.guestName)} onClick={() => onPick(s.id)}>
                <span class="booking-choice-guest">{s.guestName}</span>
                <span class="booking-choice-room">{s.roomName}</span>
                <span class="booking-choice-stay">{stay(s.checkIn, s.checkOut)}</span>
                <code class="booking-choice-code">{s.code}</code>
              </button>
            </li>
          ))}
        </ul>
      ) : null}
      <button type="button" class="button" onClick={onCancel}>
        {text().cancel}
      </button>
    </div>
  );
}
