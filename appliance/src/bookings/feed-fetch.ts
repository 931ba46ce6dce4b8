// One GET of a calendar feed with Node's fetch: given up after a timeout on the app's
// timers (tests move past it instead of waiting), at most a few megabytes, any 2xx. Every
// failure becomes a FeedFetchError whose message is the sentence the manager reads.
import { readLimited } from "../http/index.js";
import type { Timers } from "../time/index.js";
import { bookingsTexts as texts } from "./messages.js";

/** Far more than a room's calendar ever holds (a year of Airbnb stays is ~40 KB). */
const MAX_FEED_BYTES = 5 * 1024 * 1024;

export class FeedFetchError extends Error {}

function networkReason(err: unknown): string {
  const cause = (err as { cause?: { code?: string; message?: string } })?.cause;
  return cause?.code ?? cause?.message ?? (err instanceof Error ? err.message : String(err));
}

export async function fetchFeed(url: string, options: { timers: Timers; timeoutMs: number; signal?: AbortSignal }): Promise<string> {
  const controller = new AbortController();
  const timedOut = new FeedFetchError(texts.feedTimeout(Math.round(options.timeoutMs / 1000)));
  const timer = options.timers.setTimeout(() => controller.abort(timedOut), options.timeoutMs);
  const onAbort = () => controller.abort(options.signal?.reason);
  options.signal?.addEventListener("abort", onAbort, { once: true });
  try {
    let res: Response;
    try {
      res = await fetch(url, {
        signal: controller.signal,
        redirect: "follow",
        headers: { accept: "text/calendar, text/plain;q=0.5, */*;q=0.1", "user-agent": "Innbox calendar import" },
      });
    } catch (err) {
      if (controller.signal.aborted) throw controller.signal.reason;
      throw new FeedFetchError(texts.feedUnreachable(networkReason(err)));
    }
    if (!res.ok) {
      await res.body?.cancel().catch(() => undefined);
      throw new FeedFetchError(texts.feedRefused(res.status, res.statusText));
    }
    try {
      return await readLimited(res, MAX_FEED_BYTES, () => new FeedFetchError(texts.feedTooLarge(MAX_FEED_BYTES / 1024 / 1024)));
    } catch (err) {
      if (err instanceof FeedFetchError) throw err;
      if (controller.signal.aborted) throw controller.signal.reason;
      throw new FeedFetchError(texts.feedBroken(networkReason(err)));
    }
  } finally {
    options.timers.clearTimeout(timer);
    options.signal?.removeEventListener("abort", onAbort);
  }
}
