import { sql, type Kysely } from "kysely";
import type { MigrationSet } from "../db/index.js";

const sqlCollateNocase = sql`collate nocase`;

// Frozen: never import app code here, never edit after release; add a new migration instead.
export const authMigrations: MigrationSet = {
  "0002-auth-accounts-sessions": {
    async up(db: Kysely<any>) {
      await db.schema
        .createTable("accounts")
        .addColumn("id", "text", (c) => c.primaryKey())
        .addColumn("member_id", "text", (c) => c.notNull().unique().references("team_members.id").onDelete("cascade"))
        .addColumn("username", "text", (c) => c.notNull().unique().modifyEnd(sqlCollateNocase))
        .addColumn("password_hash", "text", (c) => c.notNull())
        .addColumn("created_at", "text", (c) => c.notNull())
        .addColumn("updated_at", "text", (c) => c.notNull())
        .execute();
      await db.schema
        .createTable("sessions")
        .addColumn("id", "text", (c) => c.primaryKey())
        .addColumn("account_id", "text", (c) => c.notNull().references("accounts.id").onDelete("cascade"))
        .addColumn("csrf_token", "text", (c) => c.notNull())
        .addColumn("created_at", "text", (c) => c.notNull())
        .addColumn("last_seen_at", "text", (c) => c.notNull())
        .addColumn("expires_at", "text", (c) => c.notNull())
        .addColumn("user_agent", "text")
        .addColumn("ip", "text")
        .execute();
      await db.schema.createIndex("sessions_account").on("sessions").column("account_id").execute();
      await db.schema
        .createTable("login_failures")
        .addColumn("key", "text", (c) => c.primaryKey())
        .addColumn("failures", "integer", (c) => c.notNull())
        .addColumn("first_failure_at", "text", (c) => c.notNull())
        .addColumn("last_failure_at", "text", (c) => c.notNull())
        .execute();
    },
  },
};
