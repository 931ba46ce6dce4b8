// Users of the emulated Telegram: TelegramUserClient sends messages to the bot (through
// telegram-test-api, one at a time), sees what the bot sent them, blocks the bot.
import type { Message, User } from "node-telegram-bot-api";
import { KEY_FIELD, chatState, type ChatState, type EmulatorContext, type UserState } from "./context.js";
import { commandEntities } from "./text.js";
import type { MessagePredicate, TelegramUserClient, TelegramUserProfile } from "./types.js";
import { clone, nowS, shallowReplyCopy } from "./util.js";

export function createUsers(
  ctx: EmulatorContext,
  pullInProcess: () => void,
): (id: number, profile?: TelegramUserProfile) => TelegramUserClient {
  let keySeq = 0;
  let userChain: Promise<unknown> = Promise.resolve();
  const clients = new Map<number, TelegramUserClient>();

  function userSends(u: UserState, build: (base: Record<string, unknown>) => Record<string, unknown>): Promise<Message> {
    const run = async (): Promise<Message> => {
      if (ctx.stopped) throw new Error("telegram emulator stopped");
      const key = `k${++keySeq}`;
      const from: User = { id: u.id, is_bot: false, first_name: u.profile.firstName };
      if (u.profile.lastName) from.last_name = u.profile.lastName;
      if (u.profile.username) from.username = u.profile.username;
      if (u.profile.languageCode) from.language_code = u.profile.languageCode;
      const state = chatState(ctx, u.id) as ChatState;
      const draft = build({ from, chat: { ...state.chat }, date: nowS() });
      u.started = true;
      // telegram-test-api takes the bot token inside the message; KEY_FIELD lets us find
      // the stored message again (both are removed before the bot sees the update).
      await ctx.emu.addUserMessage({ ...draft, botToken: ctx.token, [KEY_FIELD]: key });
      pullInProcess();
      const message = ctx.ingestedByKey.get(key);
      ctx.ingestedByKey.delete(key);
      if (!message) throw new Error("telegram emulator: the user message was not stored");
      return clone(message);
    };
    const next = userChain.then(run, run);
    userChain = next.catch(() => undefined);
    return next;
  }

  function matcher(predicate: MessagePredicate | undefined): (m: Message) => boolean {
    if (predicate === undefined) return () => true;
    if (typeof predicate === "string") return (m) => (m.text ?? "").includes(predicate);
    if (predicate instanceof RegExp) return (m) => predicate.test(m.text ?? "");
    return predicate;
  }

  function user(id: number, profile?: TelegramUserProfile): TelegramUserClient {
    if (!Number.isInteger(id) || id <= 0) throw new Error("a user id is a positive integer");
    const existing = ctx.users.get(id);
    if (existing) {
      if (profile) existing.profile = { ...profile };
      return clients.get(id) as TelegramUserClient;
    }
    const u: UserState = { id, profile: profile ? { ...profile } : { firstName: `User ${id}` }, started: false, blocked: false };
    ctx.users.set(id, u);
    const state = () => chatState(ctx, id) as ChatState;
    const client: TelegramUserClient = {
      id,
      chatId: id,
      get profile() {
        return { ...u.profile };
      },
      send(text: string) {
        return userSends(u, (base) => {
          const entities = commandEntities(text);
          return entities.length ? { ...base, text, entities } : { ...base, text };
        });
      },
      reply(toBotMessage: Message | number, text: string) {
        const id = typeof toBotMessage === "number" ? toBotMessage : toBotMessage.message_id;
        const target = state().messages.get(id);
        if (!target) return Promise.reject(new Error(`message ${id} is not in the chat of user ${u.id}`));
        return userSends(u, (base) => {
          const entities = commandEntities(text);
          const msg: Record<string, unknown> = { ...base, text, reply_to_message: shallowReplyCopy(target) };
          if (entities.length) msg.entities = entities;
          return msg;
        });
      },
      sendPhoto(caption?: string) {
        const uid = `AQADphoto${++keySeq}`;
        const photo = [
          { file_id: `AgACAgIAAxkBAAI${uid}s`, file_unique_id: `${uid}s`, width: 90, height: 68, file_size: 1400 },
          { file_id: `AgACAgIAAxkBAAI${uid}m`, file_unique_id: `${uid}m`, width: 320, height: 240, file_size: 18000 },
          { file_id: `AgACAgIAAxkBAAI${uid}x`, file_unique_id: `${uid}x`, width: 1280, height: 960, file_size: 160000 },
        ];
        return userSends(u, (base) => (caption ? { ...base, photo, caption } : { ...base, photo }));
      },
      sendSticker(emoji = "👍") {
        const uid = `AgADsticker${++keySeq}`;
        const sticker = {
          file_id: `CAACAgIAAxkBAAI${uid}`,
          file_unique_id: uid,
          type: "regular",
          width: 512,
          height: 512,
          is_animated: false,
          is_video: false,
          emoji,
          set_name: "TestStickers",
          file_size: 24000,
        };
        return userSends(u, (base) => ({ ...base, sticker }));
      },
      received() {
        return state().botMessages.map((m) => clone(m));
      },
      waitFor(predicate?: MessagePredicate, timeoutMs = 5000) {
        const match = matcher(predicate);
        const s = state();
        return new Promise<Message>((resolve, reject) => {
          const check = () => {
            const found = s.botMessages.find((m) => match(m));
            if (!found) return false;
            clearTimeout(timer);
            s.listeners.delete(check);
            resolve(clone(found));
            return true;
          };
          const timer = setTimeout(() => {
            s.listeners.delete(check);
            const got = s.botMessages.map((m) => JSON.stringify(m.text)).join(", ") || "nothing";
            reject(new Error(`user ${id} did not receive a matching bot message within ${timeoutMs} ms; received: ${got}`));
          }, timeoutMs);
          s.listeners.add(check);
          check();
        });
      },
      block() {
        u.blocked = true;
      },
      unblock() {
        u.blocked = false;
      },
    };
    clients.set(id, client);
    return client;
  }

  return user;
}
