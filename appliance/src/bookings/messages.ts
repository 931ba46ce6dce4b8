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
  roomHasBookings: (count: number) => `This room has ${count === 1 ? "a booking" : `${count} bookings`}; move or remove ${count === 1 ? "it" : "them"} first.`,
  overlap: (guest: string, checkIn: string, checkOut: string) =>
    `The room is taken then: ${guest} stays from ${checkIn} to ${checkOut}. Choose other dates or another room, or cancel that stay first.`,
  noStay: "Check-out must be at least one day after check-in.",
} as const;
