import { z } from "zod";

/** A sun event as an ISO instant in UTC, or null on a day without it (polar day or night). */
const SunInstant = z.iso.datetime().nullable();

/**
 * The day's sun times at the property, computed on the box: sunrise and sunset are the
 * sun's upper limb on the horizon with standard refraction (centre at -0.833°), dawn and
 * dusk civil twilight (centre at -6°).
 */
export const SunTimes = z
  .object({ sunrise: SunInstant, sunset: SunInstant, dawn: SunInstant, dusk: SunInstant })
  .meta({ id: "SunTimes" });
export type SunTimes = z.infer<typeof SunTimes>;

/** Open-Meteo's units: °C, km/h, mm, %; weather codes are WMO codes. Any value may be null when the model has none. */
export const WeatherNow = z
  .object({
    time: z.iso.datetime(),
    temperature: z.number().nullable().describe("°C at 2 m"),
    weatherCode: z.number().int().nullable().describe("WMO weather code"),
    cloudCover: z.number().nullable().describe("%"),
    precipitation: z.number().nullable().describe("mm"),
    windSpeed: z.number().nullable().describe("km/h at 10 m"),
    isDay: z.boolean().nullable(),
  })
  .meta({ id: "WeatherNow" });
export type WeatherNow = z.infer<typeof WeatherNow>;

export const WeatherHour = z
  .object({
    time: z.iso.datetime(),
    temperature: z.number().nullable(),
    weatherCode: z.number().int().nullable(),
    precipitationProbability: z.number().nullable().describe("%"),
    cloudCover: z.number().nullable(),
  })
  .meta({ id: "WeatherHour" });
export type WeatherHour = z.infer<typeof WeatherHour>;

export const WeatherDay = z
  .object({
    date: z.string().describe("YYYY-MM-DD in the property's timezone"),
    weatherCode: z.number().int().nullable(),
    temperatureMax: z.number().nullable(),
    temperatureMin: z.number().nullable(),
    precipitationSum: z.number().nullable().describe("mm"),
    sunrise: SunInstant.describe("Computed on the box, like `sun`."),
    sunset: SunInstant,
  })
  .meta({ id: "WeatherDay" });
export type WeatherDay = z.infer<typeof WeatherDay>;

/**
 * The forecast as the guest page gets it, from the cache: hours from the current one on,
 * days from today (the property's) on. `stale` when it is older than twice the refresh
 * interval or the last attempt to refresh it failed; `fetchedAt` gives its age.
 */
export const Weather = z
  .object({
    current: WeatherNow,
    hourly: z.array(WeatherHour),
    daily: z.array(WeatherDay),
    fetchedAt: z.iso.datetime(),
    stale: z.boolean(),
  })
  .meta({ id: "Weather" });
export type Weather = z.infer<typeof Weather>;

/** The manager's view of the weather service (`getWeatherStatus`, `refreshWeather`). */
export const WeatherStatus = z
  .object({
    configured: z.boolean().describe("False while the property has no location: then there is no weather, and that is not an error."),
    location: z.object({ latitude: z.number(), longitude: z.number() }).optional(),
    fetchedAt: z.iso.datetime().optional(),
    lastAttemptAt: z.iso.datetime().optional(),
    nextAttemptAt: z.iso.datetime().optional(),
    lastError: z.string().optional().describe("Why the last attempt failed; absent after a good one."),
    stale: z.boolean(),
    sun: SunTimes.describe("Today's, in the property's timezone; all null without a location."),
    current: WeatherNow.optional(),
  })
  .meta({ id: "WeatherStatus" });
export type WeatherStatus = z.infer<typeof WeatherStatus>;
