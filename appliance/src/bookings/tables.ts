/** A room: its name and the tag its QR code carries. */
export interface RoomRow {
  id: string;
  name: string;
  tag: string;
  /** The tag in lower case: tags are unique whatever their capitals. */
  tag_key: string;
  /** The room's calendar export is <publicUrl>/api/ical/<export_secret>.ics. */
  export_secret: string;
  created_at: string;
}

/** A stay in a room. Dates are YYYY-MM-DD in the property's timezone. */
export interface BookingRow {
  id: string;
  room_id: string;
  guest_name: string;
  check_in: string;
  check_out: string;
  source: string;
  status: string;
  code: string;
  guest_email: string | null;
  notes: string | null;
  created_at: string;
  updated_at: string;
  /** Imported stays: the calendar they came from, and their event's UID in it. */
  calendar_id: string | null;
  uid: string | null;
  phone_last4: string | null;
}

/** An imported calendar: a room's feed from Airbnb, Booking.com, Vrbo or any iCal source. */
export interface RoomCalendarRow {
  id: string;
  room_id: string;
  /** A secret: whoever has it reads the room's bookings on the platform. */
  url: string;
  source: string;
  status: string;
  last_sync_at: string | null;
  last_attempt_at: string | null;
  last_error: string | null;
  /** Fetches failed in a row: the backoff grows with it. */
  failures: number;
  next_sync_at: string;
  created_at: string;
}

/** A range a platform closed that is not a stay. `end` is exclusive, as in the feeds. */
export interface CalendarBlockRow {
  calendar_id: string;
  room_id: string;
  uid: string;
  start: string;
  end: string;
  summary: string;
}

/** A booking event that has fired (booking.checkedIn …): never again. */
export interface BookingEventRow {
  booking_id: string;
  kind: string;
  due_at: string;
  fired_at: string;
  late: number;
}

export interface BookingsTables {
  rooms: RoomRow;
  bookings: BookingRow;
  booking_events: BookingEventRow;
  room_calendars: RoomCalendarRow;
  calendar_blocks: CalendarBlockRow;
}
