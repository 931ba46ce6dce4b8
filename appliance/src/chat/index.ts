import type { IncomingMessage } from "node:http";
import type { Server } from "socket.io";
import type { SessionUser } from "@innbox/protocol";
import type { RouteRegistry } from "../http/index.js";
import type { PropertyService } from "../property/index.js";
import { ChatService, type ChatDeps } from "./chat-service.js";
import { registerGuestRoutes } from "./guest-routes.js";
import { chatMigrations } from "./migrations.js";
import { Outbox } from "./outbox.js";
import { attachChatSockets } from "./sockets.js";
import { registerStaffRoutes } from "./staff-routes.js";
import { UnansweredAlerts, type AlertSink } from "./unanswered-alerts.js";

export { ChatService, ChatTx, toApiMessage, type Conversation, type Message } from "./chat-service.js";
export { Outbox, DeliveryError, type OutboxTransport } from "./outbox.js";
export type { AlertSink } from "./unanswered-alerts.js";
export { chatMigrations };

export function createChat(deps: ChatDeps & { property: PropertyService; retryMaxMs: number; alertIntervalMs: number }) {
  const service = new ChatService(deps);
  const outbox = new Outbox({ db: deps.db, log: deps.log.child({ part: "outbox" }), clock: deps.clock, retryMaxMs: deps.retryMaxMs });
  let sink: AlertSink | undefined;
  const alerts = new UnansweredAlerts({ db: deps.db, chat: service, sink: () => sink, clock: deps.clock, log: deps.log, intervalMs: deps.alertIntervalMs, afterAlert: () => outbox.kick() });
  const unsubscribers = [
    deps.bus.on("property.updated", () => service.reloadProperty()),
    deps.bus.on("auth.setupCompleted", () => service.reloadProperty()),
  ];
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
    attachSockets(io: Server, resolveStaff: (req: IncomingMessage) => Promise<SessionUser | undefined>) {
      service.setPublisher(attachChatSockets(io, { chat: service, resolveStaff }));
    },
    async start() {
      await service.load();
      outbox.start();
      alerts.start();
    },
    async stop() {
      for (const off of unsubscribers) off();
      alerts.stop();
      await outbox.stop();
    },
  };
}
