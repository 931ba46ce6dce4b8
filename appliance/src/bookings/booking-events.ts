// booking.checkedIn and booking.checkedOut, each fired once at its moment on the
// property's wall clock. What fired is written down (booking_events), so a restart never
// fires it again; at start, and whenever a timer runs, everything due and not yet fired
// fires, marked late when its moment passed while the box was down. Timers are never
// longer than five minutes, so a clock that jumps (an NTP correction, a laptop waking)
// cannot make one miss. A stay entered after its moment fires nothing for it: a check-in
// typed in at 18:00 is not a check-in happening now.
import type { Logger } from "pino";
import type { EventBus } from "../events/index.js";
import type { Db } from "../db/index.js";
import { addDays, instantsOf, localDate, type TimerHandle, type Timers } from "../time/index.js";
import { bookingsRepository as repo } from "./repository.js";
import type { StayTimes } from "./stay.js";
import type { BookingRow } from "./tables.js";

const MAX_WAIT_MS = 5 * 60_000;
/** Fired this long after its moment or less, an event is on time. */
const ON_TIME_MS = 60_000;
/** How far back a start looks for stays whose moments it missed. */
const CATCH_UP_DAYS = 7;

type Moment = "booking.checkedIn" | "booking.checkedOut";

export function momentsOf(booking: Pick<BookingRow, "check_in" | "check_out">, times: StayTimes): Array<{ kind: Moment; at: number }> {
  return [
    { kind: "booking.checkedIn", at: instantsOf(booking.check_in, times.checkInTime, times.timeZone)[0]! },
    { kind: "booking.checkedOut", at: instantsOf(booking.check_out, times.checkOutTime, times.timeZone)[0]! },
  ];
}

export function bookingPayload(row: BookingRow, at: number, late: boolean) {
  return { bookingId: row.id, roomId: row.room_id, checkIn: row.check_in, checkOut: row.check_out, at: new Date(at).toISOString(), late };
}

export class BookingMoments {
  private timer: TimerHandle | undefined;
  private running: Promise<void> | undefined;
  private again = false;
  private stopped = true;

  constructor(
    private readonly deps: { db: Db; bus: EventBus; log: Logger; timers: Timers; times: () => Promise<StayTimes> },
  ) {}

  start(): Promise<void> {
    this.stopped = false;
    return this.check();
  }


  stop(): void {
    this.stopped = true;
    this.deps.timers.clearTimeout(this.timer);
    this.timer = undefined;
  }

  /** Fires what is due now and arms the timer for the next moment (a booking changed, or the timer ran). */
  check(): Promise<void> {
    // Before start (and after stop), changes wait for start's own check.
    if (this.stopped) return Promise.resolve();
    if (this.running) {
      this.again = true;
      return this.running;
    }
    this.running = (async () => {
      do {
        this.again = false;
        try {
          await this.fireDue();
        } catch (err) {
          this.deps.log.error({ err }, "booking events: checking failed; trying again shortly");
          this.arm(this.deps.timers.now() + 30_000);
        }
      } while (this.again && !this.stopped);
    })().finally(() => (this.running = undefined));
    return this.running;
  }

  private async fireDue(): Promise<void> {
    const { db, timers } = this.deps;
    const now = timers.now();
    // A day more than the catch-up in UTC covers every timezone; no stays, nothing to ask.
    const since = addDays(localDate(now, "UTC"), -CATCH_UP_DAYS - 1);
    // Stays arriving in the next two days at most: a later check-in is more than a timer's
    // longest wait away, and is looked at again when the timer runs.
    const stays = await repo.bookings(db, { from: since, to: addDays(localDate(now, "UTC"), 2), confirmedOnly: true });
    if (!stays.length) {
      this.arm(now + MAX_WAIT_MS);
      return;
    }
    const times = await this.deps.times();
    const fired = new Set((await repo.firedEvents(db, stays.map((b) => b.id))).map((e) => `${e.booking_id} ${e.kind}`));
    let next = now + MAX_WAIT_MS;
    for (const stay of stays) {
      const created = Date.parse(stay.created_at);
      for (const moment of momentsOf(stay, times)) {
        if (fired.has(`${stay.id} ${moment.kind}`) || moment.at < created) continue;
        if (moment.at > now) {
          next = Math.min(next, moment.at);
          continue;
        }
        if (this.stopped) return;
        const late = now - moment.at > ON_TIME_MS;
        const recorded = await repo.recordEvent(db, {
          booking_id: stay.id,
          kind: moment.kind,
          due_at: new Date(moment.at).toISOString(),
          fired_at: new Date(now).toISOString(),
          late: late ? 1 : 0,
        });
        if (!recorded) continue;
        if (late) this.deps.log.info({ bookingId: stay.id, event: moment.kind, dueAt: new Date(moment.at).toISOString() }, "booking event fired late, on catching up");
        this.deps.bus.emit(moment.kind, bookingPayload(stay, moment.at, late));
      }
    }
    this.arm(next);
  }

  private arm(at: number): void {
    if (this.stopped) return;
    this.deps.timers.clearTimeout(this.timer);
    const wait = Math.max(0, Math.min(MAX_WAIT_MS, at - this.deps.timers.now()));
    this.timer = this.deps.timers.setTimeout(() => void this.check(), wait);
  }
}
