import type { Capability } from "../capability.js";
import type { Db, Transactions } from "../db/index.js";
import { receptionMigrations } from "./migrations.js";
import { createPlacesService } from "./places-service.js";
import { registerPlacesRoutes } from "./places-routes.js";
import { registerReceptionRoutes, type LinkSource } from "./routes.js";

export type { LinkSource } from "./routes.js";
export type { PlacesService } from "./places-service.js";
export type { ReceptionTables } from "./tables.js";
export { receptionMigrations };

export interface ReceptionDeps extends LinkSource {
  db: Db;
  transactions: Transactions;
  clock: () => number;
}

/** The Online Reception: links and QR codes per room or place, and the Guest Services Directory. */
export function createReception(deps: ReceptionDeps) {
  const places = createPlacesService({ db: deps.db, transactions: deps.transactions, clock: deps.clock });
  return {
    name: "reception",
    migrations: receptionMigrations,
    /** The directory (what the guest page will show). */
    places,
    routes(registry) {
      registerReceptionRoutes(registry, deps);
      registerPlacesRoutes(registry, places);
    },
    start() {},
    stop() {},
  } satisfies Capability & Record<string, unknown>;
}
