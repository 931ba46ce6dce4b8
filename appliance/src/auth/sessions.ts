import type { Db } from "../db/index.js";
import { newToken, sha256 } from "../crypto/index.js";

export const SESSION_COOKIE = "innbox_session";

export interface StoredSession {
  id: string;
  accountId: string;
  csrfToken: string;
}

/** Sessions live in SQLite, so a restart signs nobody out. Only a hash of the cookie is kept. */
export class Sessions {
  constructor(
    private readonly db: Db,
    private readonly lifetimeMs: number,
    private readonly clock: () => number,
  ) {}

  async create(accountId: string, meta: { userAgent?: string; ip?: string }): Promise<{ cookieValue: string; csrfToken: string }> {
    const cookieValue = newToken();
    const csrfToken = newToken(24);
    const now = this.clock();
    await this.db
      .insertInto("sessions")
      .values({
        id: sha256(cookieValue),
        account_id: accountId,
        csrf_token: csrfToken,
        created_at: new Date(now).toISOString(),
        last_seen_at: new Date(now).toISOString(),
        expires_at: new Date(now + this.lifetimeMs).toISOString(),
        user_agent: meta.userAgent?.slice(0, 300) ?? null,
        ip: meta.ip ?? null,
      })
      .execute();
    return { cookieValue, csrfToken };
  }

  /** Finds a live session; refreshes its expiry at most once an hour (sliding lifetime). */
  async find(cookieValue: string): Promise<StoredSession | undefined> {
    const id = sha256(cookieValue);
    const row = await this.db.selectFrom("sessions").selectAll().where("id", "=", id).executeTakeFirst();
    if (!row) return undefined;
    const now = this.clock();
    if (Date.parse(row.expires_at) <= now) {
      await this.db.deleteFrom("sessions").where("id", "=", id).execute();
      return undefined;
    }
    if (now - Date.parse(row.last_seen_at) > 3_600_000) {
      await this.db
        .updateTable("sessions")
        .set({ last_seen_at: new Date(now).toISOString(), expires_at: new Date(now + this.lifetimeMs).toISOString() })
        .where("id", "=", id)
        .execute();
    }
    return { id, accountId: row.account_id, csrfToken: row.csrf_token };
  }

  async remove(id: string): Promise<void> {
    await this.db.deleteFrom("sessions").where("id", "=", id).execute();
  }

  async removeForAccount(accountId: string): Promise<number> {
    const result = await this.db.deleteFrom("sessions").where("account_id", "=", accountId).executeTakeFirst();
    return Number(result.numDeletedRows);
  }

  async removeExpired(): Promise<void> {
    await this.db.deleteFrom("sessions").where("expires_at", "<=", new Date(this.clock()).toISOString()).execute();
  }
}
