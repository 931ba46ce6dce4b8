import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Writable } from "node:stream";
import pino from "pino";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApp, type App } from "../../appliance/src/app.js";
import { parseConfig } from "../../appliance/src/config/index.js";

// What the owner reads at the default level: API requests, refusals and failures, not
// every file a page loads nor the admin page asking whether it is signed in.
const lines: Array<{ level: number; msg: string }> = [];
let app: App;
let base: string;
const dataDir = mkdtempSync(join(tmpdir(), "innbox-log-"));

beforeAll(async () => {
  const uiRoot = mkdtempSync(join(tmpdir(), "innbox-log-ui-"));
  mkdirSync(join(uiRoot, "admin-ui", "dist", "assets"), { recursive: true });
  writeFileSync(join(uiRoot, "admin-ui", "dist", "index.html"), "<!doctype html><title>admin</title>");
  writeFileSync(join(uiRoot, "admin-ui", "dist", "assets", "app-1234.js"), "console.log(1)");
  const sink = new Writable({
    write(chunk, _encoding, done) {
      for (const line of String(chunk).split("\n").filter(Boolean)) lines.push(JSON.parse(line));
      done();
    },
  });
  app = createApp(parseConfig({ port: 0, host: "127.0.0.1", dataDir, logLevel: "debug" }), { log: pino({ level: "debug" }, sink), sleep: async () => undefined, uiRoot });
  base = (await app.start()).url;
});
afterAll(async () => {
  await app.stop();
  rmSync(dataDir, { recursive: true, force: true });
});

const levelOf = (message: string) => lines.find((l) => l.msg.startsWith(message))?.level;
const DEBUG = 20;
const INFO = 30;
const WARN = 40;

describe("the request log", () => {
  it("puts pages and static files at debug", async () => {
    expect((await fetch(`${base}/admin/`)).status).toBe(200);
    expect((await fetch(`${base}/admin/assets/app-1234.js`)).status).toBe(200);
    expect((await fetch(`${base}/admin/setup?token=secret-token`)).status).toBe(200);
    await expect.poll(() => levelOf("GET /admin/assets/app-1234.js 200")).toBe(DEBUG);
    expect(levelOf("GET /admin/ 200")).toBe(DEBUG);
    expect(levelOf("GET /admin/setup?token=… 200")).toBe(DEBUG);
    expect(JSON.stringify(lines)).not.toContain("secret-token");
  });

  it("puts the signed-out session check at debug, other API answers at info and refusals at warn", async () => {
    expect((await fetch(`${base}/api/auth/session`)).status).toBe(401);
    expect((await fetch(`${base}/api/openapi.json`)).status).toBe(200);
    const login = await fetch(`${base}/api/auth/login`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ username: "nobody", password: "not the password" }) });
    expect(login.status).toBe(401);
    await expect.poll(() => levelOf("POST /api/auth/login 401")).toBe(WARN);
    expect(levelOf("GET /api/auth/session 401")).toBe(DEBUG);
    expect(levelOf("GET /api/openapi.json 200")).toBe(INFO);
  });

  it("does not log health probes", async () => {
    expect((await fetch(`${base}/healthz`)).status).toBe(200);
    expect((await fetch(`${base}/api/openapi.json`)).status).toBe(200);
    await expect.poll(() => lines.filter((l) => l.msg.startsWith("GET /api/openapi.json")).length).toBe(2);
    expect(lines.some((l) => l.msg.includes("/healthz"))).toBe(false);
  });
});
