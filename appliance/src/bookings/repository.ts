import type { Db } from "../db/index.js";
import type { BookingEventRow, BookingRow, CalendarBlockRow, RoomCalendarRow, RoomRow } from "./tables.js";

/** Stays longer than this are few; they are looked up apart (see migration 0019). */
const LONG_STAY_NIGHTS = 31;
const DAY_MS = 86_400_000;
const nightsOf = (checkIn: string, checkOut: string) => Math.round((Date.parse(`${checkOut}T00:00:00Z`) - Date.parse(`${checkIn}T00:00:00Z`)) / DAY_MS);
const shiftDays = (day: string, days: number) => new Date(Date.parse(`${day}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);

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
  bookings: async (db: Db, filter: { from?: string | undefined; to?: string | undefined; roomId?: string | undefined; confirmedOnly?: boolean }) => {
    const base = () => {
      let q = db.selectFrom("bookings").selectAll();
      if (filter.roomId) q = q.where("room_id", "=", filter.roomId);
      if (filter.confirmedOnly) q = q.where("status", "=", "confirmed");
      return q;
    };
    const ordered = (rows: BookingRow[]) => rows.sort((a, b) => a.check_in.localeCompare(b.check_in) || a.created_at.localeCompare(b.created_at));
    if (filter.from && filter.to) {
      // A window: short stays by their check-in (they began at most 31 days before it), the long ones by their own index.
      const [short, long] = await Promise.all([
        base()
          .where("check_in", ">", shiftDays(filter.from, -(LONG_STAY_NIGHTS + 1)))
          .where("check_in", "<=", filter.to)
          .where("check_out", ">", filter.from)
          .where("nights", "<=", LONG_STAY_NIGHTS)
          .execute(),
        base().where("nights", ">", LONG_STAY_NIGHTS).where("check_out", ">", filter.from).where("check_in", "<=", filter.to).execute(),
      ]);
      return ordered([...short, ...long]);
    }
    let q = base();
    if (filter.from) q = q.where("check_out", ">", filter.from);
    if (filter.to) q = q.where("check_in", "<=", filter.to);
    return q.orderBy("check_in").orderBy("created_at").execute();
  },
  /** Each room's next confirmed stay arriving after `day` (one per room): an index lookup per room, not a scan of every stay to come. */
  nextStays: (db: Db, day: string) =>
    db
      .selectFrom("bookings")
      .selectAll()
      .where("id", "in", (eb) =>
        eb
          .selectFrom("rooms")
          .select((inner) =>
            inner
              .selectFrom("bookings as next")
              .select("next.id")
              .whereRef("next.room_id", "=", "rooms.id")
              .where("next.status", "=", "confirmed")
              .where("next.check_in", ">", day)
              // By check-in alone: the room's index gives that order, so the first one found is it.
              .orderBy("next.check_in")
              .limit(1)
              .as("id"),
          ),
      )
      .execute(),
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
  insertBooking: (db: Db, row: BookingRow) => db.insertInto("bookings").values({ ...row, nights: nightsOf(row.check_in, row.check_out) }).execute(),
  /** A change of dates gives both days (the stay's length is kept beside them). */
  updateBooking: (db: Db, id: string, set: Partial<BookingRow>) =>
    db
      .updateTable("bookings")
      .set(set.check_in !== undefined && set.check_out !== undefined ? { ...set, nights: nightsOf(set.check_in, set.check_out) } : set)
      .where("id", "=", id)
      .execute(),
  deleteBooking: (db: Db, id: string) => db.deleteFrom("bookings").where("id", "=", id).execute(),

  calendars: (db: Db, roomId?: string) => {
    let q = db.selectFrom("room_calendars").selectAll();
    if (roomId) q = q.where("room_id", "=", roomId);
    return q.orderBy("created_at").orderBy("id").execute();
  },
  calendar: (db: Db, id: string) => db.selectFrom("room_calendars").selectAll().where("id", "=", id).executeTakeFirst(),
  insertCalendar: (db: Db, row: RoomCalendarRow) => db.insertInto("room_calendars").values(row).execute(),
  updateCalendar: (db: Db, id: string, set: Partial<RoomCalendarRow>) => db.updateTable("room_calendars").set(set).where("id", "=", id).execute(),
  deleteCalendar: (db: Db, id: string) => db.deleteFrom("room_calendars").where("id", "=", id).execute(),
  deleteRoomCalendars: async (db: Db, roomId: string) => {
    await db.deleteFrom("calendar_blocks").where("room_id", "=", roomId).execute();
    await db.deleteFrom("room_calendars").where("room_id", "=", roomId).execute();
  },
  /** The earliest fetch due, for the poll timer. */
  nextCalendarDue: async (db: Db) => (await db.selectFrom("room_calendars").select((eb) => eb.fn.min<string>("next_sync_at").as("at")).executeTakeFirst())?.at ?? null,
  dueCalendars: (db: Db, at: string) => db.selectFrom("room_calendars").selectAll().where("next_sync_at", "<=", at).orderBy("next_sync_at").execute(),
  /** Every booking a feed brought, whatever its status. */
  calendarBookings: (db: Db, calendarId: string) => db.selectFrom("bookings").selectAll().where("calendar_id", "=", calendarId).execute(),
  /** Per feed: its confirmed stays and closed ranges that have not ended by `today`. */
  calendarCounts: async (db: Db, calendarIds: string[], today: string) => {
    if (!calendarIds.length) return { stays: new Map<string, number>(), blocks: new Map<string, number>() };
    const stays = await db
      .selectFrom("bookings")
      .select(["calendar_id", (eb) => eb.fn.countAll<number>().as("n")])
      .where("calendar_id", "in", calendarIds)
      .where("status", "=", "confirmed")
      .where("check_out", ">", today)
      .groupBy("calendar_id")
      .execute();
    const blocks = await db
      .selectFrom("calendar_blocks")
      .select(["calendar_id", (eb) => eb.fn.countAll<number>().as("n")])
      .where("calendar_id", "in", calendarIds)
      .where("end", ">", today)
      .groupBy("calendar_id")
      .execute();
    return {
      stays: new Map(stays.map((r) => [r.calendar_id!, Number(r.n)])),
      blocks: new Map(blocks.map((r) => [r.calendar_id, Number(r.n)])),
    };
  },
  detachCalendarBookings: (db: Db, calendarId: string) => db.updateTable("bookings").set({ calendar_id: null }).where("calendar_id", "=", calendarId).execute(),
  replaceBlocks: async (db: Db, calendarId: string, rows: CalendarBlockRow[]) => {
    await db.deleteFrom("calendar_blocks").where("calendar_id", "=", calendarId).execute();
    for (let i = 0; i < rows.length; i += 100) await db.insertInto("calendar_blocks").values(rows.slice(i, i + 100)).execute();
  },
  /** Closed ranges overlapping [from, to]. */
  blocks: (db: Db, filter: { from?: string | undefined; to?: string | undefined; roomId?: string | undefined }) => {
    let q = db
      .selectFrom("calendar_blocks")
      .innerJoin("room_calendars", "room_calendars.id", "calendar_blocks.calendar_id")
      .select(["calendar_blocks.room_id", "calendar_blocks.calendar_id", "room_calendars.source", "calendar_blocks.start", "calendar_blocks.end", "calendar_blocks.summary"]);
    if (filter.from) q = q.where("calendar_blocks.end", ">", filter.from);
    if (filter.to) q = q.where("calendar_blocks.start", "<=", filter.to);
    if (filter.roomId) q = q.where("calendar_blocks.room_id", "=", filter.roomId);
    return q.orderBy("calendar_blocks.start").execute();
  },
};
