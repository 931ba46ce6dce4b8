// Wall-clock arithmetic in an IANA timezone (the property's), never the machine's: what a
// clock there reads at an instant, and at which instants it reads a given date and time.

export const WEEKDAYS = ["sun", "mon", "tue", "wed", "thu", "fri", "sat"] as const;
export type Weekday = (typeof WEEKDAYS)[number];

const DAY_MS = 86_400_000;

// One formatter per timezone: building one costs far more than using it, and the chat asks
// for the local time on every guest message.
const formatters = new Map<string, Intl.DateTimeFormat>();

type WallParts = { year: string; month: string; day: string; hour: string; minute: string; weekday: string };

// What the clock reads is the same through a minute (zones change offset on whole minutes),
// and the scheduler asks about the same minutes again and again (each trigger's days, each
// stay's check-in): remembered per timezone and minute, up to a bound.
const remembered = new Map<string, WallParts>();
const REMEMBERED_MAX = 50_000;

function wallParts(at: number, timeZone: string): WallParts {
  const key = `${timeZone} ${Math.floor(at / 60_000)}`;
  const known = remembered.get(key);
  if (known) return known;
  const parts = formatParts(at, timeZone);
  if (remembered.size >= REMEMBERED_MAX) remembered.clear();
  remembered.set(key, parts);
  return parts;
}

function formatParts(at: number, timeZone: string): WallParts {
  let format = formatters.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat("en-US", {
      timeZone,
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
      hourCycle: "h23",
      weekday: "short",
    });
    formatters.set(timeZone, format);
  }
  const parts = format.formatToParts(at);
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? "";
  return { year: get("year"), month: get("month"), day: get("day"), hour: get("hour"), minute: get("minute"), weekday: get("weekday") };
}

/** The wall-clock date, weekday and time at `at` in `timeZone` (handles DST by construction). */
export function localTime(at: Date, timeZone: string): { date: string; weekday: Weekday; time: string } {
  const p = wallParts(at.getTime(), timeZone);
  return { date: `${p.year}-${p.month}-${p.day}`, weekday: p.weekday.toLowerCase().slice(0, 3) as Weekday, time: `${p.hour}:${p.minute}` };
}

/** The date (YYYY-MM-DD) an instant falls on in `timeZone`. */
export function localDate(instant: number, timeZone: string): string {
  return localTime(new Date(instant), timeZone).date;
}

/** The wall-clock time at `at` in `timeZone`, as if it were UTC (milliseconds, whole minutes). */
function wallTime(at: number, timeZone: string): number {
  const p = wallParts(at, timeZone);
  return Date.UTC(Number(p.year), Number(p.month) - 1, Number(p.day), Number(p.hour), Number(p.minute));
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

/** The instant of 12:00 on `date` in `timeZone`; noon is never in a DST gap or repeat. */
export function localNoon(date: string, timeZone: string): number {
  return instantsOf(date, "12:00", timeZone)[0]!;
}

/** The calendar date `days` after `date` (YYYY-MM-DD). */
export function addDays(date: string, days: number): string {
  const [y, m, d] = date.split("-").map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
}

export function weekdayOf(date: string): Weekday {
  return WEEKDAYS[new Date(`${date}T00:00:00Z`).getUTCDay()]!;
}
