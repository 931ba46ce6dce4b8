import type { Db } from "../db/index.js";

/** The only code that touches the telegram_* tables. */
export const telegramRepository = {
  async getState(db: Db, key: string): Promise<string | undefined> {
    return (await db.selectFrom("telegram_state").select("value").where("key", "=", key).executeTakeFirst())?.value;
  },
  async putState(db: Db, key: string, value: string | null): Promise<void> {
    if (value === null) {
      await db.deleteFrom("telegram_state").where("key", "=", key).execute();
      return;
    }
    await db.insertInto("telegram_state").values({ key, value }).onConflict((oc) => oc.column("key").doUpdateSet({ value })).execute();
  },
  staffByChat(db: Db, chatId: string) {
    return db.selectFrom("telegram_staff").selectAll().where("chat_id", "=", chatId).executeTakeFirst();
  },
  staffByMember(db: Db, memberId: string) {
    return db.selectFrom("telegram_staff").selectAll().where("member_id", "=", memberId).executeTakeFirst();
  },
  allStaff(db: Db) {
    return db.selectFrom("telegram_staff").selectAll().execute();
  },
  async linkStaff(db: Db, row: { member_id: string; chat_id: string; telegram_name: string; linked_at: string }) {
    await db
      .insertInto("telegram_staff")
      .values(row)
      .onConflict((oc) => oc.column("member_id").doUpdateSet({ chat_id: row.chat_id, telegram_name: row.telegram_name, linked_at: row.linked_at }))
      .execute();
  },
  async unlinkStaff(db: Db, memberId: string) {
    await db.deleteFrom("telegram_staff").where("member_id", "=", memberId).execute();
  },
  async insertCode(db: Db, row: { code_hash: string; member_id: string; expires_at: string }) {
    // A new link replaces the member's earlier unused ones.
    await db.deleteFrom("telegram_link_codes").where("member_id", "=", row.member_id).where("used_at", "is", null).execute();
    await db.insertInto("telegram_link_codes").values({ ...row, used_at: null }).execute();
  },
  findCode(db: Db, codeHash: string) {
    return db.selectFrom("telegram_link_codes").selectAll().where("code_hash", "=", codeHash).executeTakeFirst();
  },
  async useCode(db: Db, codeHash: string, at: string) {
    await db.updateTable("telegram_link_codes").set({ used_at: at }).where("code_hash", "=", codeHash).execute();
  },
  async insertRelay(db: Db, row: { chat_id: string; message_id: number; conversation_id: string; chat_message_id: string; created_at: string }) {
    await db.insertInto("telegram_relays").values(row).onConflict((oc) => oc.columns(["chat_id", "message_id"]).doNothing()).execute();
  },
  findRelay(db: Db, chatId: string, messageId: number) {
    return db.selectFrom("telegram_relays").selectAll().where("chat_id", "=", chatId).where("message_id", "=", messageId).executeTakeFirst();
  },
  /** The latest bot message about this conversation in each staff chat. */
  latestRelays(db: Db, conversationId: string) {
    return db
      .selectFrom("telegram_relays")
      .select(["chat_id", (eb) => eb.fn.max("message_id").as("message_id")])
      .where("conversation_id", "=", conversationId)
      .groupBy("chat_id")
      .execute();
  },
  /** Keeps an update that keeps failing, raw, and confirms it so the bot is not stuck on it. */
  async setAsideUpdate(db: Db, updateId: number, raw: string, at: string): Promise<void> {
    await db
      .insertInto("telegram_updates")
      .values({ update_id: updateId, received_at: at, kind: "failed", raw })
      .onConflict((oc) => oc.column("update_id").doUpdateSet({ kind: "failed", raw }))
      .execute();
    await telegramRepository.putState(db, "offset", String(updateId + 1));
  },
  /** Records an update; false when it was stored before (a redelivery). */
  async recordUpdate(db: Db, updateId: number, kind: string, at: string): Promise<boolean> {
    const result = await db
      .insertInto("telegram_updates")
      .values({ update_id: updateId, received_at: at, kind, raw: null })
      .onConflict((oc) => oc.column("update_id").doNothing())
      .executeTakeFirst();
    return Number(result.numInsertedOrUpdatedRows ?? 0) > 0;
  },
};
