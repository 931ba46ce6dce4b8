import { AppError } from "./app-error.js";

/**
 * Token buckets by key (an address, a conversation): `perMinute` tokens refill evenly
 * over a minute and a bucket holds at most `perMinute`. In memory: a restart forgives.
 */
export class RateLimiter {
  private readonly buckets = new Map<string, { tokens: number; at: number }>();

  constructor(
    private readonly perMinute: number,
    private readonly clock: () => number,
    private readonly message: string,
  ) {}

  /** Takes a token for `key`, or throws 429 with Retry-After. */
  take(key: string): void {
    const now = this.clock();
    const ratePerMs = this.perMinute / 60_000;
    const bucket = this.buckets.get(key) ?? { tokens: this.perMinute, at: now };
    bucket.tokens = Math.min(this.perMinute, bucket.tokens + (now - bucket.at) * ratePerMs);
    bucket.at = now;
    if (bucket.tokens < 1) {
      this.buckets.set(key, bucket);
      const retryAfterS = Math.max(1, Math.ceil((1 - bucket.tokens) / ratePerMs / 1000));
      throw new AppError(429, this.message, undefined, { "Retry-After": String(retryAfterS) });
    }
    bucket.tokens -= 1;
    this.buckets.set(key, bucket);
    if (this.buckets.size > 50_000) this.forgetFull(now);
  }

  /** Drops buckets that have refilled completely: they hold no information. */
  private forgetFull(now: number) {
    for (const [key, bucket] of this.buckets) {
      if (bucket.tokens + (now - bucket.at) * (this.perMinute / 60_000) >= this.perMinute) this.buckets.delete(key);
    }
  }
}
