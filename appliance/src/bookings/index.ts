import type { Capability } from "../capability.js";
import type { Db } from "../db/index.js";
import { createBookingsService, type StayTimesSource } from "./bookings-service.js";
import { bookingsMigrations } from "./migrations.js";
import { registerBookingsRoutes } from "./routes.js";

export type { BookingsTables } from "./tables.js";
export type { BookingsService, StayTimesSource } from "./bookings-service.js";
export { bookingsMigrations };

export interface BookingsDeps {
  db: Db;
  clock: () => number;
  /** The property's timezone and check-in/out times. */
  times: StayTimesSource;
  /** The base of the rooms' calendar export addresses. */
  publicUrl: () => string;
}

/** Rooms and bookings: who is in which room, and each room's stay state right now. */
export function createBookings(deps: BookingsDeps) {
  const service = createBookingsService(deps);
  return {
    name: "bookings",
    migrations: bookingsMigrations,
    service,
    routes: (registry) => registerBookingsRoutes(registry, service),
    start() {},
    stop() {},
  } satisfies Capability & Record<string, unknown>;
}
