import type { Db } from "../db/index.js";

export interface NewOutboxRow {
  transport: string;
  chat_key: string;
  payload: string;
  next_attempt_at: number;
  created_at: string;
}

/** The only code that touches the outbox table. Every method takes the db (or a transaction). */
export const outboxRepository = {
  insert: (db: Db, rows: NewOutboxRow[]) =>
    db
      .insertInto("outbox")
      .values(rows.map((r) => ({ ...r, status: "pending" as const, attempts: 0 })))
      .execute(),

  /** The latest items of one chat, newest first, whatever their state. */
  recent: (db: Db, chatKey: string, limit: number) =>
    db.selectFrom("outbox").select(["seq", "payload"]).where("chat_key", "=", chatKey).orderBy("seq", "desc").limit(limit).execute(),

  /** The oldest pending item of each chat, soonest due first. */
  pendingHeads: (db: Db, limit: number) =>
    db
      .selectFrom("outbox as o")
      .selectAll()
      .where("o.status", "=", "pending")
      .where("o.seq", "=", (eb) =>
        eb.selectFrom("outbox as h").select((h) => h.fn.min("h.seq").as("m")).where("h.status", "=", "pending").whereRef("h.chat_key", "=", "o.chat_key"),
      )
      .orderBy("o.next_attempt_at")
      .orderBy("o.seq")
      .limit(limit)
      .execute(),

  /** The pending items of one chat after `seq`, in order (what a send could carry along). */
  pendingAfter: (db: Db, chatKey: string, seq: number, limit: number) =>
    db
      .selectFrom("outbox")
      .select(["seq", "payload", "attempts"])
      .where("status", "=", "pending")
      .where("chat_key", "=", chatKey)
      .where("seq", ">", seq)
      .orderBy("seq")
      .limit(limit)
      .execute(),

  /** One send carried several items: all of them are done. */
  markDoneWithCarried: (db: Db, seqs: number[], at: string) =>
    db
      .updateTable("outbox")
      .set((eb) => ({ status: "done" as const, done_at: at, attempts: eb("attempts", "+", 1), last_error: null }))
      .where("seq", "in", seqs)
      .execute(),

  markDone: (db: Db, seq: number, attempts: number, at: string) =>
    db.updateTable("outbox").set({ status: "done", done_at: at, attempts, last_error: null }).where("seq", "=", seq).execute(),

  markDead: (db: Db, seq: number, attempts: number, error: string) =>
    db.updateTable("outbox").set({ status: "dead", attempts, last_error: error }).where("seq", "=", seq).execute(),

  retryLater: (db: Db, seq: number, attempts: number, nextAttemptAt: number, error: string) =>
    db.updateTable("outbox").set({ attempts, next_attempt_at: nextAttemptAt, last_error: error }).where("seq", "=", seq).execute(),
};
