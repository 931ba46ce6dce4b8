// Times, dates and numbers of the weather blocks: in the place's timezone (the property's, or
// the guest's position's) and written the way the guest's locale writes them. Pure functions,
// given the locale and timezone, so they are tested without a browser.
import type { Weather, WeatherDay, WeatherHour } from "@innbox/protocol";
import type { WeatherTexts } from "./weather-texts";

const formats = new Map<string, Intl.DateTimeFormat>();

/** Intl formatters are slow to build and the clock asks every minute: one per options. */
function format(locale: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${locale}|${JSON.stringify(options)}`;
  let f = formats.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat(locale, options);
    formats.set(key, f);
  }
  return f;
}

function usesTwelveHours(locale: string): boolean {
  const cycle = format(locale, { hour: "numeric" }).resolvedOptions().hourCycle;
  return cycle === "h11" || cycle === "h12";
}

/** The calendar date parts at an instant in `timeZone`; also what tells whether the browser knows the timezone. */
const dateParts = (timeZone: string) => format("en-US", { timeZone, year: "numeric", month: "2-digit", day: "2-digit" });

/** Whether this browser knows the timezone (an unknown one would throw at every format). */
export function knownTimeZone(timeZone: string): boolean {
  try {
    dateParts(timeZone);
    return true;
  } catch {
    return false;
  }
}

/** "14:05" or "2:05 PM": the wall clock at `at` in `timeZone`. */
export function formatClock(at: number | string, timeZone: string, locale: string): string {
  // 24-hour locales write 09:05, as a station clock; 12-hour ones 9:05 AM.
  return format(locale, { timeZone, hour: usesTwelveHours(locale) ? "numeric" : "2-digit", minute: "2-digit" }).format(new Date(at));
}

/** "Sunday 21 June", the date at `at` in `timeZone`. */
export function formatLongDate(at: number, timeZone: string, locale: string): string {
  return format(locale, { timeZone, weekday: "long", day: "numeric", month: "long" }).format(new Date(at));
}

/** An hour of the hourly row: "14:00" or "2 PM". */
export function formatHour(iso: string, timeZone: string, locale: string): string {
  const options: Intl.DateTimeFormatOptions = usesTwelveHours(locale) ? { timeZone, hour: "numeric" } : { timeZone, hour: "2-digit", minute: "2-digit" };
  return format(locale, options).format(new Date(iso));
}

/** A day of the week's row ("Mon 22"), from its calendar date (YYYY-MM-DD, already the place's). */
export function formatDay(date: string, locale: string): string {
  // Noon UTC of that date, formatted in UTC: the date itself, whatever the browser's timezone.
  return format(locale, { timeZone: "UTC", weekday: "short", day: "numeric" }).format(new Date(`${date}T12:00:00Z`));
}

/** The calendar date (YYYY-MM-DD) at `at` in `timeZone`. */
export function dateIn(at: number, timeZone: string): string {
  const parts = dateParts(timeZone).formatToParts(new Date(at));
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? "";
  return `${get("year")}-${get("month")}-${get("day")}`;
}

/** Milliseconds until the next full minute: a clock that waits this long ticks with the minute instead of drifting. */
export function msToNextMinute(now: number): number {
  return 60_000 - (((now % 60_000) + 60_000) % 60_000);
}

const numbers = new Map<string, Intl.NumberFormat>();

function number(locale: string, options: Intl.NumberFormatOptions): Intl.NumberFormat {
  const key = `${locale}|${JSON.stringify(options)}`;
  let f = numbers.get(key);
  if (!f) {
    f = new Intl.NumberFormat(locale, options);
    numbers.set(key, f);
  }
  return f;
}

/** "21°"; "-0°" never. */
export function formatTemperature(celsius: number, locale: string): string {
  return `${number(locale, { maximumFractionDigits: 0 }).format(Math.round(celsius) + 0)}°`;
}

export function formatPercent(percent: number, locale: string): string {
  return number(locale, { style: "percent", maximumFractionDigits: 0 }).format(percent / 100);
}

export function formatMillimetres(mm: number, locale: string): string {
  return number(locale, { style: "unit", unit: "millimeter", maximumFractionDigits: 1 }).format(mm);
}

export function formatWind(kmh: number, locale: string): string {
  return number(locale, { style: "unit", unit: "kilometer-per-hour", maximumFractionDigits: 0 }).format(kmh);
}

/**
 * "Forecast from 3 hours ago": minutes within the hour, hours within two days, days after,
 * in the page's language (the words around it from `texts`, the age from Intl).
 */
export function ageSentence(fetchedAt: string, now: number, texts: Pick<WeatherTexts, "forecastFrom">, locale: string): string {
  const minutes = Math.max(0, Math.round((now - Date.parse(fetchedAt)) / 60_000));
  const relative = new Intl.RelativeTimeFormat(locale, { numeric: "always" });
  const age =
    minutes < 60 ? relative.format(-Math.max(1, minutes), "minute") : minutes < 48 * 60 ? relative.format(-Math.round(minutes / 60), "hour") : relative.format(-Math.round(minutes / 1440), "day");
  return texts.forecastFrom(age);
}

/** Whether `at` is between sunrise and sunset of its day at the place; daytime when the day is not known. */
export function isDaytime(at: number, days: readonly WeatherDay[], timeZone: string): boolean {
  const date = dateIn(at, timeZone);
  const day = days.find((d) => d.date === date);
  if (!day) return true;
  if (day.sunrise && day.sunset) return at >= Date.parse(day.sunrise) && at < Date.parse(day.sunset);
  // Polar day or night: no sunrise and no sunset. Dark when only one is missing is a guess; light is kinder.
  return true;
}

/** The hours from the current one on, `count` of them. */
export function nextHours(hourly: readonly WeatherHour[], now: number, count = 24): WeatherHour[] {
  return hourly.filter((h) => Date.parse(h.time) + 3_600_000 > now).slice(0, count);
}

/** The weather "now" as the page shows it. */
export interface Conditions {
  temperature: number | null;
  weatherCode: number | null;
  isDay: boolean;
  windSpeed: number | null;
}

/** A reading older than this says less about now than the forecast for this hour does. */
const READING_FRESH_MS = 90 * 60_000;

/**
 * The weather now: the server's reading while it is recent, else the forecast for the current
 * hour (an old forecast's hour is a better guess than its reading), else nothing.
 */
export function conditionsNow(weather: Weather, now: number, timeZone: string): Conditions | undefined {
  const { current } = weather;
  const readAt = Date.parse(current.time);
  if (now - readAt < READING_FRESH_MS && (current.temperature !== null || current.weatherCode !== null)) {
    return { temperature: current.temperature, weatherCode: current.weatherCode, isDay: current.isDay ?? isDaytime(now, weather.daily, timeZone), windSpeed: current.windSpeed };
  }
  const hour = weather.hourly.find((h) => Date.parse(h.time) <= now && Date.parse(h.time) + 3_600_000 > now);
  if (!hour || (hour.temperature === null && hour.weatherCode === null)) return undefined;
  return { temperature: hour.temperature, weatherCode: hour.weatherCode, isDay: isDaytime(now, weather.daily, timeZone), windSpeed: null };
}
