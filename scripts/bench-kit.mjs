// Helpers shared by the benchmark scripts (bench-boot, bench-chat, bench-relay):
// command line, fail(), clean-up on exit and signals, temp folders, free ports,
// spawning a server child and waiting for its /healthz, small JSON HTTP requests,
// /proc memory figures and number formatting. Plain ESM, node built-ins only.
import { spawn } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import http from "node:http";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
export const mainJs = path.join(repoRoot, "appliance", "dist", "main.js");

// --- command line and failure ---------------------------------------------------------

/** fail(message) for one script: `<tool>: <message>` on stderr, exit code 1. */
export function makeFail(tool) {
  return (message) => {
    process.stderr.write(`${tool}: ${message}\n`);
    process.exit(1);
  };
}

/** parseArgs with `--help`/`-h` added: prints usage and exits 0 on --help, fails with usage on a bad option. */
export function parseCommandLine(options, usage, fail) {
  let values;
  try {
    ({ values } = parseArgs({ options: { ...options, help: { type: "boolean", short: "h", default: false } } }));
  } catch (error) {
    fail(`${error.message}\n${usage}`);
  }
  if (values.help) {
    process.stdout.write(`${usage}\n`);
    process.exit(0);
  }
  return values;
}

/** The option `--name` as a whole number from min to max, or fail. */
export function wholeOption(values, name, min, max, fail) {
  const n = Number(values[name]);
  if (!Number.isInteger(n) || n < min || n > max) fail(`--${name} must be a whole number from ${min} to ${max}, got "${values[name]}"`);
  return n;
}

/** Fails unless appliance/dist/main.js has been built. */
export function requireBuiltAppliance(fail, npmScript) {
  if (!existsSync(mainJs)) {
    fail(`${path.relative(process.cwd(), mainJs) || mainJs} does not exist; build first (npm run build, or use npm run ${npmScript})`);
  }
}

// --- children and temp folders are cleaned up however we exit ------------------------

const children = new Set();
const tempDirs = new Set();

function cleanUp() {
  for (const child of children) {
    if (child.exitCode === null && child.signalCode === null) child.kill("SIGKILL");
  }
  for (const dir of tempDirs) rmSync(dir, { recursive: true, force: true });
}

/** Kills the children and removes the temp folders on exit; SIGINT/SIGTERM/SIGHUP exit with 128 + the signal's number. */
export function cleanUpOnExit(tool, what) {
  process.on("exit", cleanUp);
  for (const [signal, number] of [["SIGINT", 2], ["SIGTERM", 15], ["SIGHUP", 1]]) {
    process.on(signal, () => {
      process.stderr.write(`\n${tool}: ${signal}, stopping ${what}\n`);
      process.exit(128 + number);
    });
  }
}

/** A fresh folder under the OS temp folder, removed at exit unless removeTempDir() did it first. */
export function makeTempDir(prefix) {
  const dir = mkdtempSync(path.join(os.tmpdir(), prefix));
  tempDirs.add(dir);
  return dir;
}

export function removeTempDir(dir) {
  rmSync(dir, { recursive: true, force: true });
  tempDirs.delete(dir);
}

// --- small helpers ------------------------------------------------------------------------

export const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

export function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

/** `node v20.x, linux x64, N CPUs` for a benchmark's first line. */
export const machineSummary = () => `node ${process.version}, ${os.platform()} ${os.arch()}, ${os.cpus().length} CPUs`;
export const loadAverage = () => os.loadavg().map((l) => l.toFixed(2)).join(" ");

export const fmt = (n, digits = 1) => (Number.isFinite(n) ? n.toFixed(digits) : "-");
export const mb = (kb) => kb / 1024;
export const verdict = (ok, missed = "MISSED") => (ok ? "OK" : missed);

/** VmRSS / VmHWM in kB from /proc/<pid>/status (NaN for a missing field), or null without /proc. */
export function readMemory(pid) {
  try {
    const status = readFileSync(`/proc/${pid}/status`, "utf8");
    const field = (name) => Number(new RegExp(`^${name}:\\s+(\\d+) kB`, "m").exec(status)?.[1] ?? NaN);
    return { rssKb: field("VmRSS"), hwmKb: field("VmHWM") };
  } catch {
    return null;
  }
}

