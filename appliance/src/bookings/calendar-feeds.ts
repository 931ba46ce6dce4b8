// Imported calendars: each room's feeds from Airbnb, Booking.com, Vrbo or any iCal source,
// fetched about every 15 minutes (jittered, so a property's feeds do not all go at once),
// later after failures (5, 10, 20, 40, then every 60 minutes), and reconciled with the
// bookings by UID in one transaction:
//   - an event whose UID is known updates its booking in place (dates, guest, phone);
//   - an unknown UID with the same check-out as a booking of this feed whose UID has left
//     it is that booking, re-issued (Booking.com re-issues a range in progress every day,
//     starting today, under a new UID): its check-in is kept, then and on every later
//     fetch (a stay's start that moves to a day already come is that re-issue, too);
//   - a new UID is a new stay (booking.created, unless it has already ended);
//   - a booking whose event left the feed is cancelled only if its check-out is after
//     today (past stays drop out of the feeds as a matter of course).
// A fetch that fails, is not 2xx, is not a whole calendar or cannot be parsed changes no
// booking: a cut-off feed read leniently would look like "everything was cancelled".
// When each feed is fetched next is stored, so polling resumes after a restart.
import type { Logger } from "pino";
import type { Booking } from "@innbox/protocol";
import { newId, nowIso, type Db, type Transactions } from "../db/index.js";
import type { EventBus } from "../events/index.js";
import { localDate, type TimerHandle, type Timers } from "../time/index.js";
import { bookingPayload } from "./booking-events.js";
import { fetchFeed, FeedFetchError } from "./feed-fetch.js";
import { FeedFormatError, readFeed, sourceOf, type Feed } from "./ical-import.js";
import { bookingsTexts as texts } from "./messages.js";
import { bookingsRepository as repo } from "./repository.js";
import type { StayTimes } from "./stay.js";
import type { BookingRow, RoomCalendarRow } from "./tables.js";

const MINUTE = 60_000;
export const POLL_MS = 15 * MINUTE;
/** After 1, 2, 3, 4 and more failures in a row. */
const BACKOFF_MS = [5 * MINUTE, 10 * MINUTE, 20 * MINUTE, 40 * MINUTE, 60 * MINUTE];
/** A sync answers within 20 s: the fetch is given up well before. */
export const FEED_TIMEOUT_MS = 15_000;
/** The poll timer never sleeps longer than this, so a clock jump cannot make it miss. */
const MAX_WAIT_MS = 5 * MINUTE;
/** Feeds fetched at once when several are due. */
const PARALLEL_FETCHES = 4;

export interface CalendarFeedsDeps {
  db: Db;
  transactions: Transactions;
  bus: EventBus;
  log: Logger;
  timers: Timers;
  times: () => Promise<StayTimes>;
  /** Stays changed: booking.checkedIn and booking.checkedOut follow. */
  changed: () => void;
  /** The reservation code for a new stay, unique among bookings. */
  newCode: (db: Db, wanted?: string) => Promise<string>;
  random?: () => number;
}

type Announcement = { kind: "booking.created" | "booking.cancelled" | "booking.updated"; row: BookingRow };

export class CalendarFeeds {
  private timer: TimerHandle | undefined;
  private stopped = true;
  private readonly inFlight = new Map<string, Promise<RoomCalendarRow | undefined>>();
  private readonly controllers = new Set<AbortController>();
  private polling: Promise<void> | undefined;

  constructor(private readonly deps: CalendarFeedsDeps) {}

  start(): void {
    this.stopped = false;
    void this.poll();
  }

  stop(): void {
    this.stopped = true;
    this.deps.timers.clearTimeout(this.timer);
    this.timer = undefined;
    for (const controller of this.controllers) controller.abort(new FeedFetchError("stopping"));
  }

  private jittered(ms: number, spread: number): number {
    const random = this.deps.random ?? Math.random;
    return Math.round(ms * (1 - spread + 2 * spread * random()));
  }

  /** Adds a feed to a room and fetches it at once. */
  async add(roomId: string, url: string): Promise<RoomCalendarRow> {
    const now = this.deps.timers.now();
    const row: RoomCalendarRow = {
      id: newId("cal_"),
      room_id: roomId,
      url,
      source: sourceOf(undefined, url),
      status: "pending",
      last_sync_at: null,
      last_attempt_at: null,
      last_error: null,
      failures: 0,
      next_sync_at: new Date(now).toISOString(),
      created_at: new Date(now).toISOString(),
    };
    await repo.insertCalendar(this.deps.db, row);
    return (await this.sync(row.id)) ?? row;
  }

  /** Disconnects a feed: its stays that have not ended are cancelled, ended ones kept as history. */
  async remove(id: string): Promise<void> {
    const times = await this.deps.times();
    const today = localDate(this.deps.timers.now(), times.timeZone);
    const announce: Announcement[] = [];
    await this.deps.transactions.run(async (tx) => {
      const at = nowIso(() => this.deps.timers.now());
      for (const row of await repo.calendarBookings(tx.db, id)) {
        if (row.status !== "confirmed" || row.check_out <= today) continue;
        const cancelled = { ...row, status: "cancelled", updated_at: at };
        await repo.updateBooking(tx.db, row.id, { status: "cancelled", updated_at: at });
        announce.push({ kind: "booking.cancelled", row: cancelled });
      }
      await repo.detachCalendarBookings(tx.db, id);
      await repo.replaceBlocks(tx.db, id, []);
      await repo.deleteCalendar(tx.db, id);
    });
    this.announce(announce, true);
  }

