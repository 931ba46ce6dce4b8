import { describe, expect, it } from "vitest";
import type { WorkingHours } from "@innbox/protocol";
import { isWithinHours, localTime } from "./working-hours.js";

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
