// Reading the platforms' calendar exports. Airbnb, Booking.com and Vrbo all publish a
// room's calendar as iCalendar with all-day events (DTSTART;VALUE=DATE, and a DTEND that
// is the departure day, exclusive). What the events mean differs:
//   Airbnb       "Reserved" (a stay; DESCRIPTION may hold the reservation URL with its code
//                and "Phone Number (Last 4 Digits): 1234") and "Airbnb (Not available)" (closed)
//   Booking.com  "CLOSED - Not available" for every closed range, stays included: ranges of
//                up to 30 nights are taken as stays, without a name
//   Vrbo         "Reserved - Anna Smith" (a stay with its guest) and "Blocked" (closed)
// All-day dates are days, not instants: they are read as written, never through the
// machine's timezone (node-ical builds them as local midnights, so their local fields are
// the written date whatever TZ the process runs in). A date-time is read as the day it is
// in the property's timezone.
import ical from "node-ical";
import { withoutControlCharacters } from "@innbox/protocol/rules";
import { PERSON_NAME_MAX } from "@innbox/protocol/rules";
import type { Booking } from "@innbox/protocol";
import { addDays, localDate } from "../time/index.js";
import { bookingsTexts as texts } from "./messages.js";

type Source = Booking["source"];

/** Booking.com closes stays and owner closures alike; longer ranges than this are closures. */
export const CLOSED_RANGE_STAY_NIGHTS_MAX = 30;

export interface FeedEvent {
  uid: string;
  /** The first day (check-in, or the first closed day). */
  start: string;
  /** The day after the last night (check-out), exclusive. */
  end: string;
  summary: string;
  guestName?: string;
  phoneLast4?: string;
  /** The platform's own reservation code, when the feed gives it (Airbnb's HM…). */
  code?: string;
}

export interface Feed {
  /** From the feed's PRODID or its UIDs' domain; undefined when neither tells. */
  source: Source | undefined;
  stays: FeedEvent[];
  blocks: FeedEvent[];
  /** Events that make no range (no start, or an end not after the start). */
  skipped: number;
}

/** Why a fetched body is not a calendar Innbox may act on. */
export class FeedFormatError extends Error {}

const PLATFORMS: Array<[RegExp, Source]> = [
  [/airbnb/i, "airbnb"],
  [/booking\.com/i, "booking"],
  [/vrbo|homeaway/i, "vrbo"],
];

function platformIn(text: string | undefined): Source | undefined {
  if (!text) return undefined;
  return PLATFORMS.find(([pattern]) => pattern.test(text))?.[1];
}

/** `source` from the feed's PRODID, else its UIDs' domain, else the address's host, else "ical". */
export function sourceOf(feedSource: Source | undefined, url: string): Source {
  if (feedSource) return feedSource;
  let host = "";
  try {
    host = new URL(url).hostname;
  } catch {
    // A stored address always parses; a bad one simply tells nothing.
  }
  return platformIn(host) ?? "ical";
}

function lines(text: string): string[] {
  return text.split(/\r\n|\n|\r/);
}

/** Checks that the body is a whole calendar: a cut-off one would read as "everything was cancelled". */
function checkWhole(text: string): void {
  const trimmed = text.replace(/^\uFEFF/, "").trim();
  if (!/^BEGIN:VCALENDAR\s*$/im.test(trimmed)) {
    throw new FeedFormatError(trimmed.startsWith("<") ? texts.feedIsWebPage : texts.feedNotCalendar);
  }
  const all = lines(trimmed);
  if (!/^END:VCALENDAR$/i.test(all[all.length - 1]!.trim())) throw new FeedFormatError(texts.feedCutOff);
  const begins = all.filter((line) => /^BEGIN:VEVENT\s*$/i.test(line)).length;
  const ends = all.filter((line) => /^END:VEVENT\s*$/i.test(line)).length;
  if (begins !== ends) throw new FeedFormatError(texts.feedCutOff);
}

type IcalDate = Date & { dateOnly?: boolean };

const pad = (n: number) => String(n).padStart(2, "0");

function dayOf(value: unknown, timeZone: string): string | undefined {
  if (!(value instanceof Date) || Number.isNaN(value.getTime())) return undefined;
  const date = value as IcalDate;
  // node-ical makes an all-day date the local midnight of the written day: its local fields are that day.
  if (date.dateOnly) return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
  return localDate(date.getTime(), timeZone);
}

