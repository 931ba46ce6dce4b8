import { once } from "node:events";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import type { Logger } from "pino";
import { Server as SocketServer } from "socket.io";
import { chatMigrations, createChat } from "./chat/index.js";
import { createTelegram, telegramMigrations } from "./telegram/index.js";
import { authMigrations, createAuth } from "./auth/index.js";
import type { Config } from "./config/index.js";
import { lockDataFolder, migrate, openDatabase, type OpenedDatabase } from "./db/index.js";
import { createEventBus } from "./events/event-bus.js";
import { createHttpApp, createRouteRegistry, staticApp } from "./http/index.js";
import { createLogger } from "./logger.js";
import { defaultPublicUrl } from "./network.js";
import { startupLines } from "./startup-lines.js";
import { createProperty, propertyMigrations } from "./property/index.js";
import { createTeam, teamMigrations } from "./team/index.js";
import { VERSION } from "./version.js";

export const ALL_MIGRATIONS = [teamMigrations, authMigrations, propertyMigrations, chatMigrations, telegramMigrations];

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
  let io: SocketServer | undefined;
  let stopping: Promise<void> | undefined;
  const stops: Array<() => void | Promise<void>> = [];
  /** Capabilities, for tests and benchmarks that need to wait on them. */
  const exposed: { chat?: ReturnType<typeof createChat>; telegram?: ReturnType<typeof createTelegram> } = {};

  async function start(): Promise<RunningApp> {
    const startedAt = Date.now();
    const lock = lockDataFolder(config.dataDir);
    stops.push(() => lock.release());
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

    const chat = createChat({
      db,
      bus,
      log: log.child({ part: "chat" }),
      clock,
      property: property.service,
      retryMaxMs: config.chat.retryMaxSeconds * 1000,
      guestTokenDays: config.chat.guestTokenDays,
      guestSessionsPerMinute: config.chat.guestSessionsPerMinute,
      guestMessagesPerMinute: config.chat.guestMessagesPerMinute,
      alertIntervalMs: config.chat.alertCheckSeconds * 1000,
    });
    const telegram = createTelegram({
      db,
      bus,
      log: log.child({ part: "telegram" }),
      clock,
      chat: chat.service,
      team: team.service,
      outbox: chat.outbox,
      configToken: config.telegram.token,
      apiRoot: config.telegram.apiRoot,
      pollTimeoutS: config.telegram.pollTimeoutS,
      limits: {
        perSecond: config.telegram.perSecond,
        privateChatIntervalMs: config.telegram.privateChatIntervalMs,
        groupIntervalMs: config.telegram.groupIntervalMs,
      },
    });
    chat.setAlertSink(telegram.service);
    exposed.chat = chat;
    exposed.telegram = telegram;

    const registry = createRouteRegistry();
    auth.registerRoutes(registry);
    let publicUrl = config.publicUrl?.replace(/\/$/, "") ?? "";
    property.registerRoutes(registry, () => publicUrl);
    team.registerRoutes(registry, auth.service.logins);
    chat.registerRoutes(registry);
    telegram.registerRoutes(registry);

    const app = createHttpApp({
      log,
      registry,
      access: auth.service.accessControl,
      bodyLimitKb: config.http.bodyLimitKb,
      trustProxy: config.http.trustProxy,
      version: VERSION,
      startedAt,
      pages: [staticApp(join(uiRoot, "admin-ui", "dist"), "/admin", "admin page"), staticApp(join(uiRoot, "guest-ui", "dist"), "/r", "reception page")],
    });

    auth.start();
    stops.push(() => auth.stop());

    server = createServer(app);
    server.keepAliveTimeout = 5_000;
    io = new SocketServer(server, { serveClient: false, cors: { origin: false }, maxHttpBufferSize: 64_000 });
    chat.attachSockets(io, (req) => auth.service.userFor(req));
    await chat.start();
    stops.push(() => chat.stop());
    const token = await auth.service.prepareSetup();
    server.listen(config.port, config.host);
    await once(server, "listening");
    const port = (server.address() as AddressInfo).port;
    publicUrl = (config.publicUrl ?? defaultPublicUrl(port, config.host)).replace(/\/$/, "");
    const setupUrl = token ? `${publicUrl}/admin/setup?token=${token}` : undefined;
    const { url, lines } = startupLines({ version: VERSION, host: config.host, port, publicUrl, publicUrlConfigured: Boolean(config.publicUrl), setupToken: token });
    for (const line of lines) log.info(line);
    // After the lines that say where to go: the bot may log about Telegram being unreachable.
    await telegram.start();
    stops.push(() => telegram.stop());
    return { url, port, publicUrl, setupUrl };
  }

  /** Stops taking connections, lets requests in flight finish (up to 10 s), then closes the rest in reverse order. */
  function stop(): Promise<void> {
    stopping ??= (async () => {
      if (server) {
        const s = server;
        const closed = new Promise<void>((resolve) => s.close(() => resolve()));
        // Live sockets would hold the server open: tell clients to reconnect later.
        io?.disconnectSockets(true);
        io?.engine.close();
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

  return { start, stop, log, capabilities: exposed };
}

export type App = ReturnType<typeof createApp>;
