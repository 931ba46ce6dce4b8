export interface PropertyRow {
  /** Always 1: one appliance serves one property. */
  id: number;
  name: string;
  slug: string;
  timezone: string;
  latitude: number | null;
  longitude: number | null;
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
