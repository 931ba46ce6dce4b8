import { z } from "zod";
import { LATITUDE, LONGITUDE } from "./rules.js";

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

/** A coordinate in a query string: a plain decimal number within its range. */
const coordinate = (name: "Latitude" | "Longitude", range: { min: number; max: number }) => {
  const sentence = `${name} must be a number between ${range.min} and ${range.max}, such as ${name === "Latitude" ? "41.9" : "12.5"}.`;
  return z
    .string({ error: `${name} is required.` })
    .regex(/^[+-]?\d{1,3}(\.\d{1,12})?$/, { error: sentence })
    .transform(Number)
    .pipe(z.number().min(range.min, { error: sentence }).max(range.max, { error: sentence }));
};

/** Where a guest's device is (getGuestWeather); the appliance rounds it to about 10 km before asking for a forecast. */
export const GuestWeatherQuery = z.object({
  latitude: coordinate("Latitude", LATITUDE).describe("Degrees north (-90 to 90)."),
  longitude: coordinate("Longitude", LONGITUDE).describe("Degrees east (-180 to 180)."),
});
export type GuestWeatherQuery = z.infer<typeof GuestWeatherQuery>;

/**
 * The forecast at a guest's position (getGuestWeather), for a cell of about 0.1° around it:
 * the cell's centre, the timezone there (as the weather server names it), today's sun times
 * there, and the forecast in the same shape as the property's.
 */
export const GuestWeather = z
  .object({
    latitude: z.number().describe("The centre of the 0.1° cell the forecast is for."),
    longitude: z.number(),
    timezone: z.string().describe("The IANA timezone at that place; hours and days are in it."),
    sun: SunTimes.describe("Today's at that place, in its timezone."),
    weather: Weather,
  })
  .meta({ id: "GuestWeather" });
export type GuestWeather = z.infer<typeof GuestWeather>;
