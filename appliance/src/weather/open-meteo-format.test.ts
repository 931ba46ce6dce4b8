import { describe, expect, it } from "vitest";
import { normalizeForecast, ForecastFormatError } from "./open-meteo-format.js";
import { backoffMs } from "./weather-service.js";

const ROME = { latitude: 41.9028, longitude: 12.4964, timezone: "Europe/Rome" };
// Local midnights in Rome around the spring-forward day (unix seconds).
const MAR28 = Date.parse("2026-03-27T23:00:00Z") / 1000;
const MAR29 = Date.parse("2026-03-28T23:00:00Z") / 1000;
const MAR30 = Date.parse("2026-03-29T22:00:00Z") / 1000;

function answer() {
  return {
    latitude: 41.9,
    longitude: 12.5,
    generationtime_ms: 0.1,
    utc_offset_seconds: 3600,
    timezone: "Europe/Rome",
    timezone_abbreviation: "GMT+1",
    elevation: 21,
    current_units: { time: "unixtime", interval: "seconds", temperature_2m: "°C" },
    current: { time: MAR28 + 9 * 3600, interval: 900, temperature_2m: 12.3, weather_code: 3, cloud_cover: 80, precipitation: 0, wind_speed_10m: 7.2, is_day: 1 },
    hourly_units: { time: "unixtime" },
    hourly: { time: [MAR28, MAR28 + 3600], temperature_2m: [9.1, null], weather_code: [1, 2], precipitation_probability: [null, 5], cloud_cover: [10, 20] },
    daily_units: { time: "unixtime" },
    daily: {
      time: [MAR28, MAR29, MAR30],
      weather_code: [3, 61, 0],
      temperature_2m_max: [15, 13.5, 17],
      temperature_2m_min: [6, 7, 5.5],
      precipitation_sum: [0, 4.2, 0],
      sunrise: [MAR28 + 6 * 3600, MAR29 + 7 * 3600, MAR30 + 7 * 3600],
      sunset: [MAR28 + 18 * 3600, MAR29 + 19 * 3600, MAR30 + 19 * 3600],
    },
  };
}

describe("Open-Meteo answers", () => {
  it("become our forecast: ISO times, days as the property's dates across a DST change, sun times computed here", () => {
    const f = normalizeForecast(answer(), ROME);
    expect(f.current).toEqual({ time: "2026-03-28T08:00:00.000Z", temperature: 12.3, weatherCode: 3, cloudCover: 80, precipitation: 0, windSpeed: 7.2, isDay: true });
    expect(f.hourly[1]).toEqual({ time: "2026-03-28T00:00:00.000Z", temperature: null, weatherCode: 2, precipitationProbability: 5, cloudCover: 20 });
    expect(f.daily.map((d) => d.date)).toEqual(["2026-03-28", "2026-03-29", "2026-03-30"]);
    expect(f.daily[1]).toMatchObject({ weatherCode: 61, temperatureMax: 13.5, temperatureMin: 7, precipitationSum: 4.2 });
    expect(f.daily[1]!.sunrise).toMatch(/^2026-03-29T04:5\d/);
  });

  it("asked for with timezone=auto, are in the timezone the server names (UTC when this machine does not know it)", () => {
    const f = normalizeForecast(answer(), { latitude: 41.9, longitude: 12.5, timezone: "auto" });
    expect(f.timezone).toBe("Europe/Rome");
    expect(f.daily.map((d) => d.date)).toEqual(["2026-03-28", "2026-03-29", "2026-03-30"]);
    expect(normalizeForecast({ ...answer(), timezone: "Mars/Olympus_Mons" }, { latitude: 41.9, longitude: 12.5, timezone: "auto" }).timezone).toBe("UTC");
    const { timezone: _none, ...unnamed } = answer();
    expect(normalizeForecast(unnamed, { latitude: 41.9, longitude: 12.5, timezone: "auto" }).timezone).toBe("UTC");
  });

  it("refuse anything else", () => {
    const bad: unknown[] = [
      null,
      "<html></html>",
      { ...answer(), current: undefined },
      { ...answer(), hourly: { ...answer().hourly, temperature_2m: [1] } },
      { ...answer(), daily: { ...answer().daily, time: [] , weather_code: [], temperature_2m_max: [], temperature_2m_min: [], precipitation_sum: [] } },
      { ...answer(), current: { ...answer().current, temperature_2m: "warm" } },
    ];
    for (const body of bad) expect(() => normalizeForecast(body, ROME)).toThrow(ForecastFormatError);
  });
});

describe("backoff", () => {
  it("waits 1, 2, 4 … minutes after failures, at most 30", () => {
    expect([1, 2, 3, 4, 5, 6, 7, 20].map((n) => backoffMs(n) / 60_000)).toEqual([1, 2, 4, 8, 16, 30, 30, 30]);
  });
});
