import type { Server } from "socket.io";
import type { RouteRegistry } from "../http/index.js";
import type { PropertyService } from "../property/index.js";
import { ChatService, type ChatDeps } from "./chat-service.js";
import { registerGuestRoutes } from "./guest-routes.js";
import { chatMigrations } from "./migrations.js";
import { Outbox } from "./outbox.js";
import { attachChatSockets } from "./sockets.js";
import type { StaffGuard, StaffSessions } from "./staff-sessions.js";
import { registerStaffRoutes } from "./staff-routes.js";
import { UnansweredAlerts, type AlertSink } from "./unanswered-alerts.js";

export { ChatService, ChatTx, toApiMessage, type Conversation, type Message } from "./chat-service.js";
export { Outbox, DeliveryError, type OutboxTransport } from "./outbox.js";
export type { AlertSink } from "./unanswered-alerts.js";
export type { StaffSessions } from "./staff-sessions.js";
export { chatMigrations };

export function createChat(
  deps: ChatDeps & {
    property: PropertyService;
    retryMaxMs: number;
    alertIntervalMs: number;
    /** How often open /staff sockets are checked against their sessions (which other processes may end). */
    staffCheckIntervalMs: number;
  },
) {
  const service = new ChatService(deps);
  const outbox = new Outbox({ db: deps.db, log: deps.log.child({ part: "outbox" }), clock: deps.clock, retryMaxMs: deps.retryMaxMs });
  let sink: AlertSink | undefined;
  const alerts = new UnansweredAlerts({ db: deps.db, chat: service, sink: () => sink, clock: deps.clock, log: deps.log, intervalMs: deps.alertIntervalMs, afterAlert: () => outbox.kick() });
  const unsubscribers = [
    deps.bus.on("property.updated", () => service.reloadProperty()),
    deps.bus.on("auth.setupCompleted", () => service.reloadProperty()),
  ];
  let staffGuard: StaffGuard | undefined;
  let staffCheck: NodeJS.Timeout | undefined;
  return {
    service,
    outbox,
    alerts,
    setAlertSink(s: AlertSink) {
      sink = s;
    },
    registerRoutes(registry: RouteRegistry) {
      registerGuestRoutes(registry, { chat: service, property: deps.property });
      registerStaffRoutes(registry, service);
    },
    attachSockets(io: Server, staffSessions: StaffSessions) {
      const attached = attachChatSockets(io, { chat: service, staffSessions });
      service.setPublisher(attached.publisher);
      staffGuard = attached.staffGuard;
    },
    async start() {
      await service.load();
      outbox.start();
      alerts.start();
      const guard = staffGuard;
      if (guard) {
        // In this process a sign-out, password change, role change or removal is heard at
        // once; sessions ended elsewhere (the reset-password command) by the periodic check.
        const ofMember = ({ memberId }: { memberId: string }) => void guard.recheck((s) => s.memberId === memberId);
        unsubscribers.push(
          deps.bus.on("auth.sessionsEnded", ({ memberId, sessionId }) => guard.recheck((s) => s.memberId === memberId || s.sessionId === sessionId)),
          deps.bus.on("team.memberUpdated", ofMember),
          deps.bus.on("team.memberDeleted", ofMember),
        );
        staffCheck = setInterval(() => void guard.recheckAll(), deps.staffCheckIntervalMs);
        staffCheck.unref();
      }
    },
    async stop() {
      if (staffCheck) clearInterval(staffCheck);
      for (const off of unsubscribers) off();
      alerts.stop();
      await outbox.stop();
    },
  };
}
