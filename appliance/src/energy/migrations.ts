import type { Kysely } from "kysely";
import type { MigrationSet } from "../db/index.js";

// Frozen: never import app code here, never edit after release; add a new migration instead.
export const energyMigrations: MigrationSet = {
  "0022-energy-history": {
    async up(db: Kysely<any>) {
      await db.schema
        .createTable("energy_power_changes")
        .addColumn("seq", "integer", (c) => c.primaryKey().autoIncrement())
        // No reference to devices: a removed device's history is swept with age, like the rest.
        .addColumn("device_id", "text", (c) => c.notNull())
        .addColumn("at", "text", (c) => c.notNull())
        .addColumn("on", "integer")
        .addColumn("online", "integer", (c) => c.notNull())
        .execute();
      await db.schema.createIndex("energy_power_changes_by_device").on("energy_power_changes").columns(["device_id", "at"]).execute();
      await db.schema.createIndex("energy_power_changes_by_time").on("energy_power_changes").column("at").execute();
      await db.schema
        .createTable("energy_heartbeat")
        .addColumn("id", "integer", (c) => c.primaryKey())
        .addColumn("at", "text", (c) => c.notNull())
        .execute();
    },
  },
};
