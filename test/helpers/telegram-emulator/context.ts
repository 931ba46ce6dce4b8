// What the emulator's parts share: the bot's identity, telegram-test-api, and the mutable
// state (users and chats, the update queue, records, fault and outage state).
import type { Socket } from "node:net";
import type { Chat, Message, Update, User } from "node-telegram-bot-api";
import type { EditedMessage, RequestRecord, SentMessage, TelegramEmulatorStats, TelegramUserProfile } from "./types.js";
import type { TtaServer, UpstreamCall } from "./upstream.js";

export const KEY_FIELD = "__innboxKey";

export interface UserState {
  id: number;
  profile: TelegramUserProfile;
  started: boolean;
  blocked: boolean;
}

export interface ChatState {
  chat: Chat;
  messages: Map<number, Message>;
  botMessages: Message[];
  listeners: Set<() => void>;
}

export type Outcome = { status: number; body: unknown } | "aborted" | "dropped";

export interface Waiter {
  finish(reason: "update" | "timeout" | "conflict" | "abort" | "drop"): void;
}

export interface EmulatorContext {
  readonly token: string;
  readonly botId: number;
  readonly botUser: User;
  readonly updateIdBase: number;
  readonly emu: TtaServer;
  readonly upstreamCall: UpstreamCall;
  // --- state
  readonly users: Map<number, UserState>;
  readonly chats: Map<number, ChatState>;
  readonly ingestedByKey: Map<string, Message>;
  queue: Update[];
  confirmedOffset: number;
  allowedUpdates: string[] | null;
  webhookUrl: string;
  readonly sent: SentMessage[];
  readonly edits: EditedMessage[];
  readonly requests: RequestRecord[];
  readonly stats: TelegramEmulatorStats;
  delayMs: number;
  delayAfterProcessing: boolean;
  outageMode: "reset" | "hang" | null;
  readonly hung: Set<Socket>;
  readonly sockets: Set<Socket>;
  waiter: Waiter | null;
  stopped: boolean;
}

export function createContext(init: {
  token: string;
  botId: number;
  botUser: User;
  updateIdBase: number;
  emu: TtaServer;
  upstreamCall: UpstreamCall;
}): EmulatorContext {
  return {
    ...init,
    users: new Map<number, UserState>(),
    chats: new Map<number, ChatState>(),
    ingestedByKey: new Map<string, Message>(),
    queue: [],
    confirmedOffset: 0,
    allowedUpdates: null,
    webhookUrl: "",
    sent: [],
    edits: [],
    requests: [],
    stats: { calls: {}, rateLimited: 0, failed: 0, dropped: 0, conflicts: 0 },
    delayMs: 0,
    delayAfterProcessing: false,
    outageMode: null,
    hung: new Set<Socket>(),
    sockets: new Set<Socket>(),
    waiter: null,
    stopped: false,
  };
}

export function chatState(ctx: EmulatorContext, chatId: number): ChatState | undefined {
  let state = ctx.chats.get(chatId);
  if (state) return state;
  let chat: Chat;
  if (chatId < 0) {
    chat = { id: chatId, type: "group", title: `Group ${-chatId}` };
  } else {
    const u = ctx.users.get(chatId);
    if (!u) return undefined;
    chat = { id: chatId, type: "private", first_name: u.profile.firstName };
    if (u.profile.lastName) chat.last_name = u.profile.lastName;
    if (u.profile.username) chat.username = u.profile.username;
  }
  state = { chat, messages: new Map(), botMessages: [], listeners: new Set() };
  ctx.chats.set(chatId, state);
  return state;
}
