// A room's stays as iCalendar (RFC 5545) for Airbnb, Booking.com and Vrbo to import and
// block: all-day events with an exclusive end, as the platforms' own exports are; stable
// UIDs so a re-import updates rather than duplicates; "Reserved" and nothing about the
// guest (no name, email, phone or notes leave the box).
import type { BookingRow } from "./tables.js";

const CRLF = "\r\n";

/** TEXT escaping (RFC 5545 3.3.11). */
function text(value: string): string {
  return value.replace(/\\/g, "\\\\").replace(/;/g, "\\;").replace(/,/g, "\\,").replace(/\r?\n/g, "\\n");
}

/** Content lines longer than 75 octets are folded: CRLF and a space, never inside a UTF-8 character. */
function fold(line: string): string {
  const out: string[] = [];
  let current = "";
  let octets = 0;
  for (const ch of line) {
    const size = Buffer.byteLength(ch);
    if (octets + size > (out.length ? 74 : 75)) {
      out.push(current);
      current = "";
      octets = 0;
    }
    current += ch;
    octets += size;
  }
  out.push(current);
  return out.join(`${CRLF} `);
}

const day = (date: string) => date.replace(/-/g, "");
const stamp = (instant: number) => new Date(instant).toISOString().replace(/[-:]/g, "").replace(/\.\d{3}Z$/, "Z");

export function roomCalendar(room: { name: string; roomId: string }, stays: readonly BookingRow[], now: number): string {
  const lines = [
    "BEGIN:VCALENDAR",
    "VERSION:2.0",
    "PRODID:-//Innbox//Rooms and bookings//EN",
    "CALSCALE:GREGORIAN",
    "METHOD:PUBLISH",
    `X-WR-CALNAME:${text(room.name)}`,
  ];
  for (const stay of stays) {
    lines.push(
      "BEGIN:VEVENT",
      `UID:${stay.id}@innbox`,
      `DTSTAMP:${stamp(now)}`,
      `DTSTART;VALUE=DATE:${day(stay.check_in)}`,
      `DTEND;VALUE=DATE:${day(stay.check_out)}`,
      "SUMMARY:Reserved",
      "TRANSP:OPAQUE",
      "STATUS:CONFIRMED",
      "END:VEVENT",
    );
  }
  lines.push("END:VCALENDAR");
  return lines.map(fold).join(CRLF) + CRLF;
}
