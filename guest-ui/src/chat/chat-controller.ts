// One guest's conversation with the reception: history and conversation info, kept in step
// with its parts: the outbox of typed messages (send-queue), whether someone is on duty and
// the guest's email (duty-state), and the socket and offline state (connection).
import type { ChatMessage, GuestConversationInfo } from "@innbox/protocol";
import type { GuestUpdate } from "../api/guest-api";
import type { ChatContext, ChatControllerDeps, ChatState, RequestOutcome } from "./chat-types";
import { Connection } from "./connection";
import { DutyState } from "./duty-state";
import { readGuestRecord, writeGuestRecord, type GuestRecord } from "./guest-storage";
import { markDelivered, mergeMessages } from "./merge-messages";
import { SendQueue } from "./send-queue";
import { announceReservation, onSessionOpened, type OpenedSession } from "../reservation/reservation-signal";

export type { ChatControllerDeps, ChatState, NetworkWatch, OutgoingMessage, OutgoingStatus } from "./chat-types";

const INFO_REFRESH_MS = 5 * 60_000;

export class ChatController {
  private readonly record: GuestRecord;
  private messages: ChatMessage[] = [];
  private info: GuestConversationInfo | null = null;
  /** Answers about the conversation can cross on the way: the one asked for last wins. */
  private infoAsked = 0;
  private infoShown = 0;
  private loading: boolean;
  private readonly queue: SendQueue;
  private readonly dutyState: DutyState;
  private readonly connection: Connection;
  private infoTimer: ReturnType<typeof setInterval> | undefined;
  private unwatchNetwork: (() => void) | undefined;
  private stopListening: (() => void) | undefined;
  private listeners = new Set<(state: ChatState) => void>();
  private state: ChatState;
  private stopped = false;

  constructor(private readonly deps: ChatControllerDeps) {
    this.record = readGuestRecord(deps.store, deps.slug);
    this.loading = Boolean(this.record.token);
    const context: ChatContext = {
      deps,
      record: this.record,
      isStopped: () => this.stopped,
      save: () => this.save(),
      changed: () => this.changed(),
    };
    const outcome: RequestOutcome = {
      answered: () => this.connection.answered(),
      failedRequest: (error, token) => this.connection.failedRequest(error, token),
    };
    this.connection = new Connection({
      ...context,
      refresh: () => this.refresh(),
      refreshInfo: () => this.refreshInfo(),
      receive: (messages) => this.receive(messages),
      delivered: ({ id, deliveredAt }) => {
        this.messages = markDelivered(this.messages, id, deliveredAt);
        this.changed();
      },
      dropConversation: () => this.dropConversation(),
    });
    this.dutyState = new DutyState({
      ...context,
      ...outcome,
      askInfo: () => ++this.infoAsked,
      showInfo: (info, asked) => this.showInfo(info, asked),
    });
    this.queue = new SendQueue({
      ...context,
      ...outcome,
      isOnline: () => this.connection.isOnline(),
      ensureConversation: () => this.ensureConversation(),
      receive: (messages) => this.receive(messages),
      sendDraftEmail: () => this.dutyState.sendDraftEmail(),
      dropConversation: () => this.dropConversation(),
    });
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
    this.stopListening = onSessionOpened((session) => this.adoptSession(session));
    this.infoTimer = setInterval(() => void (this.record.token ? this.refreshInfo() : this.dutyState.refreshDuty()), INFO_REFRESH_MS);
    if (this.record.token) {
      this.connection.openSocket(this.record.token);
      void this.loadConversation();
    }
    void this.queue.flush();
  }

  stop(): void {
    this.stopped = true;
    this.unwatchNetwork?.();
    this.stopListening?.();
    clearInterval(this.infoTimer);
    this.queue.stop();
    this.connection.closeSocket();
    this.listeners.clear();
  }

  /** Queues a message (kept across reloads) and sends it as soon as it can. */
  send(text: string): void {
    this.queue.send(text);
  }

