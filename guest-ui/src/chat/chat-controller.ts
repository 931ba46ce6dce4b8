// One guest's conversation with the reception: history, the live socket, and the outbox
// of typed messages. Messages go out one at a time, in order, each with the clientId it
// got when typed, so a retry after a lost answer never stores it twice.
import type { ChatMessage, GuestConversationInfo } from "@innbox/protocol";
import { ApiError, type GuestApi, type GuestUpdate } from "../api/guest-api";
import { newClientId } from "./client-id";
import { readGuestRecord, writeGuestRecord, type GuestRecord, type KeyValueStore, type QueuedMessage } from "./guest-storage";
import type { GuestSocket, GuestSocketFactory } from "./guest-socket";
import { markDelivered, mergeMessages } from "./merge-messages";

export type OutgoingStatus = "sending" | "queued" | "failed";

/** A message the guest typed that the appliance has not stored yet. */
export interface OutgoingMessage extends QueuedMessage {
  status: OutgoingStatus;
}

export interface ChatState {
  /** Stored messages, oldest first. */
  messages: readonly ChatMessage[];
  /** Typed but not stored yet, in the order they will be sent. */
  outgoing: readonly OutgoingMessage[];
  /** Whether a conversation exists (it is created when the guest first sends). */
  hasConversation: boolean;
  /** True until the stored conversation's history has been asked for. */
  loading: boolean;
  info: GuestConversationInfo | null;
  /** The guest's name: the conversation's, or the one typed before it existed. */
  name: string;
  offline: boolean;
}

/** Whether the browser thinks it has a network, and when that changes or the page comes back. */
export interface NetworkWatch {
  isOnline(): boolean;
  subscribe(onChange: (online: boolean) => void, onResume: () => void): () => void;
}

export interface ChatControllerDeps {
  slug: string;
  tag?: string;
  language: string;
  api: GuestApi;
  store: KeyValueStore;
  connectSocket: GuestSocketFactory;
  network: NetworkWatch;
  newId?: () => string;
  now?: () => Date;
}

const RETRY_MIN_MS = 2_000;
const RETRY_MAX_MS = 30_000;
const INFO_REFRESH_MS = 5 * 60_000;
const SOCKET_RETRY_MS = 5_000;

export class ChatController {
  private record: GuestRecord;
  private messages: ChatMessage[] = [];
  private failed: OutgoingMessage[] = [];
  private info: GuestConversationInfo | null = null;
  private loading: boolean;
  private browserOnline: boolean;
  private requestFailed = false;
  private socketDown = false;
  private socket: GuestSocket | undefined;
  private flushing = false;
  /** A flush was asked for while one ran: go round once more when it ends. */
  private flushAgain = false;
  private retryTimer: ReturnType<typeof setTimeout> | undefined;
  private retryDelay = RETRY_MIN_MS;
  private infoTimer: ReturnType<typeof setInterval> | undefined;
  private reconnectTimer: ReturnType<typeof setTimeout> | undefined;
  private unwatchNetwork: (() => void) | undefined;
  private listeners = new Set<(state: ChatState) => void>();
  private state: ChatState;
  private stopped = false;
  private readonly newId: () => string;
  private readonly now: () => Date;

  constructor(private readonly deps: ChatControllerDeps) {
    this.newId = deps.newId ?? newClientId;
    this.now = deps.now ?? (() => new Date());
    this.record = readGuestRecord(deps.store, deps.slug);
    this.loading = Boolean(this.record.token);
    this.browserOnline = deps.network.isOnline();
    this.state = this.snapshot();
  }

  getState(): ChatState {
    return this.state;
  }

