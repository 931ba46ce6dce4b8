import type { Db } from "../db/index.js";
import type { EventBus } from "../events/event-bus.js";
import type { RouteRegistry } from "../http/index.js";
import { teamMigrations } from "./migrations.js";
import { registerTeamRoutes } from "./routes.js";
import { createTeamService, type MemberLogins } from "./team-service.js";

export type { Member, MemberLogins, TeamService } from "./team-service.js";
export { teamMigrations };

export function createTeam(deps: { db: Db; bus: EventBus; clock: () => number }) {
  const service = createTeamService(deps);
  return {
    service,
    registerRoutes(registry: RouteRegistry, logins: MemberLogins) {
      registerTeamRoutes(registry, { team: service, logins });
    },
  };
}
