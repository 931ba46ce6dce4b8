// The live connection of one guest conversation: socket.io namespace /guest.
import type { ChatMessage } from "@innbox/protocol";
import { io } from "socket.io-client";

export interface GuestSocketHandlers {
  connected(): void;
  /**
   * The connection dropped or could not be made. `willRetry` is false when the server
   * refused or closed it (socket.io then does not reconnect on its own).
   */
  disconnected(willRetry: boolean): void;
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
  const socket = io("/guest", {
    path: "/socket.io",
    auth: { token },
    reconnectionDelay: 1_000,
    reconnectionDelayMax: 5_000,
  });
  socket.on("connect", () => handlers.connected());
  socket.on("connect_error", () => handlers.disconnected(socket.active));
  socket.on("disconnect", (reason) => {
    if (reason === "io client disconnect") return;
    handlers.disconnected(socket.active);
  });
  socket.on("message", (message: ChatMessage) => handlers.message(message));
  socket.on("delivered", (event: { id: string; deliveredAt: string }) => handlers.delivered(event));
  return {
    reconnect() {
      if (!socket.connected) socket.connect();
    },
    close() {
      socket.removeAllListeners();
      socket.disconnect();
    },
  };
};
