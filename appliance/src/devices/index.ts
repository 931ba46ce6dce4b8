import type { Logger } from "pino";
import type { Namespace, Server } from "socket.io";
import type { Capability } from "../capability.js";
import { STAFF_ROOM } from "../chat/index.js";
import type { Db } from "../db/index.js";
import type { EventBus } from "../events/index.js";
import type { Timers } from "../time/index.js";
import { DeviceHub } from "./device-hub.js";
import { createDevicesService } from "./devices-service.js";
import { createLan, type LanSettings } from "./discoverers.js";
import { devicesMigrations } from "./migrations.js";
import { devicesRepository } from "./repository.js";
import { registerDevicesRoutes } from "./routes.js";
import { createDeviceSecrets } from "./secrets.js";

export type { DevicesTables } from "./tables.js";
export type { DevicesService, Discoverer, Sighting } from "./devices-service.js";
export type { AdapterFactory, DeviceAdapter, DeviceCommand, DeviceConnection, DeviceState } from "./adapter.js";
export { DeviceError } from "./adapter.js";
export { devicesMigrations };
export type { LanSettings } from "./discoverers.js";

export interface DevicesDeps {
  db: Db;
  dataDir: string;
  bus: EventBus;
  log: Logger;
  timers: Timers;
  roomExists: (roomId: string) => Promise<boolean>;
  /** The names of the scenarios that name a device: a device a scenario uses is not removed. */
  scenariosUsing: (deviceId: string) => Promise<string[]>;
  /** Where to listen for devices on the LAN (tests: loopback, or not at all). */
  lan: LanSettings;
  discoverMs: number;
}

/** Smart devices on the LAN: the registry, one connection and one command queue per device, live state to staff. */
export function createDevices(deps: DevicesDeps) {
  let staff: Namespace | undefined;
  const lan = createLan(deps.lan, { timers: deps.timers, log: deps.log });
  const hub: DeviceHub = new DeviceHub({
    factories: lan.factories,
    timers: deps.timers,
    log: deps.log,
    bus: deps.bus,
    changed: (id) => {
      if (!staff) return;
      service
        .view(id)
        .then((device) => staff?.to(STAFF_ROOM).emit("device", device))
        .catch(() => undefined); // removed meanwhile: nothing to announce
    },
    seen: (id, at) => void service.seen(id, at).catch((err: unknown) => deps.log.warn({ err, device: id }, "could not note when the device was seen")),
    moved: (id, ip, version) => void service.moved(id, ip, version).catch((err: unknown) => deps.log.warn({ err, device: id }, "could not store the device's new address")),
  });
  const service = createDevicesService({
    db: deps.db,
    timers: deps.timers,
    log: deps.log,
    hub,
    secrets: createDeviceSecrets(deps.dataDir),
    roomExists: deps.roomExists,
    scenariosUsing: deps.scenariosUsing,
    discoverers: lan.discoverers,
    discoverMs: deps.discoverMs,
  });
  const stopListening: Array<() => void> = [];

  return {
    name: "devices",
    migrations: devicesMigrations,
    service,
    /** How many devices are in a room (a room with devices is not removed). */
    devicesInRoom: async (roomId: string) => (await devicesRepository.inRoom(deps.db, roomId)).length,
    routes: (registry) => registerDevicesRoutes(registry, service),
    sockets(io: Server) {
      staff = io.of("/staff");
    },
    async start() {
      await lan.start();
      for (const listen of lan.discoverers) {
        stopListening.push(listen((sighting) => void service.sighted(sighting).catch((err: unknown) => deps.log.warn({ err }, "could not follow a device's new address"))));
      }
      await service.connectAll();
    },
    async stop() {
      for (const stop of stopListening.splice(0)) stop();
      await hub.stop();
      await lan.stop();
    },
  } satisfies Capability & Record<string, unknown>;
}
