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
 *   text is empty"; over 4096 characters → 400 "message is too long". Markdown modes
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
import { EventEmitter } from "node:events";
import http, { type IncomingMessage, type ServerResponse } from "node:http";
import { createRequire } from "node:module";
import net, { type AddressInfo, type Socket } from "node:net";
import type { Chat, Message, MessageEntity, Update, User } from "node-telegram-bot-api";

// ---------------------------------------------------------------------------------
// Public types

export interface TelegramLimits {
  /** Messages per second over all chats (sliding 1 s window). Default 30. */
  perSecond: number;
  /** Token bucket size for one private chat. Default 3. */
  privateBurst: number;
  /** Refill rate of a private chat's bucket, messages per second. Default 1. */
  privatePerSecond: number;
  /** Messages per minute to one group (sliding 60 s window). Default 20. */
  groupPerMinute: number;
}

export interface TelegramEmulatorOptions {
  /** Default "123456:ABC-test". The part before ":" is the bot's user id. */
  token?: string;
  /** Default "innbox_test_bot". */
  botUsername?: string;
  /** Default "Innbox Test Bot". */
  botFirstName?: string;
  /** Enforce Telegram's sending limits (see the file comment). Default off. */
  enforceLimits?: boolean | Partial<TelegramLimits>;
  /** Added to telegram-test-api's update counter. Default 700000000. */
  updateIdBase?: number;
}

export interface TelegramUserProfile {
  firstName: string;
  lastName?: string;
  username?: string;
  languageCode?: string;
}

export interface SentMessage {
  chatId: number;
  /** The text as the user sees it (HTML parsed, trimmed). */
  text: string;
  /** The `text` parameter exactly as the bot sent it. */
  rawText: string;
  parseMode?: string;
  /** Date.now() when the emulator accepted it. */
  at: number;
  messageId: number;
  replyToMessageId?: number;
  /** The Message object answered to the bot (later edits update `received()`, not this). */
  message: Message;
}

export interface EditedMessage {
  chatId: number;
  messageId: number;
  text: string;
  rawText: string;
  at: number;
}

export interface RequestRecord {
  method: string;
  at: number;
  params: Record<string, unknown>;
  /** HTTP status answered, "dropped" (outage / stop: connection destroyed or never
   * answered) or "aborted" (the client went away first). */
  outcome: number | "dropped" | "aborted" | "pending";
}

export interface TelegramEmulatorStats {
  /** Requests received per Bot API method (every attempt, including failed ones). */
  calls: Record<string, number>;
  /** 429 answers (injected with rateLimitNext or from enforceLimits). */
  rateLimited: number;
  /** Injected 5xx answers (failNext). */
  failed: number;
  /** Requests dropped by an outage or stop. */
  dropped: number;
  /** Long polls ended with 409 Conflict by a newer getUpdates. */
  conflicts: number;
}

export type MessagePredicate = ((message: Message) => boolean) | string | RegExp;

export interface TelegramUserClient {
  readonly id: number;
  /** Chat id of the user's private chat with the bot (= user id). */
  readonly chatId: number;
  readonly profile: TelegramUserProfile;
  /** Sends a text message to the bot; commands ("/start abc") get a bot_command entity. */
  send(text: string): Promise<Message>;
  /** A Telegram reply to a message the bot sent to this user (Message or message_id). */
  reply(toBotMessage: Message | number, text: string): Promise<Message>;
  /** A photo (array of PhotoSize), optionally with a caption; no `text`. */
  sendPhoto(caption?: string): Promise<Message>;
  /** A sticker; no `text`. */
  sendSticker(emoji?: string): Promise<Message>;
  /** Bot messages in this user's private chat, in order, as they look now (edits applied). */
  received(): Message[];
  /** First bot message in this chat (already received or arriving) that matches; a string
   * matches as a substring of the text, a RegExp against the text. Default timeout 5000 ms. */
  waitFor(predicate?: MessagePredicate, timeoutMs?: number): Promise<Message>;
  /** The user blocks the bot: sendMessage to them answers 403. */
  block(): void;
  unblock(): void;
}

export interface TelegramEmulator {
  /** The front layer's URL, e.g. "http://127.0.0.1:41234"; give it as telegram.apiRoot. */
  readonly apiRoot: string;
  readonly token: string;
  readonly botUsername: string;
  readonly botId: number;
  /** telegram-test-api's own URL (no fault injection, no offsets); rarely needed. */
  readonly upstreamUrl: string;
  /** Messages the bot delivered (sendMessage accepted), in order. */
  readonly sent: SentMessage[];
  readonly edits: EditedMessage[];
  /** Every Bot API request received, in order. */
  readonly requests: RequestRecord[];
  readonly stats: TelegramEmulatorStats;
  /** Highest offset a getUpdates confirmed (updates with a smaller update_id are gone). */
  readonly confirmedOffset: number;
  /** Updates not yet confirmed, in order. */
  pendingUpdates(): Update[];
  user(id: number, profile?: TelegramUserProfile): TelegramUserClient;
  /** The next `n` Bot API calls (or only calls of `method`) answer a 5xx. JSON envelope
   * `{ok:false,error_code,description}` unless `html: true` (an nginx-style HTML page). */
  failNext(n: number, options?: { status?: 500 | 502 | 503 | 504; description?: string; method?: string; html?: boolean }): void;
  /** The next `n` calls (or only calls of `method`) answer 429 with retry_after. */
  rateLimitNext(n: number, retryAfterS: number, options?: { method?: string }): void;
  /** Internet down: "reset" (default) destroys every connection at once, new ones too;
   * "hang" accepts connections and never answers. Pending long polls are destroyed in
   * both modes. Turning it off destroys what was hanging. */
  outage(on: boolean, options?: { mode?: "reset" | "hang" }): void;
  /** Delay every response by `ms` (0 = none). By default the request waits before it is
   * processed (a client that gives up meanwhile had no effect); `afterProcessing: true`
   * processes first and delays only the answer. */
  delay(ms: number, options?: { afterProcessing?: boolean }): void;
  /** Removes pending failNext / rateLimitNext rules, the delay and the outage. */
  clearFaults(): void;
  /** Closes both servers; pending long polls are destroyed. Idempotent. */
  stop(): Promise<void>;
}

