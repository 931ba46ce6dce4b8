/**
 * A Telegram Bot API peer on loopback for tests: telegram-test-api (the emulator)
 * behind a small node:http front layer that gives it the semantics of the real Bot
 * API where telegram-test-api differs, plus fault injection.
 *
 *   appliance (node-telegram-bot-api `Api`) ──HTTP──▶ front layer ──HTTP──▶ telegram-test-api
 *
 * What comes from telegram-test-api: user updates are stored in it (`addUserMessage`)
 * and taken from it by its `getUpdates`; it assigns update ids and message ids (one
 * counter shared by user and bot messages, so ids are unique and increasing in every
 * chat); bot `sendMessage` / `editMessageText` / `deleteWebhook` are forwarded to it.
 *
 * What the front layer adds, because telegram-test-api does not do it (or does it
 * differently from Telegram):
 * - Offsets: telegram-test-api marks an update read the first time `getUpdates`
 *   returns it. The front layer keeps its own queue: an update stays pending until a
 *   `getUpdates` with `offset` > its `update_id` confirms it; negative offsets keep
 *   the last -offset updates; `limit` (1..100, default 100) applies.
 * - Long polling: `timeout` > 0 waits until an update arrives (answers at once), the
 *   timeout passes (answers `[]`), the client aborts, an outage starts or the
 *   emulator stops (connection destroyed). A second `getUpdates` while one is waiting
 *   ends the waiting one with `409 Conflict: terminated by other getUpdates request`
 *   as Telegram does when two bot instances poll.
 * - Update ids are offset by `updateIdBase` (default 700000000) so they do not look
 *   like message ids (in telegram-test-api both come from small counters).
 * - Request bodies: JSON, `application/x-www-form-urlencoded` (what node-telegram-bot-api
 *   2.x sends, with object fields such as `reply_parameters` JSON-encoded in a string),
 *   `multipart/form-data` (text fields) and the query string; method names are
 *   case-insensitive; wrong token → 401, unknown method → 404 (as Telegram).
 * - Messages: proper `Message` objects (`from` = the bot, `chat` with the user's
 *   names and `type`, `date` in seconds, `reply_to_message`), where telegram-test-api
 *   answers `date` in milliseconds, `chat.first_name: "Bot"` and echoes the request body.
 * - `parse_mode: "HTML"` is parsed like Telegram: tags become `entities` and the
 *   delivered `text` is what the user sees (tags removed, `&lt;` decoded, leading and
 *   trailing whitespace trimmed). Bad HTML (e.g. an unescaped `<` from guest text)
 *   answers `400 Bad Request: can't parse entities: ...`. Empty text → 400 "message
 *   text is empty"; over 4096 characters (UTF-16 code units of the parsed, trimmed
 *   text: `&lt;` is one, an emoji outside the BMP two) → 400 "message is too long". Markdown modes
 *   are accepted but not parsed. No automatic url/mention entities.
 * - Chats: a private chat exists once `user(id)` was created; sending to an unknown
 *   positive id → 400 "chat not found"; to a user who never wrote to the bot → 403
 *   "bot can't initiate conversation with a user"; to a user who `block()`ed the bot →
 *   403 "bot was blocked by the user". Negative ids are groups and are always accepted.
 * - Webhooks are never delivered: `setWebhook` only makes `getUpdates` answer 409 until
 *   `deleteWebhook` (with `drop_pending_updates` honoured).
 *
 * Fault injection (order per request: outage → delay → failNext → rateLimitNext →
 * normal processing). An injected failure or 429 happens before processing: the call
 * has no effect (nothing delivered, no offset confirmed).
 *
 * Limits (`enforceLimits: true`, only `sendMessage` counts, a refused message does
 * not count):
 * - overall: at most 30 messages in any sliding 1 s window; retry_after = seconds until
 *   the oldest one leaves the window (at least 1);
 * - per private chat: a token bucket of 3 messages refilled at 1 per second (Telegram
 *   tolerates short bursts to one chat but not a sustained rate above 1/s), so a burst
 *   of 3 passes and the 4th within the same second is refused with retry_after 1;
 * - per group (negative chat id): at most 20 messages in any sliding 60 s window.
 * Every number can be changed with `enforceLimits: { ... }`.
 */
