import type { Logger } from "pino";
import type { Tx } from "../db/index.js";
import type { TimerHandle, Timers } from "../time/index.js";
import type { ChatService } from "./chat-service.js";

export interface AlertSink {
  /** Alerts staff on duty inside the transaction; false when nobody could be alerted now. */
  alertUnanswered(tx: Tx, input: { conversationId: string; messageId: string; guestName: string; tag: string | null; minutes: number; text: string }): Promise<boolean>;
}

/**
 * Every `intervalMs`, finds guests waiting longer than the setting and alerts the staff
 * on duty, once per wait. When nobody is on duty the alert waits until someone is.
 */
export class UnansweredAlerts {
  private timer: TimerHandle | undefined;
  private running: Promise<number> | undefined;

  constructor(
    private readonly deps: { chat: ChatService; sink: AlertSink; clock: () => number; timers: Timers; log: Logger; intervalMs: number },
  ) {}

  start() {
    this.timer = this.deps.timers.setInterval(() => void this.check(), this.deps.intervalMs);
  }

  stop() {
    this.deps.timers.clearInterval(this.timer);
    this.timer = undefined;
  }

  /** Runs one check now; a call during a check joins it. Resolves to how many guests were alerted. */
  check(): Promise<number> {
    this.running ??= this.run().finally(() => (this.running = undefined));
    return this.running;
  }

  private async run(): Promise<number> {
    let alerted = 0;
    try {
      const { chat, sink } = this.deps;
      const minutes = chat.chatSettings.unansweredMinutes;
      const cutoff = new Date(this.deps.clock() - minutes * 60_000).toISOString();
      for (const conversation of await chat.listWaitingSince(cutoff)) {
        const messages = await chat.listMessages(conversation.id);
        const lastGuest = [...messages].reverse().find((m) => m.sender === "guest");
        if (!lastGuest) continue;
        const waited = Math.round((this.deps.clock() - Date.parse(conversation.waiting_since!)) / 60_000);
        const done = await chat.transaction(async (tx) => {
          const ok = await sink.alertUnanswered(tx, {
            conversationId: conversation.id,
            messageId: lastGuest.id,
            guestName: conversation.guest_name ?? "Guest",
            tag: conversation.tag,
            minutes: waited,
            text: lastGuest.text,
          });
          if (ok) await chat.markAlerted(tx.db, conversation.id);
          return ok;
        });
        if (done) {
          alerted++;
          this.deps.log.info({ conversationId: conversation.id, waitedMin: waited }, "unanswered guest: staff on duty alerted");
        }
      }
    } catch (err) {
      this.deps.log.error({ err }, "unanswered alerts: check failed");
    }
    return alerted;
  }
}
