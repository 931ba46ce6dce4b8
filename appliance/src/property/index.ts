import type { Capability } from "../capability.js";
import type { Db } from "../db/index.js";
import type { EventBus } from "../events/index.js";
import { propertyMigrations } from "./migrations.js";
import { slugRedirects } from "./pages.js";
import { createPropertyService } from "./property-service.js";
import { registerPropertyRoutes } from "./routes.js";

export type { PropertyService } from "./property-service.js";
export { propertyMigrations };
export type { PropertyTables } from "./tables.js";

export interface PropertyDeps {
  db: Db;
  bus: EventBus;
  clock: () => number;
  /** The base of links and QR codes; known once the server listens. */
  publicUrl: () => string;
}

/** The property's name, link (slug), timezone and position. */
export function createProperty(deps: PropertyDeps) {
  const service = createPropertyService(deps);
  return {
    name: "property",
    migrations: propertyMigrations,
    service,
    routes: (registry) => registerPropertyRoutes(registry, service, deps.publicUrl),
    pages: () => slugRedirects(service),
    start() {},
    stop() {},
  } satisfies Capability & Record<string, unknown>;
}
