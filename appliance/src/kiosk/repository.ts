import type { Db } from "../db/index.js";
import type { KioskCallRow, KioskRow } from "./tables.js";

/** The only code that touches the kiosk tables. */
export const kioskRepository = {
  insert: (db: Db, row: KioskRow) => db.insertInto("kiosks").values(row).execute(),
  get: (db: Db, id: string) => db.selectFrom("kiosks").selectAll().where("id", "=", id).executeTakeFirst(),
  list: (db: Db) => db.selectFrom("kiosks").selectAll().orderBy("created_at").orderBy("id").execute(),
  byToken: (db: Db, tokenHash: string) => db.selectFrom("kiosks").selectAll().where("token_hash", "=", tokenHash).executeTakeFirst(),
  update: (db: Db, id: string, set: Partial<KioskRow>) => db.updateTable("kiosks").set(set).where("id", "=", id).executeTakeFirst(),
  remove: (db: Db, id: string) => db.deleteFrom("kiosks").where("id", "=", id).executeTakeFirst(),
  /** Uses a live code at most once: the kiosk it belonged to, or undefined. */
  useCode: async (db: Db, codeHash: string, nowIso: string, tokenHash: string) => {
    const row = await db
      .selectFrom("kiosks")
      .selectAll()
      .where("code_hash", "=", codeHash)
      .where("code_expires_at", ">", nowIso)
      .executeTakeFirst();
    if (!row) return undefined;
    const result = await db
      .updateTable("kiosks")
      .set({ code_hash: null, code_expires_at: null, token_hash: tokenHash, paired_at: nowIso, last_seen_at: nowIso })
      .where("id", "=", row.id)
      .where("code_hash", "=", codeHash)
      .executeTakeFirst();
    return result.numUpdatedRows > 0n ? row : undefined;
  },
  getSetting: (db: Db, key: string) => db.selectFrom("kiosk_settings").select("value").where("key", "=", key).executeTakeFirst(),
  putSetting: (db: Db, key: string, value: string) =>
    db
      .insertInto("kiosk_settings")
      .values({ key, value })
      .onConflict((oc) => oc.column("key").doUpdateSet({ value }))
      .execute(),
  messageByClientId: (db: Db, kioskId: string, clientId: string) =>
    db.selectFrom("kiosk_messages").select("conversation_id").where("kiosk_id", "=", kioskId).where("client_id", "=", clientId).executeTakeFirst(),
  rememberMessage: (db: Db, row: { kiosk_id: string; client_id: string; conversation_id: string; created_at: string }) =>
    db.insertInto("kiosk_messages").values(row).execute(),
  listCalls: (db: Db, limit: number): Promise<KioskCallRow[]> => db.selectFrom("kiosk_calls").selectAll().orderBy("started_at", "desc").orderBy("id", "desc").limit(limit).execute(),
};
