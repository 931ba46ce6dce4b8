// The platforms' exports read as days, whatever the machine's timezone.
process.env.TZ = "Pacific/Kiritimati"; // UTC+14: a local midnight here is still yesterday in UTC

import { describe, expect, it } from "vitest";
import { classify, FeedFormatError, readFeed, sourceOf } from "./ical-import.js";

const CRLF = "\r\n";
const calendar = (...events: string[][]) =>
  ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//Example//EN", ...events.flatMap((e) => ["BEGIN:VEVENT", ...e, "END:VEVENT"]), "END:VCALENDAR"].join(CRLF) + CRLF;

describe("reading a calendar feed", () => {
  it("reads all-day dates as written, with the exclusive end", () => {
    const feed = readFeed(calendar(["UID:a@x", "DTSTART;VALUE=DATE:20270101", "DTEND;VALUE=DATE:20270103", "SUMMARY:Reserved"]), "Europe/Lisbon");
    expect(feed.stays).toEqual([{ uid: "a@x", start: "2027-01-01", end: "2027-01-03", summary: "Reserved" }]);
  });

  it("reads a date-time as its day in the property's timezone, and a missing end as one night", () => {
    const feed = readFeed(
      calendar(["UID:a", "DTSTART:20270101T230000Z", "DTEND:20270103T100000Z", "SUMMARY:Anna Smith"], ["UID:b", "DTSTART;VALUE=DATE:20270201", "SUMMARY:Reserved"]),
      "Asia/Tokyo",
    );
    expect(feed.stays.map((s) => [s.start, s.end, s.guestName])).toEqual([
      ["2027-01-02", "2027-01-03", "Anna Smith"],
      ["2027-02-01", "2027-02-02", undefined],
    ]);
  });

  it("skips events that make no stay and cancelled ones", () => {
    const feed = readFeed(
      calendar(
        ["UID:a", "DTSTART;VALUE=DATE:20270105", "DTEND;VALUE=DATE:20270105", "SUMMARY:Reserved"],
        ["UID:b", "DTSTART;VALUE=DATE:20270105", "DTEND;VALUE=DATE:20270107", "STATUS:CANCELLED", "SUMMARY:Reserved"],
      ),
      "UTC",
    );
    expect(feed).toMatchObject({ stays: [], blocks: [], skipped: 1 });
  });

  it("refuses web pages, empty bodies and calendars cut off mid-event", () => {
    expect(() => readFeed("<!DOCTYPE html><html></html>", "UTC")).toThrow(/web page/);
    expect(() => readFeed("", "UTC")).toThrow(FeedFormatError);
    const whole = calendar(["UID:a", "DTSTART;VALUE=DATE:20270105", "DTEND;VALUE=DATE:20270107", "SUMMARY:Reserved"]);
    expect(() => readFeed(whole.slice(0, whole.indexOf("END:VEVENT")), "UTC")).toThrow(/cut off/);
    expect(() => readFeed(whole.replace("END:VEVENT\r\n", ""), "UTC")).toThrow(/cut off/);
  });

  it("tells stays from closed nights the way each platform writes them", () => {
    expect(classify("Reserved", 3)).toEqual({ kind: "stay" });
    expect(classify("Airbnb (Not available)", 3)).toEqual({ kind: "block" });
    expect(classify("CLOSED - Not available", 30)).toEqual({ kind: "stay" });
    expect(classify("CLOSED - Not available", 31)).toEqual({ kind: "block" });
    expect(classify("Reserved - Oliver Brown", 4)).toEqual({ kind: "stay", guestName: "Oliver Brown" });
    expect(classify("Blocked", 4)).toEqual({ kind: "block" });
    expect(classify("Anna Smith (HMABCD1234)", 2)).toEqual({ kind: "stay", guestName: "Anna Smith" });
  });

  it("names the platform from PRODID, the UIDs' domain, or the address", () => {
    expect(readFeed(calendar(["UID:x@vrbo.com", "DTSTART;VALUE=DATE:20270105", "SUMMARY:Blocked"]), "UTC").source).toBe("vrbo");
    expect(sourceOf(undefined, "https://www.airbnb.co.uk/calendar/ical/1.ics?s=abc")).toBe("airbnb");
    expect(sourceOf(undefined, "https://admin.booking.com/hotel/hoteladmin/ical.html?t=abc")).toBe("booking");
    expect(sourceOf(undefined, "http://192.168.1.20/cal.ics")).toBe("ical");
  });
});
