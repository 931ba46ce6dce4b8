export interface KioskRow {
  id: string;
  name: string;
  created_at: string;
  /** sha256 of the pairing code shown last (normalized); null once used. */
  code_hash: string | null;
  code_expires_at: string | null;
  /** sha256 of the kiosk's bearer token; null until paired. */
  token_hash: string | null;
  paired_at: string | null;
  last_seen_at: string | null;
}

/** Idle-screen content the manager sets (one row, key "screen", JSON). */
export interface KioskSettingRow {
  key: string;
  value: string;
}

/** A message a guest left on a kiosk, by the kiosk's clientId: stored once however often it is sent. */
export interface KioskMessageRow {
  kiosk_id: string;
  client_id: string;
  conversation_id: string;
  created_at: string;
}

/** One call from a kiosk to the staff. */
export interface KioskCallRow {
  id: string;
  kiosk_id: string;
  /** Kept with the call so the log keeps the name after the kiosk is removed or renamed. */
  kiosk_name: string;
  started_at: string;
  answered_at: string | null;
  ended_at: string | null;
  answered_by_id: string | null;
  answered_by_name: string | null;
  outcome: "answered" | "missed" | "declined" | "cancelled";
}

export interface KioskTables {
  kiosks: KioskRow;
  kiosk_settings: KioskSettingRow;
  kiosk_messages: KioskMessageRow;
  kiosk_calls: KioskCallRow;
}
