import type { Db } from "../db/index.js";
import type { EventBus } from "../events/event-bus.js";
import type { RouteRegistry } from "../http/index.js";
import { propertyMigrations } from "./migrations.js";
import { createPropertyService } from "./property-service.js";
import { registerPropertyRoutes } from "./routes.js";

export type { PropertyService } from "./property-service.js";
export { propertyMigrations };

export function createProperty(deps: { db: Db; bus: EventBus; clock: () => number }) {
  const service = createPropertyService(deps);
  return {
    service,
    /** `publicUrl` is known once the server listens, hence a getter. */
    registerRoutes(registry: RouteRegistry, publicUrl: () => string) {
      registerPropertyRoutes(registry, service, publicUrl);
    },
  };
}
