import type { Db } from "../db/index.js";
import type { AccountRow, SessionRow } from "./tables.js";

// password_hash stays out: only the sign-in check reads it (`findSignInByUsername`).
const ACCOUNT_COLUMNS = ["id", "member_id", "username", "created_at", "updated_at"] as const;
export type Account = Pick<AccountRow, (typeof ACCOUNT_COLUMNS)[number]>;

// The id (a hash of the cookie) is what a session is looked up by, never what comes back.
const SESSION_COLUMNS = ["account_id", "csrf_token", "created_at", "last_seen_at", "expires_at"] as const;
export type SessionRecord = Pick<SessionRow, (typeof SESSION_COLUMNS)[number]>;

/** The only code that touches the auth tables. Every method takes the db (or a transaction). */
export const authRepository = {
  // Accounts. The username column is COLLATE NOCASE, so "Anna" finds "anna".
  findAccountByUsername(db: Db, username: string): Promise<Account | undefined> {
    return db.selectFrom("accounts").select(ACCOUNT_COLUMNS).where("username", "=", username).executeTakeFirst();
  },
  findSignInByUsername(db: Db, username: string): Promise<(Account & Pick<AccountRow, "password_hash">) | undefined> {
    return db.selectFrom("accounts").select([...ACCOUNT_COLUMNS, "password_hash"]).where("username", "=", username).executeTakeFirst();
  },
  findAccountById(db: Db, id: string): Promise<Account | undefined> {
    return db.selectFrom("accounts").select(ACCOUNT_COLUMNS).where("id", "=", id).executeTakeFirst();
  },
  findAccountOfMember(db: Db, memberId: string): Promise<Account | undefined> {
    return db.selectFrom("accounts").select(ACCOUNT_COLUMNS).where("member_id", "=", memberId).executeTakeFirst();
  },
  listUsernames(db: Db): Promise<Array<Pick<AccountRow, "member_id" | "username">>> {
    return db.selectFrom("accounts").select(["member_id", "username"]).execute();
  },
  async hasAnyAccount(db: Db): Promise<boolean> {
    return (await db.selectFrom("accounts").select("id").limit(1).executeTakeFirst()) !== undefined;
  },
  insertAccount(db: Db, row: AccountRow) {
    return db.insertInto("accounts").values(row).execute();
  },
  updateAccount(db: Db, id: string, set: Partial<Pick<AccountRow, "username" | "password_hash" | "updated_at">>) {
    return db.updateTable("accounts").set(set).where("id", "=", id).execute();
  },
  /** Its sessions go with it (ON DELETE CASCADE). */
  deleteAccountOfMember(db: Db, memberId: string) {
    return db.deleteFrom("accounts").where("member_id", "=", memberId).execute();
  },

  // Sessions.
  insertSession(db: Db, row: SessionRow) {
    return db.insertInto("sessions").values(row).execute();
  },
  findSession(db: Db, id: string): Promise<SessionRecord | undefined> {
    return db.selectFrom("sessions").select(SESSION_COLUMNS).where("id", "=", id).executeTakeFirst();
  },
  touchSession(db: Db, id: string, set: Pick<SessionRow, "last_seen_at" | "expires_at">) {
    return db.updateTable("sessions").set(set).where("id", "=", id).execute();
  },
  deleteSession(db: Db, id: string) {
    return db.deleteFrom("sessions").where("id", "=", id).execute();
  },
  async deleteSessionsOfAccount(db: Db, accountId: string): Promise<number> {
    const result = await db.deleteFrom("sessions").where("account_id", "=", accountId).executeTakeFirst();
    return Number(result.numDeletedRows);
  },
  /** Sessions past their sliding expiry, or created at or before `createdBefore` (past their absolute lifetime). */
  deleteEndedSessions(db: Db, now: string, createdBefore: string) {
    return db
      .deleteFrom("sessions")
      .where((eb) => eb.or([eb("expires_at", "<=", now), eb("created_at", "<=", createdBefore)]))
      .execute();
  },

  // Sign-in counters (login_failures).
  /**
   * One statement, so it is atomic: starts a counter, restarts a stale one (last attempt at
   * or before `staleBefore`), or adds one to a counter below `lockAfter` (no limit when
   * undefined). Answers the new count, or undefined when the counter was full.
   */
  async takeLoginAttempt(db: Db, key: string, lockAfter: number | undefined, now: string, staleBefore: string): Promise<number | undefined> {
    const row = await db
      .insertInto("login_failures")
      .values({ key, failures: 1, first_failure_at: now, last_failure_at: now })
      .onConflict((oc) => {
        const update = oc.column("key").doUpdateSet((eb) => {
          const stale = eb("login_failures.last_failure_at", "<=", staleBefore);
          return {
            failures: eb.case().when(stale).then(1).else(eb("login_failures.failures", "+", 1)).end(),
            first_failure_at: eb.case().when(stale).then(now).else(eb.ref("login_failures.first_failure_at")).end(),
            last_failure_at: now,
          };
        });
        if (lockAfter === undefined) return update;
        return update.where((eb) => eb.or([eb("login_failures.last_failure_at", "<=", staleBefore), eb("login_failures.failures", "<", lockAfter)]));
      })
      .returning("failures")
      .executeTakeFirst();
    return row?.failures;
  },
  findLoginCounter(db: Db, key: string) {
    return db.selectFrom("login_failures").select("last_failure_at").where("key", "=", key).executeTakeFirst();
  },
  /** Takes one attempt off a counter, never below zero. */
  giveBackLoginAttempt(db: Db, key: string) {
    return db
      .updateTable("login_failures")
      .set((eb) => ({ failures: eb("failures", "-", 1) }))
      .where("key", "=", key)
      .where("failures", ">", 0)
      .execute();
  },
  deleteLoginCounter(db: Db, key: string) {
    return db.deleteFrom("login_failures").where("key", "=", key).execute();
  },
  /** The counter `key` and every counter whose key starts with `prefix`, in one statement. */
  deleteLoginCounters(db: Db, key: string, prefix: string) {
    return db
      .deleteFrom("login_failures")
      .where((eb) => eb.or([eb("key", "=", key), eb.and([eb("key", ">=", prefix), eb("key", "<", `${prefix}\uffff`)])]))
      .execute();
  },
  deleteStaleLoginCounters(db: Db, staleBefore: string) {
    return db.deleteFrom("login_failures").where("last_failure_at", "<=", staleBefore).execute();
  },
};
