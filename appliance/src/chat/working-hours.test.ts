import { describe, expect, it } from "vitest";
import type { WorkingHours } from "@innbox/protocol";
import { instantsOf, localTime } from "../time/index.js";
import { isWithinHours, nextOnDuty } from "./working-hours.js";

const nineToSix = [{ from: "09:00", to: "18:00" }];
const hours: WorkingHours = {
  enabled: true,
  weekly: { mon: nineToSix, tue: nineToSix, wed: nineToSix, thu: nineToSix, fri: nineToSix, sat: [{ from: "10:00", to: "14:00" }], sun: [] },
  exceptions: [
    { date: "2026-12-25", ranges: [], note: "Christmas" },
    { date: "2026-12-27", ranges: [{ from: "12:00", to: "13:00" }] },
  ],
};

describe("working hours", () => {
  it("are always open when disabled", () => {
    expect(isWithinHours({ ...hours, enabled: false }, "Europe/Lisbon", new Date("2026-12-25T03:00:00Z"))).toBe(true);
  });

  it("follow the weekly schedule in the property's timezone", () => {
    // Wednesday 2026-11-25: 08:30 UTC is 09:30 in Berlin but 08:30 in Lisbon.
    const at = new Date("2026-11-25T08:30:00Z");
    expect(isWithinHours(hours, "Europe/Berlin", at)).toBe(true);
    expect(isWithinHours(hours, "Europe/Lisbon", at)).toBe(false);
  });

  it("end a range at its closing minute", () => {
    expect(isWithinHours(hours, "UTC", new Date("2026-11-25T17:59:00Z"))).toBe(true);
    expect(isWithinHours(hours, "UTC", new Date("2026-11-25T18:00:00Z"))).toBe(false);
  });

  it("let an exception close a weekday or open a Sunday", () => {
    expect(isWithinHours(hours, "UTC", new Date("2026-12-25T11:00:00Z"))).toBe(false); // Friday, closed for Christmas
    expect(isWithinHours(hours, "UTC", new Date("2026-12-27T12:30:00Z"))).toBe(true); // Sunday, opened by exception
    expect(isWithinHours(hours, "UTC", new Date("2026-12-20T12:30:00Z"))).toBe(false); // an ordinary Sunday
  });

  it("use local wall time across a daylight-saving change", () => {
    // Europe/Lisbon leaves summer time on 2026-10-25 at 02:00 local.
    expect(localTime(new Date("2026-10-24T08:30:00Z"), "Europe/Lisbon").time).toBe("09:30");
    expect(localTime(new Date("2026-10-26T08:30:00Z"), "Europe/Lisbon").time).toBe("08:30");
    expect(isWithinHours(hours, "Europe/Lisbon", new Date("2026-10-26T08:30:00Z"))).toBe(false); // Monday 08:30
    expect(isWithinHours(hours, "Europe/Lisbon", new Date("2026-10-23T08:30:00Z"))).toBe(true); // Friday 09:30 summer time
  });
});

