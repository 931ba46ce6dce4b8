import type { ConversationBooking, GuestReservation } from "@innbox/protocol";
import type { Db } from "../db/index.js";
import type { StayTimesSource } from "./bookings-service.js";
import { bookingsRepository as repo } from "./repository.js";
import type { BookingRow } from "./tables.js";

/**
 * My Reservation: a booking found by the code the guest types (or the link carries), what
 * the guest sees of it, and the summary staff see beside a conversation. Read-only: the
 * link between a conversation and a booking is the chat's.
 */
export interface Reservations {
  /** The booking whose code this is, whatever its capitals, spaces and dashes; undefined when none is. */
  idForCode(code: string): Promise<string | undefined>;
  /** Whether the booking exists. */
  exists(bookingId: string): Promise<boolean>;
  /** What the guest sees; undefined when the booking is gone. */
  guestView(bookingId: string): Promise<GuestReservation | undefined>;
  /** Summaries of the bookings that still exist, by id. */
  summaries(bookingIds: readonly string[]): Promise<Map<string, ConversationBooking>>;
}

/** Codes are printed and typed: "abcd efgh-jk" is ABCDEFGHJK. */
export function normaliseReservationCode(code: string): string {
  return code.replace(/[\s-]+/g, "").toUpperCase();
}

export interface ReservationsDeps {
  db: Db;
  times: StayTimesSource;
  /** The property's arrival instructions (Markdown subset), if any. */
  arrivalInstructions: () => Promise<string | null | undefined>;
}

export function createReservations(deps: ReservationsDeps): Reservations {
  const { db } = deps;

  async function summary(row: BookingRow, rooms: Map<string, string>): Promise<ConversationBooking> {
    let roomName = rooms.get(row.room_id);
    if (roomName === undefined) {
      roomName = (await repo.room(db, row.room_id))?.name ?? "";
      rooms.set(row.room_id, roomName);
    }
    return {
      id: row.id,
      guestName: row.guest_name,
      roomName,
      checkIn: row.check_in,
      checkOut: row.check_out,
      code: row.code,
      status: row.status as ConversationBooking["status"],
    };
  }

  return {
    async idForCode(code) {
      const normal = normaliseReservationCode(code);
      if (!normal) return undefined;
      return (await repo.bookingByCode(db, normal))?.id;
    },
    async exists(bookingId) {
      return (await repo.booking(db, bookingId)) !== undefined;
    },
    async guestView(bookingId) {
      const row = await repo.booking(db, bookingId);
      if (!row) return undefined;
      const [room, times, instructions] = await Promise.all([repo.room(db, row.room_id), deps.times.stayTimes(), deps.arrivalInstructions()]);
      return {
        guestName: row.guest_name,
        room: { name: room?.name ?? "", tag: room?.tag ?? "" },
        checkIn: row.check_in,
        checkOut: row.check_out,
        checkInTime: times.checkInTime,
        checkOutTime: times.checkOutTime,
        status: row.status as GuestReservation["status"],
        timeZone: times.timeZone,
        ...(instructions ? { instructions } : {}),
      };
    },
    async summaries(bookingIds) {
      const found = new Map<string, ConversationBooking>();
      const rooms = new Map<string, string>();
      for (const id of new Set(bookingIds)) {
        const row = await repo.booking(db, id);
        if (row) found.set(id, await summary(row, rooms));
      }
      return found;
    },
  };
}
