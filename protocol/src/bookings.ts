import { z } from "zod";
import { DATE, PERSON_NAME_MAX, hasControlCharacters } from "./rules.js";
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
