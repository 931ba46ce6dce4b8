#!/usr/bin/env node
// Boot benchmark: how fast the built appliance answers /healthz after it is
// spawned, and how much memory it holds once idle. `npm run bench:boot` builds
// first; run directly with `node scripts/bench-boot.mjs [--runs N] [--idle-seconds N]`.
//
// Each run starts `node appliance/dist/main.js` on 127.0.0.1 with a fresh data
// folder (so every run is a first boot: migrations and the setup token), an
// empty config file and a free port, and polls /healthz every 5 ms.
import { spawn } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import http from "node:http";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";

const TARGET_READY_MS = 1000;
const TARGET_RSS_MB = 90;
const POLL_MS = 5;
const READY_TIMEOUT_MS = 30_000;
const STOP_TIMEOUT_MS = 10_000;

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const mainJs = path.join(repoRoot, "appliance", "dist", "main.js");

const usage = `Usage: node scripts/bench-boot.mjs [--runs N] [--idle-seconds N]

Starts appliance/dist/main.js N times (default 5) with a fresh data folder and
reports the time from spawn to the first 200 from /healthz, each and the median.
The last run then stays idle for --idle-seconds (default 60) and its resident
memory (VmRSS) is read from /proc.
Targets: ready <= ${TARGET_READY_MS} ms, RSS <= ${TARGET_RSS_MB} MB.`;

function fail(message) {
  process.stderr.write(`bench-boot: ${message}\n`);
  process.exit(1);
}

function parseOptions() {
  let values;
  try {
    ({ values } = parseArgs({
      options: {
        runs: { type: "string", default: "5" },
        "idle-seconds": { type: "string", default: "60" },
        help: { type: "boolean", short: "h", default: false },
      },
    }));
  } catch (error) {
    fail(`${error.message}\n${usage}`);
  }
  if (values.help) {
    process.stdout.write(`${usage}\n`);
    process.exit(0);
  }
  const runs = Number(values.runs);
  const idleSeconds = Number(values["idle-seconds"]);
  if (!Number.isInteger(runs) || runs < 1) fail(`--runs must be a whole number of at least 1, got "${values.runs}"`);
  if (!Number.isFinite(idleSeconds) || idleSeconds < 0) {
    fail(`--idle-seconds must be a number of seconds, 0 or more, got "${values["idle-seconds"]}"`);
  }
  return { runs, idleSeconds };
}

// --- children and temp folders are cleaned up however we exit ----------------

const children = new Set();
const tempDirs = new Set();

function cleanUp() {
  for (const child of children) {
    if (child.exitCode === null && child.signalCode === null) child.kill("SIGKILL");
  }
  for (const dir of tempDirs) rmSync(dir, { recursive: true, force: true });
}

process.on("exit", cleanUp);
for (const [signal, number] of [["SIGINT", 2], ["SIGTERM", 15], ["SIGHUP", 1]]) {
  process.on(signal, () => {
    process.stderr.write(`\nbench-boot: ${signal}, stopping the appliance\n`);
    process.exit(128 + number);
  });
}

// --- helpers --------------------------------------------------------------------

