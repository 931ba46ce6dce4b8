import type { Db } from "../db/index.js";
import type { ConversationRow, MessageRow } from "./tables.js";

export type Conversation = Omit<ConversationRow, "seq">;
export type Message = Omit<MessageRow, "seq"> & { seq: number };

const CONVERSATION_COLUMNS = [
  "id",
  "channel",
  "guest_name",
  "tag",
  "language",
  "email",
  "telegram_chat_id",
  "created_at",
  "last_message_at",
  "last_message_preview",
  "waiting_since",
  "alerted_at",
  "off_hours_noticed_at",
  "booking_id",
] as const;

/** The only code that touches the chat tables. Every method takes the db (or a transaction). */
export const chatRepository = {
  insertConversation(db: Db, row: Conversation) {
    return db.insertInto("conversations").values(row).execute();
  },
  getConversation(db: Db, id: string): Promise<Conversation | undefined> {
    return db.selectFrom("conversations").select(CONVERSATION_COLUMNS).where("id", "=", id).executeTakeFirst();
  },
  findByTelegramChat(db: Db, chatId: string): Promise<Conversation | undefined> {
    return db.selectFrom("conversations").select(CONVERSATION_COLUMNS).where("telegram_chat_id", "=", chatId).executeTakeFirst();
  },
  /** Conversations with at least one message (a guest who only opened the page is not one). */
  listConversations(db: Db, limit: number): Promise<Conversation[]> {
    return db.selectFrom("conversations").select(CONVERSATION_COLUMNS).where("last_message_preview", "!=", "").orderBy("last_message_at", "desc").orderBy("seq", "desc").limit(limit).execute();
  },
  listWaiting(db: Db, since: string): Promise<Conversation[]> {
    return db
      .selectFrom("conversations")
      .select(CONVERSATION_COLUMNS)
      .where("waiting_since", "is not", null)
      .where("waiting_since", "<=", since)
      .where("alerted_at", "is", null)
      .execute();
  },
  /** The conversations linked to a booking (My Reservation). */
  conversationsOfBooking(db: Db, bookingId: string): Promise<Conversation[]> {
    return db.selectFrom("conversations").select(CONVERSATION_COLUMNS).where("booking_id", "=", bookingId).execute();
  },
  updateConversation(db: Db, id: string, set: Partial<Conversation>) {
    return db.updateTable("conversations").set(set).where("id", "=", id).execute();
  },
  insertMessage(db: Db, row: Omit<Message, "seq">) {
    return db.insertInto("messages").values(row).returning("seq").executeTakeFirstOrThrow();
  },
  findByClientId(db: Db, conversationId: string, clientId: string): Promise<Message | undefined> {
    return db.selectFrom("messages").selectAll().where("conversation_id", "=", conversationId).where("client_id", "=", clientId).executeTakeFirst();
  },
  listMessages(db: Db, conversationId: string, limit = 1000): Promise<Message[]> {
    return db
      .selectFrom("messages")
      .selectAll()
      .where("conversation_id", "=", conversationId)
      .orderBy("seq", "desc")
      .limit(limit)
      .execute()
      .then((rows) => rows.reverse());
  },
  messagesAfter(db: Db, seq: number, limit: number): Promise<Message[]> {
    return db.selectFrom("messages").selectAll().where("seq", ">", seq).orderBy("seq").limit(limit).execute();
  },
  async lastMessageSeq(db: Db): Promise<number> {
    const row = await db.selectFrom("messages").select((eb) => eb.fn.max("seq").as("m")).executeTakeFirst();
    return Number(row?.m ?? 0);
  },
  markDelivered(db: Db, ids: string[], at: string) {
    return db.updateTable("messages").set({ delivered_at: at }).where("id", "in", ids).where("delivered_at", "is", null).execute();
  },
  undeliveredGuestMessages(db: Db, conversationId: string): Promise<Message[]> {
    return db.selectFrom("messages").selectAll().where("conversation_id", "=", conversationId).where("sender", "=", "guest").where("delivered_at", "is", null).execute();
  },
  insertGuestSession(db: Db, row: { token_hash: string; conversation_id: string; created_at: string }) {
    return db.insertInto("guest_sessions").values(row).execute();
  },
  findGuestSession(db: Db, tokenHash: string) {
    return db.selectFrom("guest_sessions").select(["conversation_id", "created_at"]).where("token_hash", "=", tokenHash).executeTakeFirst();
  },
  getSetting(db: Db, key: string) {
    return db.selectFrom("chat_settings").select("value").where("key", "=", key).executeTakeFirst();
  },
  putSetting(db: Db, key: string, value: string) {
    return db.insertInto("chat_settings").values({ key, value }).onConflict((oc) => oc.column("key").doUpdateSet({ value })).execute();
  },
  getDuty(db: Db, memberId: string) {
    return db.selectFrom("staff_duty").select("on_duty").where("member_id", "=", memberId).executeTakeFirst();
  },
  offDutyMembers(db: Db) {
    return db.selectFrom("staff_duty").select("member_id").where("on_duty", "=", 0).execute();
  },
  putDuty(db: Db, memberId: string, onDuty: boolean, at: string) {
    return db
      .insertInto("staff_duty")
      .values({ member_id: memberId, on_duty: onDuty ? 1 : 0, changed_at: at })
      .onConflict((oc) => oc.column("member_id").doUpdateSet({ on_duty: onDuty ? 1 : 0, changed_at: at }))
      .execute();
  },
};
