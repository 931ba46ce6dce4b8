import type { WorkingHours } from "@innbox/protocol";
import { addDays, instantsOf, localTime, weekdayOf } from "../time/index.js";

export const ALWAYS_OPEN: WorkingHours = {
  enabled: false,
  weekly: { mon: [], tue: [], wed: [], thu: [], fri: [], sat: [], sun: [] },
  exceptions: [],
};

/**
 * Whether `at` falls in the working hours, in the property's timezone. An exception for
 * the date replaces that day's weekly ranges (empty ranges: closed all day).
 */
export function isWithinHours(hours: WorkingHours, timeZone: string, at: Date): boolean {
  if (!hours.enabled) return true;
  const local = localTime(at, timeZone);
  const exception = hours.exceptions.find((e) => e.date === local.date);
  const ranges = exception ? exception.ranges : hours.weekly[local.weekday];
  return ranges.some((r) => local.time >= r.from && local.time < r.to);
}

/** How far ahead `nextOnDuty` looks: a year of exceptions plus a week. */
const HORIZON_DAYS = 373;

/**
 * The first moment at or after `from` that falls in the working hours: `from` itself when
 * someone is on duty then, null when no range opens within a year (no hours at all).
 */
export function nextOnDuty(hours: WorkingHours, timeZone: string, from: Date): Date | null {
  if (isWithinHours(hours, timeZone, from)) return from;
  const start = localTime(from, timeZone).date;
  const exceptions = new Map(hours.exceptions.map((e) => [e.date, e.ranges]));
  for (let i = 0; i <= HORIZON_DAYS; i++) {
    const date = addDays(start, i);
    const ranges = [...(exceptions.get(date) ?? hours.weekly[weekdayOf(date)])].sort((a, b) => a.from.localeCompare(b.from));
    for (const range of ranges) {
      for (const at of instantsOf(date, range.from, timeZone)) {
        // A range wholly inside a spring-forward gap never happens; the check says so.
        if (at > from.getTime() && isWithinHours(hours, timeZone, new Date(at))) return new Date(at);
      }
    }
  }
  return null;
}
