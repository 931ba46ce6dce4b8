// When a scenario's time-driven triggers fire, in the property's timezone: computed from
// the wall clock of each calendar day, never by adding 24 hours, so daylight saving moves
// nothing. The contract's rules:
//   - a time of day that does not exist on the spring-forward day runs once, at the first
//     instant after the gap (02:30 runs at 03:00); one that happens twice on the fall-back
//     day runs once, at its first occurrence;
//   - sunrise and sunset (upper limb, standard refraction) and civil dawn and dusk with an
//     offset of -720 to 720 minutes; a day without the event (polar day or night) has no
//     run, never an invented one;
//   - a booking trigger's offset counts from the check-in (or check-out) time on the
//     stay's day.
// The preview and the live scheduler both ask this module, so what the manager sees is
// what runs.
import { sunTimes } from "../weather/index.js";
import { addDays, instantsOf, localDate, weekdayOf } from "../time/index.js";

export type SunEvent = "sunrise" | "sunset" | "dawn" | "dusk";

export type ScheduledTrigger =
  | { type: "time"; at: string; weekdays?: number[] }
  | { type: "sun"; event: SunEvent; offsetMinutes: number }
  | { type: "booking"; event: "checkIn" | "checkOut"; roomId?: string; offsetMinutes: number };

export interface ScheduleContext {
  timeZone: string;
  /** The property's position; sun triggers never run without it. */
  latitude: number | null;
  longitude: number | null;
  checkInTime: string;
  checkOutTime: string;
  /** Confirmed stays (booking triggers). */
  stays: ReadonlyArray<{ id: string; roomId: string; checkIn: string; checkOut: string }>;
}

export interface PlannedRun {
  at: number;
  /** The stay a booking trigger fired for. */
  bookingId?: string;
}

const MINUTE = 60_000;
/** 1 = Monday … 7 = Sunday, as the contract numbers weekdays. */
const ISO_WEEKDAY: Record<string, number> = { mon: 1, tue: 2, wed: 3, thu: 4, fri: 5, sat: 6, sun: 7 };

/** The local calendar days that can hold a run in [from, to), with a day's margin each side for offsets. */
function daysAround(from: number, to: number, timeZone: string, marginDays: number): string[] {
  const days: string[] = [];
  const last = addDays(localDate(to, timeZone), marginDays);
  for (let day = addDays(localDate(from, timeZone), -marginDays); day <= last; day = addDays(day, 1)) days.push(day);
  return days;
}

/** Every run of `trigger` at or after `from` and before `to`, in order. */
export function runsBetween(trigger: ScheduledTrigger, from: number, to: number, context: ScheduleContext): PlannedRun[] {
  const runs: PlannedRun[] = [];
  const keep = (at: number, bookingId?: string) => {
    if (at >= from && at < to) runs.push({ at, ...(bookingId ? { bookingId } : {}) });
  };
  switch (trigger.type) {
    case "time": {
      for (const day of daysAround(from, to, context.timeZone, 1)) {
        if (trigger.weekdays?.length && !trigger.weekdays.includes(ISO_WEEKDAY[weekdayOf(day)]!)) continue;
        // The first instant the wall clock reads it: in a spring-forward gap, just after it.
        keep(instantsOf(day, trigger.at, context.timeZone)[0]!);
      }
      break;
    }
    case "sun": {
      if (context.latitude === null || context.longitude === null) break;
      // Offsets reach 12 hours either way: look a day further each side.
      for (const day of daysAround(from, to, context.timeZone, 1)) {
        const event = sunTimes(day, context.latitude, context.longitude, context.timeZone)[trigger.event];
        if (event) keep(Date.parse(event) + trigger.offsetMinutes * MINUTE);
      }
      break;
    }
    case "booking": {
      // Offsets reach 12 hours: a stay whose day is further out cannot run in the range.
      // Dates compare as text, so thousands of stays cost no wall-clock arithmetic.
      const firstDay = localDate(from - 13 * 3_600_000, context.timeZone);
      const lastDay = localDate(to + 13 * 3_600_000, context.timeZone);
      for (const stay of context.stays) {
        if (trigger.roomId && stay.roomId !== trigger.roomId) continue;
        const [day, time] = trigger.event === "checkIn" ? [stay.checkIn, context.checkInTime] : [stay.checkOut, context.checkOutTime];
        if (day < firstDay || day > lastDay) continue;
        keep(instantsOf(day, time, context.timeZone)[0]! + trigger.offsetMinutes * MINUTE, stay.id);
      }
      break;
    }
  }
  return runs.sort((a, b) => a.at - b.at);
}

/** The next run strictly after `after`, looking up to `horizonDays` ahead; undefined when there is none (a polar winter's sunrise). */
export function nextRun(trigger: ScheduledTrigger, after: number, context: ScheduleContext, horizonDays = 400): PlannedRun | undefined {
  // A week at a time: most triggers run within a day, a polar night may last months.
  for (let start = after + 1; start < after + horizonDays * 86_400_000; start += 7 * 86_400_000) {
    const [first] = runsBetween(trigger, start, start + 7 * 86_400_000, context);
    if (first) return first;
  }
  return undefined;
}
