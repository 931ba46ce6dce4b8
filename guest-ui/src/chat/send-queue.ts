// The outbox of typed messages, kept in the guest's record across reloads. Messages go out
// one at a time, in order, each with the clientId it got when typed, so a retry after a lost
// answer never stores it twice. What may pass later is retried with a growing wait; what the
// appliance refuses for good is shown as not sent until the guest discards it.
import type { ChatMessage } from "@innbox/protocol";
import { newClientId } from "@innbox/protocol/web/client-id";
import { ApiError } from "../api/guest-api";
import type { ChatContext, OutgoingMessage, OutgoingStatus, RequestOutcome } from "./chat-types";

const RETRY_MIN_MS = 2_000;
const RETRY_MAX_MS = 30_000;

export interface SendQueueHost extends ChatContext, RequestOutcome {
  /** Whether the browser has a network (nothing is tried without one). */
  isOnline(): boolean;
  /** The conversation's token, creating the conversation on the guest's first message. */
  ensureConversation(): Promise<string>;
  /** Takes messages the appliance stored. */
  receive(messages: readonly ChatMessage[]): void;
  /** Stores on the conversation the email saved before it existed. */
  sendDraftEmail(): Promise<void>;
  /** The token stopped working: start a fresh conversation with the next message. */
  dropConversation(): void;
}

export class SendQueue {
  private failed: OutgoingMessage[] = [];
  private flushing = false;
  /** A flush was asked for while one ran: go round once more when it ends. */
  private flushAgain = false;
  private retryTimer: ReturnType<typeof setTimeout> | undefined;
  private retryDelay = RETRY_MIN_MS;
  private readonly newId: () => string;
  private readonly now: () => Date;

  constructor(private readonly host: SendQueueHost) {
    this.newId = host.deps.newId ?? newClientId;
    this.now = host.deps.now ?? (() => new Date());
  }

  private get record() {
    return this.host.record;
  }

  /** Queues a message (kept across reloads) and sends it as soon as it can. */
  send(text: string): void {
    if (!text.trim()) return;
    this.record.queue.push({ clientId: this.newId(), text, typedAt: this.now().toISOString() });
    this.host.save();
    this.host.changed();
    void this.flush();
  }

  /** Forgets a message the appliance refused. */
  discard(clientId: string): void {
    this.failed = this.failed.filter((m) => m.clientId !== clientId);
    this.host.changed();
  }

  async flush(): Promise<void> {
    if (this.host.isStopped()) return;
    if (this.flushing) {
      this.flushAgain = true;
      return;
    }
    this.flushing = true;
    this.flushAgain = false;
    let unauthorised = 0;
    try {
      while (!this.host.isStopped() && this.record.queue.length > 0 && this.host.isOnline()) {
        const next = this.record.queue[0]!;
        try {
          const token = await this.host.ensureConversation();
          const message = await this.host.deps.api.sendMessage(token, { text: next.text, clientId: next.clientId });
          this.host.answered();
          this.retryDelay = RETRY_MIN_MS;
          this.host.receive([message]);
          if (this.record.email) void this.host.sendDraftEmail();
        } catch (error) {
          if (!(error instanceof ApiError) || error.offline || error.status === 429 || error.status >= 500) {
            this.host.failedRequest(error);
            this.scheduleRetry();
            break;
          }
          if (error.status === 401 && unauthorised++ === 0) {
            this.host.dropConversation();
            continue;
          }
          // Refused for good (too long, bad characters, unknown property): show it as not sent.
          this.host.answered();
          this.record.queue = this.record.queue.filter((q) => q.clientId !== next.clientId);
          this.host.save();
          this.failed.push({ ...next, status: "failed" });
          this.host.changed();
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

  /** The network is back: no waiting for the retry, and the next wait starts short again. */
  resetRetry(): void {
    clearTimeout(this.retryTimer);
    this.retryDelay = RETRY_MIN_MS;
  }

  stop(): void {
    clearTimeout(this.retryTimer);
  }

  /** Takes out of the queue the messages the appliance now has (saving only if any went). */
  removeStored(incoming: readonly ChatMessage[]): void {
    const stored = new Set(incoming.map((m) => m.clientId).filter(Boolean));
    const before = this.record.queue.length;
    this.record.queue = this.record.queue.filter((q) => !stored.has(q.clientId));
    if (this.record.queue.length !== before) this.host.save();
  }

  /** Refused messages first, then the queue: queued while offline, sending otherwise. */
  outgoing(offline: boolean): OutgoingMessage[] {
    const status: OutgoingStatus = offline ? "queued" : "sending";
    return [...this.failed, ...this.record.queue.map((q) => ({ ...q, status }))];
  }
}
