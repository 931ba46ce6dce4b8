import { once } from "node:events";
import { createServer, type Server } from "node:http";
import { createServer as createHttpsServer, type Server as HttpsServer } from "node:https";
import { hostname } from "node:os";
import type { AddressInfo } from "node:net";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import type { Logger } from "pino";
import { Server as SocketServer } from "socket.io";
import { createAuth } from "./auth/index.js";
import type { Capability } from "./capability.js";
import { createChat } from "./chat/index.js";
import type { Config } from "./config/index.js";
import { createTransactions, lockDataFolder, migrate, openDatabase, type Db } from "./db/index.js";
import { createEventBus, type EventBus } from "./events/index.js";
import { createHttpApp, createRouteRegistry, staticApp } from "./http/index.js";
import { createLogger } from "./logger.js";
import { defaultPublicUrl, firstLanAddress, isWildcardHost } from "./network.js";
import { Outbox } from "./outbox/index.js";
import { startupLines } from "./startup-lines.js";
import { createProperty } from "./property/index.js";
import { createBookings, roomStay } from "./bookings/index.js";
import { createDevices } from "./devices/index.js";
import { createScenarios } from "./scenarios/index.js";
import { createEnergy } from "./energy/index.js";
import { createReception } from "./reception/index.js";
import { createKiosk } from "./kiosk/index.js";
import { createTeam, type MemberLogins } from "./team/index.js";
import { createTelegram } from "./telegram/index.js";
import { systemTimers, type Timers } from "./time/index.js";
import { createWeather } from "./weather/index.js";
import { CA_PATH, createTls, httpsStartupLine } from "./tls/index.js";
import { VERSION } from "./version.js";

export interface AppOverrides {
  log?: Logger;
  /** The app's clock and timers; tests pass one they can move forward. */
  timers?: Timers;
  /** How a slowed sign-in waits (tests skip the wait). */
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
  /** Database migrations this start applied (none when the database was up to date). */
  migrationsApplied: string[];
  /** The HTTPS port on the LAN, when config https.port is set. */
  httpsPort?: number;
}

/** What every capability may take from the app. */
interface AppContext {
  config: Config;
  db: Db;
  bus: EventBus;
  log: Logger;
  clock: () => number;
  timers: Timers;
  sleep?: (ms: number) => Promise<void>;
  outbox: Outbox;
  publicUrl: () => string;
}

/**
 * The capabilities, in start order (stopped in reverse). Adding one is a folder and a line
 * here. Values one capability needs from a later one are small interfaces that forward.
 */
