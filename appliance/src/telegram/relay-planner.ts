import type { Logger } from "pino";
import type { ChatService, Message } from "../chat/index.js";
import type { Db, Transactions } from "../db/index.js";
import type { Outbox } from "../outbox/index.js";
import type { TimerHandle, Timers } from "../time/index.js";
import type { TeamService } from "../team/index.js";
import { guestTexts, staffTexts } from "./bot-texts.js";
import { telegramRepository as repo } from "./repository.js";
import type { TelegramPayload } from "./telegram-transport.js";

export interface PlannerDeps {
  db: Db;
  chat: ChatService;
  team: TeamService;
  outbox: Outbox;
  transactions: Transactions;
  timers: Timers;
  log: Logger;
  /** Where the admin page shows a conversation (the pointer under a shortened quote); null when unknown. */
  messengerUrl: (conversationId: string) => string | null;
}

/**
 * Turns stored chat messages into Telegram sends. A cursor (the last planned message seq)
 * moves in the same transaction as the outbox rows it creates, so each message is planned
 * exactly once, also across crashes: the message is the durable record, the plan follows.
 */
export class RelayPlanner {
  private running: Promise<void> | undefined;
  private again = false;
  private timer: TimerHandle | undefined;

  constructor(private readonly deps: PlannerDeps) {}

  /**
   * Plans soon rather than at once: under load one transaction then covers many messages
   * instead of one each. 15 ms is nothing next to a trip to Telegram.
   */
  schedule(): void {
    if (this.timer) return;
    this.timer = this.deps.timers.setTimeout(() => {
      this.timer = undefined;
      void this.kick();
    }, 15);
  }

  cancel(): void {
    this.deps.timers.clearTimeout(this.timer);
    this.timer = undefined;
  }

  /** Plans everything not planned yet; concurrent calls coalesce. */
  kick(): Promise<void> {
    if (this.running) {
      this.again = true;
      return this.running;
    }
    this.running = (async () => {
      try {
        do {
          this.again = false;
          while (await this.planBatch()) {
            /* keep going */
          }
        } while (this.again);
      } catch (err) {
        this.deps.log.error({ err }, "telegram: planning relays failed; will retry on the next message");
      } finally {
        this.running = undefined;
      }
    })();
    return this.running;
  }

  /** The first time, start after what is already stored: history is not relayed again. */
  async initCursor(): Promise<void> {
    const existing = await repo.getState(this.deps.db, "relayCursor");
    if (existing !== undefined) return;
    await repo.putState(this.deps.db, "relayCursor", String(await this.deps.chat.lastMessageSeq()));
  }

  private async planBatch(): Promise<boolean> {
    const { db, chat } = this.deps;
    const cursor = Number((await repo.getState(db, "relayCursor")) ?? 0);
    const messages = await chat.messagesAfter(cursor, 200);
    if (!messages.length) return false;
    await this.deps.transactions.run(async (tx) => {
      const items: Array<{ transport: string; chatKey: string; payload: TelegramPayload }> = [];
      for (const message of messages) items.push(...(await this.plan(tx.db, message)));
      await this.deps.outbox.enqueue(tx, items);
      await repo.putState(tx.db, "relayCursor", String(messages[messages.length - 1]!.seq));
    });
    return messages.length === 200;
  }

  private item(payload: TelegramPayload) {
    return { transport: "telegram", chatKey: `tg:${payload.chatId}`, payload };
  }

  /** Linked staff who are on duty now, except `exceptMemberId`. */
  async staffOnDuty(db: Db, exceptMemberId?: string) {
    const links = await repo.allStaff(db);
    const result: Array<{ memberId: string; chatId: string }> = [];
    for (const link of links) {
      if (link.member_id === exceptMemberId) continue;
      const member = await this.deps.team.get(link.member_id, db);
      if (!member || member.deleted || !this.deps.chat.isMemberOnDuty(member.id)) continue;
      result.push({ memberId: member.id, chatId: link.chat_id });
    }
    return result;
  }

  private async plan(db: Db, message: Message): Promise<Array<ReturnType<RelayPlanner["item"]>>> {
    const conversation = await this.deps.chat.getConversation(message.conversation_id, db);
    if (message.sender === "guest") {
      const header = { guestName: conversation.guest_name ?? "Guest", tag: conversation.tag, channel: conversation.channel, language: conversation.language };
      const messengerUrl = this.deps.messengerUrl(conversation.id);
      const text = staffTexts.relay(header, [message.text], messengerUrl);
      return (await this.staffOnDuty(db)).map((s) =>
        this.item({
          chatId: s.chatId,
          text,
          relay: { conversationId: conversation.id, messageId: message.id, markDelivered: true },
          quote: { header, text: message.text, messengerUrl },
        }),
      );
    }
    const items: Array<ReturnType<RelayPlanner["item"]>> = [];
    if (conversation.channel === "telegram" && conversation.telegram_chat_id) {
      const guestText =
        message.sender === "staff" ? `${guestTexts(conversation.language).staffSays(message.staff_name ?? "Front desk")}\n${escape(message.text)}` : escape(message.text);
      items.push(this.item({ chatId: conversation.telegram_chat_id, text: guestText }));
    }
    if (message.sender === "staff") {
      // The other staff who got this guest's messages see who answered, under their copy.
      const latest = new Map((await repo.latestRelays(db, conversation.id)).map((r) => [r.chat_id, Number(r.message_id)]));
      const author = message.staff_member_id ? await repo.staffByMember(db, message.staff_member_id) : undefined;
      for (const [chatId, messageId] of latest) {
        if (chatId === author?.chat_id) continue;
        // Recorded as a relay too: replying to the notice also answers the guest.
        items.push(
          this.item({
            chatId,
            text: staffTexts.answeredBy(message.staff_name ?? "a colleague", message.text, this.deps.messengerUrl(conversation.id)),
            replyTo: messageId,
            relay: { conversationId: conversation.id, messageId: message.id, markDelivered: false },
          }),
        );
      }
    }
    return items;
  }
}

const escape = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
