import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pino from "pino";
import { createApp, type RunningApp } from "../../appliance/src/app.js";
import { parseConfig, type ConfigInput } from "../../appliance/src/config/index.js";
import type { TestClock } from "./test-clock.js";

export interface TestApp extends RunningApp {
  dataDir: string;
  setupToken(): string;
  /** Runs the unanswered-guest check now (or joins the one running); how many guests were alerted. */
  checkUnanswered(): Promise<number>;
  /** The weather capability's public face (what the reception capability reads). */
  weather(): NonNullable<ReturnType<typeof createApp>["capabilities"]["weather"]>;
  /** The app's event bus, to watch what capabilities announce. */
  bus(): NonNullable<ReturnType<typeof createApp>["capabilities"]["bus"]>;
  stop(): Promise<void>;
}

export function tempDataDir(): string {
  return mkdtempSync(join(tmpdir(), "innbox-test-"));
}

/** The real app on a temp SQLite file, listening on a free loopback port. */
export async function startTestApp(
  options: { config?: Partial<ConfigInput>; dataDir?: string; clock?: TestClock; sleep?: (ms: number) => Promise<void>; uiRoot?: string } = {},
): Promise<TestApp> {
  const dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), "innbox-test-"));
  // Nothing leaves the machine: unless a test brings its own servers, the weather and the
  // map tiles point at a closed loopback port (the defaults are Open-Meteo's and OSM's),
  // and no test listens for devices on the LAN unless it asks to.
  const closed = "http://127.0.0.1:9";
  const config = parseConfig({
    port: 0,
    host: "127.0.0.1",
    dataDir,
    logLevel: "silent",
    weather: { apiBase: closed },
    reception: { mapTiles: `${closed}/{z}/{x}/{y}.png` },
    // Tests listen for devices' broadcasts only when they ask to (on loopback).
    devices: { discovery: false },
    ...options.config,
  });
  const app = createApp(config, {
    log: pino({ level: process.env.TEST_LOG_LEVEL ?? "silent" }),
    ...(options.clock ? { timers: options.clock } : {}),
    sleep: options.sleep ?? (async () => undefined),
    // Browser tests serve pages built into a temp folder (see test/browser/browser-kit.ts).
    ...(options.uiRoot ? { uiRoot: options.uiRoot } : {}),
  });
  const running = await app.start();
  return {
    ...running,
    url: `http://127.0.0.1:${running.port}`,
    dataDir,
    setupToken: () => readFileSync(join(dataDir, "setup-token"), "utf8").trim(),
    checkUnanswered: () => app.capabilities.chat!.alerts.check(),
    weather: () => app.capabilities.weather!,
    bus: () => app.capabilities.bus!,
    async stop() {
      await app.stop();
      if (!options.dataDir) rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export interface ApiResponse<T = any> {
  status: number;
  body: T;
  headers: Headers;
}

/** A small API client with a cookie jar and the CSRF header, like the admin page. */
export class ApiClient {
  cookie = "";
  csrfToken = "";
  constructor(readonly baseUrl: string) {}

  request<T = any>(
    method: string,
    path: string,
    body?: unknown,
    options: { csrf?: string | null; rawBody?: string; contentType?: string } = {},
  ): Promise<ApiResponse<T>> {
    return this.requestWithHeaders<T>(method, path, body, options, {});
  }

  async requestWithHeaders<T = any>(
    method: string,
    path: string,
    body: unknown,
    options: { csrf?: string | null; rawBody?: string; contentType?: string },
    extraHeaders: Record<string, string>,
  ): Promise<ApiResponse<T>> {
    const headers: Record<string, string> = { ...extraHeaders };
    if (this.cookie) headers.cookie = this.cookie;
    const csrf = options.csrf === undefined ? this.csrfToken : options.csrf;
    if (csrf) headers["x-csrf-token"] = csrf;
    let payload: string | undefined;
    if (options.rawBody !== undefined) payload = options.rawBody;
    else if (body !== undefined) payload = JSON.stringify(body);
    if (payload !== undefined) headers["content-type"] = options.contentType ?? "application/json";
    const res = await fetch(this.baseUrl + path, { method, headers, body: payload, redirect: "manual" });
    const setCookie = res.headers.get("set-cookie");
    if (setCookie) {
      const [pair] = setCookie.split(";");
      this.cookie = pair!.endsWith("=") ? "" : pair!;
    }
    const text = await res.text();
    let parsed: any = text;
    if ((res.headers.get("content-type") ?? "").includes("json") && text) parsed = JSON.parse(text);
    if (parsed && typeof parsed === "object" && typeof parsed.csrfToken === "string") this.csrfToken = parsed.csrfToken;
    return { status: res.status, body: parsed as T, headers: res.headers };
  }

  get<T = any>(path: string) {
    return this.request<T>("GET", path);
  }
  post<T = any>(path: string, body?: unknown) {
    return this.request<T>("POST", path, body);
  }
  patch<T = any>(path: string, body?: unknown) {
    return this.request<T>("PATCH", path, body);
  }
  delete<T = any>(path: string) {
    return this.request<T>("DELETE", path);
  }

  async login(username: string, password: string) {
    const res = await this.post("/api/auth/login", { username, password });
    if (res.status !== 200) throw new Error(`login failed: ${res.status} ${JSON.stringify(res.body)}`);
    return res;
  }
}

export const MANAGER = { username: "manager", password: "correct horse battery", name: "Mara Manager" };

/** Runs the first-run setup and returns a client signed in as the manager. */
export async function setUpManager(app: TestApp, propertyName = "Hotel Miramar"): Promise<ApiClient> {
  const client = new ApiClient(app.url);
  const res = await client.post("/api/setup", { token: app.setupToken(), ...MANAGER, propertyName });
  if (res.status !== 201) throw new Error(`setup failed: ${res.status} ${JSON.stringify(res.body)}`);
  return client;
}

/** Adds a team member with a login and returns a client signed in as them. */
export async function addMemberWithLogin(manager: ApiClient, role: "staff" | "manager", username: string, name = username) {
  const password = `${username}-password-1`;
  const res = await manager.post("/api/team", { name, role, username, password });
  if (res.status !== 201) throw new Error(`createTeamMember failed: ${res.status} ${JSON.stringify(res.body)}`);
  const client = new ApiClient(manager.baseUrl);
  await client.login(username, password);
  return { client, member: res.body as { id: string; name: string; role: string }, password };
}
