import type { Db } from "../db/index.js";
import { newToken, sha256 } from "../crypto/index.js";
import { authRepository as repo } from "./repository.js";

export const SESSION_COOKIE = "innbox_session";

export interface StoredSession {
  id: string;
  accountId: string;
  csrfToken: string;
}

/**
 * Sessions live in SQLite, so a restart signs nobody out. Only a hash of the cookie is kept.
 * A session ends `lifetimeMs` after it was last used (sliding), and in any case
 * `maxLifetimeMs` after it was created (absolute), however busy it is.
 */
export class Sessions {
  constructor(
    private readonly db: Db,
    private readonly lifetimeMs: number,
    private readonly clock: () => number,
    private readonly maxLifetimeMs: number = lifetimeMs,
  ) {}

  private expiry(createdAt: number, now: number): string {
    return new Date(Math.min(now + this.lifetimeMs, createdAt + this.maxLifetimeMs)).toISOString();
  }

  async create(accountId: string, meta: { userAgent?: string; ip?: string }): Promise<{ cookieValue: string; csrfToken: string }> {
    const cookieValue = newToken();
    const csrfToken = newToken(24);
    const now = this.clock();
    await repo.insertSession(this.db, {
      id: sha256(cookieValue),
      account_id: accountId,
      csrf_token: csrfToken,
      created_at: new Date(now).toISOString(),
      last_seen_at: new Date(now).toISOString(),
      expires_at: this.expiry(now, now),
      user_agent: meta.userAgent?.slice(0, 300) ?? null,
      ip: meta.ip ?? null,
    });
    return { cookieValue, csrfToken };
  }

  /** Finds a live session; refreshes its expiry at most once an hour (sliding lifetime). */
  async find(cookieValue: string): Promise<StoredSession | undefined> {
    const id = sha256(cookieValue);
    const row = await repo.findSession(this.db, id);
    if (!row) return undefined;
    const now = this.clock();
    if (this.ended(row, now)) {
      await repo.deleteSession(this.db, id);
      return undefined;
    }
    if (now - Date.parse(row.last_seen_at) > 3_600_000) {
      await repo.touchSession(this.db, id, { last_seen_at: new Date(now).toISOString(), expires_at: this.expiry(Date.parse(row.created_at), now) });
    }
    return { id, accountId: row.account_id, csrfToken: row.csrf_token };
  }

  /** The session by its id if it is still live; unlike `find`, using it does not extend it. */
  async check(id: string): Promise<StoredSession | undefined> {
    const row = await repo.findSession(this.db, id);
    if (!row || this.ended(row, this.clock())) return undefined;
    return { id, accountId: row.account_id, csrfToken: row.csrf_token };
  }

  private ended(row: { expires_at: string; created_at: string }, now: number): boolean {
    return Date.parse(row.expires_at) <= now || Date.parse(row.created_at) + this.maxLifetimeMs <= now;
  }

  async remove(id: string): Promise<void> {
    await repo.deleteSession(this.db, id);
  }

  async removeExpired(): Promise<void> {
    const now = this.clock();
    await repo.deleteEndedSessions(this.db, new Date(now).toISOString(), new Date(now - this.maxLifetimeMs).toISOString());
  }
}
