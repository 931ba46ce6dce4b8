#!/usr/bin/env node
// Boot benchmark: how fast the built appliance answers /healthz after it is
// spawned, how much memory it holds once idle, and how much once idle again after
// a burst of sign-ins. `npm run bench:boot` builds first; run directly with
// `node scripts/bench-boot.mjs [--runs N] [--idle-seconds N] [--sign-ins N] [--after-seconds N]`.
//
// Each run starts `node appliance/dist/main.js` on 127.0.0.1 with a fresh data
// folder (so every run is a first boot: migrations and the setup token), an
// empty config file and a free port, and polls /healthz every 5 ms. The
// environment is the one npm start and the systemd unit give it (bench-kit.mjs).
import { readFileSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import {
  applianceEnv,
  cleanUpOnExit,
  freePort,
  machineSummary,
  mainJs,
  makeFail,
  makeTempDir,
  mb,
  parseCommandLine,
  readMemory,
  removeTempDir,
  request,
  requireBuiltAppliance,
  sleep,
  spawnNode,
  verdict,
  waitForHealth,
} from "./bench-kit.mjs";

const TARGET_READY_MS = 1000;
const TARGET_RSS_MB = 90;
const TARGET_RSS_AFTER_SIGN_INS_MB = 100;
const PASSWORD = "bench password 1";
const POLL_MS = 5;
const READY_TIMEOUT_MS = 30_000;
const STOP_TIMEOUT_MS = 10_000;

const usage = `Usage: node scripts/bench-boot.mjs [--runs N] [--idle-seconds N] [--sign-ins N] [--after-seconds N]

Starts appliance/dist/main.js N times (default 5) with a fresh data folder and
reports the time from spawn to the first 200 from /healthz, each and the median.
The last run then stays idle for --idle-seconds (default 60) and its resident
memory (VmRSS) is read from /proc. Then the manager is created and signs in
--sign-ins times, 6 at once (default 12, every fourth with a wrong password; each
check is argon2id with 19 MiB), and VmRSS is read again after --after-seconds
idle (default 10). Set MALLOC_MMAP_THRESHOLD_= (empty) to see it without the
allocator setting that npm start and the systemd unit use.
Targets: ready <= ${TARGET_READY_MS} ms, RSS <= ${TARGET_RSS_MB} MB, RSS after sign-ins <= ${TARGET_RSS_AFTER_SIGN_INS_MB} MB.`;

const fail = makeFail("bench-boot");

function parseOptions() {
  const values = parseCommandLine(
    {
      runs: { type: "string", default: "5" },
      "idle-seconds": { type: "string", default: "60" },
      "sign-ins": { type: "string", default: "12" },
      "after-seconds": { type: "string", default: "10" },
    },
    usage,
    fail,
  );
  const runs = Number(values.runs);
  const idleSeconds = Number(values["idle-seconds"]);
  if (!Number.isInteger(runs) || runs < 1) fail(`--runs must be a whole number of at least 1, got "${values.runs}"`);
  if (!Number.isFinite(idleSeconds) || idleSeconds < 0) {
    fail(`--idle-seconds must be a number of seconds, 0 or more, got "${values["idle-seconds"]}"`);
  }
  const signIns = Number(values["sign-ins"]);
  const afterSeconds = Number(values["after-seconds"]);
  if (!Number.isInteger(signIns) || signIns < 0 || signIns > 100) fail(`--sign-ins must be a whole number from 0 to 100, got "${values["sign-ins"]}"`);
  if (!Number.isFinite(afterSeconds) || afterSeconds < 0) {
    fail(`--after-seconds must be a number of seconds, 0 or more, got "${values["after-seconds"]}"`);
  }
  return { runs, idleSeconds, signIns, afterSeconds };
}

// --- children and temp folders are cleaned up however we exit ----------------

cleanUpOnExit("bench-boot", "the appliance");

// --- helpers --------------------------------------------------------------------

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

const overTarget = (ok) => verdict(ok, "OVER TARGET");

// --- one boot -------------------------------------------------------------------

async function startAppliance() {
  const dataDir = makeTempDir("innbox-bench-");
  const configPath = path.join(dataDir, "bench-config.json");
  writeFileSync(configPath, "{}\n");
  const port = await freePort();

  const startedAt = performance.now();
  const server = spawnNode(
    [mainJs],
    applianceEnv({ port, dataDir: path.join(dataDir, "data"), configPath, logLevel: process.env.LOG_LEVEL ?? "info" }),
    { tailLines: 20 },
  );
  await waitForHealth(server, port, {
    everyMs: POLL_MS,
    timeoutMs: READY_TIMEOUT_MS,
    since: startedAt,
    exitedMessage: ({ code, signal }) =>
      `the appliance exited (code ${code}, signal ${signal}) before /healthz answered. Last output:\n  ${server.logTail.join("\n  ")}`,
    timedOutMessage: () => `/healthz did not answer 200 within ${READY_TIMEOUT_MS} ms. Last output:\n  ${server.logTail.join("\n  ")}`,
  });
  const readyMs = performance.now() - startedAt;

  async function stop() {
    await server.stop(STOP_TIMEOUT_MS, `bench-boot: no exit ${STOP_TIMEOUT_MS} ms after SIGTERM; killing it`);
    removeTempDir(dataDir);
  }

  return { child: server.child, port, dataDir: path.join(dataDir, "data"), readyMs, stop, isRunning: server.running };
}

/** At most this many sign-ins at once: more for one login from one address count as guessing (429). */
const WAVE = 6;

/**
 * Creates the manager, then signs in `count` times, in waves of WAVE at once (a team
 * arriving for the morning shift, not a guesser); resolves with the answers' status codes.
 */
async function signInBurst(boot, count) {
  const token = readFileSync(path.join(boot.dataDir, "setup-token"), "utf8").trim();
  const setup = await request(undefined, boot.port, "POST", "/api/setup", { body: { token, username: "manager", password: PASSWORD } });
  if (setup.status !== 201) fail(`setup answered ${setup.status}: ${setup.text ?? setup.error}`);
  const statuses = [];
  for (let first = 0; first < count; first += WAVE) {
    const wave = await Promise.all(
      Array.from({ length: Math.min(WAVE, count - first) }, (_, j) =>
        request(undefined, boot.port, "POST", "/api/auth/login", { body: { username: "manager", password: (first + j) % 4 === 3 ? "a wrong password" : PASSWORD } }),
      ),
    );
    statuses.push(...wave.map((a) => a.status));
  }
  return statuses;
}

// --- main -----------------------------------------------------------------------

async function main() {
  const { runs, idleSeconds, signIns, afterSeconds } = parseOptions();
  requireBuiltAppliance(fail, "bench:boot");

  console.log(`Innbox boot benchmark: ${machineSummary()}`);
  console.log(`${runs} run${runs === 1 ? "" : "s"}, fresh data folder each, HOST=127.0.0.1, /healthz polled every ${POLL_MS} ms\n`);

  const readyTimes = [];
  let memory = null;
  let afterSignIns = null;
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
      if (signIns > 0 && memory) {
        const statuses = await signInBurst(boot, signIns);
        const unexpected = statuses.filter((s) => s !== 200 && s !== 401);
        if (unexpected.length) fail(`sign-ins answered ${unexpected.join(", ")} (expected 200 or 401)`);
        process.stdout.write(`run ${run}: ${signIns} sign-ins, ${WAVE} at a time, idling ${afterSeconds} s before reading VmRSS again ...`);
        await sleep(afterSeconds * 1000);
        if (!boot.isRunning()) {
          process.stdout.write("\n");
          fail("the appliance exited after the sign-ins");
        }
        afterSignIns = readMemory(boot.child.pid);
        process.stdout.write(" done\n");
      }
    }
    await boot.stop();
  }

  const readyMedian = median(readyTimes);
  console.log("");
  console.log(
    `ready (median of ${runs}): ${readyMedian.toFixed(0).padStart(5)} ms   target <= ${TARGET_READY_MS} ms   ${overTarget(readyMedian <= TARGET_READY_MS)}`,
  );
  console.log(`ready (each):  ${readyTimes.map((ms) => ms.toFixed(0)).join(", ")} ms`);
  if (Number.isFinite(memory?.rssKb)) {
    const rssMb = mb(memory.rssKb);
    console.log(
      `RSS after ${idleSeconds} s idle:  ${rssMb.toFixed(1).padStart(5)} MB   target <= ${TARGET_RSS_MB} MB    ${overTarget(rssMb <= TARGET_RSS_MB)}`,
    );
    if (Number.isFinite(afterSignIns?.rssKb)) {
      const afterMb = mb(afterSignIns.rssKb);
      console.log(
        `RSS idle ${afterSeconds} s after ${signIns} sign-ins: ${afterMb.toFixed(1).padStart(5)} MB   target <= ${TARGET_RSS_AFTER_SIGN_INS_MB} MB   ${overTarget(afterMb <= TARGET_RSS_AFTER_SIGN_INS_MB)}`,
      );
    }
    const hwmKb = afterSignIns?.hwmKb ?? memory.hwmKb;
    if (Number.isFinite(hwmKb)) console.log(`peak RSS (VmHWM) during that run: ${mb(hwmKb).toFixed(1)} MB`);
    const threshold = process.env.MALLOC_MMAP_THRESHOLD_ ?? applianceEnv({}).MALLOC_MMAP_THRESHOLD_;
    console.log(`allocator: ${threshold ? `MALLOC_MMAP_THRESHOLD_=${threshold}` : "glibc defaults (MALLOC_MMAP_THRESHOLD_ unset)"}`);
  } else {
    console.log(`RSS after ${idleSeconds} s idle: not available (no /proc/<pid>/status on ${os.platform()})`);
  }
  console.log("(MB here are MiB: VmRSS kB / 1024)");
}

main().catch((error) => fail(error instanceof Error ? error.message : String(error)));
