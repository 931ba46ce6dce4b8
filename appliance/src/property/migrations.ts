import { sql, type Kysely } from "kysely";
import type { MigrationSet } from "../db/index.js";

// Frozen: never import app code here, never edit after release; add a new migration instead.
export const propertyMigrations: MigrationSet = {
  "0003-property-profile": {
    async up(db: Kysely<any>) {
      await db.schema
        .createTable("property")
        .addColumn("id", "integer", (c) => c.primaryKey().check(sql`id = 1`))
        .addColumn("name", "text", (c) => c.notNull())
        .addColumn("slug", "text", (c) => c.notNull().unique())
        .addColumn("timezone", "text", (c) => c.notNull())
        .addColumn("latitude", "real")
        .addColumn("longitude", "real")
        .addColumn("updated_at", "text", (c) => c.notNull())
        .execute();
    },
  },
  "0009-property-slug-history": {
    // The slugs the property used before: their printed QR codes keep working (a 301 to
    // the current slug), and nobody else can take them.
    async up(db: Kysely<any>) {
      await db.schema
        .createTable("property_slug_history")
        .addColumn("slug", "text", (c) => c.primaryKey())
        .addColumn("retired_at", "text", (c) => c.notNull())
        .execute();
    },
  },
  "0011-property-city": {
    // The town "At a glance" names on the Online Reception.
    async up(db: Kysely<any>) {
      await db.schema.alterTable("property").addColumn("city", "text").execute();
    },
  },
  "0014-property-stay-times": {
    // When guests may move in on the arrival day and must leave on the departure day.
    async up(db: Kysely<any>) {
      await db.schema.alterTable("property").addColumn("check_in_time", "text", (c) => c.notNull().defaultTo("15:00")).execute();
      await db.schema.alterTable("property").addColumn("check_out_time", "text", (c) => c.notNull().defaultTo("11:00")).execute();
    },
  },
  "0018-property-arrival-instructions": {
    // How guests check in (keys, door codes, parking), shown in My Reservation.
    async up(db: Kysely<any>) {
      await db.schema.alterTable("property").addColumn("arrival_instructions", "text").execute();
    },
  },
};
