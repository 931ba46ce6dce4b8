import type { RouteRegistry } from "../http/index.js";
import { authMigrations } from "./migrations.js";
import { createAuthService, type AuthDeps } from "./auth-service.js";
import { registerAuthRoutes } from "./routes.js";

export type { AuthService } from "./auth-service.js";
export { authMigrations };
export { hashPassword } from "./passwords.js";

export function createAuth(deps: AuthDeps) {
  const service = createAuthService(deps);
  let sweep: NodeJS.Timeout | undefined;
  return {
    service,
    registerRoutes(registry: RouteRegistry) {
      registerAuthRoutes(registry, service);
    },
    start() {
      sweep = setInterval(() => void service.removeExpiredSessions().catch(() => undefined), 3_600_000);
      sweep.unref();
    },
    stop() {
      if (sweep) clearInterval(sweep);
    },
  };
}