import type { User } from "node-telegram-bot-api";
import { createContext } from "./context.js";
import { createFaults } from "./faults.js";
import { startFrontLayer } from "./front-layer.js";
import { createLimiter } from "./limits.js";
import { createMethods } from "./methods.js";
import type { TelegramEmulator, TelegramEmulatorOptions } from "./types.js";
import { createUpdateQueue } from "./update-queue.js";
import { startUpstream, createUpstreamCall } from "./upstream.js";
import { createUsers } from "./users.js";
import { clone } from "./util.js";

export { parseTelegramHtml } from "./html.js";
export type {
  EditedMessage,
  MessagePredicate,
  RequestRecord,
  SentMessage,
  TelegramEmulator,
  TelegramEmulatorOptions,
  TelegramEmulatorStats,
  TelegramLimits,
  TelegramUserClient,
  TelegramUserProfile,
} from "./types.js";

export async function startTelegramEmulator(options: TelegramEmulatorOptions = {}): Promise<TelegramEmulator> {
  const token = options.token ?? "123456:ABC-test";
  const botUsername = options.botUsername ?? "innbox_test_bot";
  const botFirstName = options.botFirstName ?? "Innbox Test Bot";
  const botId = Number(token.split(":")[0]) || 123456;
  const updateIdBase = options.updateIdBase ?? 700_000_000;
  const checkLimits = createLimiter(options.enforceLimits);
  const botUser: User = { id: botId, is_bot: true, first_name: botFirstName, username: botUsername };

  const emu = await startUpstream();
  const upstreamUrl = emu.config.apiURL;
  const ctx = createContext({ token, botId, botUser, updateIdBase, emu, upstreamCall: createUpstreamCall(token, upstreamUrl) });

  const { pullInProcess, getUpdates } = createUpdateQueue(ctx);
  emu.on("AddedUserMessage", pullInProcess);
  emu.on("AddedUserCommand", pullInProcess);
  emu.on("AddedUserCallbackQuery", pullInProcess);

  const dispatch = createMethods(ctx, { checkLimits, getUpdates });
  const faults = createFaults(ctx);
  const { front, apiRoot } = await startFrontLayer(ctx, { dispatch, takeFault: faults.takeFault });
  const user = createUsers(ctx, pullInProcess);

  let stopping: Promise<void> | null = null;
  async function stop(): Promise<void> {
    if (stopping) return stopping;
    ctx.stopped = true;
    stopping = (async () => {
      emu.off("AddedUserMessage", pullInProcess);
      emu.off("AddedUserCommand", pullInProcess);
      emu.off("AddedUserCallbackQuery", pullInProcess);
      ctx.waiter?.finish("drop");
      const closed = new Promise<void>((resolve) => front.close(() => resolve()));
      for (const s of [...ctx.sockets]) s.destroy();
      front.closeAllConnections();
      await closed;
      await emu.stop();
    })();
    return stopping;
  }

  return {
    apiRoot,
    token,
    botUsername,
    botId,
    upstreamUrl,
    sent: ctx.sent,
    edits: ctx.edits,
    requests: ctx.requests,
    stats: ctx.stats,
    get confirmedOffset() {
      return ctx.confirmedOffset;
    },
    pendingUpdates() {
      pullInProcess();
      return clone(ctx.queue);
    },
    user,
    failNext: faults.failNext,
    rateLimitNext: faults.rateLimitNext,
    outage: faults.outage,
    delay: faults.delay,
    clearFaults: faults.clearFaults,
    stop,
  };
}
