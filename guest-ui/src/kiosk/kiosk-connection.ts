// The kiosk's live line to the appliance: socket.io namespace /kiosk with its token.
// socket.io reconnects by itself after a drop or a restart; a refusal (a revoked token, or
// the appliance still starting) is checked over HTTP and retried.
import { SOCKET_OPTIONS, watchSocket } from "@innbox/protocol/web/socket-connection";
import { io } from "socket.io-client";
import type { KioskScreen, KioskServerEvents } from "./kiosk-types";

export interface KioskConnectionHandlers {
  online(): void;
  offline(): void;
  /** The socket was refused: the page asks the API whether the kiosk is still paired. */
  refused(): void;
  screen(screen: KioskScreen): void;
  revoked(): void;
  reload(): void;
}

/** A refused socket tries again after this long (socket.io itself waits for connect()). */
const RETRY_REFUSED_MS = 3_000;

export function connectKiosk(token: string, handlers: KioskConnectionHandlers): { close(): void } {
  const socket = io("/kiosk", { ...SOCKET_OPTIONS, auth: { token } });
  let retry: ReturnType<typeof setTimeout> | undefined;
  const connection = watchSocket<KioskServerEvents>(
    socket,
    {
      connected: () => handlers.online(),
      disconnected: (willRetry) => {
        handlers.offline();
        if (willRetry) return;
        handlers.refused();
        clearTimeout(retry);
        retry = setTimeout(() => connection.retry(), RETRY_REFUSED_MS);
      },
    },
    {
      screen: (screen) => handlers.screen(screen),
      revoked: () => handlers.revoked(),
      reload: () => handlers.reload(),
    },
  );
  return {
    close() {
      clearTimeout(retry);
      connection.close();
    },
  };
}
