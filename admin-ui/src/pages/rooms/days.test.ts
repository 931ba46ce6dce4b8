import { describe, expect, it } from "vitest";
import { addDays, dayRange, daysBetween, laneStays, weekdayIndex } from "./days";

describe("calendar days", () => {
  it("counts days by the calendar across months, years and DST changes", () => {
    expect(addDays("2026-03-28", 2)).toBe("2026-03-30");
    expect(addDays("2026-12-31", 1)).toBe("2027-01-01");
    expect(addDays("2026-03-01", -1)).toBe("2026-02-28");
    expect(daysBetween("2026-10-24", "2026-10-27")).toBe(3);
    expect(dayRange("2026-02-27", 3)).toEqual(["2026-02-27", "2026-02-28", "2026-03-01"]);
    expect(weekdayIndex("2026-11-30")).toBe(0);
    expect(weekdayIndex("2026-11-29")).toBe(6);
  });

  it("puts stays sharing a night in lanes of their own, and back-to-back stays in one", () => {
    const { lanes, placed } = laneStays([
      { id: "b", checkIn: "2026-08-05", checkOut: "2026-08-07" },
      { id: "a", checkIn: "2026-08-01", checkOut: "2026-08-05" },
      { id: "c", checkIn: "2026-08-04", checkOut: "2026-08-06" },
    ]);
    expect(lanes).toBe(2);
    expect(placed.map(({ stay, lane }) => `${stay.id}${lane}`)).toEqual(["a0", "c1", "b0"]);
  });
});
