import { spawn, spawnSync } from "node:child_process";
import { once } from "node:events";
import { createServer } from "node:net";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { ApiClient, MANAGER } from "../helpers/app.js";
import { connectSocket, disconnected } from "../helpers/sockets.js";
import { build, childProcesses, freePort, MAIN, ROOT } from "../helpers/process-kit.js";

// The compiled appliance as its owner runs it: `node appliance/dist/main.js`.
const children = childProcesses();

beforeAll(() => build(), 240_000);

afterEach(() => children.killAll());


function start(env: Record<string, string>) {
  const child = spawn(process.execPath, [MAIN], { cwd: ROOT, env: { ...process.env, HOST: "127.0.0.1", LOG_FORMAT: "pretty", ...env } });
  children.track(child);
  let output = "";
  child.stdout!.on("data", (d) => (output += d));
  child.stderr!.on("data", (d) => (output += d));
  return { child, output: () => output };
}

async function waitFor(check: () => boolean | Promise<boolean>, timeoutMs = 10_000) {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    if (await check()) return;
    await new Promise((r) => setTimeout(r, 25));
  }
  throw new Error("timed out");
}

describe("the appliance process", () => {
  it("says where it listens and gives the setup URL in its first lines, even with Telegram out of reach", async () => {
    const port = await freePort();
    const dataDir = mkdtempSync(join(tmpdir(), "innbox-proc-"));
    const config = join(dataDir, "config.json");
    // A closed loopback port stands for Telegram being unreachable.
    writeFileSync(config, JSON.stringify({ telegram: { token: "123456:ABCDEFGHIJKLMNOPQRSTUVWXYZ", apiRoot: "http://127.0.0.1:9" } }));
    const { child, output } = start({ PORT: String(port), INNBOX_DATA_DIR: dataDir, INNBOX_CONFIG: config });
    await waitFor(() => output().includes("First run"));
    const lines = output().trim().split("\n");
    expect(lines[0]).toContain(`listening on 127.0.0.1:${port}`);
    expect(lines[1]).toMatch(/First run: open http:\/\/\S+\/admin\/setup\?token=\S+ to create the manager account/);
    const health = await fetch(`http://127.0.0.1:${port}/healthz`);
    expect(await health.json()).toMatchObject({ status: "ok", version: expect.any(String), uptimeS: expect.any(Number) });
    child.kill("SIGTERM");
    const [code] = await once(child, "exit");
    expect(code).toBe(0);
  });

  it("exits with code 1 and one line per bad setting, naming each key", async () => {
    const dir = mkdtempSync(join(tmpdir(), "innbox-proc-"));
    const file = join(dir, "config.json");
    writeFileSync(file, JSON.stringify({ publicUrl: "nope", telegram: { apiRoot: "also nope" }, prot: 1 }));
    const { child, output } = start({ INNBOX_CONFIG: file, INNBOX_DATA_DIR: dir, PORT: "abc" });
    const [code] = await once(child, "exit");
    expect(code).toBe(1);
    const lines = output().trim().split("\n");
    expect(lines).toHaveLength(4);
    expect(lines.join("\n")).toMatch(/PORT: must be a port number/);
    expect(lines.join("\n")).toMatch(/publicUrl: must be a URL/);
    expect(lines.join("\n")).toMatch(/telegram\.apiRoot: must be a URL/);
    expect(lines.join("\n")).toMatch(/prot: unknown setting/);
  });

  it("finishes a request in flight on SIGTERM, then exits 0", async () => {
    const port = await freePort();
    const dataDir = mkdtempSync(join(tmpdir(), "innbox-proc-"));
    const { child, output } = start({ PORT: String(port), INNBOX_DATA_DIR: dataDir });
    await waitFor(() => output().includes("First run"));
    const token = output().match(/token=([\w-]+)/)![1]!;
    // argon2 hashing makes setup take a moment: signal while it is being handled.
    const pending = new ApiClient(`http://127.0.0.1:${port}`).post("/api/setup", { token, ...MANAGER });
    await new Promise((r) => setTimeout(r, 5));
    child.kill("SIGTERM");
    const res = await pending;
    expect(res.status).toBe(201);
    const [code] = await once(child, "exit");
    expect(code).toBe(0);
    expect(output()).toContain("stopped");
  });

  it("says clearly when the port is taken", async () => {
    const blocker = createServer().listen(0, "127.0.0.1");
    await once(blocker, "listening");
    const port = (blocker.address() as { port: number }).port;
    const { child, output } = start({ PORT: String(port), INNBOX_DATA_DIR: mkdtempSync(join(tmpdir(), "innbox-proc-")) });
    const [code] = await once(child, "exit");
    blocker.close();
    expect(code).toBe(1);
    expect(output()).toContain(`Port ${port} is already in use`);
  });

  it("resets a password from the command line and signs that login out", async () => {
    const port = await freePort();
    const dataDir = mkdtempSync(join(tmpdir(), "innbox-proc-"));
    const { output } = start({ PORT: String(port), INNBOX_DATA_DIR: dataDir });
    await waitFor(() => output().includes("First run"));
    const token = output().match(/token=([\w-]+)/)![1]!;
    const client = new ApiClient(`http://127.0.0.1:${port}`);
    expect((await client.post("/api/setup", { token, ...MANAGER })).status).toBe(201);
    // The admin page open in a browser: the running appliance must notice the reset and drop it.
    const socket = await connectSocket(`http://127.0.0.1:${port}`, "/staff", { cookie: client.cookie });

    const cli = (args: string[], input: string) =>
      spawnSync(process.execPath, [join(ROOT, "appliance", "dist", "cli", "reset-password.js"), ...args], {
        cwd: ROOT,
        input,
        encoding: "utf8",
        env: { ...process.env, INNBOX_DATA_DIR: dataDir },
      });
    const unknown = cli(["nobody"], "whatever password\n");
    expect(unknown.status).toBe(1);
    expect(unknown.stderr).toContain(`There is no login named "nobody"`);
    expect(unknown.stderr).toContain(`Logins: ${MANAGER.username}`);
    const short = cli([MANAGER.username], "short\n");
    expect(short.status).toBe(1);
    expect(short.stderr).toMatch(/at least 8 characters/);

    expect(socket.connected).toBe(true);
    const gone = disconnected(socket, 15_000); // auth.sessionCheckSeconds: 5 by default
    const ok = cli([MANAGER.username], "a fresh password\n");
    expect(ok.status).toBe(0);
    expect(ok.stdout).toContain(`Password of ${MANAGER.username} changed`);
    expect(await gone).toBe("io server disconnect");
    expect((await client.get("/api/auth/session")).status).toBe(401);
    expect((await client.post("/api/auth/login", { username: MANAGER.username, password: MANAGER.password })).status).toBe(401);
    expect((await client.post("/api/auth/login", { username: MANAGER.username, password: "a fresh password" })).status).toBe(200);
  });
});
