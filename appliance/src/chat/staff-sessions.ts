import type { IncomingMessage } from "node:http";
import type { Logger } from "pino";
import type { Namespace, Socket } from "socket.io";
import type { SessionUser } from "@innbox/protocol";
import { connectError, isOwnOrigin } from "../http/index.js";
import { chatTexts } from "./messages.js";

/** What the /staff socket needs from auth: who a handshake is, and whether a session still holds. */
export interface StaffSessions {
  /** The signed-in member behind a handshake's session cookie, and the session's id. */
  resolve(req: IncomingMessage): Promise<{ user: SessionUser; sessionId: string } | undefined>;
  /** Who the session belongs to now, or undefined once it ended. Does not extend it. */
  userOf(sessionId: string): Promise<SessionUser | undefined>;
  /** Origins the admin page is reached on besides the Host of the request itself (publicUrl). */
  ownOrigins(): readonly string[];
}

/**
 * Admits a /staff socket only with a live session and from the appliance's own pages, and
 * keeps it only while that holds: `recheck` disconnects every socket whose session ended,
 * whose member was removed or whose role changed.
 */
export function guardStaffSockets(staff: Namespace, sessions: StaffSessions, log: Logger) {
  staff.use((socket, next) => {
    const { origin, host } = socket.handshake.headers;
    // Cookies ride along on cross-site WebSockets: a foreign page must not read the chats.
    if (!isOwnOrigin(origin, host, sessions.ownOrigins())) return next(new Error(chatTexts.socketForeignOrigin));
    sessions
      .resolve(socket.request)
      .then((found) => {
        if (!found) return next(new Error(chatTexts.socketSignInFirst));
        socket.data.user = found.user;
        socket.data.sessionId = found.sessionId;
        next();
      })
      .catch((err: unknown) => next(connectError(err, log, chatTexts.socketSessionCheckFailed)));
  });

  let running: Promise<void> | undefined;

  /** Checks the matching sockets' sessions now; disconnects those that no longer hold. */
  async function recheck(match: (s: { memberId: string; sessionId: string }) => boolean = () => true): Promise<void> {
    const bySession = new Map<string, Socket[]>();
    for (const socket of staff.sockets.values()) {
      const user = socket.data.user as SessionUser | undefined;
      const sessionId = socket.data.sessionId as string | undefined;
      if (!user || !sessionId || !match({ memberId: user.id, sessionId })) continue;
      bySession.set(sessionId, [...(bySession.get(sessionId) ?? []), socket]);
    }
    for (const [sessionId, sockets] of bySession) {
      let now: SessionUser | undefined;
      try {
        now = await sessions.userOf(sessionId);
      } catch {
        continue; // the database is busy: the next check decides
      }
      for (const socket of sockets) {
        const was = socket.data.user as SessionUser;
        if (!now || now.id !== was.id || now.role !== was.role) socket.disconnect(true);
        else socket.data.user = now;
      }
    }
  }

  return {
    recheck,
    /** For the periodic sweep: one at a time, so a slow database does not pile checks up. */
    recheckAll(): Promise<void> {
      running ??= recheck().finally(() => {
        running = undefined;
      });
      return running;
    },
  };
}

export type StaffGuard = ReturnType<typeof guardStaffSockets>;
