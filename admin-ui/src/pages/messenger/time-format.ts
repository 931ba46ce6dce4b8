import { t } from "../../messages";

const MINUTE = 60_000;

/** Whole minutes from `since` to `now` (never negative, whatever the clocks say). */
export function minutesSince(since: string, now: number): number {
  return Math.max(0, Math.floor((now - Date.parse(since)) / MINUTE));
}

function sameDay(a: Date, b: Date): boolean {
  return a.getFullYear() === b.getFullYear() && a.getMonth() === b.getMonth() && a.getDate() === b.getDate();
}

/** Short "how long ago" for the conversation list: now, 5 min, 3 h, Yesterday, 12 Nov. */
export function relativeTime(at: string, now: number, locale?: string): string {
  const minutes = minutesSince(at, now);
  if (minutes < 1) return t.messenger.justNow;
  if (minutes < 60) return t.messenger.minutesAgo(minutes);
  const date = new Date(at);
  const today = new Date(now);
  if (sameDay(date, today)) return t.messenger.hoursAgo(Math.floor(minutes / 60));
  const yesterday = new Date(today.getFullYear(), today.getMonth(), today.getDate() - 1);
  if (sameDay(date, yesterday)) return t.messenger.yesterday;
  const sameYear = date.getFullYear() === today.getFullYear();
  return date.toLocaleDateString(locale, sameYear ? { day: "numeric", month: "short" } : { day: "numeric", month: "short", year: "numeric" });
}

/** The clock time of a message, e.g. 09:31 (the device's own format). */
export function clockTime(at: string, locale?: string): string {
  return new Date(at).toLocaleTimeString(locale, { hour: "2-digit", minute: "2-digit" });
}

/** The heading of one day in a conversation: Today, Yesterday or the date. */
export function dayLabel(at: string, now: number, locale?: string): string {
  const date = new Date(at);
  const today = new Date(now);
  if (sameDay(date, today)) return t.messenger.today;
  if (sameDay(date, new Date(today.getFullYear(), today.getMonth(), today.getDate() - 1))) return t.messenger.yesterday;
  return date.toLocaleDateString(locale, { weekday: "long", day: "numeric", month: "long", year: "numeric" });
}

/** A key that is equal for two times on the same local day. */
export function dayKey(at: string): string {
  const date = new Date(at);
  return `${date.getFullYear()}-${date.getMonth()}-${date.getDate()}`;
}

/** A language tag as a name in the page's language ("de" → "German"), or the tag itself. */
export function languageName(tag: string, locale = "en"): string {
  try {
    return new Intl.DisplayNames([locale], { type: "language" }).of(tag) ?? tag;
  } catch {
    return tag;
  }
}
