import { describe, expect, it } from "vitest";
import { en } from "../../messages/en";
import { copyMondayToWeekdays, fromForm, normalizeTime, toForm, validateHours } from "./working-hours-form";

const closedWeek = { mon: [], tue: [], wed: [], thu: [], fri: [], sat: [], sun: [] };

describe("working hours form", () => {
  it("reads times as people type them, on the 24-hour clock, with midnight as an end of 24:00", () => {
    expect(["9", "09", "930", "9:30", "9.30", "17h45", " 8:05 "].map((time) => normalizeTime(time, false))).toEqual([
      "09:00",
      "09:00",
      "09:30",
      "09:30",
      "09:30",
      "17:45",
      "08:05",
    ]);
    expect(normalizeTime("0:00", true)).toBe("24:00");
    expect(normalizeTime("24", true)).toBe("24:00");
    expect(normalizeTime("0", false)).toBe("00:00");
    for (const wrong of ["24", "25:00", "9:75", "noon", ""]) expect(normalizeTime(wrong, false)).toBe(wrong);
    const hours = { enabled: true, weekly: { ...closedWeek, fri: [{ from: "18:00", to: "24:00" }] }, exceptions: [] };
    expect(fromForm(toForm(hours))).toEqual(hours);
    expect(validateHours(toForm(hours))).toEqual({});
  });

  it("keeps exceptions, sending closed days with no ranges and dropping empty notes", () => {
    const hours = {
      enabled: true,
      weekly: closedWeek,
      exceptions: [
        { date: "2026-12-25", ranges: [], note: "Christmas Day" },
        { date: "2026-12-31", ranges: [{ from: "09:00", to: "14:00" }] },
      ],
    };
    const form = toForm(hours);
    expect(form.exceptions.map((e) => e.closed)).toEqual([true, false]);
    form.exceptions[1]!.note = "  ";
    expect(fromForm(form)).toEqual(hours);
    form.exceptions[1]!.closed = true;
    expect(fromForm(form).exceptions[1]).toEqual({ date: "2026-12-31", ranges: [] });
  });

  it("names each wrong field the way the appliance does", () => {
    const form = toForm({
      enabled: true,
      weekly: { ...closedWeek, mon: [{ from: "18:00", to: "09:00" }, { from: "", to: "20:00" }], sat: [{ from: "10:00", to: "24:00" }], sun: [{ from: "24:00", to: "24:00" }] },
      exceptions: [
        { date: "2026-12-25", ranges: [] },
        { date: "2026-12-25", ranges: [] },
      ],
    });
    form.exceptions.push({ key: "x", date: "", closed: false, ranges: [{ from: "12:00", to: "11:00" }], note: "" });
    expect(Object.keys(validateHours(form)).sort()).toEqual(["exceptions.1.date", "exceptions.2.date", "exceptions.2.ranges.0", "weekly.mon.0", "weekly.mon.1.from", "weekly.sun.0.from"]);
  });

  it("says where hours overlap and where a note is too long", () => {
    const form = toForm({
      enabled: true,
      weekly: { ...closedWeek, tue: [{ from: "09:00", to: "13:00" }, { from: "12:30", to: "18:00" }] },
      exceptions: [{ date: "2026-12-24", ranges: [], note: "x".repeat(121) }],
    });
    expect(validateHours(form)).toEqual({ "weekly.tue": en.hours.errorOverlap, "exceptions.0.note": en.validation.tooLong(en.hours.noteLabel, 120) });
  });

  it("copies Monday to Tuesday–Friday and leaves the weekend alone", () => {
    const form = toForm({ enabled: true, weekly: { ...closedWeek, mon: [{ from: "08:00", to: "12:00" }], sun: [{ from: "10:00", to: "11:00" }] }, exceptions: [] });
    const copied = copyMondayToWeekdays(form);
    for (const day of ["tue", "wed", "thu", "fri"] as const) expect(copied.weekly[day]).toEqual([{ from: "08:00", to: "12:00" }]);
    expect(copied.weekly.sat).toEqual([]);
    expect(copied.weekly.sun).toEqual([{ from: "10:00", to: "11:00" }]);
    copied.weekly.tue[0]!.from = "07:00";
    expect(copied.weekly.mon[0]!.from).toBe("08:00");
  });
});
