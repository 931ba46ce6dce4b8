import type { Booking, Property, Room } from "@innbox/protocol";
import { t } from "../../messages";
import { longDay, shortDay } from "./day-format";
import type { FrontDesk } from "./use-front-desk";
import { StayBadge, sourceName } from "./stay-badge";

interface TodayPanelProps {
  desk: FrontDesk;
  property: Property | null;
  onOpen: (booking: Booking) => void;
}

/** Today at the front desk: who arrives, who leaves, and each room's state now. */
export function TodayPanel({ desk, property, onOpen }: TodayPanelProps) {
  const roomOf = new Map(desk.rooms.map((room) => [room.id, room]));
  return (
    <section class="card card-wide rooms-today" aria-labelledby="rooms-today-title">
      <h2 id="rooms-today-title">{t.rooms.todayDate(longDay(desk.today))}</h2>
      <div class="today-columns">
        <Movements
          id="arrivals"
          heading={t.rooms.arrivals}
          empty={t.rooms.noArrivals}
          bookings={desk.arrivals}
          roomOf={roomOf}
          when={property?.checkInTime ? t.rooms.arrivesFrom(property.checkInTime) : null}
          onOpen={onOpen}
        />
        <Movements
          id="departures"
          heading={t.rooms.departures}
          empty={t.rooms.noDepartures}
          bookings={desk.departures}
          roomOf={roomOf}
          when={property?.checkOutTime ? t.rooms.leavesBy(property.checkOutTime) : null}
          onOpen={onOpen}
        />
      </div>
      <h3 id="rooms-now-title" class="today-subheading">
        {t.rooms.roomsNow}
      </h3>
      <ul class="room-states" aria-labelledby="rooms-now-title">
        {desk.rooms.map((room) => (
          <RoomNow key={room.id} room={room} />
        ))}
      </ul>
    </section>
  );
}

interface MovementsProps {
  id: string;
  heading: string;
  empty: string;
  bookings: Booking[];
  roomOf: Map<string, Room>;
  when: string | null;
  onOpen: (booking: Booking) => void;
}

function Movements({ id, heading, empty, bookings, roomOf, when, onOpen }: MovementsProps) {
  return (
    <div class="today-movements">
      <h3 id={`${id}-title`} class="today-subheading">
        {heading} <span class="count">{bookings.length}</span>
      </h3>
      {bookings.length === 0 ? (
        <p class="muted">{empty}</p>
      ) : (
        <ul class="movement-list" aria-labelledby={`${id}-title`}>
          {bookings.map((booking) => (
            <li key={booking.id} class="movement">
              <button type="button" class="button button-link movement-guest" onClick={() => onOpen(booking)} aria-label={t.rooms.openBooking(booking.guestName)}>
                {booking.guestName}
              </button>
              <span class="movement-room">{roomOf.get(booking.roomId)?.name ?? ""}</span>
              <span class="movement-meta muted">{[when, booking.source === "manual" ? null : sourceName(booking.source)].filter(Boolean).join(" · ")}</span>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

function RoomNow({ room }: { room: Room }) {
  const booking = room.booking;
  const guest = booking && room.stay !== "vacant" ? t.rooms.stayGuest(room.stay, booking.guestName) : null;
  const next = booking && room.stay === "vacant" ? t.rooms.nextStay(booking.guestName, shortDay(booking.checkIn)) : null;
  return (
    <li class={`room-now room-now-${room.stay}`}>
      <span class="room-now-name">{room.name}</span>
      <StayBadge state={room.stay} />
      {guest || next ? <span class="room-now-guest muted">{guest ?? next}</span> : null}
    </li>
  );
}
