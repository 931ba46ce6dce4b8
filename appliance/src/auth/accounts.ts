import { newId, nowIso, type Db } from "../db/index.js";
import { AppError } from "../http/index.js";
import { hashPassword } from "./passwords.js";
import { authTexts } from "./messages.js";

/** Admin-page logins: one per team member at most. The only code that touches `accounts`. */
export class Accounts {
  constructor(
    private readonly db: Db,
    private readonly clock: () => number,
  ) {}

  findByUsername(username: string) {
    // The column is COLLATE NOCASE, so "Anna" finds "anna".
    return this.db.selectFrom("accounts").selectAll().where("username", "=", username.trim()).executeTakeFirst();
  }

  findById(id: string) {
    return this.db.selectFrom("accounts").select(["id", "member_id", "username"]).where("id", "=", id).executeTakeFirst();
  }

  findByMember(memberId: string) {
    return this.db.selectFrom("accounts").selectAll().where("member_id", "=", memberId).executeTakeFirst();
  }

  async usernamesByMember(): Promise<Map<string, string>> {
    const rows = await this.db.selectFrom("accounts").select(["member_id", "username"]).execute();
    return new Map(rows.map((r) => [r.member_id, r.username]));
  }

  /** Creates or changes a member's login. A changed password signs out their sessions. */
  async setLogin(memberId: string, login: { username?: string; password?: string }): Promise<void> {
    const now = nowIso(this.clock);
    if (login.username !== undefined) {
      const holder = await this.findByUsername(login.username);
      if (holder && holder.member_id !== memberId) {
        throw AppError.conflict(authTexts.usernameTaken(login.username));
      }
    }
    const existing = await this.findByMember(memberId);
    if (!existing) {
      if (login.username === undefined || login.password === undefined) {
        throw AppError.badRequest(authTexts.loginNeedsBoth);
      }
      await this.db
        .insertInto("accounts")
        .values({
          id: newId("a_"),
          member_id: memberId,
          username: login.username,
          password_hash: await hashPassword(login.password),
          created_at: now,
          updated_at: now,
        })
        .execute();
      return;
    }
    const set: { username?: string; password_hash?: string; updated_at: string } = { updated_at: now };
    if (login.username !== undefined) set.username = login.username;
    if (login.password !== undefined) set.password_hash = await hashPassword(login.password);
    await this.db.updateTable("accounts").set(set).where("id", "=", existing.id).execute();
    if (login.password !== undefined) await this.db.deleteFrom("sessions").where("account_id", "=", existing.id).execute();
  }

  async removeLogin(memberId: string): Promise<void> {
    // Sessions go with the account (ON DELETE CASCADE).
    await this.db.deleteFrom("accounts").where("member_id", "=", memberId).execute();
  }
}
