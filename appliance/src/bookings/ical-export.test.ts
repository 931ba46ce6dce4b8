import ical from "node-ical";
import { describe, expect, it } from "vitest";
import { roomCalendar } from "./ical-export.js";

describe("a room's calendar as iCalendar", () => {
  it("folds long lines at 75 octets without splitting a letter, and a reader gets the words back whole", () => {
    const name = "Suite «Panorama» — 海景房 with the long balcony over the old harbour, second floor";
    const body = roomCalendar({ name, roomId: "r_1" }, [], Date.parse("2026-07-10T06:00:00Z"));
    const lines = body.split("\r\n");
    expect(lines.every((line) => Buffer.byteLength(line) <= 75)).toBe(true);
    expect(lines.filter((line) => line.startsWith(" ")).length).toBeGreaterThan(0);
    expect(body.endsWith("END:VCALENDAR\r\n")).toBe(true);
    const calendar = Object.values(ical.sync.parseICS(body)).find((c: any) => c.type === "VCALENDAR") as any;
    expect(calendar["WR-CALNAME"]).toBe(name);
  });
});
