import { describe, expect, it } from "vitest";
import { addDays } from "../time/index.js";
import { dayBounds, hours, intersect, isOn, merge, occupiedSpans, onSpans, perDay, subtract, type PowerChange, type Span } from "./intervals.js";

const LISBON = { timeZone: "Europe/Lisbon", checkInTime: "15:00", checkOutTime: "11:00" };
const at = (iso: string) => Date.parse(iso);
const on = (iso: string): PowerChange => ({ at: at(iso), on: true, online: true });
const off = (iso: string): PowerChange => ({ at: at(iso), on: false, online: true });
const offline = (iso: string, was: boolean | null = true): PowerChange => ({ at: at(iso), on: was, online: false });

/** Hours per day of `spans` over `days` days from `from`, in Lisbon. */
function hoursPerDay(spans: Span[], from: string, days: number): number[] {
  const list = Array.from({ length: days }, (_, i) => addDays(from, i));
  return perDay(spans, dayBounds(list, addDays(from, days), LISBON.timeZone)).map(hours);
}

describe("on-time per local day", () => {
  it("gives the spring-forward day in Lisbon 23 hours and the fall-back day 25", () => {
    const always = [on("2026-01-01T00:00:00Z")];
    expect(hoursPerDay(onSpans(always, at("2026-04-01T00:00:00Z")), "2026-03-28", 3)).toEqual([24, 23, 24]);
    expect(hoursPerDay(onSpans(always, at("2026-11-01T00:00:00Z")), "2026-10-24", 3)).toEqual([24, 25, 24]);
  });

  it("splits a span that crosses local midnight between the two days, at the local midnight, not UTC's", () => {
    // Summer: Lisbon is UTC+1, so local midnight is 23:00 UTC.
    const spans = onSpans([on("2026-07-10T21:00:00Z"), off("2026-07-11T01:30:00Z")], at("2026-07-12T00:00:00Z"));
    expect(hoursPerDay(spans, "2026-07-10", 2)).toEqual([2, 2.5]);
  });

  it("stops counting while the device does not answer, and counts again when it answers still on", () => {
    const changes = [on("2026-02-02T08:00:00Z"), offline("2026-02-02T10:00:00Z"), on("2026-02-02T11:00:00Z"), off("2026-02-02T12:15:00Z")];
    expect(onSpans(changes, at("2026-02-03T00:00:00Z"))).toEqual([
      { start: at("2026-02-02T08:00:00Z"), end: at("2026-02-02T10:00:00Z") },
      { start: at("2026-02-02T11:00:00Z"), end: at("2026-02-02T12:15:00Z") },
    ]);
    expect(hoursPerDay(onSpans(changes, at("2026-02-03T00:00:00Z")), "2026-02-02", 1)).toEqual([3.25]);
  });

  it("closes a span left open at the end of the report or now, and counts nothing from a change after it", () => {
    const changes = [on("2026-02-02T22:00:00Z"), off("2026-02-03T02:00:00Z")];
    expect(onSpans(changes, at("2026-02-02T23:00:00Z"))).toEqual([{ start: at("2026-02-02T22:00:00Z"), end: at("2026-02-02T23:00:00Z") }]);
    expect(onSpans([on("2026-02-03T00:00:00Z")], at("2026-02-02T23:00:00Z"))).toEqual([]);
  });

  it("does not count a state that is not known (a device that answers without saying on or off)", () => {
    expect(onSpans([{ at: at("2026-02-02T08:00:00Z"), on: null, online: true }, off("2026-02-02T09:00:00Z")], at("2026-02-03T00:00:00Z"))).toEqual([]);
  });

  it("counts the box's downtime as nothing: the interval closed at the last heartbeat ends the span there", () => {
    // Switched on, the box lost power after its heartbeat at 10:42, back at 14:00 with the lamp still on.
    const changes = [on("2026-02-02T09:00:00Z"), offline("2026-02-02T10:42:00Z"), on("2026-02-02T14:00:00Z"), off("2026-02-02T15:00:00Z")];
    expect(hoursPerDay(onSpans(changes, at("2026-02-03T00:00:00Z")), "2026-02-02", 1)).toEqual([2.7]);
  });

  it("takes a gang switch as on when any gang is on", () => {
    expect(isOn({ gangs: [{ on: false }, { on: true }] })).toBe(true);
    expect(isOn({ gangs: [{ on: false }, { on: false }], on: true })).toBe(false);
    expect(isOn({ on: true })).toBe(true);
    expect(isOn({})).toBeNull();
  });
});

describe("on-time while the room is vacant", () => {
  it("is the on-time outside check-in to check-out of the room's stays, on the property's clock across a DST change", () => {
    // Two nights, 28 and 29 March: in at 15:00 (UTC+0), out on the 30th at 11:00 (UTC+1 by then).
    const occupied = occupiedSpans([{ checkIn: "2026-03-28", checkOut: "2026-03-30" }], LISBON);
    expect(occupied).toEqual([{ start: at("2026-03-28T15:00:00Z"), end: at("2026-03-30T10:00:00Z") }]);
    const spans = onSpans([on("2026-03-27T00:00:00Z")], at("2026-03-31T00:00:00Z"));
    expect(hoursPerDay(spans, "2026-03-27", 4)).toEqual([24, 24, 23, 24]);
    expect(hoursPerDay(subtract(spans, occupied), "2026-03-27", 4)).toEqual([24, 15, 0, 13]);
    expect(hoursPerDay(intersect(spans, occupied), "2026-03-27", 4)).toEqual([0, 9, 23, 11]);
  });

  it("joins back-to-back stays, so a changeover day is vacant only between the check-out and the check-in", () => {
    const occupied = occupiedSpans(
      [
        { checkIn: "2026-05-01", checkOut: "2026-05-03" },
        { checkIn: "2026-05-03", checkOut: "2026-05-04" },
      ],
      LISBON,
    );
    expect(occupied).toHaveLength(2);
    const spans = onSpans([on("2026-05-02T23:00:00Z"), off("2026-05-03T23:00:00Z")], at("2026-05-10T00:00:00Z"));
    // 11:00 to 15:00 local on the 3rd.
    expect(hoursPerDay(subtract(spans, occupied), "2026-05-03", 1)).toEqual([4]);
  });

  it("merges overlapping spans and subtracts several cuts from one span", () => {
    expect(merge([{ start: 5, end: 8 }, { start: 0, end: 3 }, { start: 2, end: 6 }])).toEqual([{ start: 0, end: 8 }]);
    expect(subtract([{ start: 0, end: 10 }], [{ start: 1, end: 2 }, { start: 4, end: 5 }, { start: 9, end: 12 }])).toEqual([
      { start: 0, end: 1 },
      { start: 2, end: 4 },
      { start: 5, end: 9 },
    ]);
  });
});