/** Runs fn(0) .. fn(count - 1) with at most `concurrency` at a time; resolves with their results in order. */
export async function inBatches(count, concurrency, fn) {
  const results = new Array(count);
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(concurrency, count) }, async () => {
      while (next < count) {
        const i = next++;
        results[i] = await fn(i);
      }
    }),
  );
  return results;
}

// --- HTTP client: small JSON requests to 127.0.0.1 -----------------------------------------

/** Resolves with { status, headers, text }, or { status: 0, headers: {}, error } when nothing answered. */
export function request(agent, port, method, urlPath, { body, headers = {}, timeoutMs = 30_000 } = {}) {
  return new Promise((resolve) => {
    const payload = body === undefined ? undefined : JSON.stringify(body);
    const req = http.request(
      {
        host: "127.0.0.1",
        port,
        method,
        path: urlPath,
        agent,
        timeout: timeoutMs,
        headers: { ...headers, ...(payload !== undefined ? { "content-type": "application/json", "content-length": Buffer.byteLength(payload) } : {}) },
      },
      (res) => {
        const chunks = [];
        res.on("data", (c) => chunks.push(c));
        res.on("end", () => resolve({ status: res.statusCode ?? 0, headers: res.headers, text: Buffer.concat(chunks).toString("utf8") }));
        res.on("error", (err) => resolve({ status: 0, headers: {}, error: err.message }));
      },
    );
    req.on("timeout", () => req.destroy(new Error("timed out")));
    req.on("error", (err) => resolve({ status: 0, headers: {}, error: err.message }));
    if (payload !== undefined) req.end(payload);
    else req.end();
  });
}

/** request() with the JSON answer parsed into `body` (the text when it is not JSON). */
export async function requestJson(agent, port, method, urlPath, options) {
  const res = await request(agent, port, method, urlPath, options);
  let body;
  try {
    body = res.text ? JSON.parse(res.text) : undefined;
  } catch {
    body = res.text;
  }
  return { ...res, body };
}

/** A plain HTTP server on 127.0.0.1 and a free port: { server, port }. */
export function listenLoopback(handler) {
  return new Promise((resolve) => {
    const server = http.createServer(handler);
    server.listen(0, "127.0.0.1", () => resolve({ server, port: server.address().port }));
  });
}

/** GET /healthz on its own connection: the status code, or 0 when nothing answered within a second. */
function healthStatus(port) {
  return new Promise((resolve) => {
    const req = http.get({ host: "127.0.0.1", port, path: "/healthz", agent: false, timeout: 1000 }, (res) => {
      res.resume();
      resolve(res.statusCode ?? 0);
    });
    req.on("timeout", () => req.destroy());
    req.on("error", () => resolve(0));
  });
}

// --- a server child --------------------------------------------------------------------------

/**
 * The environment the appliance is started with: production, 127.0.0.1:port, its own data
 * folder and config file, and the allocator setting npm start (scripts/start.sh) and the
 * systemd unit give it. MALLOC_MMAP_THRESHOLD_ set but empty leaves glibc's defaults.
 */
export function applianceEnv({ port, dataDir, configPath, logLevel }) {
  const threshold = process.env.MALLOC_MMAP_THRESHOLD_ ?? "131072";
  return {
    MALLOC_MMAP_THRESHOLD_: threshold === "" ? undefined : threshold,
    NODE_ENV: "production",
    HOST: "127.0.0.1",
    PORT: String(port),
    INNBOX_DATA_DIR: dataDir,
    INNBOX_CONFIG: configPath,
    LOG_LEVEL: logLevel,
  };
}

/**
 * Spawns `node ...args` in the repository root with process.env plus `env`, keeps the last
 * `tailLines` lines of its output, and kills it at exit if it is still running.
 */
