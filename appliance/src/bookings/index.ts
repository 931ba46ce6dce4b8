import type { Logger } from "pino";
import type { Capability } from "../capability.js";
import type { Db, Transactions } from "../db/index.js";
import type { EventBus } from "../events/index.js";
import type { Timers } from "../time/index.js";
import { BookingMoments } from "./booking-events.js";
import { createBookingsService, freeReservationCode, type StayTimesSource } from "./bookings-service.js";
import { CalendarFeeds } from "./calendar-feeds.js";
import { bookingsMigrations } from "./migrations.js";
import { registerBookingsRoutes } from "./routes.js";
import { createReservations } from "./reservation.js";

export type { BookingsTables } from "./tables.js";
export type { BookingsService, StayTimesSource } from "./bookings-service.js";
export { bookingsMigrations };
export { roomStay, type StayTimes } from "./stay.js";
export { normaliseReservationCode, type Reservations } from "./reservation.js";

export interface BookingsDeps {
  db: Db;
  /** How many devices are in a room: a room with devices is not removed. */
  devicesInRoom: (roomId: string) => Promise<number>;
  /** The names of the scenarios that name a room: a room a scenario uses is not removed. */
  scenariosUsingRoom: (roomId: string) => Promise<string[]>;
  transactions: Transactions;
  clock: () => number;
  /** The property's timezone and check-in/out times. */
  times: StayTimesSource;
  /** The base of the rooms' calendar export addresses. */
  publicUrl: () => string;
  bus: EventBus;
  log: Logger;
  timers: Timers;
  /** The property's arrival instructions, shown in My Reservation. */
  arrivalInstructions: () => Promise<string | null | undefined>;
}

/** Rooms and bookings: who is in which room, and each room's stay state right now. */
export function createBookings(deps: BookingsDeps) {
  const moments = new BookingMoments({ db: deps.db, bus: deps.bus, log: deps.log, timers: deps.timers, times: () => deps.times.stayTimes() });
  const changed = () => void moments.check();
  const feeds = new CalendarFeeds({
    db: deps.db,
    transactions: deps.transactions,
    bus: deps.bus,
    log: deps.log,
    timers: deps.timers,
    times: () => deps.times.stayTimes(),
    changed,
    newCode: freeReservationCode,
  });
  const service = createBookingsService({ ...deps, changed, feeds: () => feeds });
  const reservations = createReservations({ db: deps.db, times: deps.times, arrivalInstructions: deps.arrivalInstructions });
  const unsubscribers: Array<() => void> = [];
  return {
    name: "bookings",
    migrations: bookingsMigrations,
    service,
    feeds,
    /** My Reservation: bookings by code, as the guest and staff see them. */
    reservations,
    routes: (registry) => registerBookingsRoutes(registry, service),
    start() {
      // New check-in or check-out times, or a new timezone, move every moment.
      unsubscribers.push(deps.bus.on("property.updated", () => void moments.check()));
    },
    serving() {
      // Catching up fires events other capabilities act on: only once every one of them
      // has started and subscribed, and the server is up.
      const handle = deps.timers.setTimeout(() => {
        void moments.start();
        // Feeds due while the box was down are fetched now; the rest when they are due.
        feeds.start();
      }, 0);
      unsubscribers.push(() => deps.timers.clearTimeout(handle));
    },
    stop() {
      for (const off of unsubscribers.splice(0)) off();
      moments.stop();
      feeds.stop();
    },
  } satisfies Capability & Record<string, unknown>;
}