// ---------------------------------------------------------------------------------
// telegram-test-api (CommonJS; its typings need `typegram`, so describe what we use)

interface TtaServer extends EventEmitter {
  config: { apiURL: string };
  start(): Promise<void>;
  stop(): Promise<boolean>;
  addUserMessage(message: Record<string, unknown>): Promise<void>;
  getUpdates(token: string): Array<Record<string, unknown>>;
}
type TtaCtor = new (config: { port: number; host: string; storeTimeout?: number }) => TtaServer;
const TelegramServer = createRequire(import.meta.url)("telegram-test-api") as TtaCtor;

// ---------------------------------------------------------------------------------
// Small helpers

const DEFAULT_LIMITS: TelegramLimits = { perSecond: 30, privateBurst: 3, privatePerSecond: 1, groupPerMinute: 20 };
const MAX_TEXT = 4096;
const KEY_FIELD = "__innboxKey";

const METHODS = [
  "getUpdates", "getMe", "sendMessage", "editMessageText", "sendChatAction", "setMyCommands",
  "getMyCommands", "deleteMyCommands", "deleteWebhook", "setWebhook", "getWebhookInfo", "deleteMessage",
  "answerCallbackQuery", "getChat", "logOut", "close", "setMyName", "setMyDescription",
  "setMyShortDescription", "setChatMenuButton",
];
const METHOD_BY_LOWER = new Map(METHODS.map((m) => [m.toLowerCase(), m]));
const CHAT_ACTIONS = new Set([
  "typing", "upload_photo", "record_video", "upload_video", "record_voice", "upload_voice",
  "upload_document", "choose_sticker", "find_location", "record_video_note", "upload_video_note",
]);

type Params = Record<string, unknown>;

class ApiError extends Error {
  constructor(
    readonly code: number,
    readonly description: string,
    readonly parameters?: Record<string, unknown>,
  ) {
    super(description);
  }
}
const badRequest = (what: string) => new ApiError(400, `Bad Request: ${what}`);

async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

function nowS(): number {
  return Math.floor(Date.now() / 1000);
}

function clone<T>(value: T): T {
  return structuredClone(value);
}

/** A reply_to_message never carries its own reply_to_message (as in Telegram). */
function shallowReplyCopy(message: Message): Message {
  const copy = clone(message) as Message & { reply_to_message?: Message };
  delete copy.reply_to_message;
  return copy;
}

function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => resolve(Buffer.concat(chunks)));
    req.on("error", reject);
    req.on("close", () => {
      if (!req.complete) reject(new Error("request aborted"));
    });
  });
}

function parseMultipart(body: Buffer, boundary: string): Params {
  const out: Params = {};
  const text = body.toString("latin1");
  for (const rawPart of text.split(`--${boundary}`)) {
    if (rawPart === "" || rawPart.startsWith("--")) continue;
    const part = rawPart.replace(/^\r\n/, "");
    const split = part.indexOf("\r\n\r\n");
    if (split < 0) continue;
    const head = part.slice(0, split);
    const value = part.slice(split + 4).replace(/\r\n$/, "");
    const name = /name="([^"]*)"/i.exec(head)?.[1];
    if (!name) continue;
    out[name] = /filename=/i.test(head) ? { file: true, size: value.length } : Buffer.from(value, "latin1").toString("utf8");
  }
  return out;
}

function parseParams(req: IncomingMessage, url: URL, body: Buffer): Params {
  const params: Params = Object.fromEntries(url.searchParams.entries());
  const type = (req.headers["content-type"] ?? "").toLowerCase();
  if (body.length === 0) return params;
  if (type.includes("application/json")) {
    const parsed = JSON.parse(body.toString("utf8")) as unknown;
    if (parsed && typeof parsed === "object") Object.assign(params, parsed);
  } else if (type.includes("multipart/form-data")) {
    const boundary = /boundary=(?:"([^"]+)"|([^;]+))/i.exec(req.headers["content-type"] ?? "");
    if (boundary) Object.assign(params, parseMultipart(body, (boundary[1] ?? boundary[2] ?? "").trim()));
  } else {
    Object.assign(params, Object.fromEntries(new URLSearchParams(body.toString("utf8")).entries()));
  }
  return params;
}

/** A structured field: an object in a JSON body, a JSON string in a form body. */
function jsonParam<T>(params: Params, name: string): T | undefined {
  const value = params[name];
  if (value === undefined || value === null || value === "") return undefined;
  if (typeof value !== "string") return value as T;
  try {
    return JSON.parse(value) as T;
  } catch {
    throw badRequest(`can't parse ${name.replace(/_/g, " ")} JSON object`);
  }
}

function intParam(params: Params, name: string): number | undefined {
  const value = params[name];
  if (value === undefined || value === null || value === "") return undefined;
  const n = typeof value === "number" ? value : Number(value);
  if (!Number.isFinite(n)) throw badRequest(`field "${name}" must be a number`);
  return Math.trunc(n);
}

function boolParam(params: Params, name: string): boolean {
  const value = params[name];
  return value === true || value === "true" || value === "1" || value === 1;
}

function stringParam(params: Params, name: string): string | undefined {
  const value = params[name];
  if (value === undefined || value === null) return undefined;
  return typeof value === "string" ? value : String(value);
}

// ---------------------------------------------------------------------------------
// Telegram's HTML parse mode (after tdlib's parse_html, the parts that matter here)

