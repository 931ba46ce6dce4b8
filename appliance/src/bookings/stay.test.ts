import { describe, expect, it } from "vitest";
import { roomStay, stayOf } from "./stay.js";

const ROME = { timeZone: "Europe/Rome", checkInTime: "15:00", checkOutTime: "11:00" };
const at = (iso: string) => Date.parse(iso);

describe("a room's stay state on the property's wall clock", () => {
  const stay = { checkIn: "2026-07-10", checkOut: "2026-07-12" };

  it("walks from vacant to awaiting check-in, occupied, checked out and vacant again at the property's times", () => {
    // Rome is UTC+2 in July.
    expect(stayOf(stay, at("2026-07-09T21:59:00Z"), ROME)).toBe("vacant");
    expect(stayOf(stay, at("2026-07-09T22:00:00Z"), ROME)).toBe("awaiting-checkin");
    expect(stayOf(stay, at("2026-07-10T12:59:00Z"), ROME)).toBe("awaiting-checkin");
    expect(stayOf(stay, at("2026-07-10T13:00:00Z"), ROME)).toBe("occupied");
    expect(stayOf(stay, at("2026-07-12T08:59:00Z"), ROME)).toBe("occupied");
    expect(stayOf(stay, at("2026-07-12T09:00:00Z"), ROME)).toBe("checked-out");
    expect(stayOf(stay, at("2026-07-12T21:59:00Z"), ROME)).toBe("checked-out");
    expect(stayOf(stay, at("2026-07-12T22:00:00Z"), ROME)).toBe("vacant");
  });

  it("keeps the wall-clock times across a daylight-saving change (check-out on the day clocks go back)", () => {
    const autumn = { checkIn: "2026-10-23", checkOut: "2026-10-25" };
    // 25 October 2026: Rome goes from UTC+2 to UTC+1 at 03:00; 11:00 is 10:00 UTC.
    expect(stayOf(autumn, at("2026-10-25T09:59:00Z"), ROME)).toBe("occupied");
    expect(stayOf(autumn, at("2026-10-25T10:00:00Z"), ROME)).toBe("checked-out");
    expect(stayOf(autumn, at("2026-10-25T22:59:00Z"), ROME)).toBe("checked-out");
    expect(stayOf(autumn, at("2026-10-25T23:00:00Z"), ROME)).toBe("vacant");
  });

  it("shows the guest still in the room on a changeover morning, then the one arriving, and names the next stay of a vacant room", () => {
    const leaving = { id: "a", checkIn: "2026-07-08", checkOut: "2026-07-10" };
    const arriving = { id: "b", checkIn: "2026-07-10", checkOut: "2026-07-12" };
    expect(roomStay([leaving, arriving], at("2026-07-10T07:00:00Z"), ROME)).toEqual({ stay: "occupied", booking: leaving });
    expect(roomStay([leaving, arriving], at("2026-07-10T10:00:00Z"), ROME)).toEqual({ stay: "awaiting-checkin", booking: arriving });
    expect(roomStay([arriving], at("2026-07-01T10:00:00Z"), ROME)).toEqual({ stay: "vacant", booking: arriving });
    expect(roomStay([], at("2026-07-01T10:00:00Z"), ROME)).toEqual({ stay: "vacant" });
  });
});
