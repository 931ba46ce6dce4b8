import type { Db } from "../db/index.js";
import type { BookingEventRow, BookingRow, RoomRow } from "./tables.js";

/** The only code that touches the rooms and bookings tables. */
export const bookingsRepository = {
  rooms: (db: Db) => db.selectFrom("rooms").selectAll().orderBy("name").orderBy("created_at").execute(),
  room: (db: Db, id: string) => db.selectFrom("rooms").selectAll().where("id", "=", id).executeTakeFirst(),
  roomBySecret: (db: Db, secret: string) => db.selectFrom("rooms").selectAll().where("export_secret", "=", secret).executeTakeFirst(),
  roomByTag: (db: Db, tagKey: string) => db.selectFrom("rooms").selectAll().where("tag_key", "=", tagKey).executeTakeFirst(),
  insertRoom: (db: Db, row: RoomRow) => db.insertInto("rooms").values(row).execute(),
  updateRoom: (db: Db, id: string, set: Partial<RoomRow>) => db.updateTable("rooms").set(set).where("id", "=", id).execute(),
  deleteRoom: (db: Db, id: string) => db.deleteFrom("rooms").where("id", "=", id).execute(),

  booking: (db: Db, id: string) => db.selectFrom("bookings").selectAll().where("id", "=", id).executeTakeFirst(),
  bookingByCode: (db: Db, code: string) => db.selectFrom("bookings").selectAll().where("code", "=", code).executeTakeFirst(),
  /** Stays overlapping [from, to]: check-out after `from`, check-in on or before `to`. */
  bookings: (db: Db, filter: { from?: string | undefined; to?: string | undefined; roomId?: string | undefined; confirmedOnly?: boolean }) => {
    let q = db.selectFrom("bookings").selectAll();
    if (filter.from) q = q.where("check_out", ">", filter.from);
    if (filter.to) q = q.where("check_in", "<=", filter.to);
    if (filter.roomId) q = q.where("room_id", "=", filter.roomId);
    if (filter.confirmedOnly) q = q.where("status", "=", "confirmed");
    return q.orderBy("check_in").orderBy("created_at").execute();
  },
  /** Confirmed stays in `roomId` sharing a night with [checkIn, checkOut), but `exceptId`. */
  overlapping: (db: Db, roomId: string, checkIn: string, checkOut: string, exceptId?: string) => {
    let q = db
      .selectFrom("bookings")
      .selectAll()
      .where("room_id", "=", roomId)
      .where("status", "=", "confirmed")
      .where("check_in", "<", checkOut)
      .where("check_out", ">", checkIn);
    if (exceptId) q = q.where("id", "!=", exceptId);
    return q.orderBy("check_in").execute();
  },
  /** Marks an event fired; false when it already was (the caller then does not emit it). */
  recordEvent: async (db: Db, row: BookingEventRow) => {
    const result = await db.insertInto("booking_events").values(row).onConflict((oc) => oc.columns(["booking_id", "kind"]).doNothing()).executeTakeFirst();
    return Number(result.numInsertedOrUpdatedRows ?? 0) > 0;
  },
  firedEvents: (db: Db, bookingIds: string[]) =>
    bookingIds.length ? db.selectFrom("booking_events").select(["booking_id", "kind"]).where("booking_id", "in", bookingIds).execute() : Promise.resolve([]),
  countBookings: async (db: Db) => Number((await db.selectFrom("bookings").select((eb) => eb.fn.countAll<number>().as("n")).executeTakeFirst())?.n ?? 0),
  insertBooking: (db: Db, row: BookingRow) => db.insertInto("bookings").values(row).execute(),
  updateBooking: (db: Db, id: string, set: Partial<BookingRow>) => db.updateTable("bookings").set(set).where("id", "=", id).execute(),
  deleteBooking: (db: Db, id: string) => db.deleteFrom("bookings").where("id", "=", id).execute(),
};
