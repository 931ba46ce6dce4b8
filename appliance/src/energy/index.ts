import type { EnergyQuery, EnergyReport } from "@innbox/protocol";
import type { Logger } from "pino";
import type { Capability } from "../capability.js";
import type { Db } from "../db/index.js";
import type { EventBus } from "../events/index.js";
import type { Timers } from "../time/index.js";
import { isOn } from "./intervals.js";
import { energyMigrations } from "./migrations.js";
import { PowerRecorder } from "./recorder.js";
import { energyReport, type EnergyDeviceInfo, type ReportSources } from "./report.js";
import { registerEnergyRoutes } from "./routes.js";

export type { EnergyTables } from "./tables.js";
export { energyMigrations };

/** A device as the registry lists it, with its live state. */
type ListedDevice = EnergyDeviceInfo & { online: boolean; state: { on?: boolean; gangs?: Array<{ on: boolean }> } };

export interface EnergyDeps {
  db: Db;
  bus: EventBus;
  log: Logger;
  timers: Timers;
  /** The devices as registered now. */
  devices: { list(): Promise<ListedDevice[]> };
  /** The rooms, and the stays overlapping a range of days. */
  bookings: {
    listRooms(): Promise<Array<{ id: string; name: string }>>;
    listBookings(filter: { from: string; to: string }): Promise<Array<{ roomId: string; checkIn: string; checkOut: string; status: string }>>;
  };
  /** The property's timezone and check-in/out times. */
  property: { get(): Promise<{ timezone: string; checkInTime?: string | null | undefined; checkOutTime?: string | null | undefined }> };
}

export interface EnergyReportService {
  report(query: EnergyQuery): Promise<EnergyReport>;
}

/** How long each device was on, per room and day, against the rooms' stays: what the scenarios saved. */
export function createEnergy(deps: EnergyDeps) {
  const recorder = new PowerRecorder({ db: deps.db, timers: deps.timers, log: deps.log });
  const sources: ReportSources = {
    db: deps.db,
    clock: () => deps.timers.now(),
    devices: () => deps.devices.list(),
    rooms: () => deps.bookings.listRooms(),
    stays: async (from, to) => (await deps.bookings.listBookings({ from, to })).filter((b) => b.status === "confirmed"),
    times: async () => {
      const p = await deps.property.get();
      // The same defaults the stay states use.
      return { timeZone: p.timezone, checkInTime: p.checkInTime ?? "15:00", checkOutTime: p.checkOutTime ?? "11:00" };
    },
  };
  const service: EnergyReportService = {
    report: (query) => energyReport(sources, query),
  };
  const unsubscribers: Array<() => void> = [];

  return {
    name: "energy",
    migrations: energyMigrations,
    service,
    routes: (registry) => registerEnergyRoutes(registry, service),
    async start() {
      await recorder.start();
      unsubscribers.push(
        deps.bus.on("device.stateChanged", ({ id, state }) => recorder.note(id, { on: isOn(state), online: true })),
        deps.bus.on("device.availabilityChanged", ({ id, online }) => recorder.note(id, { online })),
      );
      // What changed while the devices connected, before this listened.
      for (const device of await deps.devices.list()) {
        if (device.kind !== "sensor" && device.online) recorder.note(device.id, { on: isOn(device.state), online: true });
      }
    },
    async stop() {
      for (const off of unsubscribers.splice(0)) off();
      await recorder.stop();
    },
  } satisfies Capability & Record<string, unknown>;
}
