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

/** The logo printed on plates and stickers (one row, id 1). */
export interface ReceptionLogoRow {
  id: number;
  content_type: string;
  /** PNG or JPEG as uploaded; SVG as cleaned. */
  bytes: Buffer;
  /** 1 when the cleaner removed something from an SVG. */
  cleaned: number;
  updated_at: string;
}

/** The sticker editor's last design (one row, id 1). */
export interface StickerDesignRow {
  id: number;
  /** StickerDesignBody as JSON. */
  design: string;
  updated_at: string;
}

export interface ReceptionTables {
  reception_settings: ReceptionSettingsRow;
  reception_logo: ReceptionLogoRow;
  sticker_design: StickerDesignRow;
  place_categories: PlaceCategoryRow;
  places: PlaceRow;
}
