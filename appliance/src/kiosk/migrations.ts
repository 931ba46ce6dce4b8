import type { Kysely } from "kysely";
import type { MigrationSet } from "../db/index.js";

// Frozen: never import app code here, never edit after release; add a new migration instead.
export const kioskMigrations: MigrationSet = {
  "0023-kiosk-pairing": {
    // Lobby kiosks with their pairing code and token (both stored hashed), the idle-screen
    // settings, the messages left on a kiosk (by clientId) and the call log.
    async up(db: Kysely<any>) {
      await db.schema
        .createTable("kiosks")
        .addColumn("id", "text", (c) => c.primaryKey())
        .addColumn("name", "text", (c) => c.notNull())
        .addColumn("created_at", "text", (c) => c.notNull())
        .addColumn("code_hash", "text", (c) => c.unique())
        .addColumn("code_expires_at", "text")
        .addColumn("token_hash", "text", (c) => c.unique())
        .addColumn("paired_at", "text")
        .addColumn("last_seen_at", "text")
        .execute();
      await db.schema
        .createTable("kiosk_settings")
        .addColumn("key", "text", (c) => c.primaryKey())
        .addColumn("value", "text", (c) => c.notNull())
        .execute();
      await db.schema
        .createTable("kiosk_messages")
        .addColumn("kiosk_id", "text", (c) => c.notNull())
        .addColumn("client_id", "text", (c) => c.notNull())
        .addColumn("conversation_id", "text", (c) => c.notNull())
        .addColumn("created_at", "text", (c) => c.notNull())
        .addPrimaryKeyConstraint("kiosk_messages_pk", ["kiosk_id", "client_id"])
        .execute();
      await db.schema
        .createTable("kiosk_calls")
        .addColumn("id", "text", (c) => c.primaryKey())
        .addColumn("kiosk_id", "text", (c) => c.notNull())
        .addColumn("kiosk_name", "text", (c) => c.notNull())
        .addColumn("started_at", "text", (c) => c.notNull())
        .addColumn("answered_at", "text")
        .addColumn("ended_at", "text")
        .addColumn("answered_by_id", "text")
        .addColumn("answered_by_name", "text")
        .addColumn("outcome", "text", (c) => c.notNull())
        .execute();
      await db.schema.createIndex("kiosk_calls_started").on("kiosk_calls").column("started_at").execute();
    },
  },
};
