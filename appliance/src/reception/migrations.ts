import { sql, type Kysely } from "kysely";
import type { MigrationSet } from "../db/index.js";

// Frozen: never import app code here, never edit after release; add a new migration instead.
export const receptionMigrations: MigrationSet = {
  "0010-reception-places": {
    // The Guest Services Directory: categories in the manager's order, places in order
    // within them. A category's name is unique whatever its capitals (name_key).
    async up(db: Kysely<any>) {
      await db.schema
        .createTable("place_categories")
        .addColumn("id", "text", (c) => c.primaryKey())
        .addColumn("name", "text", (c) => c.notNull())
        .addColumn("name_key", "text", (c) => c.notNull().unique())
        .addColumn("position", "integer", (c) => c.notNull())
        .addColumn("created_at", "text", (c) => c.notNull())
        .execute();
      await db.schema
        .createTable("places")
        .addColumn("id", "text", (c) => c.primaryKey())
        .addColumn("category_id", "text", (c) => c.notNull().references("place_categories.id"))
        .addColumn("position", "integer", (c) => c.notNull())
        .addColumn("name", "text", (c) => c.notNull())
        .addColumn("description", "text")
        .addColumn("address", "text")
        .addColumn("phone", "text")
        .addColumn("website", "text")
        .addColumn("latitude", "real")
        .addColumn("longitude", "real")
        .addColumn("created_at", "text", (c) => c.notNull())
        .addColumn("updated_at", "text", (c) => c.notNull())
        .execute();
      await db.schema.createIndex("places_by_category").on("places").columns(["category_id", "position"]).execute();
    },
  },
  "0012-reception-settings": {
    // The page's blocks as the manager designed them: one row, the settings as JSON
    // (checked by the API before they are stored).
    async up(db: Kysely<any>) {
      await db.schema
        .createTable("reception_settings")
        .addColumn("id", "integer", (c) => c.primaryKey().check(sql`id = 1`))
        .addColumn("settings", "text", (c) => c.notNull())
        .addColumn("updated_at", "text", (c) => c.notNull())
        .execute();
    },
  },
  "0013-reception-logo": {
    // The logo printed on plates and stickers (one row: its bytes as checked, an SVG as
    // cleaned) and the sticker editor's last design (one row, JSON checked by the API).
    async up(db: Kysely<any>) {
      await db.schema
        .createTable("reception_logo")
        .addColumn("id", "integer", (c) => c.primaryKey().check(sql`id = 1`))
        .addColumn("content_type", "text", (c) => c.notNull())
        .addColumn("bytes", "blob", (c) => c.notNull())
        .addColumn("cleaned", "integer", (c) => c.notNull())
        .addColumn("updated_at", "text", (c) => c.notNull())
        .execute();
      await db.schema
        .createTable("sticker_design")
        .addColumn("id", "integer", (c) => c.primaryKey().check(sql`id = 1`))
        .addColumn("design", "text", (c) => c.notNull())
        .addColumn("updated_at", "text", (c) => c.notNull())
        .execute();
    },
  },
};
