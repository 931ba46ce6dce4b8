// The live feed of the team's conversations: socket.io namespace /staff on the same
// origin, signed in by the session cookie.
import type { DeliveredToStaff, StaffClientEvents, StaffServerEvents } from "@innbox/protocol";
import { SOCKET_OPTIONS, watchSocket, type ConnectionHandlers, type SocketConnection } from "@innbox/protocol/web/socket-connection";
import { io, type Socket } from "socket.io-client";

export type DeliveredEvent = DeliveredToStaff;

/** The connection's state and each event of the contract's /staff namespace. */
export type StaffSocketHandlers = ConnectionHandlers & Partial<StaffServerEvents>;

export type StaffSocket = SocketConnection;

export function connectStaffSocket(handlers: StaffSocketHandlers): StaffSocket {
  const socket: Socket<StaffServerEvents, StaffClientEvents> = io("/staff", { ...SOCKET_OPTIONS, withCredentials: true });
  return watchSocket<StaffServerEvents>(socket, handlers, {
    message: (event) => handlers.message?.(event),
    conversation: (item) => handlers.conversation?.(item),
    delivered: (event) => handlers.delivered?.(event),
    device: (device) => handlers.device?.(device),
    scenario: (scenario) => handlers.scenario?.(scenario),
    scenarioRun: (run) => handlers.scenarioRun?.(run),
    scenarioDeleted: (event) => handlers.scenarioDeleted?.(event),
    kiosk: (kiosk) => handlers.kiosk?.(kiosk),
    kioskDeleted: (event) => handlers.kioskDeleted?.(event),
  });
}
