import type { Generated } from "kysely";

export interface ConversationRow {
  id: string;
  seq: Generated<number>;
  channel: "web" | "telegram" | "kiosk" | "widget";
  guest_name: string | null;
  tag: string | null;
  language: string | null;
  email: string | null;
  /** Telegram guests: their private chat with the bot. */
  telegram_chat_id: string | null;
  created_at: string;
  last_message_at: string;
  last_message_preview: string;
  /** When the oldest guest message still without a staff answer arrived; null when answered. */
  waiting_since: string | null;
  /** When staff were alerted about the current wait (once per wait). */
  alerted_at: string | null;
  /** When the guest was last told that nobody is on duty. */
  off_hours_noticed_at: string | null;
  /** The booking the guest opened My Reservation with, or staff linked; null when none. */
  booking_id: string | null;
}

export interface MessageRow {
  /** Global order; messages of a conversation are read in seq order. */
  seq: Generated<number>;
  id: string;
  conversation_id: string;
  sender: "guest" | "staff" | "system";
  text: string;
  staff_member_id: string | null;
  /** Kept with the message so history keeps the name after the member is removed. */
  staff_name: string | null;
  client_id: string | null;
  created_at: string;
  delivered_at: string | null;
}

export interface GuestSessionRow {
  token_hash: string;
  conversation_id: string;
  created_at: string;
}

export interface ChatSettingRow {
  key: string;
  value: string;
}

export interface StaffDutyRow {
  member_id: string;
  on_duty: number;
  changed_at: string;
}

export interface ChatTables {
  conversations: ConversationRow;
  messages: MessageRow;
  guest_sessions: GuestSessionRow;
  chat_settings: ChatSettingRow;
  staff_duty: StaffDutyRow;
}