function textOf(value: unknown): string {
  if (typeof value === "string") return value;
  if (value && typeof value === "object" && "val" in value && typeof (value as { val: unknown }).val === "string") return (value as { val: string }).val;
  return "";
}

function cleanName(name: string): string | undefined {
  const cleaned = withoutControlCharacters(name).replace(/\s+/g, " ").trim();
  return cleaned ? [...cleaned].slice(0, PERSON_NAME_MAX).join("").trim() : undefined;
}

const nightsBetween = (start: string, end: string) => Math.round((Date.parse(`${end}T00:00:00Z`) - Date.parse(`${start}T00:00:00Z`)) / 86_400_000);

/** What an event is: a stay (with its guest when named) or a closed range. */
export function classify(summary: string, nights: number): { kind: "stay"; guestName?: string } | { kind: "block" } {
  const s = summary.trim();
  if (/^closed\s*-\s*not available$/i.test(s)) return nights <= CLOSED_RANGE_STAY_NIGHTS_MAX ? { kind: "stay" } : { kind: "block" };
  if (/\(not available\)$|^not available$|^blocked$|^unavailable$|^closed$|^owner (stay|block)$/i.test(s)) return { kind: "block" };
  const vrbo = /^reserved\s*-\s*(.+)$/i.exec(s);
  if (vrbo) {
    const guestName = cleanName(vrbo[1]!);
    return guestName ? { kind: "stay", guestName } : { kind: "stay" };
  }
  if (/^(reserved|booked|reservation|not available - reserved)$/i.test(s) || s === "") return { kind: "stay" };
  // Any other title names the stay's guest (a generic iCal calendar, an older Airbnb
  // export's "Anna Smith (HMABCD1234)").
  const guestName = cleanName(s.replace(/\s*\([A-Z0-9]{8,}\)\s*$/, ""));
  return guestName ? { kind: "stay", guestName } : { kind: "stay" };
}

function details(description: string, summary: string): Pick<FeedEvent, "phoneLast4" | "code"> {
  const phone = /last\s*4\s*digits\)?\s*:\s*(\d{4})\b/i.exec(description);
  const code = /reservations\/details\/([A-Z0-9]{8,32})\b/.exec(description) ?? /\(([A-Z0-9]{8,32})\)\s*$/.exec(summary);
  return { ...(phone ? { phoneLast4: phone[1]! } : {}), ...(code ? { code: code[1]! } : {}) };
}

/**
 * A platform's calendar, read. Throws FeedFormatError for anything that is not a whole
 * calendar (HTML, an empty body, a feed cut off mid-event): Innbox then changes nothing.
 */
export function readFeed(text: string, timeZone: string): Feed {
  checkWhole(text);
  let parsed: ical.CalendarResponse;
  try {
    parsed = ical.sync.parseICS(text);
  } catch (err) {
    throw new FeedFormatError(texts.feedUnreadable(err instanceof Error ? err.message : String(err)));
  }
  const prodId = /^PRODID[^:\r\n]*:(.*)$/im.exec(text)?.[1];
  const stays: FeedEvent[] = [];
  const blocks: FeedEvent[] = [];
  const uidDomains: string[] = [];
  let skipped = 0;
  for (const component of Object.values(parsed)) {
    if (!component || component.type !== "VEVENT") continue;
    const event = component as ical.VEvent;
    if (String(event.status ?? "").toUpperCase() === "CANCELLED") continue;
    const start = dayOf(event.start, timeZone);
    let end = dayOf(event.end, timeZone);
    if (start && !end) end = addDays(start, 1);
    if (!start || !end || end <= start) {
      skipped++;
      continue;
    }
    const summary = textOf(event.summary);
    const uid = (typeof event.uid === "string" && event.uid.trim()) || `${start}/${end}/${summary}`;
    const domain = /@([^@\s]+)$/.exec(uid)?.[1];
    if (domain) uidDomains.push(domain);
    const kind = classify(summary, nightsBetween(start, end));
    const base: FeedEvent = { uid, start, end, summary };
    if (kind.kind === "block") blocks.push(base);
    else stays.push({ ...base, ...(kind.guestName ? { guestName: kind.guestName } : {}), ...details(textOf(event.description), summary) });
  }
  const source = platformIn(prodId) ?? uidDomains.map(platformIn).find(Boolean);
  return { source, stays, blocks, skipped };
}
