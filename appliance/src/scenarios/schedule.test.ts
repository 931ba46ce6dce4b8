// The scheduler's runs on the property's wall clock, with the process in another timezone
// (reading days in the machine's timezone is the classic bug).
process.env.TZ = "Pacific/Auckland";

import { describe, expect, it } from "vitest";
import { sunTimes } from "../weather/index.js";
import { nextRun, runsBetween, type ScheduleContext } from "./schedule.js";

const LISBON: ScheduleContext = { timeZone: "Europe/Lisbon", latitude: 38.7223, longitude: -9.1393, checkInTime: "15:00", checkOutTime: "11:00", stays: [] };
const TROMSO: ScheduleContext = { ...LISBON, timeZone: "Europe/Oslo", latitude: 69.6492, longitude: 18.9553 };
const at = (iso: string) => Date.parse(iso);
const iso = (runs: Array<{ at: number }>) => runs.map((r) => new Date(r.at).toISOString());

describe("the scheduler", () => {
  it("runs a time of day on the wall clock across the spring-forward weekend, never 24 hours after the last run", () => {
    const runs = runsBetween({ type: "time", at: "07:30" }, at("2027-03-27T00:00:00Z"), at("2027-03-30T00:00:00Z"), LISBON);
    expect(iso(runs)).toEqual(["2027-03-27T07:30:00.000Z", "2027-03-28T06:30:00.000Z", "2027-03-29T06:30:00.000Z"]);
  });

  it("runs a time inside the skipped hour once, right after the gap", () => {
    // Lisbon's clocks jump from 01:00 to 02:00 on 28 March 2027: 01:30 does not exist that day.
    const runs = runsBetween({ type: "time", at: "01:30" }, at("2027-03-27T00:00:00Z"), at("2027-03-30T00:00:00Z"), LISBON);
    expect(iso(runs)).toEqual(["2027-03-27T01:30:00.000Z", "2027-03-28T01:00:00.000Z", "2027-03-29T00:30:00.000Z"]);
  });

  it("runs a time that happens twice on the fall-back day once, at its first occurrence", () => {
    // On 31 October 2027 Lisbon reads 01:00–02:00 twice (00:00–01:00 and 01:00–02:00 UTC).
    const runs = runsBetween({ type: "time", at: "01:30" }, at("2027-10-30T00:00:00Z"), at("2027-11-01T12:00:00Z"), LISBON);
    expect(iso(runs)).toEqual(["2027-10-30T00:30:00.000Z", "2027-10-31T00:30:00.000Z", "2027-11-01T01:30:00.000Z"]);
  });

  it("keeps to the chosen weekdays (1 = Monday)", () => {
    const runs = runsBetween({ type: "time", at: "09:00", weekdays: [6, 7] }, at("2027-05-03T00:00:00Z"), at("2027-05-17T00:00:00Z"), LISBON);
    expect(iso(runs)).toEqual(["2027-05-08T08:00:00.000Z", "2027-05-09T08:00:00.000Z", "2027-05-15T08:00:00.000Z", "2027-05-16T08:00:00.000Z"]);
  });

  it("runs ten minutes before each day's sunset", () => {
    const runs = runsBetween({ type: "sun", event: "sunset", offsetMinutes: -10 }, at("2027-06-20T00:00:00Z"), at("2027-06-23T00:00:00Z"), LISBON);
    expect(runs).toHaveLength(3);
    for (const [i, day] of ["2027-06-20", "2027-06-21", "2027-06-22"].entries()) {
      expect(runs[i]!.at).toBe(Date.parse(sunTimes(day, LISBON.latitude!, LISBON.longitude!, LISBON.timeZone).sunset!) - 10 * 60_000);
    }
    // Lisbon's midsummer sunset is a little after 21:00 local (20:0x UTC): the run ten minutes before.
    expect(new Date(runs[1]!.at).toISOString()).toMatch(/^2027-06-21T19:5\d/);
  });

  it("has no sunset run on days the sun does not set, and finds the first one after the midnight sun", () => {
    expect(runsBetween({ type: "sun", event: "sunset", offsetMinutes: 0 }, at("2027-06-10T00:00:00Z"), at("2027-07-10T00:00:00Z"), TROMSO)).toEqual([]);
    const next = nextRun({ type: "sun", event: "sunset", offsetMinutes: 0 }, at("2027-06-21T12:00:00Z"), TROMSO);
    expect(next).toBeDefined();
    expect(next!.at).toBeGreaterThan(at("2027-07-15T00:00:00Z"));
    expect(next!.at).toBeLessThan(at("2027-08-01T00:00:00Z"));
    expect(runsBetween({ type: "sun", event: "sunrise", offsetMinutes: 30 }, at("2027-12-10T00:00:00Z"), at("2028-01-05T00:00:00Z"), TROMSO)).toEqual([]);
  });

  it("never runs a sun trigger for a property without a position", () => {
    expect(nextRun({ type: "sun", event: "sunrise", offsetMinutes: 0 }, at("2027-06-21T12:00:00Z"), { ...LISBON, latitude: null, longitude: null }, 30)).toBeUndefined();
  });

  it("counts a booking trigger's offset from the check-in time on the arrival day, for the room asked", () => {
    const context: ScheduleContext = {
      ...LISBON,
      stays: [
        { id: "b1", roomId: "r12", checkIn: "2027-03-28", checkOut: "2027-03-30" },
        { id: "b2", roomId: "r14", checkIn: "2027-03-28", checkOut: "2027-03-29" },
      ],
    };
    // Three hours before 15:00 WEST on the spring-forward day: 12:00 local, 11:00 UTC.
    const runs = runsBetween({ type: "booking", event: "checkIn", roomId: "r12", offsetMinutes: -180 }, at("2027-03-27T00:00:00Z"), at("2027-04-01T00:00:00Z"), context);
    expect(runs).toEqual([{ at: at("2027-03-28T11:00:00Z"), bookingId: "b1" }]);
    const checkOuts = runsBetween({ type: "booking", event: "checkOut", offsetMinutes: 0 }, at("2027-03-27T00:00:00Z"), at("2027-04-01T00:00:00Z"), context);
    expect(checkOuts).toEqual([
      { at: at("2027-03-29T10:00:00Z"), bookingId: "b2" },
      { at: at("2027-03-30T10:00:00Z"), bookingId: "b1" },
    ]);
  });

  it("finds a stay whose offset reaches across the edge of the range, among many that cannot run in it", () => {
    const many = Array.from({ length: 3000 }, (_, i) => ({ id: `far${i}`, roomId: "r1", checkIn: `2029-01-${String((i % 28) + 1).padStart(2, "0")}`, checkOut: "2029-02-01" }));
    // Check-in at 15:00 on 2 April; 12 hours before is 03:00 local (02:00 UTC), inside a range ending at 03:00 UTC.
    const context: ScheduleContext = { ...LISBON, stays: [...many, { id: "near", roomId: "r1", checkIn: "2027-04-02", checkOut: "2027-04-03" }] };
    const early = runsBetween({ type: "booking", event: "checkIn", offsetMinutes: -720 }, at("2027-04-01T00:00:00Z"), at("2027-04-02T03:00:00Z"), context);
    expect(early).toEqual([{ at: at("2027-04-02T02:00:00Z"), bookingId: "near" }]);
    // Check-out at 11:00 on 2 April; 12 hours after is 23:00 local (22:00 UTC), inside a range starting that evening.
    const late = runsBetween({ type: "booking", event: "checkOut", offsetMinutes: 720 }, at("2027-04-02T21:00:00Z"), at("2027-04-04T00:00:00Z"), { ...context, stays: [{ id: "out", roomId: "r1", checkIn: "2027-03-30", checkOut: "2027-04-02" }] });
    expect(late).toEqual([{ at: at("2027-04-02T22:00:00Z"), bookingId: "out" }]);
  });

  it("finds the next run strictly after a given instant", () => {
    expect(nextRun({ type: "time", at: "07:30" }, at("2027-03-28T06:30:00Z"), LISBON)).toEqual({ at: at("2027-03-29T06:30:00Z") });
    expect(nextRun({ type: "time", at: "07:30" }, at("2027-03-28T06:29:59Z"), LISBON)).toEqual({ at: at("2027-03-28T06:30:00Z") });
  });
});
