import type { WorkingHours } from "@innbox/protocol";

const WEEKDAYS = ["sun", "mon", "tue", "wed", "thu", "fri", "sat"] as const;

export const ALWAYS_OPEN: WorkingHours = {
  enabled: false,
  weekly: { mon: [], tue: [], wed: [], thu: [], fri: [], sat: [], sun: [] },
  exceptions: [],
};

/** The wall-clock date, weekday and time at `at` in `timeZone` (handles DST by construction). */
export function localTime(at: Date, timeZone: string): { date: string; weekday: (typeof WEEKDAYS)[number]; time: string } {
  const parts = new Intl.DateTimeFormat("en-US", {
    timeZone,
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
    hour: "2-digit",
    minute: "2-digit",
    hourCycle: "h23",
    weekday: "short",
  }).formatToParts(at);
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? "";
  const weekday = get("weekday").toLowerCase().slice(0, 3) as (typeof WEEKDAYS)[number];
  return { date: `${get("year")}-${get("month")}-${get("day")}`, weekday, time: `${get("hour")}:${get("minute")}` };
}

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
const DAY_MS = 86_400_000;

const wallClock = new Map<string, Intl.DateTimeFormat>();

/** The wall-clock time at `at` in `timeZone`, as if it were UTC (milliseconds, whole minutes). */
function wallTime(at: number, timeZone: string): number {
  let format = wallClock.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat("en-US", {
      timeZone,
      year: "numeric",
      month: "numeric",
      day: "numeric",
      hour: "numeric",
      minute: "numeric",
      hourCycle: "h23",
    });
    wallClock.set(timeZone, format);
  }
  const parts = format.formatToParts(at);
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value);
  return Date.UTC(get("year"), get("month") - 1, get("day"), get("hour"), get("minute"));
}

/**
 * The instants at which the wall clock in `timeZone` reads `date` `time` ("24:00" is the
 * next midnight): one on an ordinary day, two in the hour a fall-back repeats (earliest
 * first), and in a spring-forward gap the first instant after it (02:30 → 03:00).
 */
export function instantsOf(date: string, time: string, timeZone: string): number[] {
  const [y, m, d] = date.split("-").map(Number) as [number, number, number];
  const [h, min] = time.split(":").map(Number) as [number, number];
  const wall = Date.UTC(y, m - 1, d, h, min);
  // The offset in force a day either side: the instant lies within 14 hours of `wall`.
  const offsets = new Set([wall - DAY_MS, wall + DAY_MS].map((t) => wallTime(t, timeZone) - t));
  const candidates = [...offsets].map((offset) => wall - offset).sort((a, b) => a - b);
  const exact = candidates.filter((t) => wallTime(t, timeZone) === wall);
  if (exact.length) return exact;
  // In the gap: the first minute whose wall time is past `wall` (the clocks jumped over it).
  let lo = candidates[0]!;
  let hi = candidates[candidates.length - 1]!;
  while (hi - lo > 60_000) {
    const mid = lo + Math.floor((hi - lo) / 120_000) * 60_000;
    if (wallTime(mid, timeZone) > wall) hi = mid;
    else lo = mid;
  }
  return [hi];
}

function addDays(date: string, days: number): string {
  const [y, m, d] = date.split("-").map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
}

function weekdayOf(date: string): (typeof WEEKDAYS)[number] {
  return WEEKDAYS[new Date(`${date}T00:00:00Z`).getUTCDay()]!;
}

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