const HTML_TAGS = new Set([
  "b", "strong", "i", "em", "u", "ins", "s", "strike", "del", "span", "tg-spoiler", "a", "code", "pre",
  "blockquote", "tg-emoji",
]);

interface ParsedText {
  text: string;
  entities: MessageEntity[];
}

function byteOffset(src: string, index: number): number {
  return Buffer.byteLength(src.slice(0, index), "utf8");
}

function decodeEntityAt(src: string, i: number): { ch: string; length: number } | null {
  const m = /^&(?:#(\d{1,7})|#[xX]([0-9a-fA-F]{1,6})|(lt|gt|amp|quot));/.exec(src.slice(i, i + 12));
  if (!m) return null;
  let ch: string;
  if (m[1] !== undefined || m[2] !== undefined) {
    const code = m[1] !== undefined ? Number(m[1]) : parseInt(m[2] ?? "0", 16);
    if (code === 0 || code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff)) return null;
    ch = String.fromCodePoint(code);
  } else {
    ch = ({ lt: "<", gt: ">", amp: "&", quot: '"' } as Record<string, string>)[m[3] ?? ""] ?? "";
  }
  return { ch, length: m[0].length };
}

function decodeEntities(value: string): string {
  let out = "";
  for (let i = 0; i < value.length; ) {
    const decoded = value[i] === "&" ? decodeEntityAt(value, i) : null;
    if (decoded) {
      out += decoded.ch;
      i += decoded.length;
    } else {
      out += value[i];
      i++;
    }
  }
  return out;
}

export function parseTelegramHtml(src: string): ParsedText {
  const fail = (what: string) => badRequest(`can't parse entities: ${what}`);
  let text = "";
  const entities: MessageEntity[] = [];
  const stack: Array<{ tag: string; start: number; attrs: Record<string, string> }> = [];
  let i = 0;
  while (i < src.length) {
    const c = src[i] as string;
    if (c === "&") {
      const decoded = decodeEntityAt(src, i);
      if (decoded) {
        text += decoded.ch;
        i += decoded.length;
      } else {
        text += "&";
        i++;
      }
      continue;
    }
    if (c !== "<") {
      text += c;
      i++;
      continue;
    }
    const at = byteOffset(src, i);
    if (src[i + 1] === "/") {
      const close = src.indexOf(">", i);
      if (close < 0) throw fail(`Unclosed end tag at byte offset ${at}`);
      const name = src.slice(i + 2, close).trim().toLowerCase();
      const open = stack.pop();
      if (!open) throw fail(`Unexpected end tag at byte offset ${at}`);
      if (name !== open.tag) throw fail(`Unmatched end tag at byte offset ${at}, expected "</${open.tag}>", found "</${name}>"`);
      const length = text.length - open.start;
      const entity = entityFor(open.tag, open.attrs, open.start, length, stack);
      if (entity && length > 0) entities.push(entity);
      i = close + 1;
      continue;
    }
    let j = i + 1;
    while (j < src.length && !/\s/.test(src[j] as string) && src[j] !== ">") j++;
    if (j >= src.length) throw fail(`Unclosed start tag at byte offset ${at}`);
    const tag = src.slice(i + 1, j).toLowerCase();
    if (!HTML_TAGS.has(tag)) throw fail(`Unsupported start tag "${tag}" at byte offset ${at}`);
    const attrs: Record<string, string> = {};
    for (;;) {
      while (j < src.length && /\s/.test(src[j] as string)) j++;
      if (j >= src.length) throw fail(`Unclosed start tag at byte offset ${at}`);
      if (src[j] === ">") break;
      const nameStart = j;
      while (j < src.length && !/[\s=>]/.test(src[j] as string)) j++;
      const attrName = src.slice(nameStart, j).toLowerCase();
      while (j < src.length && /\s/.test(src[j] as string)) j++;
      let value = "";
      if (src[j] === "=") {
        j++;
        while (j < src.length && /\s/.test(src[j] as string)) j++;
        const quote = src[j];
        if (quote === '"' || quote === "'") {
          const end = src.indexOf(quote, j + 1);
          if (end < 0) throw fail(`Unclosed start tag at byte offset ${at}`);
          value = src.slice(j + 1, end);
          j = end + 1;
        } else {
          const valueStart = j;
          while (j < src.length && !/[\s>]/.test(src[j] as string)) j++;
          value = src.slice(valueStart, j);
        }
      }
      if (attrName) attrs[attrName] = decodeEntities(value);
    }
    if (tag === "span" && attrs.class !== "tg-spoiler") throw fail(`Tag "span" must have class "tg-spoiler" at byte offset ${at}`);
    stack.push({ tag, start: text.length, attrs });
    i = j + 1;
  }
  const unclosed = stack.pop();
  if (unclosed) throw fail(`Can't find end tag corresponding to start tag "${unclosed.tag}"`);
  entities.sort((a, b) => a.offset - b.offset || b.length - a.length);
  return { text, entities };
}

function entityFor(
  tag: string,
  attrs: Record<string, string>,
  offset: number,
  length: number,
  outer: Array<{ tag: string; attrs: Record<string, string> }>,
): MessageEntity | null {
  switch (tag) {
    case "b":
    case "strong":
      return { type: "bold", offset, length };
    case "i":
    case "em":
      return { type: "italic", offset, length };
    case "u":
    case "ins":
      return { type: "underline", offset, length };
    case "s":
    case "strike":
    case "del":
      return { type: "strikethrough", offset, length };
    case "span":
    case "tg-spoiler":
      return { type: "spoiler", offset, length };
    case "a":
      return attrs.href ? { type: "text_link", offset, length, url: attrs.href } : null;
    case "code": {
      const inPre = outer.length > 0 && outer[outer.length - 1]?.tag === "pre";
      const language = /^language-(.+)$/.exec(attrs.class ?? "")?.[1];
      if (inPre) return language ? { type: "pre", offset, length, language } : null;
      return { type: "code", offset, length };
    }
    case "pre":
      return { type: "pre", offset, length };
    case "blockquote":
      return { type: "expandable" in attrs ? "expandable_blockquote" : "blockquote", offset, length };
    case "tg-emoji":
      return attrs["emoji-id"] ? { type: "custom_emoji", offset, length, custom_emoji_id: attrs["emoji-id"] } : null;
    default:
      return null;
  }
}