describe("the next moment someone is on duty", () => {
  const rome = "Europe/Rome";
  const at = (iso: string) => nextOnDuty(hours, rome, new Date(iso))?.toISOString();

  it("is now when someone is on duty now", () => {
    // Wednesday 2026-11-25 10:00 in Rome (UTC+1).
    expect(at("2026-11-25T09:00:00.000Z")).toBe("2026-11-25T09:00:00.000Z");
    expect(nextOnDuty({ ...hours, enabled: false }, rome, new Date("2026-12-25T03:00:00Z"))?.toISOString()).toBe("2026-12-25T03:00:00.000Z");
  });

  it("is later the same day before opening", () => {
    expect(at("2026-11-25T05:30:00Z")).toBe("2026-11-25T08:00:00.000Z"); // 06:30 → 09:00
  });

  it("crosses midnight to the next morning", () => {
    expect(at("2026-11-25T17:00:00Z")).toBe("2026-11-26T08:00:00.000Z"); // Wed 18:00 (closing minute) → Thu 09:00
    expect(at("2026-11-25T23:30:00Z")).toBe("2026-11-26T08:00:00.000Z"); // already Thursday 00:30 in Rome
  });

  it("wraps over the weekend to Monday", () => {
    expect(at("2026-11-28T13:00:00Z")).toBe("2026-11-30T08:00:00.000Z"); // Sat 14:00 → Mon 09:00
    expect(at("2026-11-29T12:00:00Z")).toBe("2026-11-30T08:00:00.000Z"); // Sunday → Mon 09:00
    const mondaysOnly: WorkingHours = { ...hours, weekly: { ...hours.weekly, tue: [], wed: [], thu: [], fri: [], sat: [] }, exceptions: [] };
    expect(nextOnDuty(mondaysOnly, rome, new Date("2026-11-24T08:00:00Z"))?.toISOString()).toBe("2026-11-30T08:00:00.000Z"); // Tue → next Mon
    expect(nextOnDuty(mondaysOnly, rome, new Date("2026-11-30T17:30:00Z"))?.toISOString()).toBe("2026-12-07T08:00:00.000Z"); // Mon evening → a week on
  });

  it("skips holidays and takes the hours of an exception", () => {
    // Thu 24 Dec 19:00 → Fri 25 is closed for Christmas → Sat 26 at 10:00.
    expect(at("2026-12-24T18:00:00Z")).toBe("2026-12-26T09:00:00.000Z");
    // Sat 26 after closing → Sun 27 opens by exception at 12:00.
    expect(at("2026-12-26T14:00:00Z")).toBe("2026-12-27T11:00:00.000Z");
    // A week closed over New Year: back on Monday 4 January.
    const closedWeek = ["2026-12-28", "2026-12-29", "2026-12-30", "2026-12-31", "2027-01-01", "2027-01-02"].map((date) => ({ date, ranges: [] }));
    expect(nextOnDuty({ ...hours, exceptions: closedWeek }, rome, new Date("2026-12-27T20:00:00Z"))?.toISOString()).toBe("2027-01-04T08:00:00.000Z");
  });

  it("takes the earliest of several ranges in a day, and a range ending at midnight", () => {
    const split: WorkingHours = {
      enabled: true,
      weekly: { mon: [{ from: "15:00", to: "24:00" }, { from: "00:00", to: "02:00" }], tue: [], wed: [], thu: [], fri: [], sat: [], sun: [] },
      exceptions: [],
    };
    expect(nextOnDuty(split, "UTC", new Date("2026-11-30T02:00:00Z"))?.toISOString()).toBe("2026-11-30T15:00:00.000Z");
    expect(nextOnDuty(split, "UTC", new Date("2026-11-30T23:59:00Z"))?.toISOString()).toBe("2026-11-30T23:59:00.000Z");
    expect(nextOnDuty(split, "UTC", new Date("2026-12-01T00:00:00Z"))?.toISOString()).toBe("2026-12-07T00:00:00.000Z");
  });

  it("follows daylight saving in Europe/Rome", () => {
    // Spring forward on Sunday 2026-03-29: Saturday afternoon in winter time, Monday in summer time.
    expect(at("2026-03-28T14:00:00Z")).toBe("2026-03-30T07:00:00.000Z"); // Sat 15:00 CET → Mon 09:00 CEST
    // Fall back on Sunday 2026-10-25: Saturday in summer time, Monday in winter time.
    expect(at("2026-10-24T13:00:00Z")).toBe("2026-10-26T08:00:00.000Z"); // Sat 15:00 CEST → Mon 09:00 CET
  });

  it("opens a range that starts in the spring-forward gap at the first minute after it, and a repeated hour at its first occurrence", () => {
    const night = (date: string, from: string, to: string): WorkingHours => ({ ...hours, exceptions: [{ date, ranges: [{ from, to }] }] });
    // 02:30 does not exist on 2026-03-29 in Rome: the clocks go from 02:00 CET to 03:00 CEST (01:00 UTC).
    expect(nextOnDuty(night("2026-03-29", "02:30", "05:00"), rome, new Date("2026-03-28T22:00:00Z"))?.toISOString()).toBe("2026-03-29T01:00:00.000Z");
    // A range wholly inside the gap never happens: Monday 09:00 instead.
    expect(nextOnDuty(night("2026-03-29", "02:10", "02:40"), rome, new Date("2026-03-28T22:00:00Z"))?.toISOString()).toBe("2026-03-30T07:00:00.000Z");
    // 02:30 happens twice on 2026-10-25 (CEST, then CET): the first one counts.
    expect(nextOnDuty(night("2026-10-25", "02:30", "04:00"), rome, new Date("2026-10-24T21:00:00Z"))?.toISOString()).toBe("2026-10-25T00:30:00.000Z");
  });

  it("is null when no range ever opens", () => {
    const never: WorkingHours = { enabled: true, weekly: { mon: [], tue: [], wed: [], thu: [], fri: [], sat: [], sun: [] }, exceptions: [] };
    expect(nextOnDuty(never, rome, new Date("2026-11-25T09:00:00Z"))).toBeNull();
    // An exception far ahead is still found.
    const once = { ...never, exceptions: [{ date: "2027-06-01", ranges: [{ from: "10:00", to: "11:00" }] }] };
    expect(nextOnDuty(once, rome, new Date("2026-11-25T09:00:00Z"))?.toISOString()).toBe("2027-06-01T08:00:00.000Z");
  });

  it("does not depend on the machine's timezone", () => {
    expect(instantsOf("2026-07-01", "09:00", "America/New_York")).toEqual([Date.parse("2026-07-01T13:00:00Z")]);
    expect(instantsOf("2026-07-01", "24:00", "Asia/Tokyo")).toEqual([Date.parse("2026-07-01T15:00:00Z")]);
    expect(instantsOf("2026-11-01", "01:30", "America/New_York")).toEqual([Date.parse("2026-11-01T05:30:00Z"), Date.parse("2026-11-01T06:30:00Z")]);
  });
});