  /** Fetches a feed now (or joins the fetch under way); its row afterwards, undefined if it was removed. */
  sync(id: string): Promise<RoomCalendarRow | undefined> {
    const running = this.inFlight.get(id);
    if (running) return running;
    const promise = this.fetchAndApply(id).finally(() => this.inFlight.delete(id));
    this.inFlight.set(id, promise);
    return promise;
  }

  /** Fetches every feed now, a few at a time (the benchmark's full sync, and "sync all"). */
  async syncAll(): Promise<void> {
    await this.runAll(await repo.calendars(this.deps.db));
  }

  private async runAll(rows: RoomCalendarRow[]): Promise<void> {
    const queue = [...rows];
    const worker = async () => {
      for (let row = queue.shift(); row && !this.stopped; row = queue.shift()) await this.sync(row.id);
    };
    await Promise.all(Array.from({ length: Math.min(PARALLEL_FETCHES, queue.length) }, worker));
  }

  private async fetchAndApply(id: string): Promise<RoomCalendarRow | undefined> {
    const row = await repo.calendar(this.deps.db, id);
    if (!row) return undefined;
    const times = await this.deps.times();
    const controller = new AbortController();
    this.controllers.add(controller);
    let feed: Feed;
    try {
      const body = await fetchFeed(row.url, { timers: this.deps.timers, timeoutMs: FEED_TIMEOUT_MS, signal: controller.signal });
      feed = readFeed(body, times.timeZone);
    } catch (err) {
      if (this.stopped) return row;
      if (!(err instanceof FeedFetchError || err instanceof FeedFormatError)) this.deps.log.error({ err, calendarId: id }, "calendar import failed unexpectedly");
      return this.failed(row, err instanceof Error ? err.message : String(err));
    } finally {
      this.controllers.delete(controller);
    }
    try {
      return await this.apply(row, feed, times);
    } catch (err) {
      this.deps.log.error({ err, calendarId: id }, "calendar import could not store the feed's stays");
      return this.failed(row, texts.feedUnreadable("it could not be stored"));
    }
  }

  private async failed(row: RoomCalendarRow, reason: string): Promise<RoomCalendarRow | undefined> {
    const now = this.deps.timers.now();
    const failures = row.failures + 1;
    const wait = this.jittered(BACKOFF_MS[Math.min(failures, BACKOFF_MS.length) - 1]!, 0.2);
    const set: Partial<RoomCalendarRow> = {
      status: "error",
      last_error: reason,
      last_attempt_at: new Date(now).toISOString(),
      failures,
      next_sync_at: new Date(now + wait).toISOString(),
    };
    this.deps.log.warn({ calendarId: row.id, roomId: row.room_id, source: row.source, failures, reason }, "calendar fetch changed nothing");
    if (!(await repo.calendar(this.deps.db, row.id))) return undefined;
    await repo.updateCalendar(this.deps.db, row.id, set);
    void this.rearm();
    return { ...row, ...set };
  }