/** Telegram trims leading and trailing whitespace of a message text. */
function trimParsed(parsed: ParsedText): ParsedText {
  const lead = /^\s*/.exec(parsed.text)?.[0].length ?? 0;
  const text = parsed.text.trim();
  const entities: MessageEntity[] = [];
  for (const e of parsed.entities) {
    const start = Math.max(0, e.offset - lead);
    const end = Math.min(text.length, e.offset - lead + e.length);
    if (end > start) entities.push({ ...e, offset: start, length: end - start });
  }
  return { text, entities };
}

function renderText(rawText: string | undefined, parseMode: string | undefined): ParsedText {
  if (rawText === undefined || rawText === "") throw badRequest("message text is empty");
  const mode = parseMode?.toLowerCase();
  let parsed: ParsedText;
  if (mode === undefined || mode === "") parsed = { text: rawText, entities: [] };
  else if (mode === "html") parsed = parseTelegramHtml(rawText);
  else if (mode === "markdown" || mode === "markdownv2") parsed = { text: rawText, entities: [] };
  else throw badRequest("unsupported parse_mode");
  parsed = trimParsed(parsed);
  if (parsed.text === "") throw badRequest("message text is empty");
  if (parsed.text.length > MAX_TEXT) throw badRequest("message is too long");
  return parsed;
}

function commandEntities(text: string): MessageEntity[] {
  const m = /^\/[A-Za-z0-9_]{1,64}(?:@[A-Za-z0-9_]{3,64})?/.exec(text);
  return m ? [{ type: "bot_command", offset: 0, length: m[0].length }] : [];
}

// ---------------------------------------------------------------------------------
// The emulator

interface UserState {
  id: number;
  profile: TelegramUserProfile;
  started: boolean;
  blocked: boolean;
}

interface ChatState {
  chat: Chat;
  messages: Map<number, Message>;
  botMessages: Message[];
  listeners: Set<() => void>;
}

interface FaultRule {
  remaining: number;
  method?: string;
  kind: "fail" | "rateLimit";
  status: number;
  description?: string;
  html?: boolean;
  retryAfter?: number;
}

type Outcome = { status: number; body: unknown } | "aborted" | "dropped";

interface Waiter {
  finish(reason: "update" | "timeout" | "conflict" | "abort" | "drop"): void;
}

