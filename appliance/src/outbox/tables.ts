import type { Generated } from "kysely";

// The table is created by migration 0005-chat-outbox-settings (frozen; it predates this folder).
export interface OutboxRow {
  seq: Generated<number>;
  transport: string;
  /** Items with the same chat key leave strictly in seq order. */
  chat_key: string;
  payload: string;
  status: "pending" | "done" | "dead";
  attempts: number;
  next_attempt_at: number;
  last_error: string | null;
  created_at: string;
  done_at: string | null;
}

export interface OutboxTables {
  outbox: OutboxRow;
}
