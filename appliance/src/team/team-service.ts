import type { Role, TeamMember } from "@innbox/protocol";
import { newId, nowIso, type Db } from "../db/index.js";
import type { EventBus } from "../events/index.js";
import { AppError } from "../http/index.js";
import { TeamRepository, type MemberRecord } from "./repository.js";
import { teamTexts } from "./messages.js";

/** What team needs from auth: the logins that belong to members. */
export interface MemberLogins {
  usernamesByMember(): Promise<Map<string, string>>;
  setLogin(memberId: string, login: { username?: string; password?: string }): Promise<void>;
  removeLogin(memberId: string): Promise<void>;
}

export interface Member {
  id: string;
  name: string;
  role: Role;
  deleted: boolean;
}

export interface TeamService {
  /** Pass the transaction's db when inside one: SQLite has one connection, and waiting on it there would deadlock. */
  get(id: string, db?: Db): Promise<Member | undefined>;
  /** The member, or 404 when there is none (or they were removed). */
  require(id: string): Promise<Member>;
  create(input: { name: string; role: Role }): Promise<Member>;
  list(logins: MemberLogins): Promise<TeamMember[]>;
  describe(id: string, logins: MemberLogins): Promise<TeamMember>;
  update(id: string, patch: { name?: string; role?: Role }): Promise<void>;
  remove(id: string): Promise<void>;
  /** Throws 409 when the change would leave nobody able to sign in as manager. */
  assertManagerRemains(logins: MemberLogins, change: { memberId: string; role?: Role; loginRemoved?: boolean; deleted?: boolean }): Promise<void>;
}

export function createTeamService(deps: { db: Db; bus: EventBus; clock: () => number }): TeamService {
  const repo = new TeamRepository(deps.db);
  const toMember = (r: MemberRecord): Member => ({ id: r.id, name: r.name, role: r.role, deleted: r.deleted_at !== null });
  const toApi = (r: MemberRecord, usernames: Map<string, string>): TeamMember => ({
    id: r.id,
    name: r.name,
    role: r.role,
    username: usernames.get(r.id) ?? null,
    createdAt: r.created_at,
  });
  const active = async (id: string) => {
    const row = await repo.getById(id);
    if (!row || row.deleted_at) throw AppError.notFound(teamTexts.unknownMember);
    return row;
  };

  return {
    async get(id, db) {
      const row = await (db ? new TeamRepository(db) : repo).getById(id);
      return row && toMember(row);
    },
    async require(id) {
      return toMember(await active(id));
    },
    async create({ name, role }) {
      const now = nowIso(deps.clock);
      const row = { id: newId("m_"), name, role, created_at: now, updated_at: now };
      await repo.create(row);
      deps.bus.emit("team.memberCreated", { memberId: row.id, name, role });
      return { id: row.id, name, role, deleted: false };
    },
    async list(logins) {
      const [rows, usernames] = await Promise.all([repo.listActive(), logins.usernamesByMember()]);
      return rows.map((r) => toApi(r, usernames));
    },
    async describe(id, logins) {
      return toApi(await active(id), await logins.usernamesByMember());
    },
    async update(id, patch) {
      const before = await active(id);
      await repo.update(id, { ...patch, updated_at: nowIso(deps.clock) });
      deps.bus.emit("team.memberUpdated", { memberId: id, name: patch.name ?? before.name, role: patch.role ?? before.role });
    },
    async remove(id) {
      await active(id);
      const now = nowIso(deps.clock);
      await repo.update(id, { deleted_at: now, updated_at: now });
      deps.bus.emit("team.memberDeleted", { memberId: id });
    },
    async assertManagerRemains(logins, change) {
      const [rows, usernames] = await Promise.all([repo.listActive(), logins.usernamesByMember()]);
      const remaining = rows.filter((r) => {
        if (r.id !== change.memberId) return r.role === "manager" && usernames.has(r.id);
        if (change.deleted || change.loginRemoved) return false;
        return (change.role ?? r.role) === "manager" && usernames.has(r.id);
      });
      if (remaining.length === 0) {
        throw AppError.conflict(teamTexts.managerMustRemain);
      }
    },
  };
}
