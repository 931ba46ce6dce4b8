// Every time the admin page shows, in one format and in the property's timezone (not the
// device's: a manager abroad still sees the front desk's clock). 24-hour clock, as in the
// working hours; dates in the page language's words.
import { t } from "../messages";

const MINUTE = 60_000;

type Instant = string | number | Date;

/** The formats of one timezone. */
export interface TimeFormat {
  /** The IANA name used (the device's own when the one asked for is unknown). */
  readonly timeZone: string;
  /** The clock time: "09:31". */
  clock(at: Instant): string;
  /** The calendar day as YYYY-MM-DD: equal for two times on the same local day. */
  dayKey(at: Instant): string;
  /** The heading of a day in a conversation: Today, Yesterday or "Monday 2 November 2026". */
  dayLabel(at: Instant, now: number): string;
  /** Short "how long ago" for lists: now, 5 min, 3 h, Yesterday, 2 Nov, 2 Nov 2025. */
  relative(at: Instant, now: number): string;
  /** A day and time: "Monday 2 November, 09:31". */
  dateTime(at: Instant): string;
}

/** Whole minutes from `since` to `now` (never negative, whatever the clocks say). */
export function minutesSince(since: string, now: number): number {
  return Math.max(0, Math.floor((now - Date.parse(since)) / MINUTE));
}

/** Whether this browser knows the IANA timezone `zone`. */
export function knownTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat("en", { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

export function browserTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone;
}

const cache = new Map<string, TimeFormat>();

/** The formats of `zone` (the device's timezone when none is given or it is unknown). */
export function timeFormat(zone?: string | null): TimeFormat {
  const timeZone = zone && knownTimeZone(zone) ? zone : browserTimeZone();
  let format = cache.get(timeZone);
  if (!format) {
    format = createTimeFormat(timeZone);
    cache.set(timeZone, format);
  }
  return format;
}

function createTimeFormat(timeZone: string): TimeFormat {
  const locale = t.app.locale;
  const clock = new Intl.DateTimeFormat(locale, { timeZone, hour: "2-digit", minute: "2-digit", hourCycle: "h23" });
  const parts = new Intl.DateTimeFormat("en-US", { timeZone, year: "numeric", month: "2-digit", day: "2-digit" });
  // Dates are put together from their parts: ICU versions differ in commas and order.
  const names = new Intl.DateTimeFormat(locale, { timeZone, weekday: "long", day: "numeric", month: "long", year: "numeric" });
  const shortNames = new Intl.DateTimeFormat(locale, { timeZone, day: "numeric", month: "short", year: "numeric" });
  const partsOf = (format: Intl.DateTimeFormat, at: Instant) => {
    const found: Record<string, string> = {};
    for (const part of format.formatToParts(new Date(at))) found[part.type] = part.value;
    return found as { weekday: string; day: string; month: string; year: string };
  };

  const dayKey = (at: Instant): string => {
    const { year, month, day } = partsOf(parts, at);
    return `${year}-${month}-${day}`;
  };
  /** The calendar day before `key`, by the calendar (not 24 hours: days around DST are 23 or 25). */
  const dayBefore = (key: string): string => {
    const [year, month, day] = key.split("-").map(Number) as [number, number, number];
    return new Date(Date.UTC(year, month - 1, day - 1)).toISOString().slice(0, 10);
  };

  return {
    timeZone,
    clock: (at) => clock.format(new Date(at)),
    dayKey,
    dayLabel(at, now) {
      const day = dayKey(at);
      const today = dayKey(now);
      if (day === today) return t.time.today;
      if (day === dayBefore(today)) return t.time.yesterday;
      const { weekday, day: date, month, year } = partsOf(names, at);
      return t.time.longDate(weekday, date, month, year);
    },
    relative(at, now) {
      const minutes = Math.max(0, Math.floor((now - new Date(at).getTime()) / MINUTE));
      if (minutes < 1) return t.time.justNow;
      if (minutes < 60) return t.time.minutesAgo(minutes);
      const day = dayKey(at);
      const today = dayKey(now);
      if (day === today) return t.time.hoursAgo(Math.floor(minutes / 60));
      if (day === dayBefore(today)) return t.time.yesterday;
      const { day: date, month, year } = partsOf(shortNames, at);
      return day.slice(0, 4) === today.slice(0, 4) ? t.time.shortDate(date, month) : t.time.shortDate(date, month, year);
    },
    dateTime(at) {
      const { weekday, day, month } = partsOf(names, at);
      return t.time.dayAndTime(t.time.dayDate(weekday, day, month), clock.format(new Date(at)));
    },
  };
}
