// The live connection of one guest conversation: socket.io namespace /guest.
import type { ChatMessage } from "@innbox/protocol";
import { SOCKET_OPTIONS, watchSocket, type ConnectionHandlers } from "@innbox/protocol/web/socket-connection";
import { io } from "socket.io-client";

export interface GuestSocketHandlers extends ConnectionHandlers {
  message(message: ChatMessage): void;
  delivered(event: { id: string; deliveredAt: string }): void;
}

export interface GuestSocket {
  /** Try to connect now (no-op while connected). */
  reconnect(): void;
  close(): void;
}

export type GuestSocketFactory = (token: string, handlers: GuestSocketHandlers) => GuestSocket;

export const connectGuestSocket: GuestSocketFactory = (token, handlers) => {
  const connection = watchSocket(io("/guest", { ...SOCKET_OPTIONS, auth: { token } }), handlers, {
    message: (message: ChatMessage) => handlers.message(message),
    delivered: (event: { id: string; deliveredAt: string }) => handlers.delivered(event),
  });
  return { reconnect: connection.retry, close: connection.close };
};
