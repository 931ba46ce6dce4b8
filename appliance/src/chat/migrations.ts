import { sql, type Kysely } from "kysely";
import type { MigrationSet } from "../db/index.js";

// Frozen: never import app code here, never edit after release; add a new migration instead.
export const chatMigrations: MigrationSet = {
  "0004-chat-conversations-messages": {
    async up(db: Kysely<any>) {
      await db.schema
        .createTable("conversations")
        .addColumn("seq", "integer", (c) => c.primaryKey().autoIncrement())
        .addColumn("id", "text", (c) => c.notNull().unique())
        .addColumn("channel", "text", (c) => c.notNull().check(sql`channel in ('web', 'telegram', 'kiosk', 'widget')`))
        .addColumn("guest_name", "text")
        .addColumn("tag", "text")
        .addColumn("language", "text")
        .addColumn("email", "text")
        .addColumn("telegram_chat_id", "text", (c) => c.unique())
        .addColumn("created_at", "text", (c) => c.notNull())
        .addColumn("last_message_at", "text", (c) => c.notNull())
        .addColumn("last_message_preview", "text", (c) => c.notNull())
        .addColumn("waiting_since", "text")
        .addColumn("alerted_at", "text")
        .addColumn("off_hours_noticed_at", "text")
        .execute();
      await db.schema.createIndex("conversations_activity").on("conversations").column("last_message_at").execute();
      await db.schema.createIndex("conversations_waiting").on("conversations").column("waiting_since").execute();
      await db.schema
        .createTable("messages")
        .addColumn("seq", "integer", (c) => c.primaryKey().autoIncrement())
        .addColumn("id", "text", (c) => c.notNull().unique())
        .addColumn("conversation_id", "text", (c) => c.notNull().references("conversations.id").onDelete("cascade"))
        .addColumn("sender", "text", (c) => c.notNull().check(sql`sender in ('guest', 'staff', 'system')`))
        .addColumn("text", "text", (c) => c.notNull())
        .addColumn("staff_member_id", "text")
        .addColumn("staff_name", "text")
        .addColumn("client_id", "text")
        .addColumn("created_at", "text", (c) => c.notNull())
        .addColumn("delivered_at", "text")
        .execute();
      await db.schema.createIndex("messages_conversation").on("messages").columns(["conversation_id", "seq"]).execute();
      await db.schema.createIndex("messages_client_id").on("messages").columns(["conversation_id", "client_id"]).unique().execute();
      await db.schema
        .createTable("guest_sessions")
        .addColumn("token_hash", "text", (c) => c.primaryKey())
        .addColumn("conversation_id", "text", (c) => c.notNull().references("conversations.id").onDelete("cascade"))
        .addColumn("created_at", "text", (c) => c.notNull())
        .execute();
    },
  },
  "0005-chat-outbox-settings": {
    async up(db: Kysely<any>) {
      await db.schema
        .createTable("outbox")
        .addColumn("seq", "integer", (c) => c.primaryKey().autoIncrement())
        .addColumn("transport", "text", (c) => c.notNull())
        .addColumn("chat_key", "text", (c) => c.notNull())
        .addColumn("payload", "text", (c) => c.notNull())
        .addColumn("status", "text", (c) => c.notNull().check(sql`status in ('pending', 'done', 'dead')`))
        .addColumn("attempts", "integer", (c) => c.notNull().defaultTo(0))
        .addColumn("next_attempt_at", "integer", (c) => c.notNull())
        .addColumn("last_error", "text")
        .addColumn("created_at", "text", (c) => c.notNull())
        .addColumn("done_at", "text")
        .execute();
      await db.schema.createIndex("outbox_pending").on("outbox").columns(["status", "chat_key", "seq"]).execute();
      await db.schema
        .createTable("chat_settings")
        .addColumn("key", "text", (c) => c.primaryKey())
        .addColumn("value", "text", (c) => c.notNull())
        .execute();
      await db.schema
        .createTable("staff_duty")
        .addColumn("member_id", "text", (c) => c.primaryKey())
        .addColumn("on_duty", "integer", (c) => c.notNull())
        .addColumn("changed_at", "text", (c) => c.notNull())
        .execute();
    },
  },
  "0017-chat-conversation-booking": {
    // My Reservation: the booking a conversation is linked to (by the guest's code, or by
    // staff). Not a foreign key: bookings are another capability's, and a removed booking
    // simply stops showing.
    async up(db: Kysely<any>) {
      await db.schema.alterTable("conversations").addColumn("booking_id", "text").execute();
      await db.schema.createIndex("conversations_booking").on("conversations").column("booking_id").execute();
    },
  },
};
