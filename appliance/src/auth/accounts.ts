import { newId, nowIso, type Db } from "../db/index.js";
import { AppError } from "../http/index.js";
import { hashPassword } from "./passwords.js";
import { authTexts } from "./messages.js";
import { authRepository as repo } from "./repository.js";

/** Admin-page logins: one per team member at most. */
export class Accounts {
  constructor(
    private readonly db: Db,
    private readonly clock: () => number,
  ) {}

  findByUsername(username: string) {
    return repo.findAccountByUsername(this.db, username.trim());
  }

  /** The account with its password hash: only for checking a sign-in. */
  findForSignIn(username: string) {
    return repo.findSignInByUsername(this.db, username.trim());
  }

  findById(id: string) {
    return repo.findAccountById(this.db, id);
  }

  findByMember(memberId: string) {
    return repo.findAccountOfMember(this.db, memberId);
  }

  async usernamesByMember(): Promise<Map<string, string>> {
    const rows = await repo.listUsernames(this.db);
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
      await repo.insertAccount(this.db, {
        id: newId("a_"),
        member_id: memberId,
        username: login.username,
        password_hash: await hashPassword(login.password),
        created_at: now,
        updated_at: now,
      });
      return;
    }
    const set: { username?: string; password_hash?: string; updated_at: string } = { updated_at: now };
    if (login.username !== undefined) set.username = login.username;
    if (login.password !== undefined) set.password_hash = await hashPassword(login.password);
    await repo.updateAccount(this.db, existing.id, set);
    if (login.password !== undefined) await repo.deleteSessionsOfAccount(this.db, existing.id);
  }

  async removeLogin(memberId: string): Promise<void> {
    await repo.deleteAccountOfMember(this.db, memberId);
  }
}
