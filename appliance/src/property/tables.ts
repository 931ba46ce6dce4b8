export interface PropertyRow {
  /** Always 1: one appliance serves one property. */
  id: number;
  name: string;
  slug: string;
  timezone: string;
  latitude: number | null;
  longitude: number | null;
  /** The town the reception names; null until the manager gives it. */
  city: string | null;
  /** HH:MM in the property's timezone. */
  check_in_time: string;
  check_out_time: string;
  /** Markdown subset shown to guests in My Reservation; null until the manager writes them. */
  arrival_instructions: string | null;
  updated_at: string;
}

/** A slug the property used before; its links redirect to the current one. */
export interface SlugHistoryRow {
  slug: string;
  retired_at: string;
}

export interface PropertyTables {
  property: PropertyRow;
  property_slug_history: SlugHistoryRow;
}
