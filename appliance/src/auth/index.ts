import type { Capability } from "../capability.js";
import type { TimerHandle } from "../time/index.js";
import { authMigrations } from "./migrations.js";
import { createAuthService, type AuthDeps } from "./auth-service.js";
import { registerAuthRoutes } from "./routes.js";

export type { AuthService, AuthDeps } from "./auth-service.js";
export { authMigrations };
export { hashPassword } from "./passwords.js";
export { SESSION_COOKIE } from "./sessions.js";
export type { AuthTables } from "./tables.js";

/** Accounts, sessions, first-run setup, sign-in throttling and who may call what. */
export function createAuth(deps: AuthDeps) {
  const service = createAuthService(deps);
  let sweep: TimerHandle | undefined;
  return {
    name: "auth",
    migrations: authMigrations,
    service,
    routes: (registry) => registerAuthRoutes(registry, service),
    start() {
      sweep = deps.timers.setInterval(() => void service.removeExpiredSessions().catch(() => undefined), 3_600_000);
    },
    stop() {
      deps.timers.clearInterval(sweep);
      sweep = undefined;
    },
  } satisfies Capability & Record<string, unknown>;
}
