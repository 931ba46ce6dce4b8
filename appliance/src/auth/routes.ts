import type { Request, Response } from "express";
import { LoginBody, SessionInfo, SetupBody, SetupStatus } from "@innbox/protocol";
import { AppError, type RouteRegistry } from "../http/index.js";
import type { AuthService } from "./auth-service.js";
import { SESSION_COOKIE } from "./sessions.js";
import { authTexts } from "./messages.js";

function setSessionCookie(req: Request, res: Response, value: string, maxAgeMs: number) {
  res.cookie(SESSION_COOKIE, value, { httpOnly: true, sameSite: "lax", secure: req.secure, path: "/", maxAge: maxAgeMs });
}

const meta = (req: Request) => ({ userAgent: req.get("user-agent"), ip: req.ip });

export function registerAuthRoutes(registry: RouteRegistry, auth: AuthService): void {
  const tag = "Auth";

  registry.add({
    method: "get",
    path: "/api/setup",
    operationId: "getSetupStatus",
    summary: "Whether the first-run setup is still to be done.",
    tag,
    access: "public",
    responses: { 200: { description: "Setup status.", schema: SetupStatus } },
    handler: async () => ({ needed: await auth.setupNeeded() }),
  });

  registry.add({
    method: "post",
    path: "/api/setup",
    operationId: "setup",
    summary: "First run: create the manager with the one-time token from the log or the setup-token file; signs them in.",
    tag,
    access: "public",
    body: SetupBody,
    responses: {
      201: { description: "The manager is created and signed in (session cookie set).", schema: SessionInfo },
      409: { description: "Setup was already done." },
    },
    precheck: async () => {
      if (!(await auth.setupNeeded())) throw AppError.conflict(authTexts.setupDone);
    },
    handler: async ({ req, res, body }) => {
      const { cookieValue, info } = await auth.setup(body, meta(req));
      setSessionCookie(req, res, cookieValue, auth.sessionLifetimeMs);
      return info;
    },
  });

  registry.add({
    method: "post",
    path: "/api/auth/login",
    operationId: "login",
    summary: "Sign in with username and password; sets the session cookie.",
    tag,
    access: "public",
    body: LoginBody,
    responses: {
      200: { description: "Signed in.", schema: SessionInfo },
      401: { description: "The username or password is wrong." },
      429: {
        description:
          "Too many attempts for this username from this address, or from this address altogether (auth.loginLockAfter); retry after Retry-After. Attempts past auth.loginSlowAfter are answered more slowly.",
      },
    },
    handler: async ({ req, res, body }) => {
      const { cookieValue, info } = await auth.login(body.username, body.password, meta(req));
      setSessionCookie(req, res, cookieValue, auth.sessionLifetimeMs);
      return info;
    },
  });

  registry.add({
    method: "post",
    path: "/api/auth/logout",
    operationId: "logout",
    summary: "Sign out this session.",
    tag,
    access: "signed-in",
    responses: { 204: { description: "Signed out; the cookie is cleared." } },
    handler: async ({ req, res }) => {
      await auth.logout(req);
      res.clearCookie(SESSION_COOKIE, { path: "/", httpOnly: true, sameSite: "lax", secure: req.secure });
    },
  });

  registry.add({
    method: "get",
    path: "/api/auth/session",
    operationId: "getSession",
    summary: "Who is signed in, and the CSRF token to send as X-CSRF-Token on every change.",
    tag,
    access: "signed-in",
    responses: { 200: { description: "The session.", schema: SessionInfo } },
    handler: ({ req }) => auth.sessionInfo(req),
  });
}
