import type { Logger } from "pino";
import type { Capability } from "../capability.js";
import type { ChatService } from "../chat/index.js";
import type { Db } from "../db/index.js";
import type { EventBus } from "../events/index.js";
import type { PropertyService } from "../property/index.js";
import { KioskService, type KioskServiceDeps } from "./kiosk-service.js";
import { kioskMigrations } from "./migrations.js";
import { registerKioskRoutes } from "./routes.js";
import { createKioskSockets } from "./sockets.js";

export { kioskMigrations };
export type { KioskTables } from "./tables.js";
export { KioskService, type PairedKiosk } from "./kiosk-service.js";

export interface KioskDeps {
  db: Db;
  bus: EventBus;
  log: Logger;
  clock: () => number;
  publicUrl: () => string;
  property: PropertyService;
  weather: KioskServiceDeps["weather"];
  chat: ChatService;
}

/** Lobby kiosks: pairing with a one-time code, their own token, the idle screen, messages left, the call log. */
export function createKiosk(deps: KioskDeps) {
  const sockets = createKioskSockets({ kiosks: () => service, log: deps.log });
  const service = new KioskService({ ...deps, line: () => sockets.line });
  const unsubscribers: Array<() => void> = [];
  return {
    name: "kiosk",
    migrations: kioskMigrations,
    service,
    routes: (registry) => registerKioskRoutes(registry, service),
    sockets: (io) => sockets.attach(io),
    start() {
      unsubscribers.push(
        deps.bus.on("property.updated", () => sockets.line.screenChanged()),
        deps.bus.on("weather.updated", () => sockets.line.screenChanged()),
      );
    },
    stop() {
      for (const off of unsubscribers.splice(0)) off();
    },
  } satisfies Capability & Record<string, unknown>;
}
