// Calendar days (YYYY-MM-DD) in the page language's words. A day has no timezone of its
// own: it is read as that date in UTC and written out as it is.
import { t } from "../../messages";

const locale = t.app.locale;
const shortFormat = new Intl.DateTimeFormat(locale, { timeZone: "UTC", weekday: "short", day: "numeric", month: "short" });
const longFormat = new Intl.DateTimeFormat(locale, { timeZone: "UTC", weekday: "long", day: "numeric", month: "long" });
const monthFormat = new Intl.DateTimeFormat(locale, { timeZone: "UTC", month: "short" });
const weekdayFormat = new Intl.DateTimeFormat(locale, { timeZone: "UTC", weekday: "short" });

// Put together from their parts: ICU versions differ in commas and order.
function parts(format: Intl.DateTimeFormat, day: string): Record<string, string> {
  const found: Record<string, string> = {};
  for (const part of format.formatToParts(new Date(`${day}T00:00:00Z`))) found[part.type] = part.value;
  return found;
}

/** "Fri 10 Jul" */
export function shortDay(day: string): string {
  const { weekday = "", day: date = "", month = "" } = parts(shortFormat, day);
  return t.time.dayDate(weekday, date, month);
}

/** "Friday 10 July" */
export function longDay(day: string): string {
  const { weekday = "", day: date = "", month = "" } = parts(longFormat, day);
  return t.time.dayDate(weekday, date, month);
}

/** "Jul" */
export function monthName(day: string): string {
  return monthFormat.format(new Date(`${day}T00:00:00Z`));
}

/** "Fri" */
export function weekdayName(day: string): string {
  return weekdayFormat.format(new Date(`${day}T00:00:00Z`));
}
