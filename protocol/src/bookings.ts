import { z } from "zod";
import { DATE, PERSON_NAME_MAX, RESERVATION_CODE, hasControlCharacters } from "./rules.js";
import { Tag } from "./reception.js";
import { NameText } from "./text.js";

// Rooms and bookings: who is in which room. Dates are YYYY-MM-DD in the property's
// timezone; a stay runs from the check-in time on its first day to the check-out time on
// its last (the property's checkInTime and checkOutTime).

export const STAY_STATES = ["vacant", "awaiting-checkin", "occupied", "checked-out"] as const;
export type StayState = (typeof STAY_STATES)[number];
export const BOOKING_SOURCES = ["manual", "airbnb", "booking", "vrbo", "ical"] as const;
export const BOOKING_STATUSES = ["confirmed", "cancelled"] as const;
export const ROOM_NAME_MAX = 60;
export const BOOKING_NOTES_MAX = 2000;
/** The longest stay taken, in nights. */
export const STAY_NIGHTS_MAX = 366;

/** A real calendar date, YYYY-MM-DD. */
export function isCalendarDate(text: string): boolean {
  if (!DATE.test(text)) return false;
  const [y, m, d] = text.split("-").map(Number) as [number, number, number];
  const at = new Date(Date.UTC(y, m - 1, d));
  return at.getUTCFullYear() === y && at.getUTCMonth() === m - 1 && at.getUTCDate() === d;
}

const CalendarDate = (label: string) =>
  z.string({ error: `${label} must be a date such as 2026-12-24.` }).refine(isCalendarDate, { error: `${label} must be a real date written as 2026-12-24.` });

export const CreateRoomBody = z.strictObject({
  name: NameText("Name", ROOM_NAME_MAX),
  tag: Tag.optional().describe("What the room's QR code carries (`?t=`); left out, made from the name. Unique whatever its capitals."),
});
export type CreateRoomBody = z.infer<typeof CreateRoomBody>;

export const UpdateRoomBody = z.strictObject({
  name: NameText("Name", ROOM_NAME_MAX).optional(),
  tag: Tag.optional(),
});
export type UpdateRoomBody = z.infer<typeof UpdateRoomBody>;

const Email = z.email({ error: "Guest email must be an email address such as anna@example.com." }).max(254);
const Notes = z
  .string({ error: "Notes must be text." })
  .trim()
  .max(BOOKING_NOTES_MAX, { error: `Notes must be at most ${BOOKING_NOTES_MAX} characters.` })
  .refine((s) => !hasControlCharacters(s), { error: "Notes may not contain control characters or text-direction overrides (line breaks are fine)." });

function nights(checkIn: string, checkOut: string): number {
  return Math.round((Date.parse(`${checkOut}T00:00:00Z`) - Date.parse(`${checkIn}T00:00:00Z`)) / 86_400_000);
}

/** The sentence for dates that make no stay, or undefined. */
export function stayProblem(checkIn: string, checkOut: string): string | undefined {
  const n = nights(checkIn, checkOut);
  if (n < 1) return "Check-out must be at least one day after check-in.";
  if (n > STAY_NIGHTS_MAX) return `A stay is at most ${STAY_NIGHTS_MAX} nights.`;
  return undefined;
}

export const CreateBookingBody = z
  .strictObject({
    roomId: z.string({ error: "roomId is required." }).min(1).max(64),
    guestName: NameText("Guest name", PERSON_NAME_MAX),
    checkIn: CalendarDate("Check-in"),
    checkOut: CalendarDate("Check-out"),
    guestEmail: Email.optional(),
    notes: Notes.optional(),
  })
  .superRefine((b, ctx) => {
    const problem = isCalendarDate(b.checkIn) && isCalendarDate(b.checkOut) ? stayProblem(b.checkIn, b.checkOut) : undefined;
    if (problem) ctx.addIssue({ code: "custom", path: ["checkOut"], message: problem });
  });
export type CreateBookingBody = z.infer<typeof CreateBookingBody>;

