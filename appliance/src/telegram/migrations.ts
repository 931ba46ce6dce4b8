import type { Kysely } from "kysely";
import type { MigrationSet } from "../db/index.js";

// Frozen: never import app code here, never edit after release; add a new migration instead.
export const telegramMigrations: MigrationSet = {
  "0006-telegram-bot": {
    async up(db: Kysely<any>) {
      await db.schema
        .createTable("telegram_state")
        .addColumn("key", "text", (c) => c.primaryKey())
        .addColumn("value", "text", (c) => c.notNull())
        .execute();
      await db.schema
        .createTable("telegram_staff")
        .addColumn("member_id", "text", (c) => c.primaryKey().references("team_members.id").onDelete("cascade"))
        .addColumn("chat_id", "text", (c) => c.notNull().unique())
        .addColumn("telegram_name", "text", (c) => c.notNull())
        .addColumn("linked_at", "text", (c) => c.notNull())
        .execute();
      await db.schema
        .createTable("telegram_link_codes")
        .addColumn("code_hash", "text", (c) => c.primaryKey())
        .addColumn("member_id", "text", (c) => c.notNull().references("team_members.id").onDelete("cascade"))
        .addColumn("expires_at", "text", (c) => c.notNull())
        .addColumn("used_at", "text")
        .execute();
      await db.schema
        .createTable("telegram_relays")
        .addColumn("chat_id", "text", (c) => c.notNull())
        .addColumn("message_id", "integer", (c) => c.notNull())
        .addColumn("conversation_id", "text", (c) => c.notNull().references("conversations.id").onDelete("cascade"))
        .addColumn("chat_message_id", "text", (c) => c.notNull())
        .addColumn("created_at", "text", (c) => c.notNull())
        .addPrimaryKeyConstraint("telegram_relays_pk", ["chat_id", "message_id"])
        .execute();
      await db.schema.createIndex("telegram_relays_conversation").on("telegram_relays").columns(["conversation_id", "chat_id"]).execute();
      await db.schema
        .createTable("telegram_updates")
        .addColumn("update_id", "integer", (c) => c.primaryKey())
        .addColumn("received_at", "text", (c) => c.notNull())
        .addColumn("kind", "text", (c) => c.notNull())
        .addColumn("raw", "text")
        .execute();
    },
  },
};
