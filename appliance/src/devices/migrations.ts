import type { Kysely } from "kysely";
import type { MigrationSet } from "../db/index.js";

// Frozen: never import app code here, never edit after release; add a new migration instead.
export const devicesMigrations: MigrationSet = {
  "0020-devices-registry": {
    async up(db: Kysely<any>) {
      await db.schema
        .createTable("devices")
        .addColumn("id", "text", (c) => c.primaryKey())
        .addColumn("name", "text", (c) => c.notNull())
        .addColumn("room_id", "text", (c) => c.references("rooms.id"))
        .addColumn("protocol", "text", (c) => c.notNull())
        .addColumn("kind", "text", (c) => c.notNull())
        .addColumn("device_id", "text", (c) => c.notNull())
        .addColumn("ip", "text", (c) => c.notNull())
        .addColumn("port", "integer")
        .addColumn("version", "text")
        .addColumn("gangs", "integer")
        // Encrypted with the key file beside the database; null for eWeLink DIY devices.
        .addColumn("secret", "text")
        .addColumn("last_seen_at", "text")
        .addColumn("created_at", "text", (c) => c.notNull())
        .addColumn("updated_at", "text", (c) => c.notNull())
        .execute();
      await db.schema.createIndex("devices_by_vendor_id").on("devices").columns(["protocol", "device_id"]).unique().execute();
      await db.schema.createIndex("devices_by_room").on("devices").column("room_id").execute();
    },
  },
};
