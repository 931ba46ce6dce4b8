import type { Logger } from "pino";
import type { Namespace, Server } from "socket.io";
import type { KioskClientEvents, KioskServerEvents, StaffClientEvents, StaffServerEvents } from "@innbox/protocol";
import { STAFF_ROOM } from "../chat/index.js";
import { AppError } from "../http/index.js";
import type { KioskLine, KioskService, PairedKiosk } from "./kiosk-service.js";
import { kioskTexts } from "./messages.js";

const ALL = "kiosks";
const room = (kioskId: string) => `k:${kioskId}`;

/**
 * The /kiosk namespace: a kiosk connects with `auth: {token}`; it hears `screen` when its
 * content changes, `reload` when the manager asks, and `revoked` just before it is cut off.
 */
export function createKioskSockets(deps: { kiosks: () => KioskService; log: Logger }) {
  let ns: Namespace<KioskClientEvents, KioskServerEvents> | undefined;
  let staff: Namespace<StaffClientEvents, StaffServerEvents> | undefined;

  const line: KioskLine = {
    isOnline: (kioskId) => (ns?.adapter.rooms.get(room(kioskId))?.size ?? 0) > 0,
    revoke(kioskId) {
      if (!ns) return;
      for (const socket of ns.sockets.values()) {
        if ((socket.data.kiosk as PairedKiosk | undefined)?.id !== kioskId) continue;
        socket.emit("revoked", { reason: kioskTexts.revoked });
        // The namespace's disconnect packet follows the `revoked` packet on the same connection.
        socket.disconnect();
      }
    },
    screenChanged() {
      if (!ns || !ns.sockets.size) return;
      deps
        .kiosks()
        .screen()
        .then((screen) => ns?.to(ALL).emit("screen", screen))
        .catch((err: unknown) => deps.log.error({ err }, "could not send the kiosk screen"));
    },
    announce(kiosk) {
      staff?.to(STAFF_ROOM).emit("kiosk", kiosk);
    },
    announceDeleted(kioskId) {
      staff?.to(STAFF_ROOM).emit("kioskDeleted", { id: kioskId });
    },
    reload(kioskId) {
      if (!ns || !line.isOnline(kioskId)) return false;
      ns.to(room(kioskId)).emit("reload");
      return true;
    },
  };

  function attach(io: Server): void {
    ns = io.of("/kiosk");
    staff = io.of("/staff");
    ns.use((socket, next) => {
      const token = (socket.handshake.auth as { token?: unknown } | undefined)?.token;
      deps
        .kiosks()
        .kioskForToken(typeof token === "string" ? token : undefined)
        .then((kiosk) => {
          socket.data.kiosk = kiosk;
          next();
        })
        .catch((err: unknown) => {
          if (!(err instanceof AppError)) deps.log.error({ err }, "kiosk socket check failed");
          next(new Error(err instanceof AppError ? kioskTexts.notPaired : kioskTexts.socketFailed));
        });
    });
    ns.on("connection", (socket) => {
      const kiosk = socket.data.kiosk as PairedKiosk;
      void socket.join([ALL, room(kiosk.id)]);
      // Noted, then announced: the admin pages show it online (or offline, last seen now).
      const seen = () =>
        deps
          .kiosks()
          .seen(kiosk.id, true)
          .then(() => deps.kiosks().announce(kiosk.id))
          .catch((err: unknown) => deps.log.warn({ err }, "could not note when the kiosk was seen"));
      void seen();
      deps
        .kiosks()
        .screen()
        .then((screen) => socket.emit("screen", screen))
        .catch((err: unknown) => deps.log.error({ err }, "could not send the kiosk screen"));
      socket.on("disconnect", () => void seen());
    });
  }

  return { line, attach };
}
