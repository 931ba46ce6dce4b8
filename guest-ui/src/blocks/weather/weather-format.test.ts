import type { Weather, WeatherDay, WeatherHour } from "@innbox/protocol";
import { describe, expect, it } from "vitest";
import { ageSentence, conditionsNow, dateIn, formatClock, formatDay, formatHour, formatLongDate, formatTemperature, isDaytime, knownTimeZone, msToNextMinute, nextHours } from "./weather-format";
import { WEATHER_TEXTS } from "./weather-texts";

const at = (iso: string) => Date.parse(iso);

describe("the local time", () => {
  it("follows the property's timezone across the spring-forward change, whatever the browser's", () => {
    // Berlin, 29 March 2026: at 02:00 CET the clocks jump to 03:00 CEST (01:00 UTC).
    expect(formatClock(at("2026-03-29T00:59:00Z"), "Europe/Berlin", "de-DE")).toBe("01:59");
    expect(formatClock(at("2026-03-29T01:00:00Z"), "Europe/Berlin", "de-DE")).toBe("03:00");
    expect(formatClock(at("2026-03-29T01:00:00Z"), "Europe/Berlin", "en-US")).toBe("3:00 AM");
    expect(formatLongDate(at("2026-03-29T01:00:00Z"), "Europe/Berlin", "en-GB")).toBe("Sunday 29 March");
    // The same instant in New York, which changed three weeks earlier.
    expect(formatClock(at("2026-03-29T01:00:00Z"), "America/New_York", "en-US")).toBe("9:00 PM");
    expect(formatLongDate(at("2026-03-29T01:00:00Z"), "America/New_York", "en-US")).toBe("Saturday, March 28");
  });

  it("and across the fall-back change, when an hour happens twice", () => {
    // Rome, 25 October 2026: at 03:00 CEST the clocks go back to 02:00 CET (01:00 UTC).
    expect(formatClock(at("2026-10-25T00:30:00Z"), "Europe/Rome", "it-IT")).toBe("02:30");
    expect(formatClock(at("2026-10-25T01:30:00Z"), "Europe/Rome", "it-IT")).toBe("02:30");
    expect(formatClock(at("2026-10-25T02:30:00Z"), "Europe/Rome", "it-IT")).toBe("03:30");
    // The hourly row on that day: 25 hours in the local day, each labelled by the wall clock.
    const hours = ["2026-10-24T23:00:00Z", "2026-10-25T00:00:00Z", "2026-10-25T01:00:00Z", "2026-10-25T02:00:00Z"].map((h) => formatHour(h, "Europe/Rome", "en-GB"));
    expect(hours).toEqual(["01:00", "02:00", "02:00", "03:00"]);
    expect(formatHour("2026-10-25T02:00:00Z", "Europe/Rome", "en-US")).toBe("3 AM");
  });

  it("ticks at each full minute, not a minute after the page opened", () => {
    expect(msToNextMinute(at("2026-06-21T07:00:00.000Z"))).toBe(60_000);
    expect(msToNextMinute(at("2026-06-21T07:00:59.250Z"))).toBe(750);
    expect(msToNextMinute(at("2026-06-21T07:00:00.001Z"))).toBe(59_999);
    // Every timezone in use is a whole number of minutes off UTC: the UTC minute is the local one.
    const tick = at("2026-06-21T07:00:20Z") + msToNextMinute(at("2026-06-21T07:00:20Z"));
    expect(formatClock(tick, "Asia/Kathmandu", "en-GB")).toBe("12:46");
    expect(formatClock(tick - 1, "Asia/Kathmandu", "en-GB")).toBe("12:45");
  });

  it("knows which timezones this runtime knows", () => {
    expect(knownTimeZone("Europe/Rome")).toBe(true);
    expect(knownTimeZone("Mars/Olympus_Mons")).toBe(false);
  });
});

describe("the days and numbers", () => {
  it("names a forecast day by its own date, whatever the timezone", () => {
    expect(formatDay("2026-03-29", "en-GB")).toBe("Sun 29");
    expect(formatDay("2026-03-29", "de-DE")).toBe("So., 29.");
    expect(dateIn(at("2026-03-28T23:30:00Z"), "Europe/Berlin")).toBe("2026-03-29");
    expect(dateIn(at("2026-03-28T23:30:00Z"), "America/New_York")).toBe("2026-03-28");
  });

  it("writes temperatures without a minus zero", () => {
    expect(formatTemperature(21.6, "en")).toBe("22°");
    expect(formatTemperature(-0.3, "en")).toBe("0°");
    expect(formatTemperature(-4.5, "de")).toBe("-4°");
  });

  it("takes the next 24 hours from the current one on", () => {
    const hourly: WeatherHour[] = Array.from({ length: 48 }, (_, i) => ({ time: new Date(at("2026-06-21T00:00:00Z") + i * 3_600_000).toISOString(), temperature: i, weatherCode: 0, precipitationProbability: 0, cloudCover: 0 }));
    const next = nextHours(hourly, at("2026-06-21T07:40:00Z"));
    expect(next).toHaveLength(24);
    expect(next[0]!.time).toBe("2026-06-21T07:00:00.000Z");
  });

  it("tells day from night by the day's sunrise and sunset at the place", () => {
    const days: WeatherDay[] = [
      { date: "2026-06-21", weatherCode: 0, temperatureMax: 30, temperatureMin: 18, precipitationSum: 0, sunrise: "2026-06-21T03:35:00.000Z", sunset: "2026-06-21T18:48:00.000Z" },
      { date: "2026-06-22", weatherCode: 0, temperatureMax: 30, temperatureMin: 18, precipitationSum: 0, sunrise: null, sunset: null },
    ];
    expect(isDaytime(at("2026-06-21T03:00:00Z"), days, "Europe/Rome")).toBe(false);
    expect(isDaytime(at("2026-06-21T12:00:00Z"), days, "Europe/Rome")).toBe(true);
    expect(isDaytime(at("2026-06-21T19:00:00Z"), days, "Europe/Rome")).toBe(false);
    expect(isDaytime(at("2026-06-22T12:00:00Z"), days, "Europe/Rome")).toBe(true);
  });
});

