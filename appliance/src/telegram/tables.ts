export interface TelegramStateRow {
  key: string;
  value: string;
}

export interface TelegramStaffRow {
  member_id: string;
  chat_id: string;
  telegram_name: string;
  linked_at: string;
}

export interface TelegramLinkCodeRow {
  code_hash: string;
  member_id: string;
  expires_at: string;
  used_at: string | null;
}

/** Which bot message in which chat carries which guest message: how a Telegram reply finds its guest. */
export interface TelegramRelayRow {
  chat_id: string;
  message_id: number;
  conversation_id: string;
  chat_message_id: string;
  created_at: string;
}

export interface TelegramUpdateRow {
  update_id: number;
  received_at: string;
  kind: string;
  /** Kept only for updates that could not be handled, so nothing is lost. */
  raw: string | null;
}

export interface TelegramTables {
  telegram_state: TelegramStateRow;
  telegram_staff: TelegramStaffRow;
  telegram_link_codes: TelegramLinkCodeRow;
  telegram_relays: TelegramRelayRow;
  telegram_updates: TelegramUpdateRow;
}