function createCapabilities(ctx: AppContext) {
  const { config, db, bus, clock, timers, outbox } = ctx;
  const log = (part: string) => ctx.log.child({ part });
  const transactions = createTransactions(db);

  const logins: MemberLogins = {
    usernamesByMember: () => auth.service.logins.usernamesByMember(),
    setLogin: (memberId, login) => auth.service.logins.setLogin(memberId, login),
    removeLogin: (memberId) => auth.service.logins.removeLogin(memberId),
  };
  const team = createTeam({ db, bus, clock, logins });
  const property = createProperty({ db, bus, clock, publicUrl: ctx.publicUrl });
  const auth = createAuth({
    db,
    bus,
    log: log("auth"),
    dataDir: config.dataDir,
    sessionDays: config.auth.sessionDays,
    sessionMaxDays: config.auth.sessionMaxDays,
    throttle: { slowAfter: config.auth.loginSlowAfter, lockAfter: config.auth.loginLockAfter, windowMinutes: config.auth.loginWindowMinutes },
    team: team.service,
    property: property.service,
    clock,
    timers,
    ...(ctx.sleep ? { sleep: ctx.sleep } : {}),
  });
  const chat = createChat({
    db,
    transactions,
    bus,
    log: log("chat"),
    clock,
    timers,
    property: property.service,
    staffSessions: {
      resolve: (req) => auth.service.staffFor(req),
      userOf: (sessionId) => auth.service.userOfSession(sessionId),
      ownOrigins: () => (ctx.publicUrl() ? [ctx.publicUrl()] : []),
    },
    alerts: { alertUnanswered: (tx, input) => telegram.service.alertUnanswered(tx, input) },
    reservations: {
      idForCode: (code) => bookings.reservations.idForCode(code),
      exists: (id) => bookings.reservations.exists(id),
      guestView: (id) => bookings.reservations.guestView(id),
      summaries: (ids) => bookings.reservations.summaries(ids),
    },
    settings: {
      guestTokenDays: config.chat.guestTokenDays,
      guestSessionsPerMinute: config.chat.guestSessionsPerMinute,
      guestMessagesPerMinute: config.chat.guestMessagesPerMinute,
      alertIntervalMs: config.chat.alertCheckSeconds * 1000,
      staffCheckIntervalMs: config.auth.sessionCheckSeconds * 1000,
    },
  });
  const telegram = createTelegram({
    db,
    transactions,
    bus,
    log: log("telegram"),
    clock,
    timers,
    chat: chat.service,
    team: team.service,
    outbox,
    configToken: config.telegram.token,
    apiRoot: config.telegram.apiRoot,
    pollTimeoutS: config.telegram.pollTimeoutS,
    limits: {
      perSecond: config.telegram.perSecond,
      privateChatIntervalMs: config.telegram.privateChatIntervalMs,
      groupIntervalMs: config.telegram.groupIntervalMs,
    },
    publicUrl: ctx.publicUrl,
    scenarios: {
      manual: (from) => scenarios.service.manual(from),
      start: (id) => scenarios.service.start(id),
    },
  });

  const weather = createWeather({
    db,
    bus,
    log: log("weather"),
    timers,
    property: property.service,
    settings: { apiBase: config.weather.apiBase, apiKey: config.weather.apiKey, refreshMinutes: config.weather.refreshMinutes, timeoutMs: 10_000 },
  });
  const bookings = createBookings({
    db,
    transactions,
    // A room with devices stays until they are moved (devices start after bookings).
    devicesInRoom: (roomId) => devices.devicesInRoom(roomId),
    // A room a scenario names stays until the scenario is changed (scenarios start after bookings).
    scenariosUsingRoom: (roomId) => scenarios.usedBy("room", roomId),
    bus,
    log: log("bookings"),
    timers,
    clock,
    publicUrl: ctx.publicUrl,
    arrivalInstructions: async () => (await property.service.get()).arrivalInstructions,
    times: {
      stayTimes: async () => {
        const p = await property.service.get();
        return { timeZone: p.timezone, checkInTime: p.checkInTime ?? "15:00", checkOutTime: p.checkOutTime ?? "11:00" };
      },
    },
  });
  const devices = createDevices({
    db,
    dataDir: config.dataDir,
    bus,
    log: log("devices"),
    timers,
    roomExists: async (roomId) => (await bookings.service.roomExists(roomId)),
    scenariosUsing: (deviceId) => scenarios.usedBy("device", deviceId),
    lan: {
      discovery: config.devices.discovery,
      ...(config.devices.broadcastAddress ? { broadcastAddress: config.devices.broadcastAddress } : {}),
      ...(config.devices.mdnsInterface ? { mdnsInterface: config.devices.mdnsInterface } : {}),
    },
    discoverMs: config.devices.discoverSeconds * 1000,
  });
  const stayTimes = async () => {
    const p = await property.service.get();
    return { timeZone: p.timezone, latitude: p.latitude ?? null, longitude: p.longitude ?? null, checkInTime: p.checkInTime ?? "15:00", checkOutTime: p.checkOutTime ?? "11:00" };
  };
  const scenarios = createScenarios({
    db,
    bus,
    log: log("scenarios"),
    timers,
    place: { get: stayTimes },
    rooms: {
      rooms: async () => (await bookings.service.listRooms()).map((r) => ({ id: r.id, name: r.name })),
      stays: () => bookings.service.confirmedStays(),
      stayState: (stays, at, times) => roomStay(stays, at, times).stay,
    },
    devices: { list: () => devices.service.list(), setState: (id, set) => devices.service.setState(id, set) },
    weather: { current: () => weather.current() },
    staff: { notify: (text) => telegram.service.notifyStaff(text) },
  });
  const energy = createEnergy({ db, bus, log: log("energy"), timers, devices: devices.service, bookings: bookings.service, property: property.service });
  const reception = createReception({
    db,
    transactions,
    log: log("reception"),
    clock,
    currentSlug: async () => (await property.service.get()).slug,
    publicUrl: ctx.publicUrl,
    sources: {
      property: property.service,
      duty: (language) => chat.service.duty(language),
      weather,
      reservationsAvailable: () => bookings.service.hasBookings(),
    },
    map: { tiles: config.reception.mapTiles, attribution: config.reception.mapAttribution },
  });

  const tls = createTls({
    dataDir: config.dataDir,
    log: log("tls"),
    timers,
    port: config.https.port,
    publicUrl: config.publicUrl,
    // Before setup there is no property yet: the CA is then named after the machine.
    propertyName: async () => (await property.service.get().catch(() => undefined))?.name,
    hostname: () => hostname(),
  });

  const kiosk = createKiosk({ db, bus, log: log("kiosk"), clock, publicUrl: ctx.publicUrl, property: property.service, weather, chat: chat.service });
  const list: Capability[] = [team, property, auth, chat, telegram, weather, bookings, devices, energy, scenarios, reception, kiosk, tls];
  return { list, auth, chat, telegram, weather, tls };
}

