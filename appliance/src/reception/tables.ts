/** A category of the Guest Services Directory (taxi, restaurants…); it exists while it holds places. */
export interface PlaceCategoryRow {
  id: string;
  name: string;
  /** The name in lower case: names are unique whatever their capitals. */
  name_key: string;
  /** Order on the page, from 0. */
  position: number;
  created_at: string;
}

export interface PlaceRow {
  id: string;
  category_id: string;
  /** Order within its category, from 0. */
  position: number;
  name: string;
  description: string | null;
  address: string | null;
  phone: string | null;
  website: string | null;
  latitude: number | null;
  longitude: number | null;
  created_at: string;
  updated_at: string;
}

/** The page as the manager designed it (one row, id 1). */
export interface ReceptionSettingsRow {
  id: number;
  /** ReceptionSettings as JSON. */
  settings: string;
  updated_at: string;
}

export interface ReceptionTables {
  reception_settings: ReceptionSettingsRow;
  place_categories: PlaceCategoryRow;
  places: PlaceRow;
}