  subscribe(listener: (state: ChatState) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  start(): void {
    this.unwatchNetwork = this.deps.network.subscribe(
      (online) => this.networkChanged(online),
      () => void this.refresh(),
    );
    this.infoTimer = setInterval(() => void this.refreshInfo(), INFO_REFRESH_MS);
    if (this.record.token) {
      this.openSocket(this.record.token);
      void this.loadConversation();
    }
    void this.flush();
  }

  stop(): void {
    this.stopped = true;
    this.unwatchNetwork?.();
    clearInterval(this.infoTimer);
    clearTimeout(this.retryTimer);
    clearTimeout(this.reconnectTimer);
    this.socket?.close();
    this.socket = undefined;
    this.listeners.clear();
  }

  /** Queues a message (kept across reloads) and sends it as soon as it can. */
  send(text: string): void {
    if (!text.trim()) return;
    this.record.queue.push({ clientId: this.newId(), text, typedAt: this.now().toISOString() });
    this.save();
    this.changed();
    void this.flush();
  }

  /** Forgets a message the appliance refused. */
  discard(clientId: string): void {
    this.failed = this.failed.filter((m) => m.clientId !== clientId);
    this.changed();
  }

  /** The name typed before the conversation exists; it goes with the first message. */
  setDraftName(name: string): void {
    const trimmed = name.trim();
    if (trimmed) this.record.name = trimmed.slice(0, 80);
    else delete this.record.name;
    this.save();
    this.changed();
  }

  /** Changes the guest's name or email on the conversation; throws ApiError when refused. */
  async update(update: GuestUpdate): Promise<void> {
    const token = this.record.token;
    if (!token) {
      if (update.name !== undefined) this.setDraftName(update.name);
      return;
    }
    try {
      this.info = await this.deps.api.updateConversation(token, update);
      this.answered();
    } catch (error) {
      this.failedRequest(error);
      throw error;
    }
    if (update.name) this.record.name = update.name;
    this.save();
    this.changed();
  }

  // --- the outbox ---

  private async flush(): Promise<void> {
    if (this.stopped) return;
    if (this.flushing) {
      this.flushAgain = true;
      return;
    }
    this.flushing = true;
    this.flushAgain = false;
    let unauthorised = 0;
    try {
      while (!this.stopped && this.record.queue.length > 0 && this.browserOnline) {
        const next = this.record.queue[0]!;
        try {
          const token = await this.ensureConversation();
          const message = await this.deps.api.sendMessage(token, { text: next.text, clientId: next.clientId });
          this.answered();
          this.retryDelay = RETRY_MIN_MS;
          this.receive([message]);
        } catch (error) {
          if (!(error instanceof ApiError) || error.offline || error.status === 429 || error.status >= 500) {
            this.failedRequest(error);
            this.scheduleRetry();
            break;
          }
          if (error.status === 401 && unauthorised++ === 0) {
            this.dropConversation();
            continue;
          }
          // Refused for good (too long, bad characters, unknown property): show it as not sent.
          this.answered();
          this.record.queue = this.record.queue.filter((q) => q.clientId !== next.clientId);
          this.save();
          this.failed.push({ ...next, status: "failed" });
          this.changed();
        }
      }
    } finally {
      this.flushing = false;
    }
    if (this.flushAgain) void this.flush();
  }

  private scheduleRetry(): void {
    clearTimeout(this.retryTimer);
    this.retryTimer = setTimeout(() => void this.flush(), this.retryDelay);
    this.retryDelay = Math.min(this.retryDelay * 2, RETRY_MAX_MS);
  }

  /** The conversation's token, creating the conversation on the guest's first message. */
  private async ensureConversation(): Promise<string> {
    if (this.record.token) return this.record.token;
    const session = await this.deps.api.createSession({
      slug: this.deps.slug,
      channel: "web",
      language: this.deps.language,
      ...(this.deps.tag ? { tag: this.deps.tag } : {}),
      ...(this.record.name ? { name: this.record.name } : {}),
    });
    this.record.token = session.token;
    this.record.conversationId = session.conversationId;
    this.record.language = this.deps.language;
    this.save();
    this.openSocket(session.token);
    void this.refreshInfo();
    this.changed();
    return session.token;
  }

  /** The token stopped working: start a fresh conversation with the next message. */
  private dropConversation(): void {
    clearTimeout(this.reconnectTimer);
    this.socket?.close();
    this.socket = undefined;
    this.socketDown = false;
    delete this.record.token;
    delete this.record.conversationId;
    delete this.record.language;
    this.save();
    this.messages = [];
    this.info = null;
    this.loading = false;
    this.changed();
  }

  // --- what comes back ---

  private receive(incoming: readonly ChatMessage[]): void {
    this.messages = mergeMessages(this.messages, incoming);
    const stored = new Set(incoming.map((m) => m.clientId).filter(Boolean));
    const before = this.record.queue.length;
    this.record.queue = this.record.queue.filter((q) => !stored.has(q.clientId));
    if (this.record.queue.length !== before) this.save();
    this.changed();
  }

  private async loadConversation(): Promise<void> {
    const language = this.record.language;
    await Promise.all([this.refreshHistory(), this.refreshInfo()]);
    this.loading = false;
    this.changed();
    // A guest whose browser now speaks another language gets answers in it.
    if (this.record.token && language !== this.deps.language) {
      this.update({ language: this.deps.language })
        .then(() => {
          this.record.language = this.deps.language;
          this.save();
        })
        .catch(() => undefined);
    }
  }

  private async refresh(): Promise<void> {
    if (!this.record.token) return;
    await Promise.all([this.refreshHistory(), this.refreshInfo()]);
    void this.flush();
  }

  private async refreshHistory(): Promise<void> {
    const token = this.record.token;
    if (!token) return;
    try {
      const messages = await this.deps.api.listMessages(token);
      if (token !== this.record.token) return;
      this.answered();
      this.receive(messages);
    } catch (error) {
      this.failedRequest(error, token);
    }
  }

  private async refreshInfo(): Promise<void> {
    const token = this.record.token;
    if (!token) return;
    try {
      const info = await this.deps.api.getConversation(token);
      if (token !== this.record.token) return;
      this.info = info;
      this.answered();
      this.changed();
    } catch (error) {
      this.failedRequest(error, token);
    }
  }

  // --- connection state ---

  private openSocket(token: string): void {
    clearTimeout(this.reconnectTimer);
    this.socket?.close();
    this.socket = this.deps.connectSocket(token, {
      connected: () => {
        this.socketDown = false;
        this.requestFailed = false;
        this.changed();
        // Whatever happened while we were away: fetch it, then send what waited.
        void this.refresh();
      },
      disconnected: (willRetry) => {
        this.socketDown = true;
        this.changed();
        if (willRetry) return;
        // The server refuses the socket of a token it no longer accepts: ask over HTTP
        // (a 401 starts afresh), otherwise try the socket again in a while.
        const socket = this.socket;
        void this.refreshInfo().then(() => {
          if (socket && socket === this.socket) this.reconnectTimer = setTimeout(() => socket.reconnect(), SOCKET_RETRY_MS);
        });
      },
      message: (message) => this.receive([message]),
      delivered: ({ id, deliveredAt }) => {
        this.messages = markDelivered(this.messages, id, deliveredAt);
        this.changed();
      },
    });
  }

  private networkChanged(online: boolean): void {
    this.browserOnline = online;
    if (online) {
      this.requestFailed = false;
      clearTimeout(this.retryTimer);
      this.retryDelay = RETRY_MIN_MS;
      this.socket?.reconnect();
      void this.flush();
    }
    this.changed();
  }

  private answered(): void {
    if (!this.requestFailed) return;
    this.requestFailed = false;
    this.changed();
  }

  private failedRequest(error: unknown, token?: string): void {
    if (error instanceof ApiError && error.status === 401) {
      if (token === undefined || token === this.record.token) this.dropConversation();
      return;
    }
    if (!(error instanceof ApiError) || error.offline) {
      this.requestFailed = true;
      this.changed();
    }
  }

  // --- state for the page ---

  private save(): void {
    writeGuestRecord(this.deps.store, this.deps.slug, this.record);
  }

  private snapshot(): ChatState {
    const offline = !this.browserOnline || this.requestFailed || this.socketDown;
    const status: OutgoingStatus = offline ? "queued" : "sending";
    return {
      messages: this.messages,
      outgoing: [...this.failed, ...this.record.queue.map((q) => ({ ...q, status }))],
      hasConversation: Boolean(this.record.token),
      loading: this.loading,
      info: this.info,
      name: this.info?.guestName ?? this.record.name ?? "",
      offline,
    };
  }

  private changed(): void {
    if (this.stopped) return;
    this.state = this.snapshot();
    for (const listener of this.listeners) listener(this.state);
  }
}
