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
}

const QUIET_PATHS = /^\/(healthz|admin\/assets\/|assets\/|favicon)/;

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
      autoLogging: { ignore: (req) => QUIET_PATHS.test(req.url ?? "") },
      customLogLevel: (_req, res, err) => (err || res.statusCode >= 500 ? "error" : res.statusCode >= 400 ? "warn" : "info"),
      serializers: {
        req: (req: { method: string; url: string }) => ({ method: req.method, url: req.url.replace(/token=[^&]+/, "token=…") }),
        res: (res: { statusCode: number }) => ({ status: res.statusCode }),
      },
      customSuccessMessage: (req, res, ms) => `${req.method} ${(req.url ?? "").replace(/token=[^&]+/, "token=…")} ${res.statusCode} ${Math.round(ms)}ms`,
      customErrorMessage: (req, res) => `${req.method} ${req.url} ${res.statusCode}`,
      quietReqLogger: true,
    }),
  );
  const headersHttp = securityHeaders({ https: false });
  const headersHttps = securityHeaders({ https: true });
  app.use((req, res, next) => (req.secure ? headersHttps : headersHttp)(req, res, next));

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
