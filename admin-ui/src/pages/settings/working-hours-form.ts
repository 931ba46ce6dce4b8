import type { WorkingHours } from "@innbox/protocol";
import { DATE, EXCEPTION_NOTE_MAX, RANGES_PER_DAY_MAX, TIME_OF_DAY } from "@innbox/protocol/rules";
import { checkText } from "../../forms/checks";
import type { FieldPlace } from "../../forms/server-errors";
import { t } from "../../messages";

export const WEEKDAYS = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"] as const;
export type Weekday = (typeof WEEKDAYS)[number];
export const MAX_RANGES = RANGES_PER_DAY_MAX;
export const DEFAULT_RANGE: RangeForm = { from: "09:00", to: "18:00" };

/** Times as typed, on the 24-hour clock the API uses ("09:00", "24:00" for midnight at the end). */
export interface RangeForm {
  from: string;
  to: string;
}

export interface ExceptionForm {
  /** Only for rendering lists; never sent. */
  key: string;
  date: string;
  closed: boolean;
  ranges: RangeForm[];
  note: string;
}

export interface HoursForm {
  enabled: boolean;
  weekly: Record<Weekday, RangeForm[]>;
  exceptions: ExceptionForm[];
}

let keys = 0;
export const newKey = () => `e${++keys}`;

const copy = (range: RangeForm): RangeForm => ({ from: range.from, to: range.to });

/**
 * A time as people type it ("9", "930", "9.30", "17:5") as HH:MM, or the text unchanged
 * when it is not a time. An end of 00:00 can only mean midnight, so it becomes 24:00.
 */
export function normalizeTime(text: string, end: boolean): string {
  const match = /^\s*(\d{1,2})(?:[:.,h]?(\d{2}))?\s*$/.exec(text);
  if (!match) return text;
  const hours = Number(match[1]);
  const minutes = match[2] === undefined ? 0 : Number(match[2]);
  if (hours > 24 || minutes > 59 || (hours === 24 && minutes > 0)) return text;
  if (end && hours === 0 && minutes === 0) return "24:00";
  if (!end && hours === 24) return text;
  return `${String(hours).padStart(2, "0")}:${String(minutes).padStart(2, "0")}`;
}

export function toForm(hours: WorkingHours): HoursForm {
  const weekly = {} as Record<Weekday, RangeForm[]>;
  for (const day of WEEKDAYS) weekly[day] = (hours.weekly[day] ?? []).map(copy);
  return {
    enabled: hours.enabled,
    weekly,
    exceptions: hours.exceptions.map((exception) => ({
      key: newKey(),
      date: exception.date,
      closed: exception.ranges.length === 0,
      ranges: exception.ranges.map(copy),
      note: exception.note ?? "",
    })),
  };
}

export function fromForm(form: HoursForm): WorkingHours {
  const weekly = {} as WorkingHours["weekly"];
  for (const day of WEEKDAYS) weekly[day] = form.weekly[day].map(copy);
  return {
    enabled: form.enabled,
    weekly,
    exceptions: form.exceptions.map((exception) => ({
      date: exception.date,
      ranges: exception.closed ? [] : exception.ranges.map(copy),
      ...(exception.note.trim() ? { note: exception.note.trim() } : {}),
    })),
  };
}

/** A start is any time of day but 24:00, which only ends one. */
const isStart = (time: string) => TIME_OF_DAY.test(time) && time !== "24:00";
const minutes = (time: string) => Number(time.slice(0, 2)) * 60 + Number(time.slice(3, 5));

function checkRanges(ranges: readonly RangeForm[], base: string, errors: Record<string, string>) {
  ranges.forEach((range, index) => {
    const at = `${base}.${index}`;
    if (!isStart(range.from)) errors[`${at}.from`] = t.hours.errorTime;
    if (!TIME_OF_DAY.test(range.to)) errors[`${at}.to`] = t.hours.errorTime;
    if (errors[`${at}.from`] || errors[`${at}.to`]) return;
    if (minutes(range.from) >= minutes(range.to)) errors[at] = t.hours.errorOrder;
  });
  if (ranges.length > RANGES_PER_DAY_MAX) errors[base] = t.hours.errorTooMany(RANGES_PER_DAY_MAX);
  else if (!errors[base] && overlap(ranges)) errors[base] = t.hours.errorOverlap;
}

/** Whether two well-formed ranges of one day overlap (the appliance refuses that). */
function overlap(ranges: readonly RangeForm[]): boolean {
  const sorted = ranges.filter((r) => isStart(r.from) && TIME_OF_DAY.test(r.to)).sort((a, b) => a.from.localeCompare(b.from));
  return sorted.some((range, i) => i > 0 && sorted[i - 1]!.to > range.from);
}

/** What the browser can check before saving, keyed like the appliance's `details[].field`. */
export function validateHours(form: HoursForm): Record<string, string> {
  const errors: Record<string, string> = {};
  for (const day of WEEKDAYS) checkRanges(form.weekly[day], `weekly.${day}`, errors);
  const dates = new Set<string>();
  form.exceptions.forEach((exception, index) => {
    const at = `exceptions.${index}`;
    if (!DATE.test(exception.date)) errors[`${at}.date`] = t.hours.errorDate;
    else if (dates.has(exception.date)) errors[`${at}.date`] = t.hours.errorDuplicateDate;
    dates.add(exception.date);
    const note = checkText(exception.note, t.hours.noteLabel, { max: EXCEPTION_NOTE_MAX, required: false });
    if (note) errors[`${at}.note`] = note;
    if (!exception.closed) checkRanges(exception.ranges, `${at}.ranges`, errors);
  });
  return errors;
}

/** Where the appliance's fields go: the form's keys are its paths; the labels name the part. */
export function hoursFieldPlace(field: string): FieldPlace | undefined {
  if (!/^(weekly|exceptions)(\.|$)/.test(field)) return undefined;
  const last = field.slice(field.lastIndexOf(".") + 1);
  const labels: Record<string, string> = { from: t.hours.from, to: t.hours.to, date: t.hours.date, note: t.hours.noteLabel };
  return { key: field, label: labels[last] ?? t.hours.days[last] ?? t.hours.exceptionsHeading };
}

/** Monday's hours, copied to Tuesday to Friday. */
export function copyMondayToWeekdays(form: HoursForm): HoursForm {
  const monday = form.weekly.mon;
  const weekly = { ...form.weekly };
  for (const day of ["tue", "wed", "thu", "fri"] as const) weekly[day] = monday.map((range) => ({ ...range }));
  return { ...form, weekly };
}

/** Every typed time as HH:MM where it can be read as one (see normalizeTime). */
export function normalizeForm(form: HoursForm): HoursForm {
  const tidy = (range: RangeForm): RangeForm => ({ from: normalizeTime(range.from, false), to: normalizeTime(range.to, true) });
  const weekly = {} as Record<Weekday, RangeForm[]>;
  for (const day of WEEKDAYS) weekly[day] = form.weekly[day].map(tidy);
  return { ...form, weekly, exceptions: form.exceptions.map((exception) => ({ ...exception, ranges: exception.ranges.map(tidy) })) };
}

/** Errors at `prefix` itself or under it (e.g. all of one range's problems). */
export function errorsUnder(errors: Readonly<Record<string, string>>, prefix: string): string[] {
  return Object.entries(errors)
    .filter(([field]) => field === prefix || field.startsWith(`${prefix}.`))
    .map(([, message]) => message);
}
