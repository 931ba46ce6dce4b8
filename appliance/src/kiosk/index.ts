import type { Logger } from "pino";
import type { Capability } from "../capability.js";
import type { ChatService } from "../chat/index.js";
import type { Db } from "../db/index.js";
import type { EventBus } from "../events/index.js";
import type { PropertyService } from "../property/index.js";
import type { IceServer } from "@innbox/protocol";
import type { Timers } from "../time/index.js";
import { CallDesk } from "./call-desk.js";
import { KioskService, type KioskServiceDeps } from "./kiosk-service.js";
import { kioskTexts } from "./messages.js";
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
  timers: Timers;
  /** config kiosk.turn: handed to both sides of a call (none needed on a LAN). */
  turn?: IceServer | undefined;
  /** Alerts staff on duty (Telegram) of a missed call. */
  notifyStaff?: (text: string) => Promise<unknown>;
}

/** Lobby kiosks: pairing with a one-time code, their own token, the idle screen, messages left, the call log. */
export function createKiosk(deps: KioskDeps) {
  const sockets = createKioskSockets({ kiosks: () => service, calls: () => calls, log: deps.log });
  const calls = new CallDesk({
    db: deps.db,
    log: deps.log,
    timers: deps.timers,
    wire: () => sockets.wire,
    isOnDuty: (memberId) => deps.chat.isMemberOnDuty(memberId),
    iceServers: () => (deps.turn ? [deps.turn] : []),
    ...(deps.notifyStaff ? { missed: (kioskName: string) => deps.notifyStaff!(kioskTexts.callMissed(kioskName)) } : {}),
  });
  const service = new KioskService({ ...deps, line: () => sockets.line });
  const unsubscribers: Array<() => void> = [];
  return {
    name: "kiosk",
    migrations: kioskMigrations,
    service,
    calls,
    routes: (registry) => registerKioskRoutes(registry, service),
    sockets: (io) => sockets.attach(io),
    start() {
      unsubscribers.push(
        deps.bus.on("property.updated", () => sockets.line.screenChanged()),
        deps.bus.on("weather.updated", () => sockets.line.screenChanged()),
        deps.bus.on("kiosk.revoked", ({ kioskId }) => calls.kioskRevoked(kioskId)),
      );
    },
    stop() {
      for (const off of unsubscribers.splice(0)) off();
      calls.stop();
    },
  } satisfies Capability & Record<string, unknown>;
}
