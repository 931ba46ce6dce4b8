import { describe, expect, it } from "vitest";
import { exactTimezone, searchTimezones, timeIn, timezoneList, zoneLabel } from "./timezones";

const zones = timezoneList();

describe("timezones", () => {
  it("lists the browser's zones with UTC, and always the zone that is saved", () => {
    expect(zones).toContain("Europe/Lisbon");
    expect(zones).toContain("UTC");
    const withSaved = timezoneList("Etc/GMT+5");
    expect(withSaved).toContain("Etc/GMT+5");
    expect(new Set(withSaved).size).toBe(withSaved.length);
  });

  it("finds a zone by its city, whatever the case, spaces or accents", () => {
    expect(searchTimezones("Rome", zones)[0]).toBe("Europe/Rome");
    expect(searchTimezones("rome", zones)).toContain("Europe/Rome");
    expect(searchTimezones("new york", zones)[0]).toBe("America/New_York");
    expect(searchTimezones("New_York", zones)[0]).toBe("America/New_York");
    expect(searchTimezones("são paulo", zones)[0]).toBe("America/Sao_Paulo");
    expect(searchTimezones("europe lis", zones)).toEqual(["Europe/Lisbon"]);
  });

  it("puts cities that start with the words typed before other matches", () => {
    const found = searchTimezones("san", zones);
    expect(found[0]).toMatch(/\/San/);
    expect(searchTimezones("argentina", zones).length).toBeGreaterThan(5);
    expect(searchTimezones("", zones, 10)).toEqual(zones.slice(0, 10));
    expect(searchTimezones("Atlantis", zones)).toEqual([]);
  });

  it("knows a zone typed out in full", () => {
    expect(exactTimezone("europe / rome", zones)).toBe("Europe/Rome");
    expect(exactTimezone("Europe/Rome", zones)).toBe("Europe/Rome");
    expect(exactTimezone("Rome", zones)).toBeNull();
  });

  it("labels zones for people", () => {
    expect(zoneLabel("America/Argentina/Buenos_Aires")).toBe("America / Argentina / Buenos Aires");
  });

  it("tells the time in a zone and gives up quietly on an unknown one", () => {
    const noonUtc = Date.parse("2025-01-15T12:00:00Z");
    expect(timeIn("Asia/Tokyo", noonUtc)).toBe("21:00");
    expect(timeIn("Mars/Olympus_Mons", noonUtc)).toBeNull();
  });
});
