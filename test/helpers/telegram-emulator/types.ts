// The public types of the Telegram Bot API emulator (see index.ts for what it does).
import type { Message, Update } from "node-telegram-bot-api";

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
  /** Enforce Telegram's sending limits (see the comment in index.ts). Default off. */
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
  /** Injected failures (failNext: 5xx, or 400). */
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
   * `{ok:false,error_code,description}` unless `html: true` (an nginx-style HTML page).
   * `status: 400` with a `description` is Telegram refusing just these calls (e.g. counting
   * a text as longer than the sender did). */
  failNext(n: number, options?: { status?: 400 | 500 | 502 | 503 | 504; description?: string; method?: string; html?: boolean }): void;
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
