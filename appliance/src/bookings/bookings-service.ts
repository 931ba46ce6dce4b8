import { randomInt } from "node:crypto";
import { stayProblem, type Booking, type CalendarBlock, type RoomCalendar, type CreateBookingBody, type CreateRoomBody, type Room, type UpdateBookingBody, type UpdateRoomBody } from "@innbox/protocol";
import { TAG } from "@innbox/protocol/rules";
import { newId, nowIso, type Db } from "../db/index.js";
import { AppError } from "../http/index.js";
import { addDays, localDate } from "../time/index.js";
import { bookingsTexts as texts } from "./messages.js";
import { bookingsRepository as repo } from "./repository.js";
import { newToken } from "../crypto/index.js";
import type { EventBus } from "../events/index.js";
import { bookingPayload } from "./booking-events.js";
import { roomCalendar } from "./ical-export.js";
import { roomStay, type StayTimes } from "./stay.js";
import type { BookingRow, RoomCalendarRow, RoomRow } from "./tables.js";
import type { CalendarFeeds } from "./calendar-feeds.js";

/** The property's timezone and stay times. */
export interface StayTimesSource {
  stayTimes(): Promise<StayTimes>;
}

/** Reservation codes: 10 letters and digits without the ones people confuse (0/O, 1/I/L). */
const CODE_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789";
const CODE_LENGTH = 10;
export function newReservationCode(): string {
  let code = "";
  for (let i = 0; i < CODE_LENGTH; i++) code += CODE_ALPHABET[randomInt(CODE_ALPHABET.length)];
  return code;
}

const tagKey = (tag: string) => tag.toLocaleLowerCase("und");

/** A tag made from a room's name: the letters a tag may hold, at most 40 of them. */
export function tagFromName(name: string): string {
  const kept = [...name].map((ch) => (TAG.pattern.test(ch) ? ch : " ")).join("").replace(/\s+/g, " ").trim();
  return kept.slice(0, TAG.max).trim() || "Room";
}

/** A code for a new stay: the platform's own when it gives one that is free (a guest knows it), else a new one. */
export async function freeReservationCode(db: Db, wanted?: string): Promise<string> {
  if (wanted && /^[A-Z0-9]{8,32}$/.test(wanted) && !(await repo.bookingByCode(db, wanted))) return wanted;
  let code = newReservationCode();
  while (await repo.bookingByCode(db, code)) code = newReservationCode();
  return code;
}

export function toApiBooking(row: BookingRow, conflictsWith?: string[]): Booking {
  return {
    id: row.id,
    roomId: row.room_id,
    guestName: row.guest_name,
    checkIn: row.check_in,
    checkOut: row.check_out,
    source: row.source as Booking["source"],
    status: row.status as Booking["status"],
    code: row.code,
    ...(row.guest_email ? { guestEmail: row.guest_email } : {}),
    ...(row.notes ? { notes: row.notes } : {}),
    createdAt: row.created_at,
    ...(row.calendar_id ? { calendarId: row.calendar_id } : {}),
    ...(row.phone_last4 ? { phoneLast4: row.phone_last4 } : {}),
    ...(conflictsWith?.length ? { conflictsWith } : {}),
  };
}

function toApiCalendar(row: RoomCalendarRow, counts: { stays: Map<string, number>; blocks: Map<string, number> }): RoomCalendar {
  return {
    id: row.id,
    roomId: row.room_id,
    url: row.url,
    source: row.source as RoomCalendar["source"],
    status: row.status as RoomCalendar["status"],
    ...(row.last_sync_at ? { lastSyncAt: row.last_sync_at } : {}),
    ...(row.last_error ? { lastError: row.last_error } : {}),
    ...(row.last_attempt_at ? { lastAttemptAt: row.last_attempt_at } : {}),
    nextSyncAt: row.next_sync_at,
    stays: counts.stays.get(row.id) ?? 0,
    blocks: counts.blocks.get(row.id) ?? 0,
    createdAt: row.created_at,
  };
}

