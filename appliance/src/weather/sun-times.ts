import { getTimes } from "suncalc";
import type { SunTimes } from "@innbox/protocol";
import { localNoon } from "../time/index.js";

/**
 * Sunrise, sunset, dawn and dusk on `date` (YYYY-MM-DD, the property's calendar day) at a
 * place, as UTC ISO instants. suncalc's defaults are the contract's definitions: sunrise and
 * sunset at -0.833° (upper limb, standard refraction), dawn and dusk at -6° (civil). suncalc
 * works in UTC and takes the solar day nearest the instant it is given, so it is given local
 * noon of that date in the property's timezone: the answer never depends on the machine's
 * timezone. A day without the event (polar day or night) gives null.
 */
export function sunTimes(date: string, latitude: number, longitude: number, timeZone: string): SunTimes {
  const times = getTimes(new Date(localNoon(date, timeZone)), latitude, longitude);
  const iso = (d: Date | null) => (d && !Number.isNaN(d.getTime()) ? d.toISOString() : null);
  return { sunrise: iso(times.sunrise), sunset: iso(times.sunset), dawn: iso(times.dawn), dusk: iso(times.dusk) };
}

export const NO_SUN: SunTimes = { sunrise: null, sunset: null, dawn: null, dusk: null };
