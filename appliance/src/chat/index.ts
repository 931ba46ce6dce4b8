import type { Logger } from "pino";
import type { Capability } from "../capability.js";
import type { Db, Transactions } from "../db/index.js";
import type { EventBus } from "../events/index.js";
import type { PropertyService } from "../property/index.js";
import type { TimerHandle, Timers } from "../time/index.js";
import { ChatService } from "./chat-service.js";
import { registerGuestRoutes } from "./guest-routes.js";
import { ReservationCodes } from "./reservation-codes.js";
import { registerReservationRoutes } from "./reservation-routes.js";
import type { Reservations } from "../bookings/index.js";
import { chatMigrations } from "./migrations.js";
import { ConversationBookings } from "./conversation-bookings.js";
import { createChatSockets } from "./sockets.js";
export { STAFF_ROOM } from "./sockets.js";
import type { StaffSessions } from "./staff-sessions.js";
import { registerStaffRoutes } from "./staff-routes.js";
import { UnansweredAlerts, type AlertSink } from "./unanswered-alerts.js";

export { ChatService, toApiMessage, type Conversation, type Message } from "./chat-service.js";
export type { AlertSink } from "./unanswered-alerts.js";
export type { StaffSessions } from "./staff-sessions.js";
export { chatMigrations };
export type { ChatTables } from "./tables.js";
export { DEFAULT_OFF_HOURS_NOTICE } from "./default-texts.js";

export interface ChatDeps {
  db: Db;
  transactions: Transactions;
  bus: EventBus;
  log: Logger;
  clock: () => number;
  timers: Timers;
  property: PropertyService;
  /** Who is signed in behind a `/staff` socket, and whether that session still holds. */
  staffSessions: StaffSessions;
  /** My Reservation: bookings by code, as guests and staff see them (a getter: bookings starts later). */
  reservations: Pick<Reservations, "idForCode" | "exists" | "guestView" | "summaries">;
  /** Where unanswered-guest alerts go (the Telegram bot). */
  alerts: AlertSink;
  settings: {
    guestTokenDays: number;
    guestSessionsPerMinute: number;
    guestMessagesPerMinute: number;
    alertIntervalMs: number;
    /** How often open /staff sockets are checked against their sessions (which other processes may end). */
    staffCheckIntervalMs: number;
  };
}

/** Guest conversations, staff answers, working hours and unanswered alerts. */
export function createChat(deps: ChatDeps) {
  const log = deps.log;
  const sockets = createChatSockets({ chat: () => service, staffSessions: deps.staffSessions, log });
  const service = new ChatService({
    db: deps.db,
    transactions: deps.transactions,
    bus: deps.bus,
    log,
    clock: deps.clock,
    property: deps.property,
    publisher: sockets.publisher,
    guestTokenDays: deps.settings.guestTokenDays,
    guestSessionsPerMinute: deps.settings.guestSessionsPerMinute,
    guestMessagesPerMinute: deps.settings.guestMessagesPerMinute,
    reservations: deps.reservations,
  });
  const bookings = new ConversationBookings({ db: deps.db, chat: service, publisher: sockets.publisher, reservations: deps.reservations });
  const codes = new ReservationCodes(bookings, deps.reservations, deps.clock);
  const alerts = new UnansweredAlerts({ chat: service, sink: deps.alerts, clock: deps.clock, timers: deps.timers, log, intervalMs: deps.settings.alertIntervalMs });
  const unsubscribers: Array<() => void> = [];
  let staffCheck: TimerHandle | undefined;

  return {
    name: "chat",
    migrations: chatMigrations,
    service,
    alerts,
    routes(registry) {
      registerGuestRoutes(registry, { chat: service, property: deps.property, codes });
      registerStaffRoutes(registry, service);
      registerReservationRoutes(registry, { chat: service, bookings, codes });
    },
    sockets: (io) => sockets.attach(io),
    async start() {
      unsubscribers.push(
        deps.bus.on("property.updated", () => service.reloadProperty()),
        deps.bus.on("auth.setupCompleted", () => service.reloadProperty()),
        // A linked stay cancelled (or confirmed again) shows as such beside the chat and on the guest's page.
        deps.bus.on("booking.cancelled", ({ bookingId }) => bookings.changed(bookingId)),
        deps.bus.on("booking.created", ({ bookingId }) => bookings.changed(bookingId)),
        deps.bus.on("booking.updated", ({ bookingId }) => bookings.changed(bookingId)),
      );
      await service.load();
      alerts.start();
      const guard = sockets.guard();
      if (guard) {
        // In this process a sign-out, password change, role change or removal is heard at
        // once; sessions ended elsewhere (the reset-password command) by the periodic check.
        const ofMember = ({ memberId }: { memberId: string }) => void guard.recheck((s) => s.memberId === memberId);
        unsubscribers.push(
          deps.bus.on("auth.sessionsEnded", ({ memberId, sessionId }) => guard.recheck((s) => s.memberId === memberId || s.sessionId === sessionId)),
          deps.bus.on("team.memberUpdated", ofMember),
          deps.bus.on("team.memberDeleted", ofMember),
        );
        staffCheck = deps.timers.setInterval(() => void guard.recheckAll(), deps.settings.staffCheckIntervalMs);
      }
    },
    stop() {
      deps.timers.clearInterval(staffCheck);
      staffCheck = undefined;
      for (const off of unsubscribers.splice(0)) off();
      alerts.stop();
    },
  } satisfies Capability & Record<string, unknown>;
}

export type Chat = ReturnType<typeof createChat>;