export async function startTelegramEmulator(options: TelegramEmulatorOptions = {}): Promise<TelegramEmulator> {
  const token = options.token ?? "123456:ABC-test";
  const botUsername = options.botUsername ?? "innbox_test_bot";
  const botFirstName = options.botFirstName ?? "Innbox Test Bot";
  const botId = Number(token.split(":")[0]) || 123456;
  const updateIdBase = options.updateIdBase ?? 700_000_000;
  const limits: TelegramLimits | null = options.enforceLimits
    ? { ...DEFAULT_LIMITS, ...(typeof options.enforceLimits === "object" ? options.enforceLimits : {}) }
    : null;
  const botUser: User = { id: botId, is_bot: true, first_name: botFirstName, username: botUsername };

  // --- telegram-test-api, on a free loopback port (it treats port 0 as "9000")
  let upstream: TtaServer | undefined;
  for (let attempt = 0; !upstream; attempt++) {
    const candidate = new TelegramServer({ port: await freePort(), host: "127.0.0.1", storeTimeout: 24 * 3600 });
    try {
      await candidate.start();
      upstream = candidate;
    } catch (err) {
      if (attempt >= 5) throw err;
    }
  }
  const emu: TtaServer = upstream;
  const upstreamUrl = emu.config.apiURL;

  // --- state
  const users = new Map<number, UserState>();
  const chats = new Map<number, ChatState>();
  const ingestedByKey = new Map<string, Message>();
  let queue: Update[] = [];
  let confirmedOffset = 0;
  let allowedUpdates: string[] | null = null;
  let webhookUrl = "";
  let commands: unknown[] = [];
  const sent: SentMessage[] = [];
  const edits: EditedMessage[] = [];
  const requests: RequestRecord[] = [];
  const stats: TelegramEmulatorStats = { calls: {}, rateLimited: 0, failed: 0, dropped: 0, conflicts: 0 };
  let faults: FaultRule[] = [];
  let delayMs = 0;
  let delayAfterProcessing = false;
  let outageMode: "reset" | "hang" | null = null;
  const hung = new Set<Socket>();
  const sockets = new Set<Socket>();
  let waiter: Waiter | null = null;
  let stopped = false;
  let stopping: Promise<void> | null = null;
  let keySeq = 0;
  let userChain: Promise<unknown> = Promise.resolve();
  // limits
  const globalWindow: number[] = [];
  const groupWindows = new Map<number, number[]>();
  const buckets = new Map<number, { tokens: number; at: number }>();

  function chatState(chatId: number): ChatState | undefined {
    let state = chats.get(chatId);
    if (state) return state;
    let chat: Chat;
    if (chatId < 0) {
      chat = { id: chatId, type: "group", title: `Group ${-chatId}` };
    } else {
      const u = users.get(chatId);
      if (!u) return undefined;
      chat = { id: chatId, type: "private", first_name: u.profile.firstName };
      if (u.profile.lastName) chat.last_name = u.profile.lastName;
      if (u.profile.username) chat.username = u.profile.username;
    }
    state = { chat, messages: new Map(), botMessages: [], listeners: new Set() };
    chats.set(chatId, state);
    return state;
  }

  // --- updates: taken from telegram-test-api, kept until confirmed by an offset
  function updateType(update: Update): string {
    return Object.keys(update).find((k) => k !== "update_id") ?? "unknown";
  }

  function ingest(raw: Array<Record<string, unknown>>): void {
    let added = false;
    for (const item of raw) {
      const updateId = Number(item.update_id) + updateIdBase;
      let update: Update;
      if (item.message && typeof item.message === "object") {
        const m = { ...(item.message as Record<string, unknown>) };
        const key = typeof m[KEY_FIELD] === "string" ? (m[KEY_FIELD] as string) : undefined;
        delete m[KEY_FIELD];
        delete m.botToken;
        const message = m as unknown as Message;
        const chatId = message.chat?.id;
        if (typeof chatId === "number") chatState(chatId)?.messages.set(message.message_id, message);
        if (key) ingestedByKey.set(key, message);
        update = { update_id: updateId, message };
      } else if (item.callback_query) {
        update = { update_id: updateId, callback_query: item.callback_query } as Update;
      } else {
        continue;
      }
      if (updateId < confirmedOffset) continue;
      if (allowedUpdates && allowedUpdates.length > 0 && !allowedUpdates.includes(updateType(update))) continue;
      queue.push(update);
      added = true;
    }
    if (added) {
      queue.sort((a, b) => a.update_id - b.update_id);
      waiter?.finish("update");
    }
  }

  const pullInProcess = () => {
    if (!stopped) ingest(emu.getUpdates(token));
  };
  emu.on("AddedUserMessage", pullInProcess);
  emu.on("AddedUserCommand", pullInProcess);
  emu.on("AddedUserCallbackQuery", pullInProcess);

  async function upstreamCall(method: string, body: Params): Promise<{ ok: boolean; result?: unknown; description?: string }> {
    const payload = Buffer.from(JSON.stringify(body));
    const url = new URL(`/bot${token}/${method}`, upstreamUrl);
    return new Promise((resolve, reject) => {
      const req = http.request(
        url,
        { method: "POST", agent: false, headers: { "content-type": "application/json", "content-length": payload.length } },
        (res) => {
          const chunks: Buffer[] = [];
          res.on("data", (c: Buffer) => chunks.push(c));
          res.on("end", () => {
            try {
              const parsed = JSON.parse(Buffer.concat(chunks).toString("utf8")) as { ok?: boolean; result?: unknown; message?: string };
              resolve({ ok: parsed.ok === true, result: parsed.result, description: parsed.message });
            } catch (err) {
              reject(err);
            }
          });
          res.on("error", reject);
        },
      );
      req.on("error", reject);
      req.end(payload);
    });
  }

  function applyOffset(offset: number | undefined): void {
    if (offset === undefined || offset === 0) return;
    if (offset > 0) {
      queue = queue.filter((u) => u.update_id >= offset);
      confirmedOffset = Math.max(confirmedOffset, offset);
    } else {
      queue = queue.slice(offset);
      const first = queue[0];
      if (first) confirmedOffset = Math.max(confirmedOffset, first.update_id);
    }
  }

  // --- limits
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

  // --- methods
  function requireChat(params: Params): ChatState {
    const raw = params.chat_id;
    if (raw === undefined || raw === null || raw === "") throw badRequest("chat_id is empty");
    const chatId = typeof raw === "number" ? raw : /^-?\d+$/.test(String(raw)) ? Number(raw) : NaN;
    if (!Number.isFinite(chatId)) throw badRequest("chat not found");
    const state = chatState(chatId);
    if (!state) throw badRequest("chat not found");
    const u = chatId > 0 ? users.get(chatId) : undefined;
    if (u && u.blocked) throw new ApiError(403, "Forbidden: bot was blocked by the user");
    if (u && !u.started) throw new ApiError(403, "Forbidden: bot can't initiate conversation with a user");
    return state;
  }

  async function sendMessage(params: Params): Promise<Message> {
    const state = requireChat(params);
    const chatId = state.chat.id;
    const rawText = stringParam(params, "text");
    const parseMode = stringParam(params, "parse_mode");
    const parsed = renderText(rawText, parseMode);
    const replyParams = jsonParam<{ message_id?: number; chat_id?: number | string; allow_sending_without_reply?: boolean }>(params, "reply_parameters");
    const replyToId = replyParams?.message_id ?? intParam(params, "reply_to_message_id");
    const allowWithout = replyParams?.allow_sending_without_reply === true || boolParam(params, "allow_sending_without_reply");
    let replyTo: Message | undefined;
    if (replyToId !== undefined) {
      replyTo = state.messages.get(Number(replyToId));
      if (!replyTo && !allowWithout) throw badRequest("message to be replied not found");
    }
    const replyMarkup = jsonParam<Record<string, unknown>>(params, "reply_markup");
    checkLimits(chatId);

    // Forward to telegram-test-api: it records the message and assigns its message_id.
    const forwarded = await upstreamCall("sendMessage", { ...params, chat_id: chatId, text: rawText });
    const upstreamMessage = forwarded.result as { message_id?: number } | undefined;
    if (!forwarded.ok || typeof upstreamMessage?.message_id !== "number") {
      throw new ApiError(500, `Internal Server Error: upstream ${forwarded.description ?? "failed"}`);
    }
    const message: Message = {
      message_id: upstreamMessage.message_id,
      from: { ...botUser },
      chat: { ...state.chat },
      date: nowS(),
      text: parsed.text,
    };
    if (parsed.entities.length) message.entities = parsed.entities;
    if (replyTo) message.reply_to_message = shallowReplyCopy(replyTo);
    if (replyMarkup && "inline_keyboard" in replyMarkup) (message as { reply_markup?: unknown }).reply_markup = replyMarkup;

    state.messages.set(message.message_id, message);
    state.botMessages.push(message);
    const record: SentMessage = {
      chatId,
      text: parsed.text,
      rawText: rawText ?? "",
      at: Date.now(),
      messageId: message.message_id,
      message: clone(message),
    };
    if (parseMode) record.parseMode = parseMode;
    if (replyTo) record.replyToMessageId = replyTo.message_id;
    sent.push(record);
    for (const listener of [...state.listeners]) listener();
    return clone(message);
  }

  async function editMessageText(params: Params): Promise<Message | true> {
    if (params.inline_message_id !== undefined) {
      renderText(stringParam(params, "text"), stringParam(params, "parse_mode"));
      return true;
    }
    const chatIdRaw = intParam(params, "chat_id");
    if (chatIdRaw === undefined) throw badRequest("chat_id is empty");
    const state = chatState(chatIdRaw);
    if (!state) throw badRequest("chat not found");
    const messageId = intParam(params, "message_id");
    if (messageId === undefined) throw badRequest("message identifier is not specified");
    const message = state.messages.get(messageId);
    if (!message) throw badRequest("message to edit not found");
    if (message.from?.id !== botId) throw badRequest("message can't be edited");
    const rawText = stringParam(params, "text");
    const parsed = renderText(rawText, stringParam(params, "parse_mode"));
    const replyMarkup = jsonParam<Record<string, unknown>>(params, "reply_markup");
    const current = message;
    if (
      current.text === parsed.text &&
      JSON.stringify(current.entities ?? []) === JSON.stringify(parsed.entities) &&
      (replyMarkup === undefined || JSON.stringify((current as { reply_markup?: unknown }).reply_markup) === JSON.stringify(replyMarkup))
    ) {
      throw badRequest(
        "message is not modified: specified new message content and reply markup are exactly the same as a current content and reply markup of the message",
      );
    }
    await upstreamCall("editMessageText", { ...params, chat_id: chatIdRaw, message_id: messageId }).catch(() => undefined);
    current.text = parsed.text;
    if (parsed.entities.length) current.entities = parsed.entities;
    else delete current.entities;
    if (replyMarkup && "inline_keyboard" in replyMarkup) (current as { reply_markup?: unknown }).reply_markup = replyMarkup;
    current.edit_date = nowS();
    edits.push({ chatId: chatIdRaw, messageId, text: parsed.text, rawText: rawText ?? "", at: Date.now() });
    for (const listener of [...state.listeners]) listener();
    return clone(current);
  }

  function deleteMessage(params: Params): true {
    const chatId = intParam(params, "chat_id");
    const messageId = intParam(params, "message_id");
    const state = chatId === undefined ? undefined : chatState(chatId);
    if (!state) throw badRequest("chat not found");
    if (messageId === undefined || !state.messages.has(messageId)) throw badRequest("message to delete not found");
    state.messages.delete(messageId);
    state.botMessages = state.botMessages.filter((m) => m.message_id !== messageId);
    return true;
  }

  /** getUpdates. Answers through `respond` (or destroys the connection), possibly later. */
  async function getUpdates(params: Params, res: ServerResponse): Promise<Outcome> {
    if (webhookUrl) {
      throw new ApiError(409, "Conflict: can't use getUpdates method while webhook is active; use deleteWebhook to delete the webhook first");
    }
    if (waiter) {
      stats.conflicts++;
      waiter.finish("conflict");
    }
    const offset = intParam(params, "offset");
    const limit = Math.min(100, Math.max(1, intParam(params, "limit") ?? 100));
    const timeoutS = Math.min(600, Math.max(0, intParam(params, "timeout") ?? 0));
    const allowed = jsonParam<string[]>(params, "allowed_updates");
    if (Array.isArray(allowed)) allowedUpdates = allowed;

    // Anything telegram-test-api holds (e.g. sent through its own client routes).
    const pulled = await upstreamCall("getUpdates", {});
    if (pulled.ok && Array.isArray(pulled.result)) ingest(pulled.result as Array<Record<string, unknown>>);
    applyOffset(offset);
    const answer = () => ({ status: 200, body: { ok: true, result: clone(queue.slice(0, limit)) } });
    if (queue.length > 0 || timeoutS === 0) return answer();

    const reason = await new Promise<"update" | "timeout" | "conflict" | "abort" | "drop">((resolve) => {
      let done = false;
      const self: Waiter = {
        finish(why) {
          if (done) return;
          done = true;
          clearTimeout(timer);
          res.off("close", onClose);
          if (waiter === self) waiter = null;
          resolve(why);
        },
      };
      const timer = setTimeout(() => self.finish("timeout"), timeoutS * 1000);
      const onClose = () => self.finish("abort");
      res.on("close", onClose);
      waiter = self;
      if (stopped || outageMode) self.finish("drop");
    });
    if (reason === "conflict") {
      throw new ApiError(409, "Conflict: terminated by other getUpdates request; make sure that only one bot instance is running");
    }
    if (reason === "abort") return "aborted";
    if (reason === "drop") return "dropped";
    return answer();
  }

  async function dispatch(method: string, params: Params, res: ServerResponse): Promise<Outcome> {
    const ok = (result: unknown, description?: string) => ({ status: 200, body: description ? { ok: true, result, description } : { ok: true, result } });
    switch (method) {
      case "getUpdates":
        return getUpdates(params, res);
      case "getMe":
        return ok({ ...botUser, can_join_groups: true, can_read_all_group_messages: false, supports_inline_queries: false, can_connect_to_business: false, has_main_web_app: false });
      case "sendMessage":
        return ok(await sendMessage(params));
      case "editMessageText":
        return ok(await editMessageText(params));
      case "deleteMessage":
        return ok(deleteMessage(params));
      case "sendChatAction": {
        requireChat(params);
        const action = stringParam(params, "action");
        if (!action || !CHAT_ACTIONS.has(action)) throw badRequest("wrong parameter action in request");
        return ok(true);
      }
      case "setMyCommands": {
        const list = jsonParam<unknown[]>(params, "commands");
        if (!Array.isArray(list)) throw badRequest("parameter \"commands\" is required");
        for (const c of list) {
          const cmd = c as { command?: unknown; description?: unknown };
          if (typeof cmd.command !== "string" || !/^[a-z0-9_]{1,32}$/.test(cmd.command)) throw badRequest("BOT_COMMAND_INVALID");
          if (typeof cmd.description !== "string" || cmd.description.length < 1 || cmd.description.length > 256) throw badRequest("BOT_COMMAND_DESCRIPTION_INVALID");
        }
        commands = clone(list);
        return ok(true);
      }
      case "getMyCommands":
        return ok(clone(commands));
      case "deleteMyCommands":
        commands = [];
        return ok(true);
      case "deleteWebhook": {
        const had = webhookUrl !== "";
        webhookUrl = "";
        if (boolParam(params, "drop_pending_updates")) {
          const last = queue[queue.length - 1];
          if (last) confirmedOffset = Math.max(confirmedOffset, last.update_id + 1);
          queue = [];
        }
        await upstreamCall("deleteWebhook", {}).catch(() => undefined);
        return ok(true, had ? "Webhook was deleted" : "Webhook is already deleted");
      }
      case "setWebhook": {
        const url = stringParam(params, "url") ?? "";
        webhookUrl = url;
        return ok(true, url ? "Webhook was set" : "Webhook was deleted");
      }
      case "getWebhookInfo":
        return ok({ url: webhookUrl, has_custom_certificate: false, pending_update_count: queue.length });
      case "getChat": {
        const state = requireChat(params);
        return ok({ ...state.chat, accent_color_id: 0, max_reaction_count: 11, accepted_gift_types: { unlimited_gifts: false, limited_gifts: false, unique_gifts: false, premium_subscription: false } });
      }
      case "answerCallbackQuery":
      case "logOut":
      case "close":
      case "setMyName":
      case "setMyDescription":
      case "setMyShortDescription":
      case "setChatMenuButton":
        return ok(true);
      default:
        throw badRequest(`method ${method} is not supported by the test emulator`);
    }
  }

  // --- the front layer
  function takeFault(method: string): FaultRule | undefined {
    const rule = faults.find((f) => f.remaining > 0 && (!f.method || f.method.toLowerCase() === method.toLowerCase()));
    if (!rule) return undefined;
    rule.remaining--;
    faults = faults.filter((f) => f.remaining > 0);
    return rule;
  }

  function waitUnlessClosed(ms: number, res: ServerResponse): Promise<boolean> {
    return new Promise((resolve) => {
      if (res.destroyed) return resolve(false);
      const timer = setTimeout(() => {
        res.off("close", onClose);
        resolve(!res.destroyed);
      }, ms);
      const onClose = () => {
        clearTimeout(timer);
        resolve(false);
      };
      res.once("close", onClose);
    });
  }

  function drop(req: IncomingMessage, record: RequestRecord): void {
    record.outcome = "dropped";
    stats.dropped++;
    if (outageMode === "hang" && !stopped) {
      hung.add(req.socket);
      return;
    }
    req.socket.destroy();
  }

  function respond(res: ServerResponse, record: RequestRecord, status: number, body: unknown, html = false): void {
    if (res.destroyed || res.writableEnded) {
      record.outcome = "aborted";
      return;
    }
    record.outcome = status;
    const payload = html ? String(body) : JSON.stringify(body);
    res.writeHead(status, {
      "content-type": html ? "text/html" : "application/json",
      "content-length": Buffer.byteLength(payload),
      server: "nginx/1.18.0",
    });
    res.end(payload);
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? "/", "http://127.0.0.1");
    const match = /^\/bot([^/]+)\/([A-Za-z0-9_]+)\/?$/.exec(url.pathname);
    if (!match) {
      res.writeHead(404, { "content-type": "application/json" });
      res.end(JSON.stringify({ ok: false, error_code: 404, description: "Not Found" }));
      return;
    }
    const reqToken = match[1] as string;
    const rawMethod = match[2] as string;
    const method = METHOD_BY_LOWER.get(rawMethod.toLowerCase()) ?? rawMethod;
    stats.calls[method] = (stats.calls[method] ?? 0) + 1;
    const record: RequestRecord = { method, at: Date.now(), params: {}, outcome: "pending" };
    requests.push(record);

    let body: Buffer;
    try {
      body = await readBody(req);
    } catch {
      record.outcome = "aborted";
      return;
    }
    if (stopped || outageMode) return drop(req, record);
    let params: Params;
    try {
      params = parseParams(req, url, body);
    } catch {
      return respond(res, record, 400, { ok: false, error_code: 400, description: "Bad Request: can't parse JSON" });
    }
    record.params = params;

    if (delayMs > 0 && !delayAfterProcessing) {
      if (!(await waitUnlessClosed(delayMs, res))) {
        record.outcome = "aborted";
        return;
      }
      if (stopped || outageMode) return drop(req, record);
    }

    const fault = takeFault(method);
    if (fault?.kind === "fail") {
      stats.failed++;
      const description = fault.description ?? (http.STATUS_CODES[fault.status] ?? "Internal Server Error");
      if (fault.html) {
        const page = `<html>\r\n<head><title>${fault.status} ${description}</title></head>\r\n<body>\r\n<center><h1>${fault.status} ${description}</h1></center>\r\n<hr><center>nginx/1.18.0</center>\r\n</body>\r\n</html>\r\n`;
        return respond(res, record, fault.status, page, true);
      }
      return respond(res, record, fault.status, { ok: false, error_code: fault.status, description });
    }
    if (fault?.kind === "rateLimit") {
      stats.rateLimited++;
      const n = fault.retryAfter ?? 1;
      return respond(res, record, 429, { ok: false, error_code: 429, description: `Too Many Requests: retry after ${n}`, parameters: { retry_after: n } });
    }
    if (reqToken !== token) {
      return respond(res, record, 401, { ok: false, error_code: 401, description: "Unauthorized" });
    }
    if (!METHOD_BY_LOWER.has(rawMethod.toLowerCase())) {
      return respond(res, record, 404, { ok: false, error_code: 404, description: "Not Found" });
    }

    let result: Outcome;
    try {
      result = await dispatch(method, params, res);
    } catch (err) {
      if (err instanceof ApiError) {
        if (err.code === 429) stats.rateLimited++;
        const envelope: Record<string, unknown> = { ok: false, error_code: err.code, description: err.description };
        if (err.parameters) envelope.parameters = err.parameters;
        result = { status: err.code, body: envelope };
      } else {
        result = { status: 500, body: { ok: false, error_code: 500, description: `Internal Server Error: ${String(err)}` } };
      }
    }
    if (result === "aborted") {
      record.outcome = "aborted";
      return;
    }
    if (result === "dropped") {
      // A long poll cut by an outage or stop: the connection is destroyed in every mode.
      record.outcome = "dropped";
      stats.dropped++;
      req.socket.destroy();
      return;
    }
    if (delayMs > 0 && delayAfterProcessing) {
      if (!(await waitUnlessClosed(delayMs, res))) {
        record.outcome = "aborted";
        return;
      }
    }
    if (stopped || outageMode) return drop(req, record);
    respond(res, record, result.status, result.body);
  }

  const front = http.createServer((req, res) => {
    handle(req, res).catch((err: unknown) => {
      if (!res.headersSent && !res.destroyed) {
        res.writeHead(500, { "content-type": "application/json" });
        res.end(JSON.stringify({ ok: false, error_code: 500, description: `Internal Server Error: ${String(err)}` }));
      }
    });
  });
  front.on("connection", (socket: Socket) => {
    if (stopped || outageMode === "reset") {
      stats.dropped++;
      socket.destroy();
      return;
    }
    sockets.add(socket);
    socket.on("close", () => {
      sockets.delete(socket);
      hung.delete(socket);
    });
  });
  await new Promise<void>((resolve, reject) => {
    front.once("error", reject);
    front.listen(0, "127.0.0.1", () => resolve());
  });
  const apiRoot = `http://127.0.0.1:${(front.address() as AddressInfo).port}`;

  // --- users
  const clients = new Map<number, TelegramUserClient>();

  function userSends(u: UserState, build: (base: Record<string, unknown>) => Record<string, unknown>): Promise<Message> {
    const run = async (): Promise<Message> => {
      if (stopped) throw new Error("telegram emulator stopped");
      const key = `k${++keySeq}`;
      const from: User = { id: u.id, is_bot: false, first_name: u.profile.firstName };
      if (u.profile.lastName) from.last_name = u.profile.lastName;
      if (u.profile.username) from.username = u.profile.username;
      if (u.profile.languageCode) from.language_code = u.profile.languageCode;
      const state = chatState(u.id) as ChatState;
      const draft = build({ from, chat: { ...state.chat }, date: nowS() });
      u.started = true;
      // telegram-test-api takes the bot token inside the message; KEY_FIELD lets us find
      // the stored message again (both are removed before the bot sees the update).
      await emu.addUserMessage({ ...draft, botToken: token, [KEY_FIELD]: key });
      pullInProcess();
      const message = ingestedByKey.get(key);
      ingestedByKey.delete(key);
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
    const existing = users.get(id);
    if (existing) {
      if (profile) existing.profile = { ...profile };
      return clients.get(id) as TelegramUserClient;
    }
    const u: UserState = { id, profile: profile ? { ...profile } : { firstName: `User ${id}` }, started: false, blocked: false };
    users.set(id, u);
    const state = () => chatState(id) as ChatState;
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

  // --- controls
  function outage(on: boolean, opts: { mode?: "reset" | "hang" } = {}): void {
    if (on) {
      outageMode = opts.mode ?? "reset";
      waiter?.finish("drop");
      if (outageMode === "reset") for (const s of [...sockets]) s.destroy();
    } else {
      outageMode = null;
      for (const s of [...hung]) s.destroy();
      hung.clear();
    }
  }

  async function stop(): Promise<void> {
    if (stopping) return stopping;
    stopped = true;
    stopping = (async () => {
      emu.off("AddedUserMessage", pullInProcess);
      emu.off("AddedUserCommand", pullInProcess);
      emu.off("AddedUserCallbackQuery", pullInProcess);
      waiter?.finish("drop");
      const closed = new Promise<void>((resolve) => front.close(() => resolve()));
      for (const s of [...sockets]) s.destroy();
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
    sent,
    edits,
    requests,
    stats,
    get confirmedOffset() {
      return confirmedOffset;
    },
    pendingUpdates() {
      pullInProcess();
      return clone(queue);
    },
    user,
    failNext(n, opts = {}) {
      const rule: FaultRule = { remaining: n, kind: "fail", status: opts.status ?? 500 };
      if (opts.method) rule.method = opts.method;
      if (opts.description) rule.description = opts.description;
      if (opts.html) rule.html = true;
      faults.push(rule);
    },
    rateLimitNext(n, retryAfterS, opts = {}) {
      const rule: FaultRule = { remaining: n, kind: "rateLimit", status: 429, retryAfter: retryAfterS };
      if (opts.method) rule.method = opts.method;
      faults.push(rule);
    },
    outage,
    delay(ms, opts = {}) {
      delayMs = Math.max(0, ms);
      delayAfterProcessing = opts.afterProcessing === true;
    },
    clearFaults() {
      faults = [];
      delayMs = 0;
      delayAfterProcessing = false;
      outage(false);
    },
    stop,
  };
}
