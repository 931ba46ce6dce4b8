// The live connection of one guest conversation: socket.io namespace /guest. Loaded only
// once the guest has a conversation (see guest-socket.ts).
import type { GuestClientEvents, GuestServerEvents } from "@innbox/protocol";
import { SOCKET_OPTIONS, watchSocket } from "@innbox/protocol/web/socket-connection";
import { io, type Socket } from "socket.io-client";
import type { GuestSocketFactory } from "./guest-socket";

export const connectGuestSocketNow: GuestSocketFactory = (token, handlers) => {
  const socket: Socket<GuestServerEvents, GuestClientEvents> = io("/guest", { ...SOCKET_OPTIONS, auth: { token } });
  const connection = watchSocket<GuestServerEvents>(socket, handlers, {
    message: (message) => handlers.message(message),
    delivered: (event) => handlers.delivered(event),
    reservation: (reservation) => handlers.reservation(reservation),
  });
  return { reconnect: connection.retry, close: connection.close };
};
