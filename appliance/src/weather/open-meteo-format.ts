import { z } from "zod";
import type { WeatherDay, WeatherHour, WeatherNow } from "@innbox/protocol";
import { localDate } from "../time/index.js";
import { sunTimes } from "./sun-times.js";

/** The variables asked for; Open-Meteo answers each under the same name. */
export const CURRENT_VARIABLES = ["temperature_2m", "weather_code", "cloud_cover", "precipitation", "wind_speed_10m", "is_day"] as const;
export const HOURLY_VARIABLES = ["temperature_2m", "weather_code", "precipitation_probability", "cloud_cover"] as const;
export const DAILY_VARIABLES = ["weather_code", "temperature_2m_max", "temperature_2m_min", "precipitation_sum", "sunrise", "sunset"] as const;

const value = z.number().nullable();
const series = z.array(value);

/** Open-Meteo's `/v1/forecast` answer with `timeformat=unixtime` (times in seconds since 1970, UTC). */
const ForecastAnswer = z.object({
  latitude: z.number(),
  longitude: z.number(),
  utc_offset_seconds: z.number().optional(),
  timezone: z.string().optional(),
  current: z.object({
    time: z.number(),
    temperature_2m: value,
    weather_code: value,
    cloud_cover: value,
    precipitation: value,
    wind_speed_10m: value,
    is_day: value,
  }),
  hourly: z.object({
    time: z.array(z.number()),
    temperature_2m: series,
    weather_code: series,
    precipitation_probability: series,
    cloud_cover: series,
  }),
  daily: z.object({
    time: z.array(z.number()),
    weather_code: series,
    temperature_2m_max: series,
    temperature_2m_min: series,
    precipitation_sum: series,
  }),
});

/** Asked for as the timezone, the server answers in the one at the place and names it. */
export const AUTO_TIMEZONE = "auto";

/** The timezone the server named, if this machine knows it; UTC otherwise (then days are UTC days). */
function answeredTimezone(name: string | undefined): string {
  if (!name) return "UTC";
  try {
    return new Intl.DateTimeFormat("en-US", { timeZone: name }).resolvedOptions().timeZone;
  } catch {
    return "UTC";
  }
}

/** What the cache holds: Open-Meteo's answer in our own shape, with the place it is for. */
export interface Forecast {
  latitude: number;
  longitude: number;
  timezone: string;
  current: WeatherNow;
  hourly: WeatherHour[];
  daily: WeatherDay[];
}

export class ForecastFormatError extends Error {}

const iso = (seconds: number) => new Date(seconds * 1000).toISOString();
const code = (v: number | null | undefined) => (typeof v === "number" ? Math.round(v) : null);
const at = (list: Array<number | null>, i: number) => list[i] ?? null;

/**
 * Checks an answer and turns it into a Forecast. Anything else (HTML, another shape,
 * series of the wrong length) is a ForecastFormatError: nothing stored is replaced by it.
 */
export function normalizeForecast(body: unknown, asked: { latitude: number; longitude: number; timezone: string }): Forecast {
  const parsed = ForecastAnswer.safeParse(body);
  if (!parsed.success) {
    const first = parsed.error.issues[0];
    throw new ForecastFormatError(`${first?.path.join(".") || "the answer"}: ${first?.message ?? "unexpected shape"}`);
  }
  const place = asked.timezone === AUTO_TIMEZONE ? { ...asked, timezone: answeredTimezone(parsed.data.timezone) } : asked;
  const { current, hourly, daily } = parsed.data;
  for (const [name, list] of Object.entries(hourly)) {
    if (list.length !== hourly.time.length) throw new ForecastFormatError(`hourly.${name} has ${list.length} values for ${hourly.time.length} hours`);
  }
  for (const [name, list] of Object.entries(daily)) {
    if (list.length !== daily.time.length) throw new ForecastFormatError(`daily.${name} has ${list.length} values for ${daily.time.length} days`);
  }
  if (!hourly.time.length || !daily.time.length) throw new ForecastFormatError("the forecast has no hours or no days");
  return {
    ...place,
    current: {
      time: iso(current.time),
      temperature: current.temperature_2m,
      weatherCode: code(current.weather_code),
      cloudCover: current.cloud_cover,
      precipitation: current.precipitation,
      windSpeed: current.wind_speed_10m,
      isDay: current.is_day === null ? null : current.is_day === 1,
    },
    hourly: hourly.time.map((t, i) => ({
      time: iso(t),
      temperature: at(hourly.temperature_2m, i),
      weatherCode: code(at(hourly.weather_code, i)),
      precipitationProbability: at(hourly.precipitation_probability, i),
      cloudCover: at(hourly.cloud_cover, i),
    })),
    daily: daily.time.map((t, i) => {
      // Daily times are local midnight as a UTC instant: its date in the property's timezone is the day.
      const date = localDate(t * 1000, place.timezone);
      const sun = sunTimes(date, place.latitude, place.longitude, place.timezone);
      return {
        date,
        weatherCode: code(at(daily.weather_code, i)),
        temperatureMax: at(daily.temperature_2m_max, i),
        temperatureMin: at(daily.temperature_2m_min, i),
        precipitationSum: at(daily.precipitation_sum, i),
        sunrise: sun.sunrise,
        sunset: sun.sunset,
      };
    }),
  };
}

/** Open-Meteo's own error body, `{"error": true, "reason": "..."}`. */
export function errorReason(body: unknown): string | undefined {
  const parsed = z.object({ error: z.literal(true), reason: z.string() }).safeParse(body);
  return parsed.success ? parsed.data.reason : undefined;
}
