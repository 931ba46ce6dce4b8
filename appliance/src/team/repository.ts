import type { Db } from "../db/index.js";
import type { TeamMemberRow } from "./tables.js";

const COLUMNS = ["id", "name", "role", "created_at", "updated_at", "deleted_at"] as const;
export type MemberRecord = Pick<TeamMemberRow, (typeof COLUMNS)[number]>;

/** The only code that touches team_members. */
export class TeamRepository {
  constructor(private readonly db: Db) {}

  async create(row: Omit<MemberRecord, "deleted_at">): Promise<void> {
    await this.db.insertInto("team_members").values({ ...row, deleted_at: null }).execute();
  }

  getById(id: string): Promise<MemberRecord | undefined> {
    return this.db.selectFrom("team_members").select(COLUMNS).where("id", "=", id).executeTakeFirst();
  }

  listActive(): Promise<MemberRecord[]> {
    return this.db.selectFrom("team_members").select(COLUMNS).where("deleted_at", "is", null).orderBy("seq").execute();
  }

  async update(id: string, patch: Partial<Pick<MemberRecord, "name" | "role" | "updated_at" | "deleted_at">>): Promise<void> {
    await this.db.updateTable("team_members").set(patch).where("id", "=", id).execute();
  }
}
