/** Every sentence the bookings capability says to people. */
export const bookingsTexts = {
  listRoomsSummary: "The rooms, each with its stay state right now (in the property's timezone) and the stay behind it or the next one.",
  listRoomsAnswer: "Every room, by name.",
  createRoomSummary: "Add a room; its tag (what its QR code carries) is made from the name when left out.",
  createRoomAnswer: "The new room.",
  updateRoomSummary: "Rename a room or change its tag.",
  updateRoomAnswer: "The room as now stored.",
  deleteRoomSummary: "Remove a room that has no bookings.",
  deleteRoomAnswer: "Removed.",
  listBookingsSummary: "Stays overlapping a range of days (check-out after `from`, check-in on or before `to`), cancelled ones included, optionally of one room.",
  listBookingsAnswer: "The stays, by check-in.",
  createBookingSummary: "Enter a stay by hand. Dates are days in the property's timezone; the check-in and check-out times are the property's.",
  createBookingAnswer: "The new booking, with its reservation code.",
  updateBookingSummary: "Change a stay (dates, room, guest, email, notes) or cancel it (status).",
  updateBookingAnswer: "The booking as now stored.",
  deleteBookingSummary: "Remove a booking entered by mistake.",
  deleteBookingAnswer: "Removed.",

  exportSummary: "A room's calendar of the stays entered in Innbox, for Airbnb, Booking.com and Vrbo to import: the secret address the room's exportUrl gives.",
  exportAnswer: "iCalendar: all-day events, \"Reserved\", nothing about the guest.",
  exportUnknown: "There is no calendar at this address; the room may have been removed.",

  roomNotFound: "There is no such room; it may have been removed.",
  bookingNotFound: "There is no such booking; it may have been removed.",
  tagTaken: (tag: string) => `Another room already has the tag "${tag}"; each room's QR code must lead to it alone.`,
  roomInScenarios: (names: string[]) =>
    `This room is used by ${names.length === 1 ? "the scenario" : "the scenarios"} ${names.map((n) => `“${n}”`).join(", ")}; change or remove ${names.length === 1 ? "it" : "them"} first.`,
  roomHasDevices: (count: number) => `This room has ${count === 1 ? "a device" : `${count} devices`}; move ${count === 1 ? "it" : "them"} to another room or remove ${count === 1 ? "it" : "them"} first.`,
  roomHasBookings: (count: number) => `This room has ${count === 1 ? "a booking" : `${count} bookings`}; move or remove ${count === 1 ? "it" : "them"} first.`,
  overlap: (guest: string, checkIn: string, checkOut: string) =>
    `The room is taken then: ${guest} stays from ${checkIn} to ${checkOut}. Choose other dates or another room, or cancel that stay first.`,
  noStay: "Check-out must be at least one day after check-in.",

  listCalendarsSummary: "A room's imported calendars (Airbnb, Booking.com, Vrbo or any iCal feed), each with its state, last sync and last error.",
  listCalendarsAnswer: "The room's feeds, oldest first.",
  addCalendarSummary:
    "Connect a room to a platform's calendar export: fetched at once (answering within 20 s), then about every 15 minutes, later after failures. Loopback and LAN addresses are allowed.",
  addCalendarAnswer: "The feed and the state of its first fetch.",
  deleteCalendarSummary: "Disconnect a feed. Its stays that have not ended are cancelled (the platform no longer tells Innbox about them); ended ones stay as history.",
  deleteCalendarAnswer: "Disconnected.",
  syncCalendarSummary: "Fetch a feed now; answers within 20 s with its new state. A failed fetch changes no booking.",
  syncCalendarAnswer: "The feed's state after the fetch.",
  listBlocksSummary: "The ranges the platforms closed that are not stays (\"Airbnb (Not available)\", Vrbo's \"Blocked\"), overlapping a range of days.",
  listBlocksAnswer: "The closed ranges, by start.",
  calendarNotFound: "There is no such calendar; it may have been disconnected.",
  calendarTaken: "This room already has this calendar.",
  importedLocked: (source: string) =>
    `This stay comes from the ${platformName(source)} calendar: change its dates, room, guest or status there, and Innbox follows at the next sync. Only its notes and email can be changed here.`,
  importedName: (source: string) => (source === "airbnb" || source === "booking" || source === "vrbo" ? `${platformName(source)} guest` : "Guest"),

  feedIsWebPage: "The address answered with a web page, not a calendar. Copy the calendar's export link (it usually ends in .ics) from the platform's calendar settings.",
  feedNotCalendar: "The address did not answer with an iCalendar file (no BEGIN:VCALENDAR).",
  feedCutOff: "The calendar arrived cut off before its end (no END:VCALENDAR after the last event); nothing was changed. The next fetch will try again.",
  feedUnreadable: (reason: string) => `The calendar could not be read (${reason}); nothing was changed.`,
  feedTooLarge: (mb: number) => `The answer is larger than ${mb} MB, far more than a room's calendar; nothing was changed.`,
  feedTimeout: (seconds: number) => `The calendar address did not answer within ${seconds} seconds; nothing was changed.`,
  feedUnreachable: (reason: string) => `The calendar address could not be reached (${reason}); nothing was changed. Check the address and the box's internet connection.`,
  feedRefused: (status: number, text: string) =>
    `The calendar address answered ${status}${text ? ` ${text}` : ""} instead of the calendar; nothing was changed.${status === 401 || status === 403 || status === 404 || status === 410 ? " The link may have been reset on the platform: copy it again." : ""}`,
  feedBroken: (reason: string) => `The calendar's answer broke off (${reason}); nothing was changed.`,
} as const;

function platformName(source: string): string {
  return ({ airbnb: "Airbnb", booking: "Booking.com", vrbo: "Vrbo" } as Record<string, string>)[source] ?? "imported";
}
