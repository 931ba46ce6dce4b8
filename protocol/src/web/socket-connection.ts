// Zod-free and without socket.io itself, for the pages: the part of a live socket.io
// connection both pages handle alike. Each page opens its namespace with `io()` and hands
// the socket here. `import { watchSocket } from "@innbox/protocol/web/socket-connection"`.

/** What the pages use of a socket.io client socket. */
export interface SocketLike {
  readonly connected: boolean;
  /** Whether socket.io will reconnect by itself (false once the server refused or closed it). */
  readonly active: boolean;
  on(event: string, listener: (...args: any[]) => void): unknown;
  connect(): unknown;
  disconnect(): unknown;
  removeAllListeners(): unknown;
}

/** The options both pages open their namespace with. */
export const SOCKET_OPTIONS = { path: "/socket.io", reconnectionDelay: 1_000, reconnectionDelayMax: 5_000 } as const;

export interface ConnectionHandlers {
  /** Connected, the first time or again after a drop. */
  connected(): void;
  /**
   * The connection dropped or could not be made. `willRetry` is false when the appliance
   * refused or closed it: socket.io then waits for `retry()`.
   */
  disconnected(willRetry: boolean): void;
}

export interface SocketConnection {
  /** Try to connect now (no-op while connected). */
  retry(): void;
  /** Stops listening and disconnects for good. */
  close(): void;
}

/** Reports the connection's state to `handlers` and each named server event to its listener in `events`. */
export function watchSocket<E extends { [name: string]: (payload: any) => void }>(
  socket: SocketLike,
  handlers: ConnectionHandlers,
  events: E,
): SocketConnection {
  socket.on("connect", () => handlers.connected());
  socket.on("connect_error", () => handlers.disconnected(socket.active));
  socket.on("disconnect", (reason: string) => {
    if (reason === "io client disconnect") return;
    handlers.disconnected(socket.active);
  });
  for (const [name, listener] of Object.entries(events)) socket.on(name, (payload: unknown) => listener(payload));
  return {
    retry() {
      if (!socket.connected) socket.connect();
    },
    close() {
      socket.removeAllListeners();
      socket.disconnect();
    },
  };
}
