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

export interface PropertyTables {
  property: PropertyRow;
}
