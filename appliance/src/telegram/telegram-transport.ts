import type { Message as TgMessage } from "node-telegram-bot-api";
import type { ChatService } from "../chat/index.js";
import { nowIso, type Db } from "../db/index.js";
import type { OutboxItem, OutboxTransport } from "../outbox/index.js";
import { telegramRepository as repo } from "./repository.js";
import { toDeliveryError, type TelegramClient } from "./telegram-client.js";

export interface TelegramPayload {
  chatId: string;
  text: string;
  /** Telegram message id in this chat to reply to. */
  replyTo?: number;
  /** Set for a guest message relayed to staff: remembered so a reply finds the guest. */
  relay?: { conversationId: string; messageId: string; markDelivered: boolean };
}

export interface TelegramLimits {
  perSecond: number;
  privateChatIntervalMs: number;
  groupIntervalMs: number;
}

/** Sends outbox items with the Bot API's sendMessage, within Telegram's rate limits. */
export function telegramTransport(deps: { db: Db; client: TelegramClient; chat: ChatService; clock: () => number; limits: TelegramLimits }): OutboxTransport<TelegramPayload> {
  return {
    name: "telegram",
    perSecond: deps.limits.perSecond,
    minIntervalMs: (chatKey) => (chatKey.startsWith("tg:-") ? deps.limits.groupIntervalMs : deps.limits.privateChatIntervalMs),
    ready: () => deps.client.current !== undefined,
    async send(item: OutboxItem<TelegramPayload>) {
      const api = deps.client.require();
      const p = item.payload;
      try {
        return await api.sendMessage({
          chat_id: p.chatId,
          text: p.text,
          parse_mode: "HTML",
          link_preview_options: { is_disabled: true },
          ...(p.replyTo ? { reply_parameters: { message_id: p.replyTo, allow_sending_without_reply: true } } : {}),
        });
      } catch (err) {
        throw toDeliveryError(err);
      }
    },
    async onDelivered(item, result) {
      const relay = item.payload.relay;
      const sent = result as TgMessage | undefined;
      if (!relay || !sent?.message_id) return;
      await repo.insertRelay(deps.db, {
        chat_id: item.payload.chatId,
        message_id: sent.message_id,
        conversation_id: relay.conversationId,
        chat_message_id: relay.messageId,
        created_at: nowIso(deps.clock),
      });
      if (relay.markDelivered) await deps.chat.markDelivered(relay.conversationId, [relay.messageId]);
    },
  };
}
