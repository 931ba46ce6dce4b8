import { once } from "node:events";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import type { Logger } from "pino";
import { authMigrations, createAuth } from "./auth/index.js";
import type { Config } from "./config/index.js";
import { migrate, openDatabase, type OpenedDatabase } from "./db/index.js";
import { createEventBus } from "./events/event-bus.js";
import { createHttpApp, createRouteRegistry, staticApp } from "./http/index.js";
import { createLogger } from "./logger.js";
import { defaultPublicUrl } from "./network.js";
import { createProperty, propertyMigrations } from "./property/index.js";
import { createTeam, teamMigrations } from "./team/index.js";
import { VERSION } from "./version.js";

export const ALL_MIGRATIONS = [teamMigrations, authMigrations, propertyMigrations];

export interface AppOverrides {
  log?: Logger;
  clock?: () => number;
  sleep?: (ms: number) => Promise<void>;
  /** Folder holding admin-ui/dist (the repository root by default). */
  uiRoot?: string;
}

export interface RunningApp {
  url: string;
  port: number;
  /** The base of links and QR codes: publicUrl, or the first LAN address. */
  publicUrl: string;
  /** The first-run setup URL while no manager exists. */
  setupUrl: string | undefined;
}

const REPO_ROOT = fileURLToPath(new URL("../../", import.meta.url));

/** Composes config → db → capabilities → http. Nothing happens until start(). */
export function createApp(config: Config, overrides: AppOverrides = {}) {
  const log = overrides.log ?? createLogger(config.logLevel, config.logFormat);
  const clock = overrides.clock ?? Date.now;
  const sleep = overrides.sleep ?? ((ms: number) => new Promise<void>((r) => setTimeout(r, ms)));
  const uiRoot = overrides.uiRoot ?? REPO_ROOT;
  let database: OpenedDatabase | undefined;
  let server: Server | undefined;
  let stopping: Promise<void> | undefined;
  const stops: Array<() => void | Promise<void>> = [];

  async function start(): Promise<RunningApp> {
    const startedAt = Date.now();
    database = openDatabase(join(config.dataDir, "innbox.sqlite"));
    stops.push(() => database?.close());
    const { db } = database;
    const applied = await migrate(db, ALL_MIGRATIONS);
    if (applied.length) log.debug({ applied }, "database migrated");

    const bus = createEventBus(log.child({ part: "events" }));
    const team = createTeam({ db, bus, clock });
    const property = createProperty({ db, bus, clock });
    const auth = createAuth({
      db,
      bus,
      log: log.child({ part: "auth" }),
      dataDir: config.dataDir,
      sessionDays: config.auth.sessionDays,
      throttle: {
        slowAfter: config.auth.loginSlowAfter,
        lockAfter: config.auth.loginLockAfter,
        windowMinutes: config.auth.loginWindowMinutes,
      },
      team: team.service,
      property: property.service,
      clock,
      sleep,
    });

    const registry = createRouteRegistry();
    auth.registerRoutes(registry);
    property.registerRoutes(registry);
    team.registerRoutes(registry, auth.service.logins);

    const app = createHttpApp({
      log,
      registry,
      access: auth.service.accessControl,
      bodyLimitKb: config.http.bodyLimitKb,
      trustProxy: config.http.trustProxy,
      version: VERSION,
      startedAt,
      pages: [staticApp(join(uiRoot, "admin-ui", "dist"), "/admin", "admin page")],
    });

    auth.start();
    stops.push(() => auth.stop());

    server = createServer(app);
    server.keepAliveTimeout = 5_000;
    server.listen(config.port, config.host);
    await once(server, "listening");
    const port = (server.address() as AddressInfo).port;
    const publicUrl = (config.publicUrl ?? defaultPublicUrl(port)).replace(/\/$/, "");
    const shownHost = config.host === "0.0.0.0" || config.host === "::" ? "localhost" : config.host;
    const url = `http://${shownHost.includes(":") ? `[${shownHost}]` : shownHost}:${port}`;
    log.info(`Innbox ${VERSION} listening on ${config.host}:${port}: admin page at ${url}/admin/ (on the LAN: ${publicUrl}/admin/)`);

    const token = await auth.service.prepareSetup();
    const setupUrl = token ? `${publicUrl}/admin/setup?token=${token}` : undefined;
    if (setupUrl) {
      log.info(`First run: open ${setupUrl} to create the manager account (or ${url}/admin/setup?token=${token} on this machine).`);
    }
    return { url, port, publicUrl, setupUrl };
  }

  /** Stops taking connections, lets requests in flight finish (up to 10 s), then closes the rest in reverse order. */
  function stop(): Promise<void> {
    stopping ??= (async () => {
      if (server) {
        const s = server;
        const closed = new Promise<void>((resolve) => s.close(() => resolve()));
        s.closeIdleConnections();
        const force = setTimeout(() => s.closeAllConnections(), 10_000);
        await closed;
        clearTimeout(force);
      }
      for (const fn of stops.reverse()) {
        try {
          await fn();
        } catch (err) {
          log.error({ err }, "error while stopping");
        }
      }
    })();
    return stopping;
  }

  return { start, stop, log };
}

export type App = ReturnType<typeof createApp>;
