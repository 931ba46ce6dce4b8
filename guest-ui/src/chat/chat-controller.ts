// One guest's conversation with the reception: history, the live socket, and the outbox
// of typed messages. Messages go out one at a time, in order, each with the clientId it
// got when typed, so a retry after a lost answer never stores it twice.
import type { ChatMessage, GuestConversationInfo } from "@innbox/protocol";
import { ApiError, type Duty, type GuestApi, type GuestUpdate } from "../api/guest-api";
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
  /**
   * Whether someone is on duty: the conversation's answer once it exists, the property's
   * before (and until the new conversation's first answer); null while a stored one loads.
   */
  duty: Duty | null;
  /** The guest's name: the conversation's, or the one typed before it existed. */
  name: string;
  /** Where answers also go by email: the one saved but not stored yet, or the conversation's. */
  email: string | null;
  /** An email the appliance refused (it was saved before the conversation existed). */
  emailRefused: string | null;
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
  /** What the property said about duty when the page loaded. */
  duty?: Duty;
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
  /** Answers about the conversation can cross on the way: the one asked for last wins. */
  private infoAsked = 0;
  private infoShown = 0;
  private propertyDuty: Duty | null;
  private sendingEmail = false;
  private emailRefused: string | null = null;
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
    this.propertyDuty = deps.duty ? { onDuty: deps.duty.onDuty, offHoursNotice: deps.duty.offHoursNotice } : null;
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
    this.infoTimer = setInterval(() => void (this.record.token ? this.refreshInfo() : this.refreshDuty()), INFO_REFRESH_MS);
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

  /**
   * Changes the guest's name or email on the conversation; throws ApiError when refused.
   * Before the conversation exists both are kept, and go with the first message.
   */
  async update(update: GuestUpdate): Promise<void> {
    const token = this.record.token;
    if (!token) {
      if (update.name !== undefined) this.setDraftName(update.name);
      if (update.email !== undefined) this.setDraftEmail(update.email);
      return;
    }
    const asked = ++this.infoAsked;
    try {
      this.showInfo(await this.deps.api.updateConversation(token, update), asked);
      this.answered();
    } catch (error) {
      this.failedRequest(error);
      throw error;
    }
    if (update.name) this.record.name = update.name;
    if (update.email !== undefined) {
      // Stored now, over any email still waiting from before the first message.
      delete this.record.email;
      this.emailRefused = null;
    }
    this.save();
    this.changed();
  }

  private setDraftEmail(email: string): void {
    const trimmed = email.trim();
    if (trimmed) this.record.email = trimmed;
    else delete this.record.email;
    this.emailRefused = null;
    this.save();
    this.changed();
  }

  /** Stores on the conversation the email saved before it existed. */
  private async sendDraftEmail(): Promise<void> {
    const { token, email } = this.record;
    if (!token || !email || this.sendingEmail || this.stopped) return;
    this.sendingEmail = true;
    const asked = ++this.infoAsked;
    try {
      const info = await this.deps.api.updateConversation(token, { email });
      if (token !== this.record.token) return;
      this.answered();
      this.showInfo(info, asked);
      if (this.record.email === email) delete this.record.email;
      this.save();
    } catch (error) {
      if (error instanceof ApiError && error.status === 400) {
        // Not an email address to the appliance: the page asks for it again.
        if (this.record.email === email) delete this.record.email;
        this.emailRefused = email;
        this.save();
      } else {
        // Offline or the like: tried again when the connection returns or the page is back.
        this.failedRequest(error, token);
      }
    } finally {
      this.sendingEmail = false;
      this.changed();
    }
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
          if (this.record.email) void this.sendDraftEmail();
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
    // The next conversation is answered at the same email, unless the guest changes it.
    if (this.info?.email && !this.record.email) this.record.email = this.info.email;
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
    void this.refreshDuty();
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
    // An email saved before the first message, not stored yet when the page closed.
    if (this.record.email) void this.sendDraftEmail();
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
    if (!this.record.token) {
      void this.refreshDuty();
      return;
    }
    await Promise.all([this.refreshHistory(), this.refreshInfo()]);
    if (this.record.email) void this.sendDraftEmail();
    void this.flush();
  }

  /** Before a conversation exists, the property tells whether someone is on duty. */
  private async refreshDuty(): Promise<void> {
    if (this.record.token || this.stopped) return;
    try {
      const { onDuty, offHoursNotice } = await this.deps.api.getProperty(this.deps.slug, this.deps.language);
      if (this.record.token) return;
      this.propertyDuty = { onDuty, offHoursNotice };
      this.changed();
    } catch {
      // Best effort: what the page last heard stands until the next try.
    }
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
    const asked = ++this.infoAsked;
    try {
      const info = await this.deps.api.getConversation(token);
      if (token !== this.record.token) return;
      this.showInfo(info, asked);
      this.answered();
      this.changed();
    } catch (error) {
      this.failedRequest(error, token);
    }
  }

  private showInfo(info: GuestConversationInfo, asked: number): void {
    if (asked < this.infoShown) return;
    this.infoShown = asked;
    this.info = info;
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
      // A stored conversation's answer is awaited; a new one's is not there yet, so the
      // property's stands until it is (no flicker while the first message goes out).
      duty: this.info ?? (this.record.token && this.loading ? null : this.propertyDuty),
      name: this.info?.guestName ?? this.record.name ?? "",
      email: this.record.email ?? this.info?.email ?? null,
      emailRefused: this.emailRefused,
      offline,
    };
  }

  private changed(): void {
    if (this.stopped) return;
    this.state = this.snapshot();
    for (const listener of this.listeners) listener(this.state);
  }
}
