import type { Logger } from "pino";
import type { Db } from "../db/index.js";
import type { ChatService } from "./chat-service.js";

export interface AlertSink {
  /** Alerts staff on duty inside `db`'s transaction; false when nobody could be alerted now. */
  alertUnanswered(db: Db, input: { conversationId: string; messageId: string; guestName: string; tag: string | null; minutes: number; text: string }): Promise<boolean>;
}

/**
 * Every `intervalMs`, finds guests waiting longer than the setting and alerts the staff
 * on duty, once per wait. When nobody is on duty the alert waits until someone is.
 */
export class UnansweredAlerts {
  private timer: NodeJS.Timeout | undefined;
  private running = false;

  constructor(
    private readonly deps: { db: Db; chat: ChatService; sink: () => AlertSink | undefined; clock: () => number; log: Logger; intervalMs: number; afterAlert: () => void },
  ) {}

  start() {
    this.timer = setInterval(() => void this.check(), this.deps.intervalMs);
    this.timer.unref();
  }

  stop() {
    clearInterval(this.timer);
  }

  async check(): Promise<number> {
    if (this.running) return 0;
    this.running = true;
    let alerted = 0;
    try {
      const { chat } = this.deps;
      const minutes = chat.chatSettings.unansweredMinutes;
      const cutoff = new Date(this.deps.clock() - minutes * 60_000).toISOString();
      const sink = this.deps.sink();
      for (const conversation of await chat.listWaitingSince(cutoff)) {
        const messages = await chat.listMessages(conversation.id);
        const lastGuest = [...messages].reverse().find((m) => m.sender === "guest");
        if (!lastGuest) continue;
        const waited = Math.round((this.deps.clock() - Date.parse(conversation.waiting_since!)) / 60_000);
        const done = await chat.transaction(async (tx) => {
          const ok = sink
            ? await sink.alertUnanswered(tx.db, {
                conversationId: conversation.id,
                messageId: lastGuest.id,
                guestName: conversation.guest_name ?? "Guest",
                tag: conversation.tag,
                minutes: waited,
                text: lastGuest.text,
              })
            : false;
          if (ok) await chat.markAlerted(tx.db, conversation.id);
          return ok;
        });
        if (done) {
          alerted++;
          this.deps.afterAlert();
          this.deps.log.info({ conversationId: conversation.id, waitedMin: waited }, "unanswered guest: staff on duty alerted");
        }
      }
    } catch (err) {
      this.deps.log.error({ err }, "unanswered alerts: check failed");
    } finally {
      this.running = false;
    }
    return alerted;
  }
}
