import type { Kysely } from "kysely";
import type { MigrationSet } from "../db/index.js";

// Frozen: never import app code here, never edit after release; add a new migration instead.
export const scenariosMigrations: MigrationSet = {
  "0021-scenarios-store": {
    async up(db: Kysely<any>) {
      await db.schema
        .createTable("scenarios")
        .addColumn("id", "text", (c) => c.primaryKey())
        .addColumn("name", "text", (c) => c.notNull())
        .addColumn("enabled", "integer", (c) => c.notNull())
        .addColumn("mode", "text", (c) => c.notNull())
        .addColumn("definition", "text", (c) => c.notNull())
        .addColumn("created_at", "text", (c) => c.notNull())
        .addColumn("updated_at", "text", (c) => c.notNull())
        .execute();
      await db.schema
        .createTable("scenario_runs")
        .addColumn("id", "text", (c) => c.primaryKey())
        // No foreign key: a deleted scenario's runs stay in the log until they age out.
        .addColumn("scenario_id", "text", (c) => c.notNull())
        .addColumn("scenario_name", "text", (c) => c.notNull())
        .addColumn("started_at", "text", (c) => c.notNull())
        .addColumn("finished_at", "text", (c) => c.notNull())
        .addColumn("planned_at", "text")
        .addColumn("outcome", "text", (c) => c.notNull())
        .addColumn("reason", "text")
        .addColumn("trigger", "text", (c) => c.notNull())
        .addColumn("conditions", "text", (c) => c.notNull())
        .addColumn("actions", "text", (c) => c.notNull())
        .execute();
      await db.schema.createIndex("scenario_runs_by_scenario").on("scenario_runs").columns(["scenario_id", "started_at"]).execute();
      await db.schema.createIndex("scenario_runs_by_start").on("scenario_runs").column("started_at").execute();
      await db.schema
        .createTable("scenario_trigger_state")
        .addColumn("scenario_id", "text", (c) => c.notNull())
        .addColumn("trigger_key", "text", (c) => c.notNull())
        .addColumn("handled_at", "text")
        .addColumn("inside", "integer")
        .addPrimaryKeyConstraint("scenario_trigger_state_pk", ["scenario_id", "trigger_key"])
        .execute();
      await db.schema
        .createTable("scenario_due")
        .addColumn("id", "text", (c) => c.primaryKey())
        .addColumn("scenario_id", "text", (c) => c.notNull())
        .addColumn("trigger_index", "integer", (c) => c.notNull())
        .addColumn("due_at", "text", (c) => c.notNull())
        .addColumn("booking_id", "text")
        .addColumn("room_id", "text")
        .execute();
      await db.schema.createIndex("scenario_due_by_time").on("scenario_due").column("due_at").execute();
      await db.schema
        .createTable("scenario_state")
        .addColumn("key", "text", (c) => c.primaryKey())
        .addColumn("value", "text", (c) => c.notNull())
        .execute();
    },
  },
};
