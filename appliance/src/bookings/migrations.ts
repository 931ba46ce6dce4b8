import type { Kysely } from "kysely";
import type { MigrationSet } from "../db/index.js";

// Frozen: never import app code here, never edit after release; add a new migration instead.
export const bookingsMigrations: MigrationSet = {
  "0015-rooms-and-bookings": {
    async up(db: Kysely<any>) {
      await db.schema
        .createTable("rooms")
        .addColumn("id", "text", (c) => c.primaryKey())
        .addColumn("name", "text", (c) => c.notNull())
        .addColumn("tag", "text", (c) => c.notNull())
        .addColumn("tag_key", "text", (c) => c.notNull().unique())
        // The secret part of the room's calendar export address, for the platforms to import.
        .addColumn("export_secret", "text", (c) => c.notNull().unique())
        .addColumn("created_at", "text", (c) => c.notNull())
        .execute();
      await db.schema
        .createTable("bookings")
        .addColumn("id", "text", (c) => c.primaryKey())
        .addColumn("room_id", "text", (c) => c.notNull().references("rooms.id"))
        .addColumn("guest_name", "text", (c) => c.notNull())
        .addColumn("check_in", "text", (c) => c.notNull())
        .addColumn("check_out", "text", (c) => c.notNull())
        .addColumn("source", "text", (c) => c.notNull())
        .addColumn("status", "text", (c) => c.notNull())
        .addColumn("code", "text", (c) => c.notNull().unique())
        .addColumn("guest_email", "text")
        .addColumn("notes", "text")
        .addColumn("created_at", "text", (c) => c.notNull())
        .addColumn("updated_at", "text", (c) => c.notNull())
        .execute();
      await db.schema.createIndex("bookings_by_room").on("bookings").columns(["room_id", "check_in"]).execute();
      await db.schema.createIndex("bookings_by_dates").on("bookings").columns(["check_out", "check_in"]).execute();
      // Each booking event fired, once: what makes "once" hold across restarts.
      await db.schema
        .createTable("booking_events")
        .addColumn("booking_id", "text", (c) => c.notNull())
        .addColumn("kind", "text", (c) => c.notNull())
        .addColumn("due_at", "text", (c) => c.notNull())
        .addColumn("fired_at", "text", (c) => c.notNull())
        .addColumn("late", "integer", (c) => c.notNull())
        .addPrimaryKeyConstraint("booking_events_pk", ["booking_id", "kind"])
        .execute();
    },
  },
  "0016-bookings-calendars": {
    async up(db: Kysely<any>) {
      // Each room's imported calendars (Airbnb, Booking.com, Vrbo …): the feed's address,
      // its state, and when it is fetched next (so polling resumes after a restart).
      await db.schema
        .createTable("room_calendars")
        .addColumn("id", "text", (c) => c.primaryKey())
        .addColumn("room_id", "text", (c) => c.notNull().references("rooms.id"))
        .addColumn("url", "text", (c) => c.notNull())
        .addColumn("source", "text", (c) => c.notNull())
        .addColumn("status", "text", (c) => c.notNull())
        .addColumn("last_sync_at", "text")
        .addColumn("last_attempt_at", "text")
        .addColumn("last_error", "text")
        .addColumn("failures", "integer", (c) => c.notNull().defaultTo(0))
        .addColumn("next_sync_at", "text", (c) => c.notNull())
        .addColumn("created_at", "text", (c) => c.notNull())
        .execute();
      await db.schema.createIndex("room_calendars_by_room").on("room_calendars").column("room_id").execute();
      // Imported stays: the feed they came from and their event's UID there.
      await db.schema.alterTable("bookings").addColumn("calendar_id", "text").execute();
      await db.schema.alterTable("bookings").addColumn("uid", "text").execute();
      await db.schema.alterTable("bookings").addColumn("phone_last4", "text").execute();
      await db.schema.createIndex("bookings_by_calendar").on("bookings").columns(["calendar_id", "uid"]).execute();
      // Ranges a platform closed that are not stays ("Airbnb (Not available)", "Blocked"),
      // replaced as a whole by each good fetch of their feed.
      await db.schema
        .createTable("calendar_blocks")
        .addColumn("calendar_id", "text", (c) => c.notNull())
        .addColumn("room_id", "text", (c) => c.notNull())
        .addColumn("uid", "text", (c) => c.notNull())
        .addColumn("start", "text", (c) => c.notNull())
        .addColumn("end", "text", (c) => c.notNull())
        .addColumn("summary", "text", (c) => c.notNull())
        .execute();
      await db.schema.createIndex("calendar_blocks_by_room").on("calendar_blocks").columns(["room_id", "end"]).execute();
      await db.schema.createIndex("calendar_blocks_by_calendar").on("calendar_blocks").column("calendar_id").execute();
    },
  },
};