  private async apply(row: RoomCalendarRow, feed: Feed, times: StayTimes): Promise<RoomCalendarRow | undefined> {
    const now = this.deps.timers.now();
    const at = new Date(now).toISOString();
    const today = localDate(now, times.timeZone);
    const source = sourceOf(feed.source, row.url) as Booking["source"];
    const announce: Announcement[] = [];
    const touched: BookingRow[] = [];
    const counts = { created: 0, updated: 0, cancelled: 0 };
    const stored = await this.deps.transactions.run(async (tx) => {
      if (!(await repo.calendar(tx.db, row.id))) return undefined;
      const existing = await repo.calendarBookings(tx.db, row.id);
      const byUid = new Map(existing.map((b) => [b.uid, b]));
      const feedUids = new Set(feed.stays.map((e) => e.uid));
      const kept = new Set<string>();
      for (const event of feed.stays) {
        let booking = byUid.get(event.uid);
        let reissued = false;
        if (!booking) {
          booking = existing.find((b) => !kept.has(b.id) && b.status === "confirmed" && b.check_out === event.end && !feedUids.has(b.uid ?? ""));
          reissued = booking !== undefined;
        }
        if (booking) {
          kept.add(booking.id);
          const next: BookingRow = {
            ...booking,
            uid: event.uid,
            // A re-issued stay in progress starts "today" in the feed; the nights already
            // slept do not move, so its check-in is kept (on this fetch and every later one).
            check_in: reissued || (event.start > booking.check_in && event.start <= today) ? booking.check_in : event.start,
            check_out: event.end,
            guest_name: event.guestName ?? booking.guest_name,
            phone_last4: event.phoneLast4 ?? booking.phone_last4,
            source,
            status: "confirmed",
          };
          const changed = (["uid", "check_in", "check_out", "guest_name", "phone_last4", "source", "status"] as const).some((k) => next[k] !== booking![k]);
          if (!changed) continue;
          next.updated_at = at;
          await repo.updateBooking(tx.db, booking.id, next);
          counts.updated++;
          touched.push(next);
          if (booking.status === "cancelled") {
            if (next.check_out > today) announce.push({ kind: "booking.created", row: next });
          } else if ((["check_in", "check_out", "guest_name"] as const).some((k) => next[k] !== booking![k])) {
            announce.push({ kind: "booking.updated", row: next });
          }
          continue;
        }
        const created: BookingRow = {
          id: newId("b_"),
          room_id: row.room_id,
          guest_name: event.guestName ?? texts.importedName(source),
          check_in: event.start,
          check_out: event.end,
          source,
          status: "confirmed",
          code: await this.deps.newCode(tx.db, event.code),
          guest_email: null,
          notes: null,
          created_at: at,
          updated_at: at,
          calendar_id: row.id,
          uid: event.uid,
          phone_last4: event.phoneLast4 ?? null,
        };
        await repo.insertBooking(tx.db, created);
        counts.created++;
        touched.push(created);
        // A stay that has already ended is history brought in, not a booking made now.
        if (created.check_out > today) announce.push({ kind: "booking.created", row: created });
      }
      for (const booking of existing) {
        if (kept.has(booking.id) || booking.status !== "confirmed" || booking.check_out <= today) continue;
        const cancelled = { ...booking, status: "cancelled", updated_at: at };
        await repo.updateBooking(tx.db, booking.id, { status: "cancelled", updated_at: at });
        counts.cancelled++;
        announce.push({ kind: "booking.cancelled", row: cancelled });
      }
      await repo.replaceBlocks(
        tx.db,
        row.id,
        feed.blocks.map((b) => ({ calendar_id: row.id, room_id: row.room_id, uid: b.uid, start: b.start, end: b.end, summary: b.summary })),
      );
      const set: Partial<RoomCalendarRow> = {
        source,
        status: "ok",
        last_sync_at: at,
        last_attempt_at: at,
        last_error: null,
        failures: 0,
        next_sync_at: new Date(now + this.jittered(POLL_MS, 0.1)).toISOString(),
      };
      await repo.updateCalendar(tx.db, row.id, set);
      return { ...row, ...set };
    });
    if (!stored) return undefined;
    if (counts.created || counts.updated || counts.cancelled || row.status !== "ok") {
      this.deps.log.info({ calendarId: row.id, roomId: row.room_id, source, ...counts, stays: feed.stays.length, blocks: feed.blocks.length, skipped: feed.skipped }, "calendar synced");
    }
    this.announce(announce, counts.created + counts.updated + counts.cancelled > 0);
    await this.flagConflicts(touched, today);
    void this.rearm();
    return stored;
  }

  /** New or changed stays to come that share a night with another confirmed one: said on the bus and in the log. */
  private async flagConflicts(rows: BookingRow[], today: string): Promise<void> {
    for (const row of rows) {
      if (row.check_out <= today) continue;
      const others = await repo.overlapping(this.deps.db, row.room_id, row.check_in, row.check_out, row.id);
      if (!others.length) continue;
      const conflictsWith = others.map((o) => o.id);
      this.deps.log.warn({ roomId: row.room_id, bookingId: row.id, source: row.source, checkIn: row.check_in, checkOut: row.check_out, conflictsWith }, "two stays share a night in one room");
      this.deps.bus.emit("booking.conflictFound", { roomId: row.room_id, bookingId: row.id, conflictsWith });
    }
  }

  private announce(list: Announcement[], staysChanged = list.length > 0): void {
    const now = this.deps.timers.now();
    for (const { kind, row } of list) this.deps.bus.emit(kind, bookingPayload(row, now, false));
    if (staysChanged) this.deps.changed();
  }

  /** Fetches what is due, then sleeps until the next feed is (at most five minutes). */
  private poll(): Promise<void> {
    if (this.stopped) return Promise.resolve();
    if (this.polling) return this.polling;
    this.polling = (async () => {
      try {
        const due = await repo.dueCalendars(this.deps.db, new Date(this.deps.timers.now()).toISOString());
        await this.runAll(due.filter((row) => !this.inFlight.has(row.id)));
      } catch (err) {
        this.deps.log.error({ err }, "calendar polling failed; trying again shortly");
      } finally {
        this.polling = undefined;
      }
      await this.rearm();
    })();
    return this.polling;
  }

  private async rearm(): Promise<void> {
    if (this.stopped || this.polling) return;
    const next = await repo.nextCalendarDue(this.deps.db).catch(() => null);
    if (this.stopped || this.polling) return;
    const now = this.deps.timers.now();
    const wait = next ? Math.max(0, Math.min(MAX_WAIT_MS, Date.parse(next) - now)) : MAX_WAIT_MS;
    this.deps.timers.clearTimeout(this.timer);
    this.timer = this.deps.timers.setTimeout(() => void this.poll(), wait);
  }
}
