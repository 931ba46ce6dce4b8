// The kiosk's clock shows the property's time, wherever the tablet's own clock is set.
import { dateIn, formatClock, formatLongDate, knownTimeZone } from "../blocks/weather/weather-format";

export interface PropertyTime {
  time: string;
  date: string;
  /** YYYY-MM-DD there: which forecast day is "today". */
  day: string;
}

/** The wall clock and date at `at` in the property's `timeZone` (the tablet's own if the browser does not know it). */
export function propertyTime(at: number, timeZone: string, locale: string): PropertyTime {
  const zone = knownTimeZone(timeZone) ? timeZone : Intl.DateTimeFormat().resolvedOptions().timeZone;
  return { time: formatClock(at, zone, locale), date: formatLongDate(at, zone, locale), day: dateIn(at, zone) };
}
