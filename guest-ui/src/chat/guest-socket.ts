// The live connection of one guest conversation. A guest who only reads the page never has
// one, so socket.io's client (a third of the page's script) is fetched only when the first
// conversation connects; until it has arrived, reconnect and close are remembered.
import type { GuestServerEvents } from "@innbox/protocol";
import type { ConnectionHandlers } from "@innbox/protocol/web/socket-connection";

/** The connection's state and each event of the contract's /guest namespace. */
export type GuestSocketHandlers = ConnectionHandlers & GuestServerEvents;

export interface GuestSocket {
  /** Try to connect now (no-op while connected). */
  reconnect(): void;
  close(): void;
}

export type GuestSocketFactory = (token: string, handlers: GuestSocketHandlers) => GuestSocket;

export const connectGuestSocket: GuestSocketFactory = (token, handlers) => {
  let socket: GuestSocket | undefined;
  let closed = false;
  let failed = false;
  const load = () =>
    import("./guest-socket-io").then(
      ({ connectGuestSocketNow }) => {
        if (!closed) socket = connectGuestSocketNow(token, handlers);
      },
      () => {
        // The script could not be fetched (offline): the page says so, and reconnect tries again.
        failed = true;
        handlers.disconnected(false);
      },
    );
  void load();
  return {
    reconnect() {
      if (socket) socket.reconnect();
      else if (failed && !closed) {
        failed = false;
        void load();
      }
    },
    close() {
      closed = true;
      socket?.close();
    },
  };
};
