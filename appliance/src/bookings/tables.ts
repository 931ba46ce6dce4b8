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
}
