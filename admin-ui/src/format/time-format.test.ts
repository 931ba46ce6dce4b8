import { describe, expect, it } from "vitest";
import { en } from "../messages/en";
import { minutesSince, timeFormat } from "./time-format";

describe("times in the property's timezone", () => {
  // 23:30 in London is 08:30 the next morning in Tokyo.
  const now = Date.parse("2026-11-25T23:30:00Z");
  const ago = (minutes: number) => new Date(now - minutes * 60_000).toISOString();
  const tokyo = timeFormat("Asia/Tokyo");
  const london = timeFormat("Europe/London");

  it("shows the clock on the 24-hour clock of the property, whatever the device's zone", () => {
    expect(tokyo.clock("2026-11-25T14:05:00Z")).toBe("23:05");
    expect(london.clock("2026-11-25T14:05:00Z")).toBe("14:05");
    expect(timeFormat("America/New_York").clock("2026-07-01T04:00:00Z")).toBe("00:00");
  });

  it("says how long ago in a few characters", () => {
    expect(london.relative(ago(0.5), now)).toBe(en.time.justNow);
    expect(london.relative(ago(5), now)).toBe(en.time.minutesAgo(5));
    expect(london.relative(ago(150), now)).toBe(en.time.hoursAgo(2));
    expect(london.relative("2026-11-02T12:00:00Z", now)).toBe("2 Nov");
    expect(london.relative("2025-11-02T12:00:00Z", now)).toBe("2 Nov 2025");
  });

  it("puts days where the property's calendar has them", () => {
    // 14:00 UTC is today in London but yesterday evening in Tokyo.
    expect(london.relative("2026-11-25T14:00:00Z", now)).toBe(en.time.hoursAgo(9));
    expect(tokyo.relative("2026-11-25T14:00:00Z", now)).toBe(en.time.yesterday);
    expect(london.dayLabel("2026-11-25T14:00:00Z", now)).toBe(en.time.today);
    expect(tokyo.dayLabel("2026-11-25T14:00:00Z", now)).toBe(en.time.yesterday);
    expect(tokyo.dayLabel("2026-11-24T12:00:00Z", now)).toBe("Tuesday 24 November 2026");
    expect(tokyo.dayKey("2026-11-25T14:00:00Z")).toBe("2026-11-25");
    expect(london.dayKey("2026-11-25T23:59:00Z")).toBe("2026-11-25");
  });

  it("finds yesterday by the calendar across a daylight-saving change", () => {
    // Lisbon falls back on 25 October 2026: that Sunday has 25 hours.
    const lisbon = timeFormat("Europe/Lisbon");
    const mondayMorning = Date.parse("2026-10-26T00:30:00Z");
    expect(lisbon.dayLabel("2026-10-25T00:10:00Z", mondayMorning)).toBe(en.time.yesterday);
    expect(lisbon.dayLabel("2026-10-24T22:50:00Z", mondayMorning)).toBe("Saturday 24 October 2026");
  });

  it("writes a day and time for deadlines", () => {
    expect(tokyo.dateTime("2026-11-25T14:05:00Z")).toBe("Wednesday 25 November, 23:05");
  });

  it("falls back to the device's timezone for an unknown name", () => {
    expect(timeFormat("Mars/Olympus_Mons").timeZone).toBe(Intl.DateTimeFormat().resolvedOptions().timeZone);
    expect(timeFormat(undefined).timeZone).toBe(Intl.DateTimeFormat().resolvedOptions().timeZone);
  });

  it("counts waiting minutes, never below zero when clocks disagree", () => {
    expect(minutesSince(ago(12.9), now)).toBe(12);
    expect(minutesSince(ago(-3), now)).toBe(0);
    expect(en.messenger.waiting(0)).toBe("waiting less than a minute");
    expect(en.messenger.waiting(75)).toBe("waiting 1 h 15 min");
  });
});
