import type { Db } from "../db/index.js";
import { AppError } from "../http/index.js";
import { authTexts } from "./messages.js";

export interface ThrottleSettings {
  slowAfter: number;
  lockAfter: number;
  windowMinutes: number;
}

/**
 * Counts failed sign-ins per username and per address in the database (so a restart does
 * not reset them). Past `slowAfter` failures answers are delayed; past `lockAfter` they
 * are refused with 429 until the window has passed since the last failure. An address
 * gets three times the allowance: a hotel's staff often share one.
 */
export class LoginThrottle {
  constructor(
    private readonly db: Db,
    private readonly settings: ThrottleSettings,
    private readonly clock: () => number,
    private readonly sleep: (ms: number) => Promise<void>,
  ) {}

  private keys(username: string, ip: string) {
    return [
      { key: `user:${username.toLowerCase()}`, factor: 1 },
      { key: `ip:${ip}`, factor: 3 },
    ];
  }

  /** Throws 429 when locked; otherwise waits as long as the failures so far call for. */
  async check(username: string, ip: string): Promise<void> {
    const windowMs = this.settings.windowMinutes * 60_000;
    const now = this.clock();
    let delay = 0;
    for (const { key, factor } of this.keys(username, ip)) {
      const row = await this.db.selectFrom("login_failures").selectAll().where("key", "=", key).executeTakeFirst();
      if (!row) continue;
      const last = Date.parse(row.last_failure_at);
      if (now - last > windowMs) continue;
      const failures = row.failures / factor;
      if (failures >= this.settings.lockAfter) {
        const retryAfterS = Math.max(1, Math.ceil((last + windowMs - now) / 1000));
        const minutes = Math.ceil(retryAfterS / 60);
        throw new AppError(
          429,
          authTexts.tooManyFailures(minutes),
          undefined,
          { "Retry-After": String(retryAfterS) },
        );
      }
      if (failures >= this.settings.slowAfter) {
        delay = Math.max(delay, Math.min(250 * 2 ** (failures - this.settings.slowAfter), 4000));
      }
    }
    if (delay > 0) await this.sleep(delay);
  }

  async recordFailure(username: string, ip: string): Promise<void> {
    const windowMs = this.settings.windowMinutes * 60_000;
    const nowMs = this.clock();
    const now = new Date(nowMs).toISOString();
    for (const { key } of this.keys(username, ip)) {
      const row = await this.db.selectFrom("login_failures").selectAll().where("key", "=", key).executeTakeFirst();
      const fresh = !row || nowMs - Date.parse(row.last_failure_at) > windowMs;
      await this.db
        .insertInto("login_failures")
        .values({ key, failures: 1, first_failure_at: now, last_failure_at: now })
        .onConflict((oc) =>
          oc.column("key").doUpdateSet(fresh ? { failures: 1, first_failure_at: now, last_failure_at: now } : { failures: (row?.failures ?? 0) + 1, last_failure_at: now }),
        )
        .execute();
    }
  }

  async recordSuccess(username: string): Promise<void> {
    await this.db.deleteFrom("login_failures").where("key", "=", `user:${username.toLowerCase()}`).execute();
  }
}
