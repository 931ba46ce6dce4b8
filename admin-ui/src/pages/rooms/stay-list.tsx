import type { Booking, Room } from "@innbox/protocol";
import { t } from "../../messages";
import { daysBetween } from "./days";
import { shortDay } from "./day-format";
import { sourceName } from "./stay-badge";

interface StayListProps {
  rooms: Room[];
  bookings: Booking[];
  onOpen: (booking: Booking) => void;
}

/** The bookings of the weeks shown, cancelled ones too, in words: what the timeline draws, for every screen and screen reader. */
export function StayList({ rooms, bookings, onOpen }: StayListProps) {
  const roomName = new Map(rooms.map((room) => [room.id, room.name]));
  const sorted = [...bookings].sort((a, b) => a.checkIn.localeCompare(b.checkIn) || (roomName.get(a.roomId) ?? "").localeCompare(roomName.get(b.roomId) ?? ""));
  return (
    <section class="card card-wide card-flush stay-list-card" aria-labelledby="stay-list-title">
      <h2 id="stay-list-title" class="card-title">
        {t.rooms.listHeading} <span class="count">{bookings.length}</span>
      </h2>
      {sorted.length === 0 ? (
        <p class="card-pad muted">{t.rooms.listEmpty}</p>
      ) : (
        <ul class="stay-list">
          {sorted.map((booking) => {
            const conflict = booking.status === "confirmed" && (booking.conflictsWith?.length ?? 0) > 0;
            return (
              <li key={booking.id} class={booking.status === "cancelled" ? "stay-item stay-item-cancelled" : "stay-item"}>
                <button type="button" class="button button-link stay-guest" onClick={() => onOpen(booking)} aria-label={t.rooms.openBooking(booking.guestName)}>
                  {booking.guestName}
                </button>
                <span class="stay-where">
                  <span class="stay-room">{roomName.get(booking.roomId) ?? ""}</span>
                  <span class="stay-dates">
                    {shortDay(booking.checkIn)} – {shortDay(booking.checkOut)}
                    <span class="muted"> · {t.rooms.nights(daysBetween(booking.checkIn, booking.checkOut))}</span>
                  </span>
                  <span class="stay-source">{sourceName(booking.source)}</span>
                </span>
                <span class="stay-status">
                  {conflict ? <span class="badge badge-conflict">{t.rooms.conflictShort}</span> : null}
                  {booking.status === "cancelled" ? <span class="badge badge-muted">{t.rooms.statusCancelled}</span> : null}
                </span>
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