export const UpdateBookingBody = z.strictObject({
  roomId: z.string().min(1).max(64).optional(),
  guestName: NameText("Guest name", PERSON_NAME_MAX).optional(),
  checkIn: CalendarDate("Check-in").optional(),
  checkOut: CalendarDate("Check-out").optional(),
  guestEmail: Email.nullable().optional().describe("null clears it."),
  notes: Notes.nullable().optional().describe("null clears it."),
  status: z.enum(BOOKING_STATUSES, { error: 'Status must be "confirmed" or "cancelled".' }).optional(),
});
export type UpdateBookingBody = z.infer<typeof UpdateBookingBody>;

export const ListBookingsQuery = z.object({
  from: CalendarDate("from").optional().describe("Stays whose check-out is after this day…"),
  to: CalendarDate("to").optional().describe("…and whose check-in is on or before this day."),
  roomId: z.string().max(64).optional(),
});

export const Booking = z
  .object({
    id: z.string(),
    roomId: z.string(),
    guestName: z.string(),
    checkIn: z.string(),
    checkOut: z.string().describe("The departure day (the night before it is the last one)."),
    source: z.enum(BOOKING_SOURCES),
    status: z.enum(BOOKING_STATUSES),
    code: z.string().describe("The reservation code (10 characters) a guest opens My Reservation with."),
    guestEmail: z.string().optional(),
    notes: z.string().optional(),
    createdAt: z.string(),
    calendarId: z.string().optional().describe("The imported calendar the stay came from; imported stays change only through their feed."),
    phoneLast4: z.string().optional().describe("The last four digits of the guest's phone, when the platform's feed gives them."),
    conflictsWith: z
      .array(z.string())
      .optional()
      .describe("Other confirmed stays in the room sharing a night with this one: two platforms sold the same night. Imported stays are never refused or merged; the manager decides."),
  })
  .meta({ id: "Booking" });
export type Booking = z.infer<typeof Booking>;

export const BookingList = z.object({ bookings: z.array(Booking) });

export const Room = z
  .object({
    id: z.string(),
    name: z.string(),
    tag: z.string(),
    stay: z.enum(STAY_STATES).describe("Right now, in the property's timezone."),
    booking: Booking.optional().describe("The stay that makes `stay`, else the next one."),
    exportUrl: z
      .string()
      .optional()
      .describe("The manager's only: the secret address of the room's calendar (text/calendar) of the stays entered in Innbox, for Airbnb, Booking.com and Vrbo to import."),
  })
  .meta({ id: "Room" });
export type Room = z.infer<typeof Room>;

export const RoomList = z.object({ rooms: z.array(Room) });
export const RoomAnswer = z.object({ room: Room });

// Imported calendars: each room's Airbnb, Booking.com and Vrbo iCal feeds.

export const CALENDAR_STATUSES = ["pending", "ok", "error"] as const;
export type CalendarStatus = (typeof CALENDAR_STATUSES)[number];
export const CALENDAR_URL_MAX = 2000;
/** How often each feed is fetched, about (with jitter, and backoff after failures). */
export const CALENDAR_POLL_MINUTES = 15;

export const AddRoomCalendarBody = z.strictObject({
  url: z
    .string({ error: "url is required: the calendar's export address (http:// or https://), from Airbnb, Booking.com or Vrbo." })
    .trim()
    .min(1, { error: "url is required: the calendar's export address (http:// or https://), from Airbnb, Booking.com or Vrbo." })
    .max(CALENDAR_URL_MAX, { error: `The calendar address must be at most ${CALENDAR_URL_MAX} characters.` })
    .refine(
      (text) => {
        try {
          const url = new URL(text);
          return (url.protocol === "http:" || url.protocol === "https:") && url.hostname !== "";
        } catch {
          return false;
        }
      },
      { error: "The calendar address must be an http:// or https:// address, such as https://www.airbnb.com/calendar/ical/123.ics?s=…" },
    ),
});
export type AddRoomCalendarBody = z.infer<typeof AddRoomCalendarBody>;

