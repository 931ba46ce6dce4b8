import type { Logger } from "pino";
import { nowIso, type Db, type Tx } from "../db/index.js";
import { sleep, type TimerHandle, type Timers } from "../time/index.js";
import { outboxRepository as repo } from "./repository.js";

export interface OutboxItem<P = unknown> {
  seq: number;
  transport: string;
  chatKey: string;
  payload: P;
  attempts: number;
  /** Later items of the chat that this send also carries (see `OutboxTransport.coalesce`). */
  carried?: number[];
}

/** What a transport throws: `retry` (network, 5xx, 429) or `permanent` (the far side refused for good). */
export class DeliveryError extends Error {
  constructor(
    readonly kind: "retry" | "permanent",
    message: string,
    /** 429: wait this long before anything else goes out on this transport. */
    readonly retryAfterMs?: number,
  ) {
    super(message);
    this.name = "DeliveryError";
  }
}

export interface OutboxTransport<P = any> {
  name: string;
  /** Most sends per second over all chats. */
  perSecond: number;
  /** Least time between two sends to the same chat. */
  minIntervalMs(chatKey: string): number;
  send(item: OutboxItem<P>): Promise<unknown>;
  /** Runs after the far side accepted the item (stores what the answer tells, e.g. message ids). */
  onDelivered?(item: OutboxItem<P>, result: unknown): Promise<void>;
  /**
   * Optional: folds items waiting behind `head` in its chat into the head's send (several
   * messages to one recipient as one). Gets the chat's next pending items in order; answers
   * the payload to send and the seqs it carries, which are done when it is, or undefined to
   * send the head alone. Items it does not carry keep their order.
   */
  coalesce?(head: OutboxItem<P>, waiting: Array<OutboxItem<P>>): { payload: P; carried: number[] } | undefined;
  /** Whether the transport can send at all now (e.g. a bot token is set). */
  ready(): boolean;
}

export interface OutboxOptions {
  db: Db;
  log: Logger;
  clock: () => number;
  timers: Timers;
  retryBaseMs?: number;
  retryMaxMs?: number;
}

/**
 * A persistent outbox: items are rows written in the same transaction as what caused them,
 * and leave in order per chat, retried with backoff until the far side accepts them.
 * A 429's retry_after pauses the whole transport; sends keep within the transport's own
 * rate limits so 429s are rare. A transport may fold waiting items of a chat into one send
 * (a backlog then drains in fewer sends). A crash resends only what was in flight.
 */
export class Outbox {
  private readonly transports = new Map<string, OutboxTransport>();
  private readonly inFlight = new Set<string>();
  private readonly lastSentAt = new Map<string, number>();
  /** When recent sends were answered, per transport: the far side saw each one no later. */
  private readonly recentSends = new Map<string, number[]>();
  private readonly inFlightCount = new Map<string, number>();
  private readonly pausedUntil = new Map<string, number>();
  /** Heads whose send with other items was refused for good: they go alone next (kept in memory only). */
  private readonly solo = new Set<number>();
  private running = false;
  private loop: Promise<void> | undefined;
  private wake: (() => void) | undefined;
  private timer: TimerHandle | undefined;
  private readonly retryBaseMs: number;
  private readonly retryMaxMs: number;

  constructor(private readonly options: OutboxOptions) {
    this.retryBaseMs = options.retryBaseMs ?? 1000;
    this.retryMaxMs = options.retryMaxMs ?? 60_000;
  }

  register(transport: OutboxTransport): void {
    this.transports.set(transport.name, transport);
  }

  unregister(name: string): void {
    this.transports.delete(name);
  }

  /** Adds items inside the transaction that stores their cause; they leave once it commits. */
  async enqueue(tx: Tx, items: Array<{ transport: string; chatKey: string; payload: unknown }>): Promise<void> {
    if (!items.length) return;
    const now = this.options.clock();
    const created = nowIso(this.options.clock);
    await repo.insert(
      tx.db,
      items.map((i) => ({ transport: i.transport, chat_key: i.chatKey, payload: JSON.stringify(i.payload), next_attempt_at: now, created_at: created })),
    );
    tx.afterCommit(() => this.kick());
  }

  /** The latest items for one chat, newest first, whatever their state (to recognise what was sent). */
  async recent<P = unknown>(chatKey: string, limit: number, db: Db = this.options.db): Promise<Array<{ seq: number; payload: P }>> {
    const rows = await repo.recent(db, chatKey, limit);
    return rows.map((r) => ({ seq: r.seq, payload: JSON.parse(r.payload) as P }));
  }

  kick(): void {
    this.wake?.();
  }

  start(): void {
    if (this.running) return;
    this.running = true;
    this.loop = this.run();
  }

  async stop(): Promise<void> {
    this.running = false;
    this.kick();
    await this.loop;
    // Let sends in flight finish so their rows are updated; after 3 s stop waiting: an
    // unfinished one stays pending and goes again after the restart.
    const { timers } = this.options;
    const until = timers.now() + 3000;
    while (this.inFlight.size && timers.now() < until) await sleep(timers, 20);
  }

  private async run(): Promise<void> {
    while (this.running) {
      let waitMs = 1000;
      try {
        waitMs = await this.dispatchDue();
      } catch (err) {
        this.options.log.error({ err }, "outbox: dispatch failed");
      }
      if (!this.running) break;
      await new Promise<void>((resolve) => {
        this.wake = resolve;
        this.timer = this.options.timers.setTimeout(resolve, Math.max(5, waitMs));
      });
      this.options.timers.clearTimeout(this.timer);
      this.wake = undefined;
    }
  }

