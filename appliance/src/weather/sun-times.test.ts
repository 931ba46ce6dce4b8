import { afterEach, describe, expect, it } from "vitest";
import { localDate, localNoon } from "../time/index.js";
import { sunTimes } from "./sun-times.js";

const ROME = [41.9028, 12.4964, "Europe/Rome"] as const;
const TROMSO = [69.6492, 18.9553, "Europe/Oslo"] as const;
const MINUTE = 60_000;

function near(actual: string | null, expected: string, toleranceMs = 2 * MINUTE) {
  expect(actual, `expected about ${expected}`).not.toBeNull();
  expect(Math.abs(Date.parse(actual!) - Date.parse(expected)), `${actual} vs ${expected}`).toBeLessThanOrEqual(toleranceMs);
}

const originalTz = process.env.TZ;
afterEach(() => {
  if (originalTz === undefined) delete process.env.TZ;
  else process.env.TZ = originalTz;
});

describe("sun times", () => {
  it("gives Rome's solstice sunrise, sunset and civil twilight in UTC", () => {
    const june = sunTimes("2026-06-21", ...ROME);
    near(june.sunrise, "2026-06-21T05:35:00+02:00");
    near(june.sunset, "2026-06-21T20:48:00+02:00");
    near(june.dawn, "2026-06-21T05:00:00+02:00");
    near(june.dusk, "2026-06-21T21:23:00+02:00");
    expect(june.sunrise).toMatch(/Z$/);
    const december = sunTimes("2026-12-21", ...ROME);
    near(december.sunrise, "2026-12-21T07:34:00+01:00");
    near(december.sunset, "2026-12-21T16:42:00+01:00");
    near(december.dawn, "2026-12-21T07:02:00+01:00");
    near(december.dusk, "2026-12-21T17:13:00+01:00");
  });

  it("gives null, not an invented time, for the midnight sun and the polar night in Tromsø", () => {
    expect(sunTimes("2026-06-21", ...TROMSO)).toEqual({ sunrise: null, sunset: null, dawn: null, dusk: null });
    const december = sunTimes("2026-12-21", ...TROMSO);
    expect(december.sunrise).toBeNull();
    expect(december.sunset).toBeNull();
    // The sun stays below the horizon but not below -6°: civil twilight still begins and ends.
    expect(december.dawn).not.toBeNull();
    expect(december.dusk).not.toBeNull();
    // In spring both are back.
    expect(sunTimes("2026-03-21", ...TROMSO).sunrise).not.toBeNull();
  });

  it("follows the property's clock on a daylight saving day", () => {
    // Rome springs forward on 2026-03-29: sunrise 06:58 CEST, an hour later by the clock than the day before (05:59 CET).
    const dst = sunTimes("2026-03-29", ...ROME);
    near(dst.sunrise, "2026-03-29T06:58:00+02:00");
    near(dst.sunset, "2026-03-29T19:32:00+02:00");
    const before = sunTimes("2026-03-28", ...ROME);
    near(before.sunrise, "2026-03-28T05:59:00+01:00");
    // New York falls back on 2026-11-01.
    const ny = sunTimes("2026-11-01", 40.7128, -74.006, "America/New_York");
    near(ny.sunrise, "2026-11-01T06:26:00-05:00");
    expect(localDate(Date.parse(ny.sunset!), "America/New_York")).toBe("2026-11-01");
  });

  it("answers for the property's calendar day even when the event falls on another UTC date", () => {
    // Sydney's sunrise on 21 June is on 20 June in UTC; New York's sunset on 21 June is on 22 June in UTC.
    const sydney = sunTimes("2026-06-21", -33.8688, 151.2093, "Australia/Sydney");
    expect(sydney.sunrise!.slice(0, 10)).toBe("2026-06-20");
    expect(localDate(Date.parse(sydney.sunrise!), "Australia/Sydney")).toBe("2026-06-21");
    near(sydney.sunrise, "2026-06-21T07:00:00+10:00");
    const ny = sunTimes("2026-06-21", 40.7128, -74.006, "America/New_York");
    expect(ny.sunset!.slice(0, 10)).toBe("2026-06-22");
    expect(localDate(Date.parse(ny.sunset!), "America/New_York")).toBe("2026-06-21");
    near(ny.sunset, "2026-06-21T20:31:00-04:00");
  });

  it("does not depend on the machine's timezone", () => {
    const places = [
      ["2026-06-21", ...ROME],
      ["2026-12-21", ...TROMSO],
      ["2026-06-21", -33.8688, 151.2093, "Australia/Sydney"],
      ["2026-03-08", 40.7128, -74.006, "America/New_York"],
      ["2026-01-01", 21.3069, -157.8583, "Pacific/Honolulu"],
      ["2026-01-01", -36.8485, 174.7633, "Pacific/Auckland"],
    ] as const;
    const results = (zone: string) => {
      process.env.TZ = zone;
      return places.map(([date, lat, lon, tz]) => ({ sun: sunTimes(date, lat, lon, tz), today: localDate(Date.parse("2026-06-21T23:30:00Z"), tz) }));
    };
    const utc = results("UTC");
    for (const zone of ["Pacific/Kiritimati", "Pacific/Pago_Pago", "Asia/Kolkata", "America/Los_Angeles"]) expect(results(zone)).toEqual(utc);
  });
});

describe("local dates", () => {
  it("takes the date and noon in the given timezone, across daylight saving changes", () => {
    expect(localDate(Date.parse("2026-06-21T22:30:00Z"), "Europe/Rome")).toBe("2026-06-22");
    expect(localDate(Date.parse("2026-06-21T22:30:00Z"), "America/New_York")).toBe("2026-06-21");
    expect(new Date(localNoon("2026-03-29", "Europe/Rome")).toISOString()).toBe("2026-03-29T10:00:00.000Z");
    expect(new Date(localNoon("2026-03-28", "Europe/Rome")).toISOString()).toBe("2026-03-28T11:00:00.000Z");
    expect(new Date(localNoon("2026-11-01", "America/New_York")).toISOString()).toBe("2026-11-01T17:00:00.000Z");
    expect(new Date(localNoon("2026-06-21", "Asia/Kolkata")).toISOString()).toBe("2026-06-21T06:30:00.000Z");
  });
});
