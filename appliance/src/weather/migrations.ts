import { sql, type Kysely } from "kysely";
import type { MigrationSet } from "../db/index.js";

// Frozen: never import app code here, never edit after release; add a new migration instead.
export const weatherMigrations: MigrationSet = {
  "0008-weather-forecasts": {
    async up(db: Kysely<any>) {
      await db.schema
        .createTable("weather_forecasts")
        .addColumn("id", "integer", (c) => c.primaryKey().check(sql`id = 1`))
        .addColumn("latitude", "real")
        .addColumn("longitude", "real")
        .addColumn("timezone", "text")
        .addColumn("forecast", "text")
        .addColumn("fetched_at", "text")
        .addColumn("last_error", "text")
        .addColumn("last_attempt_at", "text")
        .execute();
    },
  },
};
