// The live connection of one guest conversation: socket.io namespace /guest.
import type { GuestClientEvents, GuestServerEvents } from "@innbox/protocol";
import { SOCKET_OPTIONS, watchSocket, type ConnectionHandlers } from "@innbox/protocol/web/socket-connection";
import { io, type Socket } from "socket.io-client";

/** The connection's state and each event of the contract's /guest namespace. */
export type GuestSocketHandlers = ConnectionHandlers & GuestServerEvents;

export interface GuestSocket {
  /** Try to connect now (no-op while connected). */
  reconnect(): void;
  close(): void;
}

export type GuestSocketFactory = (token: string, handlers: GuestSocketHandlers) => GuestSocket;

export const connectGuestSocket: GuestSocketFactory = (token, handlers) => {
  const socket: Socket<GuestServerEvents, GuestClientEvents> = io("/guest", { ...SOCKET_OPTIONS, auth: { token } });
  const connection = watchSocket<GuestServerEvents>(socket, handlers, {
    message: (message) => handlers.message(message),
    delivered: (event) => handlers.delivered(event),
  });
  return { reconnect: connection.retry, close: connection.close };
};