export function spawnNode(args, env, { tailLines }) {
  const logTail = [];
  const keepTail = (chunk) => {
    logTail.push(...chunk.toString("utf8").split("\n").filter(Boolean));
    logTail.splice(0, Math.max(0, logTail.length - tailLines));
  };
  const child = spawn(process.execPath, args, { cwd: repoRoot, env: { ...process.env, ...env }, stdio: ["ignore", "pipe", "pipe"] });
  children.add(child);
  child.stdout.on("data", keepTail);
  child.stderr.on("data", keepTail);
  let exitInfo = null;
  const exited = new Promise((resolve) => child.once("exit", (code, signal) => resolve((exitInfo = { code, signal }))));

  return {
    child,
    logTail,
    /** { code, signal } once it has exited, else null. */
    exitInfo: () => exitInfo,
    running: () => exitInfo === null,
    /** SIGTERM; if it has not exited after timeoutMs, writes `killNote` to stderr and sends SIGKILL. */
    async stop(timeoutMs, killNote) {
      if (!exitInfo) {
        child.kill("SIGTERM");
        const timedOut = await Promise.race([exited.then(() => false), sleep(timeoutMs).then(() => true)]);
        if (timedOut) {
          process.stderr.write(`${killNote}\n`);
          child.kill("SIGKILL");
          await exited;
        }
      }
      children.delete(child);
    },
  };
}

/**
 * Polls GET /healthz every `everyMs` until it answers 200. Throws Error(exitedMessage({ code, signal }))
 * if the server exits first, or Error(timedOutMessage()) once `timeoutMs` from `since` have passed.
 */
export async function waitForHealth(server, port, { everyMs, timeoutMs, since = performance.now(), exitedMessage, timedOutMessage }) {
  const deadline = since + timeoutMs;
  for (;;) {
    const exited = server.exitInfo();
    if (exited) throw new Error(exitedMessage(exited));
    if ((await healthStatus(port)) === 200) return;
    if (performance.now() > deadline) throw new Error(timedOutMessage());
    await sleep(everyMs);
  }
}

// --- a fresh appliance with a manager ------------------------------------------------------

/**
 * Starts the built appliance on a free loopback port with a fresh data folder and `config`
 * (no weather server and no LAN discovery unless given), completes the first-run setup as
 * a manager, and returns what a benchmark needs: the port, the manager's cookie, `api`
 * (fails the benchmark on any answer of 300 or more), the child and `stop()`.
 */
export async function startManagedAppliance(tool, fail, { config = {}, logLevel = "warn" } = {}) {
  const dataDir = makeTempDir(`innbox-${tool}-`);
  cleanUpOnExit(tool, () => removeTempDir(dataDir));
  const configPath = path.join(dataDir, "config.json");
  writeFileSync(configPath, JSON.stringify({ weather: { apiBase: "http://127.0.0.1:9" }, devices: { discovery: false }, ...config }));
  const port = await freePort();
  const server = spawnNode([mainJs], applianceEnv({ port, dataDir, configPath, logLevel }), { tailLines: 40 });
  const agent = new http.Agent({ keepAlive: true, maxSockets: 64 });
  await waitForHealth(server, port, {
    everyMs: 20,
    timeoutMs: 30_000,
    exitedMessage: (e) => `the appliance exited (${JSON.stringify(e)}):\n${server.logTail.join("\n")}`,
    timedOutMessage: () => "the appliance did not answer /healthz within 30 s",
  });
  const token = readFileSync(path.join(dataDir, "setup-token"), "utf8").trim();
  const setup = await requestJson(agent, port, "POST", "/api/setup", { body: { token, username: "manager", password: "bench password 1", name: "Mara", propertyName: "Hotel Miramar" } });
  if (setup.status >= 300) fail(`setup failed: ${setup.status} ${JSON.stringify(setup.body)}`);
  const cookie = setup.headers["set-cookie"]?.[0]?.split(";")[0] ?? "";
  const csrf = setup.body?.csrfToken ?? "";
  const api = async (method, urlPath, body, ok = [200, 201, 202, 204]) => {
    const res = await requestJson(agent, port, method, urlPath, { body, headers: { cookie, "x-csrf-token": csrf } });
    if (!ok.includes(res.status)) fail(`${method} ${urlPath}: ${res.status} ${JSON.stringify(res.body)}`);
    return res;
  };
  return {
    port,
    dataDir,
    cookie,
    server,
    api,
    async stop() {
      await server.stop(10_000, `${tool}: the appliance did not stop; killed`);
      agent.destroy();
    },
  };
}
