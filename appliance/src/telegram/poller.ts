import type { Logger } from "pino";
import { TelegramApiError, type Update } from "node-telegram-bot-api";
import type { Db } from "../db/index.js";
import type { Timers } from "../time/index.js";
import { telegramRepository as repo } from "./repository.js";
import { describeTelegramError, type TelegramClient } from "./telegram-client.js";

export interface PollerDeps {
  db: Db;
  client: TelegramClient;
  log: Logger;
  timers: Timers;
  handle: (update: Update) => Promise<void>;
  pollTimeoutS: number;
  onStatus: (error: string | null) => void;
}

/**
 * Long polling. The offset sent to Telegram is the one stored with the last update
 * handled, so Telegram drops an update only after it is in the database. An update
 * whose handling fails is fetched again on the next poll.
 */
export class Poller {
  private abort: AbortController | undefined;
  private loop: Promise<void> | undefined;
  private stopped = true;

  constructor(private readonly deps: PollerDeps) {}

  start(): void {
    if (!this.stopped) return;
    this.stopped = false;
    this.loop = this.run();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    this.abort?.abort();
    await this.loop;
  }

  private async sleep(ms: number) {
    if (this.stopped) return;
    const controller = new AbortController();
    this.abort = controller;
    await new Promise<void>((resolve) => {
      const timer = this.deps.timers.setTimeout(resolve, ms);
      controller.signal.addEventListener("abort", () => {
        this.deps.timers.clearTimeout(timer);
        resolve();
      });
    });
  }

  private async run(): Promise<void> {
    const { log } = this.deps;
    let failures = 0;
    const handleFailures = new Map<number, number>();
    while (!this.stopped) {
      const api = this.deps.client.current;
      if (!api) return;
      const offset = Number((await repo.getState(this.deps.db, "offset")) ?? 0);
      this.abort = new AbortController();
      const polledAt = this.deps.timers.now();
      let updates: Update[];
      try {
        updates = await api.getUpdates(
          { offset: offset || undefined, timeout: this.deps.pollTimeoutS, allowed_updates: ["message"] },
          this.abort.signal,
        );
      } catch (err) {
        if (this.stopped) return;
        failures++;
        let waitMs = Math.min(1000 * 2 ** Math.min(failures - 1, 5), 30_000);
        if (err instanceof TelegramApiError && err.errorCode === 429) waitMs = Math.max(1, err.retryAfter ?? 1) * 1000;
        if (err instanceof TelegramApiError && (err.errorCode === 401 || err.errorCode === 404)) waitMs = 60_000;
        if (err instanceof TelegramApiError && err.errorCode === 409) {
          // Another poller or a webhook holds the bot; a webhook we can remove.
          await api.deleteWebhook({ drop_pending_updates: false }).catch(() => undefined);
        }
        const message = describeTelegramError(err);
        this.deps.onStatus(message);
        if (failures === 1 || failures % 20 === 0) log.warn({ failures, retryInMs: waitMs }, `telegram: getUpdates failed: ${message}`);
        await this.sleep(waitMs);
        continue;
      }
      if (failures) log.info(`telegram: polling works again after ${failures} failed attempt(s)`);
      failures = 0;
      this.deps.onStatus(null);
      // A Bot API that answers an empty poll at once (short polling, some emulators) would
      // otherwise have us spin: wait out the rest of a second.
      if (updates.length === 0 && this.deps.timers.now() - polledAt < 1000) await this.sleep(1000 - (this.deps.timers.now() - polledAt));
      for (const update of updates) {
        if (this.stopped) return;
        try {
          await this.deps.handle(update);
        } catch (err) {
          const count = (handleFailures.get(update.update_id) ?? 0) + 1;
          handleFailures.set(update.update_id, count);
          if (count >= 5) {
            // Keep it, raw, and move on rather than stall every guest behind it.
            log.error({ err, updateId: update.update_id }, "telegram: an update failed 5 times; it is kept in telegram_updates and skipped");
            await repo.setAsideUpdate(this.deps.db, update.update_id, JSON.stringify(update), new Date(this.deps.timers.now()).toISOString()).catch(() => undefined);
            handleFailures.delete(update.update_id);
            break;
          }
          // Not stored, so not confirmed: the next poll fetches it again.
          log.error({ err, updateId: update.update_id }, "telegram: storing an update failed; it will be fetched again");
          await this.sleep(1000);
          break;
        }
        handleFailures.delete(update.update_id);
      }
    }
  }
}
