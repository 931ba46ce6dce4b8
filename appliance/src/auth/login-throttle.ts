import type { Db } from "../db/index.js";
import { AppError } from "../http/index.js";
import { authTexts } from "./messages.js";
import { authRepository as repo } from "./repository.js";

export interface ThrottleSettings {
  slowAfter: number;
  lockAfter: number;
  windowMinutes: number;
}

/** An address gets this many times the allowance of one username on it: a hotel's staff often share one. */
const ADDRESS_FACTOR = 3;
const MAX_DELAY_MS = 4000;

interface Counter {
  key: string;
  /** Refused (429) past this many attempts in the window; undefined: only ever slowed. */
  lockAfter: number | undefined;
  slowAfter: number;
}

/** What `reserve` counted, to hand back to `succeeded` or `failed`. */
export interface Attempt {
  keys: string[];
}

/**
 * Counts sign-in attempts in the database (so a restart does not reset them), each one
 * BEFORE its password is checked, in one statement per counter: parallel guesses cannot
 * all slip through while the first are still being checked.
 *
 * - per username and address: slowed past `slowAfter`, refused with 429 past `lockAfter`;
 * - per address: the same with three times the allowance (guessing many usernames);
 * - per username from anywhere: slowed only, never refused, so that a stranger cannot
 *   lock the manager out.
 *
 * A counter forgets once `windowMinutes` pass without an attempt. A sign-in that succeeds
 * clears its username's counters and gives its own attempt back to the address, unless
 * other attempts for the same username and address are still being checked (a burst):
 * those keep counting.
 */
export class LoginThrottle {
  /** Attempts reserved and not yet settled, per counter key (this process only). */
  private readonly inFlight = new Map<string, number>();

  constructor(
    private readonly db: Db,
    private readonly settings: ThrottleSettings,
    private readonly clock: () => number,
    private readonly sleep: (ms: number) => Promise<void>,
  ) {}

  private counters(username: string, ip: string): Counter[] {
    const { slowAfter, lockAfter } = this.settings;
    return [
      { key: pairKey(username, ip), lockAfter, slowAfter },
      { key: `ip:${ip}`, lockAfter: lockAfter * ADDRESS_FACTOR, slowAfter: slowAfter * ADDRESS_FACTOR },
      { key: userKey(username), lockAfter: undefined, slowAfter },
    ];
  }

  /**
   * Counts one attempt against every counter, or throws 429 (counting nothing more) when a
   * counter with a limit is full; then waits as long as the attempts so far call for.
   */
  async reserve(username: string, ip: string): Promise<Attempt> {
    const windowMs = this.settings.windowMinutes * 60_000;
    const now = this.clock();
    const nowIso = new Date(now).toISOString();
    const staleBefore = new Date(now - windowMs).toISOString();
    const attempt: Attempt = { keys: [] };
    let delay = 0;
    try {
      for (const counter of this.counters(username, ip)) {
        // One statement per counter (see `takeLoginAttempt`): parallel attempts cannot both see room.
        const count = await repo.takeLoginAttempt(this.db, counter.key, counter.lockAfter, nowIso, staleBefore);
        if (count === undefined) throw await this.refusal(counter.key, now, windowMs);
        attempt.keys.push(counter.key);
        this.inFlight.set(counter.key, (this.inFlight.get(counter.key) ?? 0) + 1);
        const before = count - 1;
        if (before >= counter.slowAfter) delay = Math.max(delay, Math.min(250 * 2 ** (before - counter.slowAfter), MAX_DELAY_MS));
      }
    } catch (err) {
      // A refusal by a later counter leaves the earlier ones counted (the attempt was
      // made), but nothing stays in flight.
      this.settle(attempt);
      throw err;
    }
    if (delay > 0) await this.sleep(delay);
    return attempt;
  }

  /** The password was wrong: the attempt stays counted. */
  failed(attempt: Attempt): void {
    this.settle(attempt);
  }

  /** The password was right: the username's counters are cleared, the address gets its attempt back. */
  async succeeded(attempt: Attempt): Promise<void> {
    this.settle(attempt);
    for (const key of attempt.keys) {
      if (this.inFlight.has(key)) continue; // a burst: the others still count
      if (key.startsWith("ip:")) await repo.giveBackLoginAttempt(this.db, key);
      else await repo.deleteLoginCounter(this.db, key);
    }
  }

  /** After a password reset: forgets every counter of the username. */
  async clear(username: string): Promise<void> {
    const u = normalise(username);
    await repo.deleteLoginCounters(this.db, userKey(u), pairKey(u, ""));
  }

  /** Drops counters whose window has passed. */
  async removeStale(): Promise<void> {
    const staleBefore = new Date(this.clock() - this.settings.windowMinutes * 60_000).toISOString();
    await repo.deleteStaleLoginCounters(this.db, staleBefore);
  }

  private async refusal(key: string, now: number, windowMs: number): Promise<AppError> {
    const row = await repo.findLoginCounter(this.db, key);
    const last = row ? Date.parse(row.last_failure_at) : now;
    const retryAfterS = Math.max(1, Math.ceil((last + windowMs - now) / 1000));
    const minutes = Math.ceil(retryAfterS / 60);
    return new AppError(
      429,
      authTexts.tooManyFailures(minutes),
      undefined,
      { "Retry-After": String(retryAfterS) },
    );
  }

  private settle(attempt: Attempt): void {
    for (const key of attempt.keys) {
      const left = (this.inFlight.get(key) ?? 1) - 1;
      if (left > 0) this.inFlight.set(key, left);
      else this.inFlight.delete(key);
    }
  }
}

const normalise = (username: string) => username.trim().toLowerCase();
const userKey = (username: string) => `user:${normalise(username)}`;
// Username first, so that every address's counter of one username shares a prefix.
const pairKey = (username: string, ip: string) => `login:${normalise(username)}\n${ip}`;
