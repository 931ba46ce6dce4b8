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
