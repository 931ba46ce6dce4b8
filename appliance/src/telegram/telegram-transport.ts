import { TelegramApiError, type Message as TgMessage } from "node-telegram-bot-api";
import type { ChatService } from "../chat/index.js";
import { nowIso, type Db } from "../db/index.js";
import { DeliveryError, type OutboxItem, type OutboxTransport } from "../outbox/index.js";
import { sameRelayHeader, staffTexts, type RelayHeader } from "./bot-texts.js";
import { shortenHtml, TELEGRAM_TEXT_LIMIT, visibleLength } from "./message-length.js";
import { telegramRepository as repo } from "./repository.js";
import { toDeliveryError, type TelegramClient } from "./telegram-client.js";

export interface RelayRef {
  conversationId: string;
  messageId: string;
  markDelivered: boolean;
}

export interface TelegramPayload {
  chatId: string;
  text: string;
  /** Telegram message id in this chat to reply to. */
  replyTo?: number;
  /** Set for a guest message relayed to staff: remembered so a reply finds the guest. */
  relay?: RelayRef;
  /** A relayed guest message in parts, so that waiting ones of one guest can go out as one bot message. */
  quote?: { header: RelayHeader; text: string; messengerUrl: string | null };
  /** A send that carries several waiting relays of one guest (built by `coalesce`, never stored). */
  relays?: RelayRef[];
}

export interface TelegramLimits {
  perSecond: number;
  privateChatIntervalMs: number;
  groupIntervalMs: number;
}

/**
 * Sends outbox items with the Bot API's sendMessage, within Telegram's rate limits. When
 * several relays of one guest wait for the same staff chat, they go out as one message
 * (as many as fit in Telegram's 4,096 characters), so a backlog drains one guest per send.
 */
export function telegramTransport(deps: { db: Db; client: TelegramClient; chat: ChatService; clock: () => number; limits: TelegramLimits }): OutboxTransport<TelegramPayload> {
  const sendText = (p: TelegramPayload, text: string) =>
    deps.client.require().sendMessage({
      chat_id: p.chatId,
      text,
      parse_mode: "HTML",
      link_preview_options: { is_disabled: true },
      ...(p.replyTo ? { reply_parameters: { message_id: p.replyTo, allow_sending_without_reply: true } } : {}),
    });
  /** The payload's text within `limit`: a relay is rendered again (shortened, with its pointer), anything else cut at its quote. */
  const fitted = (p: TelegramPayload, limit: number) => {
    if (visibleLength(p.text) <= limit) return p.text;
    return p.quote && !p.relays ? staffTexts.relay(p.quote.header, [p.quote.text], p.quote.messengerUrl, limit) : shortenHtml(p.text, limit);
  };

  return {
    name: "telegram",
    perSecond: deps.limits.perSecond,
    minIntervalMs: (chatKey) => (chatKey.startsWith("tg:-") ? deps.limits.groupIntervalMs : deps.limits.privateChatIntervalMs),
    ready: () => deps.client.current !== undefined,
    coalesce(head, waiting) {
      const first = head.payload;
      if (!first.quote || !first.relay?.markDelivered) return undefined;
      const conversationId = first.relay.conversationId;
      const texts = [first.quote.text];
      const refs = [first.relay];
      const carried: number[] = [];
      let text = "";
      for (const item of waiting) {
        const p = item.payload;
        // Another guest's messages and the bot's answers to staff keep their places.
        if (p.relay?.conversationId !== conversationId) continue;
        // An alert or "answered by" about this guest: what this guest wrote after it stays after it.
        if (!p.quote || !p.relay.markDelivered || !sameRelayHeader(p.quote.header, first.quote.header)) break;
        const next = staffTexts.relay(first.quote.header, [...texts, p.quote.text], null);
        if (visibleLength(next) > TELEGRAM_TEXT_LIMIT) break;
        texts.push(p.quote.text);
        refs.push(p.relay);
        carried.push(item.seq);
        text = next;
      }
      if (!carried.length) return undefined;
      return { payload: { chatId: first.chatId, text, relay: first.relay, relays: refs }, carried };
    },
    async send(item: OutboxItem<TelegramPayload>) {
      const p = item.payload;
      const text = fitted(p, TELEGRAM_TEXT_LIMIT);
      try {
        return await sendText(p, text);
      } catch (err) {
        if (!(err instanceof TelegramApiError && err.errorCode === 400 && /message is too long/i.test(err.description))) throw toDeliveryError(err);
        // Telegram counted more than we did. Several relays go again one by one (the outbox
        // sends this one alone next); one is shortened by a tenth more and tried once more.
        if (p.relays) throw new DeliveryError("permanent", `Telegram 400: ${err.description}`);
        try {
          return await sendText(p, fitted(p, Math.floor(visibleLength(text) * 0.9)));
        } catch (again) {
          throw toDeliveryError(again);
        }
      }
    },
    async onDelivered(item, result) {
      const refs = item.payload.relays ?? (item.payload.relay ? [item.payload.relay] : []);
      const sent = result as TgMessage | undefined;
      if (!refs.length || !sent?.message_id) return;
      // One bot message, one guest: a reply to it answers that conversation. The row names
      // the newest guest message it carries.
      const last = refs[refs.length - 1]!;
      await repo.insertRelay(deps.db, {
        chat_id: item.payload.chatId,
        message_id: sent.message_id,
        conversation_id: last.conversationId,
        chat_message_id: last.messageId,
        created_at: nowIso(deps.clock),
      });
      const delivered = refs.filter((r) => r.markDelivered).map((r) => r.messageId);
      if (delivered.length) await deps.chat.markDelivered(last.conversationId, delivered);
    },
  };
}
