import type { Logger } from "pino";
import type { Namespace, Server } from "socket.io";
import { RUN_LOG_DAYS } from "@innbox/protocol";
import type { Capability } from "../capability.js";
import { STAFF_ROOM } from "../chat/index.js";
import type { Db } from "../db/index.js";
import type { EventBus } from "../events/index.js";
import type { TimerHandle, Timers } from "../time/index.js";
import { scenariosMigrations } from "./migrations.js";
import { scenariosRepository as repo } from "./repository.js";
import { registerScenariosRoutes } from "./routes.js";
import { ScenarioRunner } from "./runner.js";
import { createScenariosService } from "./scenarios-service.js";
import { ScenarioScheduler } from "./scheduler.js";
import type { DevicesSource, PlaceSource, RoomsSource, StaffSource, WeatherSource } from "./sources.js";

export type { ScenariosTables } from "./tables.js";
export type { ScenariosService } from "./scenarios-service.js";
export type { DevicesSource, PlaceSource, RoomsSource, StaffSource, WeatherSource, Stay } from "./sources.js";
export { scenariosMigrations };

export interface ScenariosDeps {
  db: Db;
  bus: EventBus;
  log: Logger;
  timers: Timers;
  place: PlaceSource;
  rooms: RoomsSource;
  devices: DevicesSource;
  weather: WeatherSource;
  /** Messages to the staff on duty (notify actions, failed runs). */
  staff: StaffSource;
}

const DAY_MS = 86_400_000;
const ANNOUNCE_MS = 100;

/** Scenarios: triggers, conditions and actions; the scheduler, the runs and their log, the preview. */
export function createScenarios(deps: ScenariosDeps) {
  let staff: Namespace | undefined;
  let sweeper: TimerHandle | undefined;
  const clock = () => deps.timers.now();
  // Scenarios whose view changed (edited, a run started or ended), announced together a
  // moment later: a hundred runs at 01:00 make one reading of the scenarios, not hundreds.
  const toAnnounce = new Set<string>();
  let announcing: TimerHandle | undefined;
  const flush = async () => {
    announcing = undefined;
    const ids = [...toAnnounce];
    toAnnounce.clear();
    const listening = staff && (staff.adapter.rooms.get(STAFF_ROOM)?.size ?? 0) > 0;
    if (!listening || !ids.length) return;
    const views = await service.viewsOf(ids);
    for (const id of ids) {
      const view = views.get(id);
      if (view) staff?.to(STAFF_ROOM).emit("scenario", view);
      else staff?.to(STAFF_ROOM).emit("scenarioDeleted", { id });
    }
  };
  const announce = (id: string) => {
    if (!staff) return;
    toAnnounce.add(id);
    announcing ??= deps.timers.setTimeout(() => void flush().catch((err: unknown) => deps.log.warn({ err }, "could not announce scenarios to staff")), ANNOUNCE_MS);
  };
  const runner = new ScenarioRunner({
    db: deps.db,
    log: deps.log,
    timers: deps.timers,
    place: deps.place,
    rooms: deps.rooms,
    devices: deps.devices,
    weather: deps.weather,
    staff: deps.staff,
    finished: (run) => {
      staff?.to(STAFF_ROOM).emit("scenarioRun", run);
      announce(run.scenarioId);
    },
    changed: announce,
  });
  const scheduler = new ScenarioScheduler({ db: deps.db, bus: deps.bus, log: deps.log, timers: deps.timers, place: deps.place, rooms: deps.rooms, devices: deps.devices, weather: deps.weather, runner });
  const service = createScenariosService({
    db: deps.db,
    clock,
    place: deps.place,
    rooms: deps.rooms,
    devices: deps.devices,
    weather: deps.weather,
    runner,
    context: () => scheduler.context(),
    enabledAgain: (id) => scheduler.skipToNow(id),
    changed: (id) => {
      scheduler.replan(id);
      announce(id);
    },
  });
  const sweep = async () => {
    const before = new Date(clock() - RUN_LOG_DAYS * DAY_MS).toISOString();
    const { numDeletedRows } = await repo.deleteRunsBefore(deps.db, before);
    if (numDeletedRows) deps.log.debug({ deleted: Number(numDeletedRows) }, "old scenario runs removed from the log");
  };

  return {
    name: "scenarios",
    migrations: scenariosMigrations,
    service,
    /** The names of the scenarios that name a device or room: deleting it is refused while any does. */
    usedBy: (kind: "device" | "room", id: string) => service.usedBy(kind, id),
    routes: (registry) => registerScenariosRoutes(registry, service),
    sockets(io: Server) {
      staff = io.of("/staff");
    },
    start() {
      scheduler.start();
      sweeper = deps.timers.setInterval(() => void sweep().catch((err: unknown) => deps.log.warn({ err }, "could not sweep the scenario run log")), DAY_MS);
    },
    serving() {
      // Runs missed while the box was down act on devices: once every capability has started.
      void sweep().catch((err: unknown) => deps.log.warn({ err }, "could not sweep the scenario run log"));
      void scheduler.resume();
    },
    async stop() {
      deps.timers.clearInterval(sweeper);
      scheduler.stop();
      await runner.stop();
      deps.timers.clearTimeout(announcing);
      announcing = undefined;
    },
  } satisfies Capability & Record<string, unknown>;
}
