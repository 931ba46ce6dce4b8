import { AppError } from "./app-error.js";

/**
 * Counts wrong guesses by key (a client address): after `maxMisses` within `windowMs`, every
 * attempt is refused with 429 until the oldest of them is older than the window. Right
 * answers cost nothing. In memory: a restart forgives.
 */
export class MissLimiter {
  private readonly misses = new Map<string, number[]>();

  constructor(
    private readonly maxMisses: number,
    private readonly windowMs: number,
    private readonly clock: () => number,
    private readonly message: (retryAfterS: number) => string,
  ) {}

  /** Throws 429 with Retry-After while `key` has used up its misses. */
  check(key: string): void {
    const now = this.clock();
    const recent = this.recent(key, now);
    if (recent.length < this.maxMisses) return;
    const retryAfterS = Math.max(1, Math.ceil((recent[0]! + this.windowMs - now) / 1000));
    throw new AppError(429, this.message(retryAfterS), undefined, { "Retry-After": String(retryAfterS) });
  }

  miss(key: string): void {
    const now = this.clock();
    this.misses.set(key, [...this.recent(key, now), now]);
    if (this.misses.size > 50_000) {
      for (const k of this.misses.keys()) if (!this.recent(k, now).length) this.misses.delete(k);
    }
  }

  private recent(key: string, now: number): number[] {
    const kept = (this.misses.get(key) ?? []).filter((at) => at > now - this.windowMs);
    if (kept.length) this.misses.set(key, kept);
    else this.misses.delete(key);
    return kept;
  }
}
