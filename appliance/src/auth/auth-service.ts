import type { Request } from "express";
import type { Logger } from "pino";
import type { SessionInfo, SetupBody } from "@innbox/protocol";
import type { Db } from "../db/index.js";
import type { EventBus } from "../events/index.js";
import { AppError, type AccessControl } from "../http/index.js";
import type { PropertyService } from "../property/index.js";
import type { MemberLogins, TeamService } from "../team/index.js";
import { sleep, type Timers } from "../time/index.js";
import { createAccessControl, resolveSession, signedInAs } from "./access-control.js";
import { Accounts } from "./accounts.js";
import { LoginThrottle, type ThrottleSettings } from "./login-throttle.js";
import { verifyPassword } from "./passwords.js";
import { Sessions } from "./sessions.js";
import { SetupTokenFile } from "./setup-token.js";
import { safeEqual } from "../crypto/index.js";
import { authTexts } from "./messages.js";
import { authRepository as repo } from "./repository.js";

export interface AuthDeps {
  db: Db;
  bus: EventBus;
  log: Logger;
  dataDir: string;
  sessionDays: number;
  /** A session ends this long after sign-in however busy it is (default: sessionDays). */
  sessionMaxDays?: number;
  throttle: ThrottleSettings;
  team: TeamService;
  property: PropertyService;
  clock: () => number;
  timers: Timers;
  /** How a slowed sign-in waits; by default on `timers`. */
  sleep?: (ms: number) => Promise<void>;
}

type RequestMeta = { userAgent?: string; ip?: string };

export function createAuthService(deps: AuthDeps) {
  const accounts = new Accounts(deps.db, deps.clock);
  const sessionLifetimeMs = deps.sessionDays * 86_400_000;
  const sessions = new Sessions(deps.db, sessionLifetimeMs, deps.clock, (deps.sessionMaxDays ?? deps.sessionDays) * 86_400_000);
  const throttle = new LoginThrottle(deps.db, deps.throttle, deps.clock, deps.sleep ?? ((ms) => sleep(deps.timers, ms)));
  const setupToken = new SetupTokenFile(deps.dataDir);
  const resolve = (req: { headers: { cookie?: string | undefined } }) => resolveSession(req, { sessions, accounts, members: deps.team });
  const accessControl: AccessControl = createAccessControl(resolve);
  let setupRunning: Promise<unknown> = Promise.resolve();

  const setupNeeded = async () => !(await repo.hasAnyAccount(deps.db));

  async function startSession(accountId: string, meta: RequestMeta, user: SessionInfo["user"]) {
    const { cookieValue, csrfToken } = await sessions.create(accountId, meta);
    return { cookieValue, info: { user, csrfToken } satisfies SessionInfo };
  }

  // Open sockets follow their sessions: whoever holds them hears when sessions end.
  const sessionsEnded = (payload: { memberId?: string; sessionId?: string }) => deps.bus.emit("auth.sessionsEnded", payload);

  const logins: MemberLogins = {
    usernamesByMember: () => accounts.usernamesByMember(),
    async setLogin(memberId, login) {
      await accounts.setLogin(memberId, login);
      if (login.password !== undefined) sessionsEnded({ memberId });
    },
    async removeLogin(memberId) {
      await accounts.removeLogin(memberId);
      sessionsEnded({ memberId });
    },
  };

  return {
    accessControl,
    logins,
    sessionLifetimeMs,
    setupNeeded,

    /** On start: before the manager exists, make sure the setup token exists and say where. */
    async prepareSetup(): Promise<string | undefined> {
      if (!(await setupNeeded())) {
        setupToken.remove();
        return undefined;
      }
      return setupToken.ensure();
    },

    async setup(body: SetupBody, meta: RequestMeta) {
      const run = setupRunning.then(async () => {
        if (!(await setupNeeded())) throw AppError.conflict(authTexts.setupDone);
        const expected = setupToken.read();
        if (!expected || !safeEqual(body.token, expected)) {
          throw AppError.unauthorized(authTexts.wrongSetupToken);
        }
        const member = await deps.team.create({ name: body.name ?? body.username, role: "manager" });
        try {
          await accounts.setLogin(member.id, { username: body.username, password: body.password });
        } catch (err) {
          await deps.team.remove(member.id);
          throw err;
        }
        await deps.property.initialize(body.propertyName ?? "My property");
        setupToken.remove();
        const account = (await accounts.findByMember(member.id))!;
        deps.log.info({ username: body.username }, "setup done: manager account created");
        deps.bus.emit("auth.setupCompleted", { memberId: member.id });
        return startSession(account.id, meta, { id: member.id, username: account.username, name: member.name, role: "manager" });
      });
      setupRunning = run.catch(() => undefined);
      return run;
    },

    async login(username: string, password: string, meta: RequestMeta) {
      const ip = meta.ip ?? "unknown";
      // Counted before the password is checked: parallel guesses cannot outrun the count.
      const attempt = await throttle.reserve(username, ip);
      let succeeded = false;
      try {
        const account = await accounts.findForSignIn(username);
        const ok = await verifyPassword(account?.password_hash, password);
        const member = ok && account ? await deps.team.get(account.member_id) : undefined;
        if (!account || !member || member.deleted) {
          deps.log.warn({ username, ip }, "failed sign-in");
          throw AppError.unauthorized(authTexts.wrongCredentials);
        }
        succeeded = true;
        await throttle.succeeded(attempt);
        return await startSession(account.id, meta, { id: member.id, username: account.username, name: member.name, role: member.role });
      } finally {
        if (!succeeded) throttle.failed(attempt);
      }
    },

    async logout(req: Request) {
      const signedIn = await resolve(req);
      if (!signedIn) return;
      await sessions.remove(signedIn.session.id);
      sessionsEnded({ sessionId: signedIn.session.id });
    },

    async sessionInfo(req: Request): Promise<SessionInfo> {
      const signedIn = await resolve(req);
      if (!signedIn) throw AppError.unauthorized();
      return { user: signedIn.user, csrfToken: signedIn.session.csrfToken };
    },

    /** For `npm run reset-password`: sets a new password, signs out the account's sessions, clears throttling. */
    async resetPassword(username: string, password: string): Promise<{ username: string } | undefined> {
      const account = await accounts.findByUsername(username);
      if (!account) return undefined;
      await logins.setLogin(account.member_id, { password });
      await throttle.clear(account.username);
      return { username: account.username };
    },

    async listUsernames(): Promise<string[]> {
      return [...(await accounts.usernamesByMember()).values()];
    },

    /** For socket.io: the signed-in member behind a handshake's cookie, and their session's id. */
    async staffFor(req: { headers: { cookie?: string | undefined } }): Promise<{ user: SessionInfo["user"]; sessionId: string } | undefined> {
      const signedIn = await resolve(req);
      return signedIn && { user: signedIn.user, sessionId: signedIn.session.id };
    },

    /** Who a session belongs to now, or undefined once it ended (expired, signed out, login or member removed); does not extend it. */
    async userOfSession(sessionId: string): Promise<SessionInfo["user"] | undefined> {
      const session = await sessions.check(sessionId);
      return session && (await signedInAs(session, { accounts, members: deps.team }))?.user;
    },

    async removeExpiredSessions() {
      await sessions.removeExpired();
      await throttle.removeStale();
    },
    setupTokenPath: setupToken.path,
  };
}

export type AuthService = ReturnType<typeof createAuthService>;
