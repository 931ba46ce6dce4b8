// Telegram's sending limits (`enforceLimits`; only sendMessage counts, a refused message
// does not count): 30/s overall (sliding 1 s window), a token bucket per private chat
// (3, refilled at 1/s) and 20/min per group (sliding 60 s window).
import type { TelegramEmulatorOptions, TelegramLimits } from "./types.js";
import { ApiError } from "./util.js";

const DEFAULT_LIMITS: TelegramLimits = { perSecond: 30, privateBurst: 3, privatePerSecond: 1, groupPerMinute: 20 };

/** checkLimits(chatId) throws a 429 ApiError when sending to chatId now would pass a limit;
 * otherwise it counts the message. Does nothing unless limits are enforced. */
export function createLimiter(enforceLimits: TelegramEmulatorOptions["enforceLimits"]): (chatId: number) => void {
  const limits: TelegramLimits | null = enforceLimits
    ? { ...DEFAULT_LIMITS, ...(typeof enforceLimits === "object" ? enforceLimits : {}) }
    : null;
  const globalWindow: number[] = [];
  const groupWindows = new Map<number, number[]>();
  const buckets = new Map<number, { tokens: number; at: number }>();

  function checkLimits(chatId: number): void {
    if (!limits) return;
    const now = Date.now();
    while (globalWindow.length && (globalWindow[0] as number) <= now - 1000) globalWindow.shift();
    if (globalWindow.length >= limits.perSecond) {
      throw tooMany(Math.ceil(((globalWindow[0] as number) + 1000 - now) / 1000));
    }
    if (chatId < 0) {
      const window = groupWindows.get(chatId) ?? [];
      while (window.length && (window[0] as number) <= now - 60_000) window.shift();
      if (window.length >= limits.groupPerMinute) throw tooMany(Math.ceil(((window[0] as number) + 60_000 - now) / 1000));
      window.push(now);
      groupWindows.set(chatId, window);
    } else {
      const bucket = buckets.get(chatId) ?? { tokens: limits.privateBurst, at: now };
      bucket.tokens = Math.min(limits.privateBurst, bucket.tokens + ((now - bucket.at) / 1000) * limits.privatePerSecond);
      bucket.at = now;
      if (bucket.tokens < 1) {
        buckets.set(chatId, bucket);
        throw tooMany(Math.ceil((1 - bucket.tokens) / limits.privatePerSecond));
      }
      bucket.tokens -= 1;
      buckets.set(chatId, bucket);
    }
    globalWindow.push(now);
  }

  function tooMany(retryAfter: number): ApiError {
    const n = Math.max(1, retryAfter);
    return new ApiError(429, `Too Many Requests: retry after ${n}`, { retry_after: n });
  }

  return checkLimits;
}
