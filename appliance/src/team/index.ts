import type { Capability } from "../capability.js";
import type { Db } from "../db/index.js";
import type { EventBus } from "../events/index.js";
import { teamMigrations } from "./migrations.js";
import { registerTeamRoutes } from "./routes.js";
import { createTeamService, type MemberLogins } from "./team-service.js";

export type { Member, MemberLogins, TeamService } from "./team-service.js";
export { teamMigrations };
export type { TeamTables } from "./tables.js";

export interface TeamDeps {
  db: Db;
  bus: EventBus;
  clock: () => number;
  /** The admin-page logins that belong to members (auth's). */
  logins: MemberLogins;
}

/** The people who answer guests, and their roles. */
export function createTeam(deps: TeamDeps) {
  const service = createTeamService(deps);
  return {
    name: "team",
    migrations: teamMigrations,
    service,
    routes: (registry) => registerTeamRoutes(registry, { team: service, logins: deps.logins }),
    start() {},
    stop() {},
  } satisfies Capability & Record<string, unknown>;
}
