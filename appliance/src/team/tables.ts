import type { Generated } from "kysely";

export interface TeamMemberRow {
  id: string;
  name: string;
  role: "manager" | "staff";
  created_at: string;
  updated_at: string;
  /** Deleted members stay, so the history they wrote keeps their name. */
  deleted_at: string | null;
  seq: Generated<number>;
}

export interface TeamTables {
  team_members: TeamMemberRow;
}
