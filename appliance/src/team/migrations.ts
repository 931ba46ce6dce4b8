import { sql, type Kysely } from "kysely";
import type { MigrationSet } from "../db/index.js";

// Frozen: never import app code here, never edit after release; add a new migration instead.
export const teamMigrations: MigrationSet = {
  "0001-team-members": {
    async up(db: Kysely<any>) {
      await db.schema
        .createTable("team_members")
        .addColumn("seq", "integer", (c) => c.primaryKey().autoIncrement())
        .addColumn("id", "text", (c) => c.notNull().unique())
        .addColumn("name", "text", (c) => c.notNull())
        .addColumn("role", "text", (c) => c.notNull().check(sql`role in ('manager', 'staff')`))
        .addColumn("created_at", "text", (c) => c.notNull())
        .addColumn("updated_at", "text", (c) => c.notNull())
        .addColumn("deleted_at", "text")
        .execute();
    },
  },
};
