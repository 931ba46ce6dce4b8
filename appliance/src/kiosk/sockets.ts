import type { Logger } from "pino";
import type { Namespace, Server } from "socket.io";
import type { KioskClientEvents, KioskServerEvents, StaffClientEvents, StaffServerEvents } from "@innbox/protocol";
import { CallEndBody, CallRef, CallSignal, type SessionUser } from "@innbox/protocol";
import { STAFF_ROOM } from "../chat/index.js";
import type { CallDesk, CallWire } from "./call-desk.js";
import { AppError } from "../http/index.js";
import type { KioskLine, KioskService, PairedKiosk } from "./kiosk-service.js";
import { kioskTexts } from "./messages.js";

const ALL = "kiosks";
const room = (kioskId: string) => `k:${kioskId}`;

/**
 * The /kiosk namespace: a kiosk connects with `auth: {token}`; it hears `screen` when its
 * content changes, `reload` when the manager asks, and `revoked` just before it is cut off.
 */
export function createKioskSockets(deps: { kiosks: () => KioskService; calls: () => CallDesk; log: Logger }) {
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

  const wire: CallWire = {
    staffSockets() {
      if (!staff) return [];
      const out: Array<{ socketId: string; member: { id: string; name: string } }> = [];
      for (const socket of staff.sockets.values()) {
        const user = socket.data.user as SessionUser | undefined;
        if (user) out.push({ socketId: socket.id, member: { id: user.id, name: user.name } });
      }
      return out;
    },
    toStaff(socketId, event, payload) {
      (staff?.sockets.get(socketId) as { emit(e: string, p: unknown): void } | undefined)?.emit(event, payload);
    },
    toKiosk(socketId, event, payload) {
      (ns?.sockets.get(socketId) as { emit(e: string, p: unknown): void } | undefined)?.emit(event, payload);
    },
  };

  type Reply = ((answer: any) => void) | undefined;
  /** Runs a call handler: a bad payload or a failure is acknowledged with an error, never thrown. */
  function handle<T>(schema: { safeParse(v: unknown): { success: boolean; data?: T } }, payload: unknown, ack: Reply, run: (body: T) => unknown, error: (msg: string) => unknown) {
    const reply = typeof ack === "function" ? ack : () => undefined;
    const parsed = schema.safeParse(payload);
    if (!parsed.success) return reply(error(kioskTexts.callBadPayload));
    Promise.resolve()
      .then(() => run(parsed.data as T))
      .then(reply, (err: unknown) => {
        deps.log.error({ err }, "a call event failed");
        reply(error(kioskTexts.socketFailed));
      });
  }
  const okError = (error: string) => ({ ok: false, error });

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
      deps.calls().reconnected(socket.id, { kioskId: kiosk.id });
      const from = { kioskId: kiosk.id, socketId: socket.id };
      socket.on("call:start", (_payload: unknown, ack: Reply) => {
        handle(
          { safeParse: (v: unknown) => ({ success: true as const, data: v }) },
          undefined,
          ack,
          () => deps.calls().start(kiosk, socket.id),
          (error) => ({ error }),
        );
      });
      socket.on("call:signal", (payload: unknown, ack: Reply) => handle(CallSignal, payload, ack, (s) => deps.calls().signal(s, from), okError));
      socket.on("call:end", (payload: unknown, ack: Reply) => handle(CallEndBody, payload, ack, (b) => deps.calls().hangUp(b.callId, from), okError));
      socket.on("disconnect", () => {
        void seen();
        deps.calls().disconnected(socket.id, kiosk.id);
      });
    });

    // Calls on /staff: the chat capability's guard has put the signed-in member in socket.data.user.
    staff.on("connection", (socket) => {
      if (!socket.data.user) return;
      const member = () => {
        const user = socket.data.user as SessionUser;
        return { id: user.id, name: user.name };
      };
      deps.calls().reconnected(socket.id, { memberId: member().id });
      const from = { socketId: socket.id };
      socket.on("call:accept", (payload: unknown, ack: Reply) => handle(CallRef, payload, ack, (b) => deps.calls().accept(b.callId, member(), socket.id), okError));
      socket.on("call:decline", (payload: unknown, ack: Reply) => handle(CallRef, payload, ack, (b) => deps.calls().decline(b.callId, member().id), okError));
      socket.on("call:signal", (payload: unknown, ack: Reply) => handle(CallSignal, payload, ack, (s) => deps.calls().signal(s, from), okError));
      socket.on("call:end", (payload: unknown, ack: Reply) => handle(CallEndBody, payload, ack, (b) => deps.calls().hangUp(b.callId, from), okError));
      socket.on("disconnect", () => deps.calls().disconnected(socket.id));
    });
  }

  return { line, wire, attach };
}
