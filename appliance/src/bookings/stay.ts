import type { StayState } from "@innbox/protocol";
import { addDays, instantsOf, localDate } from "../time/index.js";

/** What the stay state needs of a booking. */
export interface StaySpan {
  checkIn: string;
  checkOut: string;
}

export interface StayTimes {
  timeZone: string;
  checkInTime: string;
  checkOutTime: string;
}

// Every room asks for the same few days' boundaries: remembered, since each costs a few
// Intl calls (and a timezone's rules for a given day do not change while the box runs).
const instants = new Map<string, number>();

/** The first instant the wall clock reads `date` `time` (a spring-forward gap moves it to just after). */
export function at(date: string, time: string, timeZone: string): number {
  const key = `${date} ${time} ${timeZone}`;
  let instant = instants.get(key);
  if (instant === undefined) {
    instant = instantsOf(date, time, timeZone)[0]!;
    if (instants.size >= 2048) instants.clear();
    instants.set(key, instant);
  }
  return instant;
}

/**
 * One booking's state at `now`: awaiting check-in from the start of the arrival day until
 * the check-in time, occupied from then until the check-out time on the departure day,
 * checked out from then until that day ends; else vacant. All on the property's wall clock.
 */
export function stayOf(span: StaySpan, now: number, times: StayTimes): StayState {
  const { timeZone } = times;
  if (now < at(span.checkIn, "00:00", timeZone)) return "vacant";
  if (now < at(span.checkIn, times.checkInTime, timeZone)) return "awaiting-checkin";
  if (now < at(span.checkOut, times.checkOutTime, timeZone)) return "occupied";
  if (now < at(addDays(span.checkOut, 1), "00:00", timeZone)) return "checked-out";
  return "vacant";
}

/** Which state a room shows when two stays meet on a changeover day: a guest in the room first, then one arriving. */
const PRIORITY: Record<StayState, number> = { occupied: 3, "awaiting-checkin": 2, "checked-out": 1, vacant: 0 };

/**
 * A room's state now from its confirmed bookings, and the booking behind it (or, when
 * vacant, the next one to arrive).
 */
export function roomStay<B extends StaySpan>(bookings: readonly B[], now: number, times: StayTimes): { stay: StayState; booking?: B } {
  let best: { stay: StayState; booking: B } | undefined;
  for (const booking of bookings) {
    const stay = stayOf(booking, now, times);
    if (stay !== "vacant" && (!best || PRIORITY[stay] > PRIORITY[best.stay])) best = { stay, booking };
  }
  if (best) return best;
  const today = localDate(now, times.timeZone);
  const next = bookings.filter((b) => b.checkIn > today).sort((a, b) => a.checkIn.localeCompare(b.checkIn))[0];
  return next ? { stay: "vacant", booking: next } : { stay: "vacant" };
}
