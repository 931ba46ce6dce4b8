import compression from "compression";
import express, { type Express, type Router } from "express";
import { pinoHttp } from "pino-http";
import type { Logger } from "pino";
import { apiNotFound, errorHandler } from "./error-handler.js";
import { buildOpenApi } from "./openapi.js";
import type { AccessControl, RouteRegistry } from "./route-registry.js";
import { securityHeaders } from "./security-headers.js";

export interface HttpAppOptions {
  log: Logger;
  registry: RouteRegistry;
  access: AccessControl;
  bodyLimitKb: number;
  /** Addresses or subnets of the proxies whose X-Forwarded-* headers are believed (express's "trust proxy" list). */
  trustProxy: string[];
  version: string;
  startedAt: number;
  /** Routers for pages (admin UI, guest pages), mounted after the API. */
  pages: Router[];
  /** Other origins pages may load images from (the reception map's tile server). */
  imageOrigins?: readonly string[];
}

/** Health probes come every few seconds: not logged at all. */
const UNLOGGED = /^\/healthz(\?|$)/;
const shownUrl = (req: { originalUrl?: string; url?: string }) => (req.originalUrl ?? req.url ?? "").replace(/token=[^&]+/, "token=…");

/**
 * Pages and static files are routine (debug), and so is the admin page asking whether it
 * is signed in and hearing no; API answers are info, refusals warn, failures error.
 */
function levelFor(req: { method?: string; originalUrl?: string; url?: string }, status: number, err: unknown): "debug" | "info" | "warn" | "error" {
  if (err || status >= 500) return "error";
  const path = (req.originalUrl ?? req.url ?? "").split("?")[0]!;
  if (!path.startsWith("/api/")) return "debug";
  if (status === 401 && req.method === "GET" && path === "/api/auth/session") return "debug";
  return status >= 400 ? "warn" : "info";
}

export function createHttpApp(options: HttpAppOptions): Express {
  const { log, registry } = options;
  const app = express();
  app.disable("x-powered-by");
  // A list, never `true`: with `true`, req.ip would be whatever address a client writes into
  // X-Forwarded-For, and per-address limits (sign-in, guest chats) could be dodged.
  app.set("trust proxy", options.trustProxy);
  app.set("query parser", "simple");
  app.use(
    pinoHttp({
      logger: log.child({ part: "http" }),
      autoLogging: { ignore: (req) => UNLOGGED.test(req.url ?? "") },
      customLogLevel: (req, res, err) => levelFor(req, res.statusCode, err),
      serializers: {
        // pino's request serializer has already put express's originalUrl in url.
        req: (req: { method: string; url: string }) => ({ method: req.method, url: shownUrl(req) }),
        res: (res: { statusCode: number }) => ({ status: res.statusCode }),
      },
      customSuccessMessage: (req, res, ms) => `${req.method} ${shownUrl(req)} ${res.statusCode} ${Math.round(ms)}ms`,
      customErrorMessage: (req, res) => `${req.method} ${shownUrl(req)} ${res.statusCode}`,
      quietReqLogger: true,
    }),
  );
  const imageOrigins = options.imageOrigins ?? [];
  const headersHttp = securityHeaders({ https: false, imageOrigins });
  const headersHttps = securityHeaders({ https: true, imageOrigins });
  // The appliance's own HTTPS on the LAN sends no HSTS: a browser would then refuse plain
  // HTTP to the same host name on every port, and the owner must never be locked out.
  const headersLanHttps = securityHeaders({ https: true, hsts: false, imageOrigins });
  app.use((req, res, next) => (req.secure ? ((req.socket as { encrypted?: boolean }).encrypted ? headersLanHttps : headersHttps) : headersHttp)(req, res, next));
  // Pages, scripts and JSON gzip to a third or less: it matters on a guest's mobile data.
  app.use(compression());

  // API answers are per person and per moment: no browser or proxy may keep one, errors included.
  app.use("/api", (_req, res, next) => {
    res.set("Cache-Control", "no-store");
    next();
  });

  app.get("/healthz", (_req, res) => {
    res.json({ status: "ok", version: options.version, uptimeS: Math.round((Date.now() - options.startedAt) / 1000) });
  });

  let openApi: unknown;
  app.get("/api/openapi.json", (_req, res) => {
    openApi ??= buildOpenApi(registry, options.version);
    res.json(openApi);
  });

  app.use("/api", express.json({ limit: `${options.bodyLimitKb}kb`, strict: true }));
  app.use(registry.router(options.access));
  app.use("/api", apiNotFound);
  for (const router of options.pages) app.use(router);
  app.get("/", (_req, res) => res.redirect(302, "/admin/"));
  app.use(errorHandler(log, options.bodyLimitKb));
  return app;
}