export const RoomCalendar = z
  .object({
    id: z.string(),
    roomId: z.string(),
    url: z.string().describe("The feed's address: a secret, the manager's only."),
    source: z.enum(BOOKING_SOURCES).describe("From the feed's PRODID or UID domain, else the address's host, else `ical`."),
    status: z.enum(CALENDAR_STATUSES).describe("`pending` until the first fetch; `ok` after a good one; `error` after a failed one (nothing changed then)."),
    lastSyncAt: z.string().optional().describe("The last good fetch."),
    lastError: z.string().optional().describe("Why the last fetch changed nothing; cleared by a good one."),
    lastAttemptAt: z.string().optional(),
    nextSyncAt: z.string().optional().describe("When the box fetches it next (about every 15 minutes, later after failures)."),
    stays: z.number().int().describe("Confirmed stays from this feed that have not ended."),
    blocks: z.number().int().describe("Nights the platform closed that are not stays (\"Not available\", \"Blocked\"), not ended."),
    createdAt: z.string(),
  })
  .meta({ id: "RoomCalendar" });
export type RoomCalendar = z.infer<typeof RoomCalendar>;
export const RoomCalendarList = z.object({ calendars: z.array(RoomCalendar) });

/** A range a platform closed that is not a stay (Airbnb "Not available", Vrbo "Blocked"). */
export const CalendarBlock = z
  .object({
    roomId: z.string(),
    calendarId: z.string(),
    source: z.enum(BOOKING_SOURCES),
    start: z.string().describe("The first closed day."),
    end: z.string().describe("The day after the last closed one (exclusive, as in the feeds)."),
    summary: z.string(),
  })
  .meta({ id: "CalendarBlock" });
export type CalendarBlock = z.infer<typeof CalendarBlock>;
export const CalendarBlockList = z.object({ blocks: z.array(CalendarBlock) });

// My Reservation: what a guest sees of their own stay.
export { RESERVATION_CODE };

export const ReservationCode = z
  .string({ error: "The reservation code must be text." })
  .trim()
  .min(RESERVATION_CODE.min, { error: `A reservation code has at least ${RESERVATION_CODE.min} characters.` })
  .max(RESERVATION_CODE.max, { error: `A reservation code has at most ${RESERVATION_CODE.max} characters.` });

export const GuestReservation = z
  .object({
    guestName: z.string(),
    room: z.object({ name: z.string(), tag: z.string() }),
    checkIn: z.string(),
    checkOut: z.string(),
    checkInTime: z.string().describe("HH:MM, the property's."),
    checkOutTime: z.string().describe("HH:MM, the property's."),
    status: z.enum(BOOKING_STATUSES),
    timeZone: z.string(),
    instructions: z.string().optional().describe("The property's arrival instructions (Markdown subset)."),
  })
  .meta({ id: "GuestReservation" });
export type GuestReservation = z.infer<typeof GuestReservation>;

/** A guest opens My Reservation with their code: `POST /api/guest/reservation`. */
export const LinkGuestReservationBody = z.strictObject({
  reservationCode: ReservationCode.describe("The booking's reservation code; capitals, spaces and dashes do not matter."),
});
export type LinkGuestReservationBody = z.infer<typeof LinkGuestReservationBody>;

/** The booking staff see beside a conversation in the Team Messenger. */
export const ConversationBooking = z
  .object({
    id: z.string(),
    guestName: z.string(),
    roomName: z.string(),
    checkIn: z.string(),
    checkOut: z.string(),
    code: z.string(),
    status: z.enum(BOOKING_STATUSES),
  })
  .meta({ id: "ConversationBooking" });
export type ConversationBooking = z.infer<typeof ConversationBooking>;

/** Staff link a conversation to a booking (or unlink it with null). */
export const LinkConversationBookingBody = z.strictObject({
  bookingId: z
    .string({ error: "bookingId must be a booking's id, or null to unlink." })
    .min(1, { error: "bookingId must be a booking's id, or null to unlink." })
    .max(64, { error: "bookingId must be a booking's id, or null to unlink." })
    .nullable()
    .describe("The booking's id; null unlinks."),
});
export type LinkConversationBookingBody = z.infer<typeof LinkConversationBookingBody>;