  /** Sends every head-of-chat item that is due and allowed now; returns ms until the next may be. */
  private async dispatchDue(): Promise<number> {
    const now = this.options.clock();
    const heads = await repo.pendingHeads(this.options.db, 500);
    // A safety net: rows committed without a kick are still found within a second.
    let next = 1000;
    for (const row of heads) {
      if (this.inFlight.has(row.chat_key)) continue;
      const transport = this.transports.get(row.transport);
      if (!transport || !transport.ready()) continue;
      const paused = this.pausedUntil.get(transport.name) ?? 0;
      if (paused > now) {
        next = Math.min(next, paused - now);
        continue;
      }
      if (row.next_attempt_at > now) {
        next = Math.min(next, row.next_attempt_at - now);
        continue;
      }
      const chatReadyAt = (this.lastSentAt.get(row.chat_key) ?? 0) + transport.minIntervalMs(row.chat_key);
      if (chatReadyAt > now) {
        next = Math.min(next, chatReadyAt - now);
        continue;
      }
      // A send counts against the limit from dispatch (in flight) until a second after its
      // answer: it reached the far side somewhere in between, so no far-side second can
      // see more than perSecond of them.
      const recent = (this.recentSends.get(transport.name) ?? []).filter((t) => t > now - 1000);
      this.recentSends.set(transport.name, recent);
      const flying = this.inFlightCount.get(transport.name) ?? 0;
      if (recent.length + flying >= transport.perSecond) {
        if (recent.length) next = Math.min(next, recent[0]! + 1000 - now);
        continue;
      }
      this.inFlightCount.set(transport.name, flying + 1);
      this.inFlight.add(row.chat_key);
      const head: OutboxItem = { seq: row.seq, transport: row.transport, chatKey: row.chat_key, payload: JSON.parse(row.payload), attempts: row.attempts };
      void this.withCarried(transport, head)
        .then((item) => this.deliver(transport, item))
        .catch((err: unknown) => {
          // Only when the database went away (shutdown): the row stays pending and goes again later.
          if (this.running) this.options.log.error({ err, seq: head.seq }, "outbox: could not record a delivery");
        })
        .finally(() => {
          const answeredAt = this.options.clock();
          (this.recentSends.get(transport.name) ?? this.recentSends.set(transport.name, []).get(transport.name)!).push(answeredAt);
          this.lastSentAt.set(row.chat_key, answeredAt);
          this.inFlightCount.set(transport.name, (this.inFlightCount.get(transport.name) ?? 1) - 1);
          this.inFlight.delete(row.chat_key);
          this.kick();
        });
    }
    return next;
  }

  /** The head, or one send that also carries later items of its chat when the transport folds them in. */
  private async withCarried(transport: OutboxTransport, head: OutboxItem): Promise<OutboxItem> {
    if (!transport.coalesce || this.solo.has(head.seq)) return head;
    const rows = await repo.pendingAfter(this.options.db, head.chatKey, head.seq, 200);
    if (!rows.length) return head;
    const waiting = rows.map((r) => ({ seq: r.seq, transport: head.transport, chatKey: head.chatKey, payload: JSON.parse(r.payload) as unknown, attempts: r.attempts }));
    const folded = transport.coalesce(head, waiting);
    return folded?.carried.length ? { ...head, payload: folded.payload, carried: folded.carried } : head;
  }

  private async deliver(transport: OutboxTransport, item: OutboxItem): Promise<void> {
    const { db, log, clock } = this.options;
    try {
      const result = await transport.send(item);
      if (item.carried?.length) await repo.markDoneWithCarried(db, [item.seq, ...item.carried], nowIso(clock));
      else await repo.markDone(db, item.seq, item.attempts + 1, nowIso(clock));
      this.solo.delete(item.seq);
      if (transport.onDelivered) {
        await transport.onDelivered(item, result).catch((err: unknown) => log.error({ err, seq: item.seq }, "outbox: after-delivery step failed"));
      }
    } catch (err) {
      const attempts = item.attempts + 1;
      const failure = err instanceof DeliveryError ? err : new DeliveryError("retry", err instanceof Error ? err.message : String(err));
      if (failure.kind === "permanent" && item.carried?.length) {
        // Perhaps only one of them is the trouble: the head goes alone next, at once.
        log.warn({ seq: item.seq, chat: item.chatKey, carried: item.carried.length, error: failure.message }, "outbox: the far side refused a combined send; sending one by one");
        this.solo.add(item.seq);
        await repo.retryLater(db, item.seq, attempts, clock(), failure.message.slice(0, 500));
        return;
      }
      if (failure.kind === "permanent") {
        this.solo.delete(item.seq);
        log.warn({ seq: item.seq, chat: item.chatKey, error: failure.message }, "outbox: the far side refused a message for good; it is kept as dead");
        await repo.markDead(db, item.seq, attempts, failure.message.slice(0, 500));
        return;
      }
      let delay: number;
      if (failure.retryAfterMs !== undefined) {
        delay = failure.retryAfterMs;
        this.pausedUntil.set(transport.name, clock() + failure.retryAfterMs);
        log.warn({ retryAfterMs: failure.retryAfterMs }, `outbox: ${transport.name} asked to wait; pausing all sends`);
      } else {
        const exp = Math.min(this.retryBaseMs * 2 ** Math.min(attempts - 1, 20), this.retryMaxMs);
        delay = Math.round(exp * (0.8 + Math.random() * 0.4));
        if (attempts === 1 || attempts % 10 === 0) log.warn({ seq: item.seq, attempts, error: failure.message, retryInMs: delay }, "outbox: send failed; will retry");
      }
      await repo.retryLater(db, item.seq, attempts, clock() + delay, failure.message.slice(0, 500));
    }
  }
}