/**
 * For command-line tools on this box (reset-password): the database, migrated, and the
 * capabilities, none of them started. `close()` when done.
 */
export async function openForMaintenance(config: Config, log: Logger) {
  const database = openDatabase(join(config.dataDir, "innbox.sqlite"));
  const { db } = database;
  const clock = () => systemTimers.now();
  const outbox = new Outbox({ db, log, clock, timers: systemTimers });
  const capabilities = createCapabilities({ config, db, bus: createEventBus(log), log, clock, timers: systemTimers, outbox, publicUrl: () => config.publicUrl ?? "", sleep: async () => undefined });
  await migrate(db, capabilities.list.map((c) => c.migrations));
  return { auth: capabilities.auth.service, close: () => database.close() };
}

const REPO_ROOT = fileURLToPath(new URL("../../", import.meta.url));

/** Composes config → db → capabilities → http. Nothing happens until start(). */
export function createApp(config: Config, overrides: AppOverrides = {}) {
  const log = overrides.log ?? createLogger(config.logLevel, config.logFormat);
  const timers = overrides.timers ?? systemTimers;
  const clock = () => timers.now();
  const uiRoot = overrides.uiRoot ?? REPO_ROOT;
  let server: Server | undefined;
  let httpsServer: HttpsServer | undefined;
  let io: SocketServer | undefined;
  let stopping: Promise<void> | undefined;
  const stops: Array<() => void | Promise<void>> = [];
  /** Capabilities, for tests and benchmarks that need to wait on them. */
  const exposed: Partial<Pick<ReturnType<typeof createCapabilities>, "chat" | "telegram" | "weather"> & { bus: EventBus }> = {};

  async function start(): Promise<RunningApp> {
    const startedAt = Date.now();
    const lock = lockDataFolder(config.dataDir);
    stops.push(() => lock.release());
    const database = openDatabase(join(config.dataDir, "innbox.sqlite"));
    stops.push(() => database.close());
    const { db } = database;
    const bus = createEventBus(log.child({ part: "events" }));
    const outbox = new Outbox({ db, log: log.child({ part: "outbox" }), clock, timers, retryMaxMs: config.chat.retryMaxSeconds * 1000 });
    let publicUrl = config.publicUrl?.replace(/\/$/, "") ?? "";
    const capabilities = createCapabilities({ config, db, bus, log, clock, timers, outbox, publicUrl: () => publicUrl, ...(overrides.sleep ? { sleep: overrides.sleep } : {}) });
    Object.assign(exposed, { chat: capabilities.chat, telegram: capabilities.telegram, weather: capabilities.weather, bus });

    const migrationsApplied = await migrate(db, capabilities.list.map((c) => c.migrations));
    if (migrationsApplied.length) log.debug({ applied: migrationsApplied }, "database migrated");

    const registry = createRouteRegistry();
    for (const capability of capabilities.list) capability.routes(registry);
    const app = createHttpApp({
      log,
      registry,
      access: capabilities.auth.service.accessControl,
      bodyLimitKb: config.http.bodyLimitKb,
      trustProxy: config.http.trustProxy,
      version: VERSION,
      startedAt,
      // https://{s}.tile.example.org/… → https://*.tile.example.org
      imageOrigins: [/^https?:\/\/[^/]+/.exec(config.reception.mapTiles)![0].replace("{s}", "*")],
      pages: [
        ...capabilities.list.flatMap((c) => (c.pages ? [c.pages()] : [])),
        staticApp(join(uiRoot, "admin-ui", "dist"), "/admin", "admin page"),
        staticApp(join(uiRoot, "guest-ui", "dist"), "/r", "reception page"),
        // The lobby tablet's page: a second page of the guest pages' build (its assets under /r/assets/).
        staticApp(join(uiRoot, "guest-ui", "dist"), "/kiosk", "kiosk page", "kiosk.html"),
      ],
    });
    server = createServer(app);
    server.keepAliveTimeout = 5_000;
    io = new SocketServer(server, { serveClient: false, cors: { origin: false }, maxHttpBufferSize: 64_000 });
    for (const capability of capabilities.list) capability.sockets?.(io);

    outbox.start();
    stops.push(() => outbox.stop());
    for (const capability of capabilities.list) {
      await capability.start();
      stops.push(() => capability.stop());
    }

    // HTTPS on the LAN: the same app and sockets, with the local CA's certificate, which
    // the tls capability renews in place (no restart) when it nears its end.
    const tls = capabilities.tls.service;
    if (tls.enabled) {
      const secure = createHttpsServer({ ...tls.ca.served(), minVersion: "TLSv1.2" }, app);
      secure.keepAliveTimeout = 5_000;
      io.engine.attach(secure, { path: "/socket.io" });
      const unsubscribe = tls.ca.onChange(({ key, cert }) => secure.setSecureContext({ key, cert, minVersion: "TLSv1.2" }));
      stops.push(() => void unsubscribe());
      httpsServer = secure;
    }

    const token = await capabilities.auth.service.prepareSetup();
    server.listen(config.port, config.host);
    await once(server, "listening");
    const port = (server.address() as AddressInfo).port;
    let httpsPort: number | undefined;
    if (httpsServer) {
      httpsServer.listen(config.https.port, config.host);
      await once(httpsServer, "listening");
      httpsPort = (httpsServer.address() as AddressInfo).port;
      tls.listening(httpsPort);
    }
    publicUrl = (config.publicUrl ?? defaultPublicUrl(port, config.host)).replace(/\/$/, "");
    const setupUrl = token ? `${publicUrl}/admin/setup?token=${token}` : undefined;
    const { url, lines } = startupLines({ version: VERSION, host: config.host, port, publicUrl, publicUrlConfigured: Boolean(config.publicUrl), setupToken: token });
    for (const line of lines) log.info(line);
    if (httpsPort !== undefined) {
      const lanHost = isWildcardHost(config.host) ? (firstLanAddress() ?? "localhost") : config.host;
      const httpsUrl = `https://${lanHost.includes(":") ? `[${lanHost}]` : lanHost}:${httpsPort}`;
      log.info(httpsStartupLine(httpsUrl, `${defaultPublicUrl(port, config.host)}${CA_PATH}`));
    }
    // After the lines that say where to go: the bot may log about Telegram being unreachable.
    for (const capability of capabilities.list) await capability.serving?.();
    return { url, port, publicUrl, setupUrl, migrationsApplied, ...(httpsPort !== undefined ? { httpsPort } : {}) };
  }

  /** Stops taking connections, lets requests in flight finish (up to 10 s), then closes the rest in reverse order. */
  function stop(): Promise<void> {
    stopping ??= (async () => {
      const httpsClosed = httpsServer ? new Promise<void>((resolve) => httpsServer!.close(() => resolve())) : undefined;
      httpsServer?.closeIdleConnections();
      if (server) {
        const s = server;
        const closed = new Promise<void>((resolve) => s.close(() => resolve()));
        // Live sockets would hold the server open: tell clients to reconnect later.
        io?.disconnectSockets(true);
        io?.engine.close();
        s.closeIdleConnections();
        const force = setTimeout(() => {
          s.closeAllConnections();
          httpsServer?.closeAllConnections();
        }, 10_000);
        await closed;
        await httpsClosed;
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