describe("the forecast's age", () => {
  const fetchedAt = "2026-06-21T07:00:00.000Z";
  it("says minutes, hours, then days, in the guest's language", () => {
    const en = (now: string) => ageSentence(fetchedAt, at(now), WEATHER_TEXTS.en, "en");
    expect(en("2026-06-21T07:00:10Z")).toBe("Forecast from 1 minute ago");
    expect(en("2026-06-21T07:45:00Z")).toBe("Forecast from 45 minutes ago");
    expect(en("2026-06-21T10:05:00Z")).toBe("Forecast from 3 hours ago");
    expect(en("2026-06-22T19:00:00Z")).toBe("Forecast from 36 hours ago");
    expect(en("2026-06-24T08:00:00Z")).toBe("Forecast from 3 days ago");
    const now = at("2026-06-21T10:00:00Z");
    expect(ageSentence(fetchedAt, now, WEATHER_TEXTS.de, "de-DE")).toBe("Stand der Vorhersage: vor 3 Stunden");
    expect(ageSentence(fetchedAt, now, WEATHER_TEXTS.fr, "fr-FR")).toBe("Prévisions mises à jour il y a 3 heures");
    expect(ageSentence(fetchedAt, now, WEATHER_TEXTS.es, "es")).toBe("Previsión de hace 3 horas");
    expect(ageSentence(fetchedAt, now, WEATHER_TEXTS.it, "it")).toBe("Previsioni di 3 ore fa");
    expect(ageSentence(fetchedAt, now, WEATHER_TEXTS.pt, "pt-PT")).toBe("Previsão feita há 3 horas");
    expect(ageSentence(fetchedAt, now, WEATHER_TEXTS.ru, "ru")).toBe("Прогноз получен 3 часа назад");
    expect(ageSentence(fetchedAt, now, WEATHER_TEXTS.zh, "zh-CN")).toBe("预报更新于3小时前");
  });
});

describe("the weather now", () => {
  const hourly: WeatherHour[] = Array.from({ length: 24 }, (_, i) => ({ time: new Date(at("2026-06-21T00:00:00Z") + i * 3_600_000).toISOString(), temperature: 10 + i, weatherCode: i < 12 ? 61 : 0, precipitationProbability: 50, cloudCover: 50 }));
  const daily: WeatherDay[] = [{ date: "2026-06-21", weatherCode: 0, temperatureMax: 30, temperatureMin: 10, precipitationSum: 0, sunrise: "2026-06-21T03:35:00.000Z", sunset: "2026-06-21T18:48:00.000Z" }];
  const weather: Weather = {
    current: { time: "2026-06-21T07:00:00.000Z", temperature: 17.2, weatherCode: 3, cloudCover: 90, precipitation: 0, windSpeed: 12, isDay: true },
    hourly,
    daily,
    fetchedAt: "2026-06-21T07:00:05.000Z",
    stale: false,
  };

  it("is the server's reading while it is recent", () => {
    expect(conditionsNow(weather, at("2026-06-21T08:00:00Z"), "Europe/Rome")).toEqual({ temperature: 17.2, weatherCode: 3, isDay: true, windSpeed: 12 });
  });

  it("is the forecast for the current hour once the reading is old, day or night by the sun", () => {
    expect(conditionsNow(weather, at("2026-06-21T13:20:00Z"), "Europe/Rome")).toEqual({ temperature: 23, weatherCode: 0, isDay: true, windSpeed: null });
    expect(conditionsNow(weather, at("2026-06-21T20:30:00Z"), "Europe/Rome")).toMatchObject({ temperature: 30, isDay: false });
  });

  it("is nothing when neither says anything", () => {
    expect(conditionsNow(weather, at("2026-06-23T12:00:00Z"), "Europe/Rome")).toBeUndefined();
    const empty = { ...weather, current: { ...weather.current, temperature: null, weatherCode: null } };
    expect(conditionsNow({ ...empty, hourly: [] }, at("2026-06-21T07:10:00Z"), "Europe/Rome")).toBeUndefined();
  });
});