  /** Forgets a message the appliance refused. */
  discard(clientId: string): void {
    this.queue.discard(clientId);
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
      if (update.email !== undefined) this.dutyState.setDraftEmail(update.email);
      return;
    }
    const asked = ++this.infoAsked;
    try {
      this.showInfo(await this.deps.api.updateConversation(token, update), asked);
      this.connection.answered();
    } catch (error) {
      this.connection.failedRequest(error);
      throw error;
    }
    if (update.name) this.record.name = update.name;
    if (update.email !== undefined) this.dutyState.emailStored();
    this.save();
    this.changed();
  }

  // --- the conversation ---

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
    announceReservation("session");
    this.connection.openSocket(session.token);
    void this.refreshInfo();
    this.changed();
    return session.token;
  }

  /** My Reservation opened the conversation (with the guest's code): it is this chat's too. */
  private adoptSession(session: OpenedSession): void {
    if (this.stopped || this.record.token) return;
    this.record.token = session.token;
    this.record.conversationId = session.conversationId;
    this.record.language = this.deps.language;
    this.save();
    this.connection.openSocket(session.token);
    this.loading = true;
    void this.loadConversation();
    void this.queue.flush();
    this.changed();
  }

  /** The token stopped working: start a fresh conversation with the next message. */
  private dropConversation(): void {
    this.dutyState.keepEmail(this.info);
    this.connection.closeSocket();
    delete this.record.token;
    delete this.record.conversationId;
    delete this.record.language;
    this.save();
    this.messages = [];
    this.info = null;
    this.loading = false;
    this.changed();
    void this.dutyState.refreshDuty();
  }

  // --- what comes back ---

  private receive(incoming: readonly ChatMessage[]): void {
    this.messages = mergeMessages(this.messages, incoming);
    this.queue.removeStored(incoming);
    this.changed();
  }

  private async loadConversation(): Promise<void> {
    const language = this.record.language;
    await Promise.all([this.refreshHistory(), this.refreshInfo()]);
    this.loading = false;
    this.changed();
    // An email saved before the first message, not stored yet when the page closed.
    if (this.record.email) void this.dutyState.sendDraftEmail();
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
      void this.dutyState.refreshDuty();
      return;
    }
    await Promise.all([this.refreshHistory(), this.refreshInfo()]);
    if (this.record.email) void this.dutyState.sendDraftEmail();
    void this.queue.flush();
  }

  private async refreshHistory(): Promise<void> {
    const token = this.record.token;
    if (!token) return;
    try {
      const messages = await this.deps.api.listMessages(token);
      if (token !== this.record.token) return;
      this.connection.answered();
      this.receive(messages);
    } catch (error) {
      this.connection.failedRequest(error, token);
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
      this.connection.answered();
      this.changed();
    } catch (error) {
      this.connection.failedRequest(error, token);
    }
  }

  private showInfo(info: GuestConversationInfo, asked: number): void {
    if (asked < this.infoShown) return;
    this.infoShown = asked;
    this.info = info;
  }

  private networkChanged(online: boolean): void {
    this.connection.networkChanged(online);
    if (online) {
      this.queue.resetRetry();
      this.connection.reconnect();
      void this.queue.flush();
    }
    this.changed();
  }

  // --- state for the page ---

  private save(): void {
    writeGuestRecord(this.deps.store, this.deps.slug, this.record);
  }

  private snapshot(): ChatState {
    const offline = this.connection.offline;
    return {
      messages: this.messages,
      outgoing: this.queue.outgoing(offline),
      hasConversation: Boolean(this.record.token),
      loading: this.loading,
      info: this.info,
      duty: this.dutyState.duty(this.info, this.loading),
      name: this.info?.guestName ?? this.record.name ?? "",
      email: this.dutyState.email(this.info),
      emailRefused: this.dutyState.refusedEmail(),
      offline,
    };
  }

  private changed(): void {
    if (this.stopped) return;
    this.state = this.snapshot();
    for (const listener of this.listeners) listener(this.state);
  }
}
