// "We're back on Monday at 09:00": when the team is next on duty, in the page's language
// and the property's timezone. The appliance sends the moment (backAt, UTC); the words
// around it come from the messages (offHours.backAt), the day and time from Intl.

/** What a language needs to say when the team is back. */
export interface BackAt {
  /** Today or tomorrow (at the property), within the coming week (the weekday alone says it), or later (a date). */
  day: "today" | "tomorrow" | "week" | "later";
  /** "Monday", in the page's language. */
  weekday: string;
  /** 0 = Sunday … 6 = Saturday, for languages whose words change with the day. */
  weekdayIndex: number;
  /** "Monday 28 December", in the page's language. */
  date: string;
  /** "28 December", in the page's language (without the weekday). */
  dayMonth: string;
  /** "09:00" or "9:00 AM", as the guest's locale writes times; with the zone when the guest's clock is elsewhere. */
  time: string;
}

export interface BackAtOptions {
  /** The property's IANA timezone. */
  timeZone: string;
  /** The guest's locale (e.g. "de-AT"), for day names and the way times are written. */
  locale: string;
  now: Date;
  /** The guest's own timezone: when its clock reads differently, the time names its zone. */
  guestTimeZone?: string;
}

/** The calendar date at `at` in `timeZone`, as days since 1970 (to count days between). */
function dayNumber(at: Date, timeZone: string): number {
  const parts = new Intl.DateTimeFormat("en-US", { timeZone, year: "numeric", month: "numeric", day: "numeric" }).formatToParts(at);
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value);
  return Date.UTC(get("year"), get("month") - 1, get("day")) / 86_400_000;
}

function wallClock(at: Date, timeZone: string): string {
  return new Intl.DateTimeFormat("en-US", { timeZone, dateStyle: "short", timeStyle: "short", hourCycle: "h23" }).format(at);
}

function usesTwelveHours(locale: string): boolean {
  const cycle = new Intl.DateTimeFormat(locale, { hour: "numeric" }).resolvedOptions().hourCycle;
  return cycle === "h11" || cycle === "h12";
}

/** The words about `backAt`, or null when it is not a date. */
export function backAtParts(backAt: string, { timeZone, locale, now, guestTimeZone }: BackAtOptions): BackAt | null {
  const at = new Date(backAt);
  if (Number.isNaN(at.getTime())) return null;
  const backDay = dayNumber(at, timeZone);
  const days = backDay - dayNumber(now, timeZone);
  const day = days <= 0 ? "today" : days === 1 ? "tomorrow" : days < 7 ? "week" : "later";
  const showZone = guestTimeZone !== undefined && wallClock(at, guestTimeZone) !== wallClock(at, timeZone);
  const time = new Intl.DateTimeFormat(locale, {
    timeZone,
    // 24-hour locales write 09:00, as reception hours are posted; 12-hour ones 9:00 AM.
    hour: usesTwelveHours(locale) ? "numeric" : "2-digit",
    minute: "2-digit",
    ...(showZone ? { timeZoneName: "short" as const } : {}),
  }).format(at);
  return {
    day,
    weekday: new Intl.DateTimeFormat(locale, { timeZone, weekday: "long" }).format(at),
    weekdayIndex: new Date(backDay * 86_400_000).getUTCDay(),
    date: new Intl.DateTimeFormat(locale, { timeZone, weekday: "long", day: "numeric", month: "long" }).format(at),
    dayMonth: new Intl.DateTimeFormat(locale, { timeZone, day: "numeric", month: "long" }).format(at),
    time,
  };
}