export interface BookingsServiceDeps {
  db: Db;
  clock: () => number;
  times: StayTimesSource;
  publicUrl: () => string;
  bus: EventBus;
  /** Told when stays change, so booking.checkedIn and booking.checkedOut follow. */
  changed: () => void;
  /** The imported calendars' fetching and reconciling. */
  feeds: () => CalendarFeeds;
  devicesInRoom: (roomId: string) => Promise<number>;
  scenariosUsingRoom: (roomId: string) => Promise<string[]>;
}

export function createBookingsService(deps: BookingsServiceDeps) {
  const { db } = deps;

  async function roomOf(id: string): Promise<RoomRow> {
    const row = await repo.room(db, id);
    if (!row) throw AppError.notFound(texts.roomNotFound);
    return row;
  }

  const exportUrl = (row: RoomRow) => `${deps.publicUrl()}/api/ical/${row.export_secret}.ics`;

  async function toApiRoom(row: RoomRow, bookings?: BookingRow[], times?: StayTimes, secrets = false): Promise<Room> {
    const stays = bookings ?? (await repo.bookings(db, { roomId: row.id, confirmedOnly: true }));
    const { stay, booking } = roomStay(
      stays.map((b) => ({ ...b, checkIn: b.check_in, checkOut: b.check_out })),
      deps.clock(),
      times ?? (await deps.times.stayTimes()),
    );
    return { id: row.id, name: row.name, tag: row.tag, stay, ...(booking ? { booking: toApiBooking(booking) } : {}), ...(secrets ? { exportUrl: exportUrl(row) } : {}) };
  }

  async function checkTagFree(tag: string, exceptId?: string) {
    const taken = await repo.roomByTag(db, tagKey(tag));
    if (taken && taken.id !== exceptId) throw AppError.conflict(texts.tagTaken(tag));
  }

  /** Each confirmed stay's other confirmed stays in its room sharing a night (two platforms sold it). */
  async function withConflicts(rows: BookingRow[]): Promise<Booking[]> {
    const confirmed = rows.filter((b) => b.status === "confirmed");
    if (!confirmed.length) return rows.map((b) => toApiBooking(b));
    const from = confirmed.reduce((min, b) => (b.check_in < min ? b.check_in : min), confirmed[0]!.check_in);
    const to = confirmed.reduce((max, b) => (b.check_out > max ? b.check_out : max), confirmed[0]!.check_out);
    const around = await repo.bookings(db, { from, to: addDays(to, -1), confirmedOnly: true });
    const byRoom = new Map<string, BookingRow[]>();
    for (const b of around) byRoom.set(b.room_id, [...(byRoom.get(b.room_id) ?? []), b]);
    return rows.map((b) => {
      if (b.status !== "confirmed") return toApiBooking(b);
      const others = (byRoom.get(b.room_id) ?? []).filter((o) => o.id !== b.id && o.check_in < b.check_out && o.check_out > b.check_in);
      return toApiBooking(b, others.map((o) => o.id));
    });
  }

  async function calendarOf(id: string): Promise<RoomCalendarRow> {
    const row = await repo.calendar(db, id);
    if (!row) throw AppError.notFound(texts.calendarNotFound);
    return row;
  }

  async function apiCalendars(rows: RoomCalendarRow[]): Promise<RoomCalendar[]> {
    const times = await deps.times.stayTimes();
    const counts = await repo.calendarCounts(db, rows.map((r) => r.id), localDate(deps.clock(), times.timeZone));
    return rows.map((r) => toApiCalendar(r, counts));
  }

  async function checkFree(roomId: string, checkIn: string, checkOut: string, exceptId?: string) {
    const [other] = await repo.overlapping(db, roomId, checkIn, checkOut, exceptId);
    if (other) throw AppError.conflict(texts.overlap(other.guest_name, other.check_in, other.check_out));
  }

  return {
    /** `secrets`: the export addresses too (the manager's). */
    async listRooms(secrets = false): Promise<Room[]> {
      const times = await deps.times.stayTimes();
      const rooms = await repo.rooms(db);
      // The stays around today (a room is "checked-out" until the end of its departure day)
      // and each room's next arrival: not every future stay.
      const today = localDate(deps.clock(), times.timeZone);
      const [around, next] = await Promise.all([repo.bookings(db, { from: addDays(today, -1), to: today, confirmedOnly: true }), repo.nextStays(db, today)]);
      const byRoom = new Map<string, BookingRow[]>();
      for (const b of [...around, ...next]) byRoom.set(b.room_id, [...(byRoom.get(b.room_id) ?? []), b]);
      return Promise.all(rooms.map((room) => toApiRoom(room, byRoom.get(room.id) ?? [], times, secrets)));
    },
    async createRoom(body: CreateRoomBody): Promise<Room> {
      const tag = body.tag ?? tagFromName(body.name);
      await checkTagFree(tag);
      const row: RoomRow = { id: newId("r_"), name: body.name, tag, tag_key: tagKey(tag), export_secret: newToken(24), created_at: nowIso(deps.clock) };
      await repo.insertRoom(db, row);
      return toApiRoom(row, [], undefined, true);
    },
    async updateRoom(id: string, body: UpdateRoomBody): Promise<Room> {
      const row = await roomOf(id);
      const set: Partial<RoomRow> = {};
      if (body.name !== undefined) set.name = body.name;
      if (body.tag !== undefined) {
        await checkTagFree(body.tag, id);
        Object.assign(set, { tag: body.tag, tag_key: tagKey(body.tag) });
      }
      if (Object.keys(set).length) await repo.updateRoom(db, id, set);
      return toApiRoom({ ...row, ...set }, undefined, undefined, true);
    },
    async deleteRoom(id: string): Promise<void> {
      await roomOf(id);
      const held = await repo.bookings(db, { roomId: id });
      if (held.length) throw AppError.conflict(texts.roomHasBookings(held.length));
      const devices = await deps.devicesInRoom(id);
      if (devices) throw AppError.conflict(texts.roomHasDevices(devices));
      const scenarios = await deps.scenariosUsingRoom(id);
      if (scenarios.length) throw AppError.conflict(texts.roomInScenarios(scenarios));
      await repo.deleteRoomCalendars(db, id);
      await repo.deleteRoom(db, id);
    },

    async listBookings(filter: { from?: string | undefined; to?: string | undefined; roomId?: string | undefined }): Promise<Booking[]> {
      return withConflicts(await repo.bookings(db, filter));
    },
    async createBooking(body: CreateBookingBody): Promise<Booking> {
      await roomOf(body.roomId);
      await checkFree(body.roomId, body.checkIn, body.checkOut);
      const at = nowIso(deps.clock);
      const code = await freeReservationCode(db);
      const row: BookingRow = {
        id: newId("b_"),
        room_id: body.roomId,
        guest_name: body.guestName,
        check_in: body.checkIn,
        check_out: body.checkOut,
        source: "manual",
        status: "confirmed",
        code,
        guest_email: body.guestEmail ?? null,
        notes: body.notes || null,
        created_at: at,
        updated_at: at,
        calendar_id: null,
        uid: null,
        phone_last4: null,
      };
      await repo.insertBooking(db, row);
      deps.bus.emit("booking.created", bookingPayload(row, deps.clock(), false));
      deps.changed();
      return toApiBooking(row);
    },
    async updateBooking(id: string, body: UpdateBookingBody): Promise<Booking> {
      const row = await repo.booking(db, id);
      if (!row) throw AppError.notFound(texts.bookingNotFound);
      if (row.calendar_id) {
        // The feed owns an imported stay: a change here would be undone at the next sync.
        const owned = { roomId: row.room_id, guestName: row.guest_name, checkIn: row.check_in, checkOut: row.check_out, status: row.status } as const;
        const touched = (Object.keys(owned) as Array<keyof typeof owned>).some((k) => body[k] !== undefined && body[k] !== owned[k]);
        if (touched) throw AppError.conflict(texts.importedLocked(row.source));
      }
      const next: BookingRow = {
        ...row,
        room_id: body.roomId ?? row.room_id,
        guest_name: body.guestName ?? row.guest_name,
        check_in: body.checkIn ?? row.check_in,
        check_out: body.checkOut ?? row.check_out,
        status: body.status ?? row.status,
        guest_email: body.guestEmail === undefined ? row.guest_email : body.guestEmail,
        notes: body.notes === undefined ? row.notes : body.notes || null,
        updated_at: nowIso(deps.clock),
      };
      const problem = stayProblem(next.check_in, next.check_out);
      if (problem) throw AppError.badRequest(problem, [{ field: "checkOut", message: problem }]);
      if (next.room_id !== row.room_id) await roomOf(next.room_id);
      if (next.status === "confirmed" && !row.calendar_id) await checkFree(next.room_id, next.check_in, next.check_out, id);
      await repo.updateBooking(db, id, next);
      if (row.status === "confirmed" && next.status === "cancelled") deps.bus.emit("booking.cancelled", bookingPayload(next, deps.clock(), false));
      if (row.status === "cancelled" && next.status === "confirmed") deps.bus.emit("booking.created", bookingPayload(next, deps.clock(), false));
      if (row.status === next.status && (["room_id", "guest_name", "check_in", "check_out"] as const).some((k) => row[k] !== next[k])) {
        deps.bus.emit("booking.updated", bookingPayload(next, deps.clock(), false));
      }
      deps.changed();
      return toApiBooking(next);
    },
    async deleteBooking(id: string): Promise<void> {
      const row = await repo.booking(db, id);
      if (!row) throw AppError.notFound(texts.bookingNotFound);
      if (row.calendar_id) throw AppError.conflict(texts.importedLocked(row.source));
      await repo.deleteBooking(db, id);
      if (row.status === "confirmed") deps.bus.emit("booking.cancelled", bookingPayload(row, deps.clock(), false));
      deps.changed();
    },
    /**
     * The room's calendar for the platforms: the confirmed stays entered in Innbox that
     * have not ended, as all-day events; null for an unknown secret.
     */
    async exportCalendar(secret: string): Promise<string | null> {
      const row = await repo.roomBySecret(db, secret);
      if (!row) return null;
      const times = await deps.times.stayTimes();
      const today = localDate(deps.clock(), times.timeZone);
      const stays = (await repo.bookings(db, { roomId: row.id, from: today, confirmedOnly: true })).filter((b) => b.source === "manual");
      return roomCalendar({ name: row.name, roomId: row.id }, stays, deps.clock());
    },
    async listCalendars(roomId: string): Promise<RoomCalendar[]> {
      await roomOf(roomId);
      return apiCalendars(await repo.calendars(db, roomId));
    },
    async addCalendar(roomId: string, url: string): Promise<RoomCalendar> {
      await roomOf(roomId);
      if ((await repo.calendars(db, roomId)).some((c) => c.url === url)) throw AppError.conflict(texts.calendarTaken);
      const [calendar] = await apiCalendars([await deps.feeds().add(roomId, url)]);
      return calendar!;
    },
    async deleteCalendar(id: string): Promise<void> {
      await calendarOf(id);
      await deps.feeds().remove(id);
    },
    async syncCalendar(id: string): Promise<RoomCalendar> {
      await calendarOf(id);
      const row = await deps.feeds().sync(id);
      if (!row) throw AppError.notFound(texts.calendarNotFound);
      const [calendar] = await apiCalendars([row]);
      return calendar!;
    },
    async listBlocks(filter: { from?: string | undefined; to?: string | undefined; roomId?: string | undefined }): Promise<CalendarBlock[]> {
      const rows = await repo.blocks(db, filter);
      return rows.map((r) => ({ roomId: r.room_id, calendarId: r.calendar_id, source: r.source as CalendarBlock["source"], start: r.start, end: r.end, summary: r.summary }));
    },
    roomExists: async (id: string) => (await repo.room(db, id)) !== undefined,
    /** Whether any booking exists (the Online Reception shows My Reservation then). */
    hasBookings: async () => (await repo.countBookings(db)) > 0,
  };
}

export type BookingsService = ReturnType<typeof createBookingsService>;
