import { describe, expect, it } from "vitest";
import { timeIn, timezoneGroups, zoneLabel } from "./timezones";

describe("timezones", () => {
  it("groups zones by region and keeps UTC in the other group", () => {
    const groups = timezoneGroups("", "Other");
    const europe = groups.find((group) => group.region === "Europe");
    expect(europe?.zones).toContain("Europe/Lisbon");
    expect(groups.find((group) => group.region === "Other")?.zones).toContain("UTC");
  });

  it("always offers the zone that is saved, even one this browser does not list", () => {
    const zones = timezoneGroups("Etc/GMT+5", "Other").flatMap((group) => group.zones);
    expect(zones).toContain("Etc/GMT+5");
    expect(new Set(zones).size).toBe(zones.length);
  });

  it("labels zones for people", () => {
    expect(zoneLabel("America/Argentina/Buenos_Aires")).toBe("America / Argentina / Buenos Aires");
  });

  it("tells the time in a zone and gives up quietly on an unknown one", () => {
    const noonUtc = new Date("2025-01-15T12:00:00Z");
    // The format follows the locale (21:00, 9:00 PM…); the hour is what matters.
    expect(timeIn("Asia/Tokyo", noonUtc)).toMatch(/21.00|0?9.00\s?PM/i);
    expect(timeIn("Mars/Olympus_Mons", noonUtc)).toBeNull();
  });
});
