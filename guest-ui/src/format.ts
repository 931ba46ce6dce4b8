// Dates and times in the guest's own timezone and language.
import { backAtParts } from "./back-at";
import { choice, t } from "./i18n";

const time = new Intl.DateTimeFormat(choice.locale, { hour: "numeric", minute: "2-digit" });
const day = new Intl.DateTimeFormat(choice.locale, { weekday: "long", day: "numeric", month: "long" });
const dayWithYear = new Intl.DateTimeFormat(choice.locale, { day: "numeric", month: "long", year: "numeric" });

export function formatTime(iso: string): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? "" : time.format(date);
}

/** The local calendar day of a timestamp, as a key for grouping ("2026-05-01"). */
export function dayKey(iso: string): string {
  const date = new Date(iso);
  return `${date.getFullYear()}-${date.getMonth() + 1}-${date.getDate()}`;
}

export function formatDay(iso: string, now = new Date()): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return "";
  const key = dayKey(iso);
  if (key === dayKey(now.toISOString())) return t.chat.today;
  const yesterday = new Date(now);
  yesterday.setDate(now.getDate() - 1);
  if (key === dayKey(yesterday.toISOString())) return t.chat.yesterday;
  return date.getFullYear() === now.getFullYear() ? day.format(date) : dayWithYear.format(date);
}

/** "We're back on Monday at 09:00", in the property's timezone; null without a moment. */
export function formatBackAt(backAt: string | null, timeZone: string, now = new Date()): string | null {
  if (!backAt) return null;
  let guestTimeZone: string | undefined;
  try {
    guestTimeZone = new Intl.DateTimeFormat().resolvedOptions().timeZone;
  } catch {
    guestTimeZone = undefined;
  }
  try {
    const parts = backAtParts(backAt, { timeZone, locale: choice.locale, now, ...(guestTimeZone ? { guestTimeZone } : {}) });
    return parts && t.offHours.backAt(parts);
  } catch {
    // A timezone this browser does not know: better no sentence than a wrong one.
    return null;
  }
}