function freePort() {
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

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** Resolves with the status code, or 0 when nothing answered. */
function getStatus(port) {
  return new Promise((resolve) => {
    const request = http.get({ host: "127.0.0.1", port, path: "/healthz", agent: false, timeout: 1000 }, (response) => {
      response.resume();
      resolve(response.statusCode ?? 0);
    });
    request.on("timeout", () => request.destroy());
    request.on("error", () => resolve(0));
  });
}

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

/** kB figures from /proc/<pid>/status, or null where /proc is missing (not Linux). */
function readMemory(pid) {
  let status;
  try {
    status = readFileSync(`/proc/${pid}/status`, "utf8");
  } catch {
    return null;
  }
  const field = (name) => {
    const match = new RegExp(`^${name}:\\s+(\\d+) kB`, "m").exec(status);
    return match ? Number(match[1]) : null;
  };
  return { rssKb: field("VmRSS"), hwmKb: field("VmHWM") };
}

const mb = (kb) => kb / 1024;
const verdict = (ok) => (ok ? "OK" : "OVER TARGET");

// --- one boot -------------------------------------------------------------------

async function startAppliance() {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), "innbox-bench-"));
  tempDirs.add(dataDir);
  const configPath = path.join(dataDir, "bench-config.json");
  writeFileSync(configPath, "{}\n");
  const port = await freePort();

  const logTail = [];
  const keepTail = (chunk) => {
    logTail.push(...chunk.toString("utf8").split("\n").filter(Boolean));
    logTail.splice(0, Math.max(0, logTail.length - 20));
  };

  const startedAt = performance.now();
  const child = spawn(process.execPath, [mainJs], {
    cwd: repoRoot,
    env: {
      ...process.env,
      NODE_ENV: "production",
      HOST: "127.0.0.1",
      PORT: String(port),
      INNBOX_DATA_DIR: path.join(dataDir, "data"),
      INNBOX_CONFIG: configPath,
      LOG_LEVEL: process.env.LOG_LEVEL ?? "info",
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  children.add(child);
  child.stdout.on("data", keepTail);
  child.stderr.on("data", keepTail);
  const exited = new Promise((resolve) => child.once("exit", (code, signal) => resolve({ code, signal })));
  let exitInfo = null;
  void exited.then((info) => (exitInfo = info));

  const deadline = startedAt + READY_TIMEOUT_MS;
  for (;;) {
    if (exitInfo) {
      throw new Error(
        `the appliance exited (code ${exitInfo.code}, signal ${exitInfo.signal}) before /healthz answered. Last output:\n  ${logTail.join("\n  ")}`,
      );
    }
    const status = await getStatus(port);
    if (status === 200) break;
    if (performance.now() > deadline) {
      throw new Error(`/healthz did not answer 200 within ${READY_TIMEOUT_MS} ms. Last output:\n  ${logTail.join("\n  ")}`);
    }
    await sleep(POLL_MS);
  }
  const readyMs = performance.now() - startedAt;

  async function stop() {
    if (!exitInfo) {
      child.kill("SIGTERM");
      const timedOut = await Promise.race([exited.then(() => false), sleep(STOP_TIMEOUT_MS).then(() => true)]);
      if (timedOut) {
        process.stderr.write(`bench-boot: no exit ${STOP_TIMEOUT_MS} ms after SIGTERM; killing it\n`);
        child.kill("SIGKILL");
        await exited;
      }
    }
    children.delete(child);
    rmSync(dataDir, { recursive: true, force: true });
    tempDirs.delete(dataDir);
  }

  return { child, readyMs, stop, isRunning: () => exitInfo === null };
}

// --- main -----------------------------------------------------------------------

async function main() {
  const { runs, idleSeconds } = parseOptions();
  if (!existsSync(mainJs)) {
    fail(`${path.relative(process.cwd(), mainJs) || mainJs} does not exist; build first (npm run build, or use npm run bench:boot)`);
  }

  console.log(`Innbox boot benchmark: node ${process.version}, ${os.platform()} ${os.arch()}, ${os.cpus().length} CPUs`);
  console.log(`${runs} run${runs === 1 ? "" : "s"}, fresh data folder each, HOST=127.0.0.1, /healthz polled every ${POLL_MS} ms\n`);

  const readyTimes = [];
  let memory = null;
  for (let run = 1; run <= runs; run++) {
    const boot = await startAppliance();
    readyTimes.push(boot.readyMs);
    console.log(`run ${run}: ready in ${boot.readyMs.toFixed(0)} ms`);
    if (run === runs) {
      process.stdout.write(`run ${run}: idling ${idleSeconds} s before reading VmRSS of pid ${boot.child.pid} ...`);
      await sleep(idleSeconds * 1000);
      if (!boot.isRunning()) {
        process.stdout.write("\n");
        fail("the appliance exited while idle");
      }
      memory = readMemory(boot.child.pid);
      process.stdout.write(" done\n");
    }
    await boot.stop();
  }

  const readyMedian = median(readyTimes);
  console.log("");
  console.log(
    `ready (median of ${runs}): ${readyMedian.toFixed(0).padStart(5)} ms   target <= ${TARGET_READY_MS} ms   ${verdict(readyMedian <= TARGET_READY_MS)}`,
  );
  console.log(`ready (each):  ${readyTimes.map((ms) => ms.toFixed(0)).join(", ")} ms`);
  if (memory?.rssKb != null) {
    const rssMb = mb(memory.rssKb);
    console.log(
      `RSS after ${idleSeconds} s idle:  ${rssMb.toFixed(1).padStart(5)} MB   target <= ${TARGET_RSS_MB} MB    ${verdict(rssMb <= TARGET_RSS_MB)}`,
    );
    if (memory.hwmKb != null) console.log(`peak RSS (VmHWM) during that run: ${mb(memory.hwmKb).toFixed(1)} MB`);
  } else {
    console.log(`RSS after ${idleSeconds} s idle: not available (no /proc/<pid>/status on ${os.platform()})`);
  }
  console.log("(MB here are MiB: VmRSS kB / 1024)");
}

main().catch((error) => fail(error instanceof Error ? error.message : String(error)));
