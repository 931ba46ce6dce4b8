// Calendar days (YYYY-MM-DD, already the property's) in words, and the week picker's steps.

const weekday = new Intl.DateTimeFormat("en-GB", { weekday: "short", timeZone: "UTC" });
const dayMonth = new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "short", timeZone: "UTC" });
const dayMonthYear = new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "short", year: "numeric", timeZone: "UTC" });

const utc = (day: string) => new Date(`${day}T00:00:00Z`);

/** "Mon" and "1 Jun". */
export function dayParts(day: string): { weekday: string; date: string } {
  return { weekday: weekday.format(utc(day)), date: dayMonth.format(utc(day)) };
}

/** "1 Jun 2026". */
export function longDay(day: string): string {
  return dayMonthYear.format(utc(day));
}

export function addDays(day: string, days: number): string {
  const at = utc(day);
  at.setUTCDate(at.getUTCDate() + days);
  return at.toISOString().slice(0, 10);
}
