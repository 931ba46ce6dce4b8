import type { Capability } from "../capability.js";
import type { MigrationSet } from "../db/index.js";
import { registerReceptionRoutes, type LinkSource } from "./routes.js";

export type { LinkSource } from "./routes.js";

export type ReceptionDeps = LinkSource;

const receptionMigrations: MigrationSet = {};

/** The Online Reception: links and QR codes per room or place. */
export function createReception(deps: ReceptionDeps) {
  return {
    name: "reception",
    migrations: receptionMigrations,
    routes: (registry) => registerReceptionRoutes(registry, deps),
    start() {},
    stop() {},
  } satisfies Capability & Record<string, unknown>;
}
