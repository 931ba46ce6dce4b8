#!/usr/bin/env node
// Chat benchmark: how many guest messages the built appliance stores and acknowledges
// per second, and how long one takes to reach the staff's socket, compared with a bare
// node:http + better-sqlite3 server doing one insert per POST. `npm run bench:chat`
// builds first; run directly with `node scripts/bench-chat.mjs [options]` (--help).
//
// What it does, all on 127.0.0.1:
//   1. Spawns `node appliance/dist/main.js` (fresh temp data folder, LOG_LEVEL=warn),
//      runs the first-run setup (manager session cookie), opens --guests guest
//      sessions with a socket.io `/guest` socket each, and one `/staff` socket.
//   2. Open-loop steps: POST /api/guest/messages at each --rates rate for --step-seconds,
//      spread round-robin over the guests, through a keep-alive http.Agent
//      (maxSockets --concurrency). Latency "to staff" runs from the moment a POST is
//      issued to the `message` event for its clientId on the staff socket; "201" is
//      the HTTP answer. At most --max-outstanding requests are in flight; what the
//      schedule asks beyond that is counted as "shed" (the server is saturated).
//   3. Closed loop: --concurrency posters, each posting again as soon as its 201
//      arrives, for --max-seconds: the maximum acknowledged rate.
//   4. The same closed loop against the baseline server (this file started with
//      --baseline-server): node:http, JSON body, one INSERT of a messages row per
//      POST on its own SQLite file with WAL and synchronous=FULL (as the appliance's
//      db/database.ts), answering 201 with the row.
// The appliance's resident memory (VmRSS from /proc) is sampled every 200 ms.
import { randomUUID } from "node:crypto";
import { readFileSync, writeFileSync } from "node:fs";
import http from "node:http";
import os from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { fileURLToPath } from "node:url";
import {
  applianceEnv,
  cleanUpOnExit,
  fmt,
  freePort,
  inBatches,
  loadAverage,
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
  wholeOption,
} from "./bench-kit.mjs";

const TARGET_ACKED_PER_S = 1500;
const TARGET_P99_AT_200_MS = 25;
const TARGET_RATIO = 0.5;
const READY_TIMEOUT_MS = 30_000;
const STOP_TIMEOUT_MS = 10_000;
const DRAIN_TIMEOUT_MS = 15_000;

const thisFile = fileURLToPath(import.meta.url);

const usage = `Usage: node scripts/bench-chat.mjs [options]

  --guests N            guest sessions, each with a /guest socket (default 500)
  --rates LIST          open-loop steps in messages/s (default 100,200,400,800,1600,3200)
  --step-seconds S      length of each step (default 4)
  --max-seconds S       length of the closed-loop phase, appliance and baseline (default 10)
  --concurrency N       keep-alive sockets / closed-loop posters (default 64)
  --max-outstanding N   requests in flight before the open loop sheds (default 2000)
  --no-baseline         skip the bare node:http + better-sqlite3 baseline
  --cpu-prof DIR        run the appliance with --cpu-prof, profiles written to DIR

Targets: >= ${TARGET_ACKED_PER_S} acknowledged messages/s, p99 POST -> staff socket <= ${TARGET_P99_AT_200_MS} ms at 200 messages/s,
appliance/baseline throughput >= ${TARGET_RATIO}.`;

const fail = makeFail("bench-chat");

// =====================================================================================
// Baseline server mode: `node scripts/bench-chat.mjs --baseline-server <sqlite file>`
// Listens on 127.0.0.1:$PORT. Kept in this file so the benchmark is self-contained.
// =====================================================================================

async function runBaselineServer(file) {
  const { default: SQLite } = await import("better-sqlite3");
  const db = new SQLite(file);
  db.pragma("journal_mode = WAL");
  db.pragma("synchronous = FULL");
  db.pragma("foreign_keys = ON");
  db.pragma("busy_timeout = 5000");
  // The appliance's messages table and indexes (chat/migrations.ts), without the conversation FK.
  db.exec(`CREATE TABLE IF NOT EXISTS messages (
      seq INTEGER PRIMARY KEY AUTOINCREMENT,
      id TEXT NOT NULL UNIQUE,
      conversation_id TEXT NOT NULL,
      sender TEXT NOT NULL CHECK (sender IN ('guest', 'staff', 'system')),
      text TEXT NOT NULL,
      staff_member_id TEXT,
      staff_name TEXT,
      client_id TEXT,
      created_at TEXT NOT NULL,
      delivered_at TEXT);
    CREATE INDEX IF NOT EXISTS messages_conversation ON messages (conversation_id, seq);
    CREATE UNIQUE INDEX IF NOT EXISTS messages_client_id ON messages (conversation_id, client_id);`);
  const insert = db.prepare(
    "INSERT INTO messages (id, conversation_id, sender, text, client_id, created_at) VALUES (?, ?, 'guest', ?, ?, ?) RETURNING seq",
  );
  const server = http.createServer((req, res) => {
    if (req.method === "GET" && req.url === "/healthz") {
      res.writeHead(200, { "content-type": "application/json" }).end('{"status":"ok"}');
      return;
    }
    if (req.method !== "POST" || req.url !== "/api/guest/messages") {
      res.writeHead(404, { "content-type": "application/json" }).end('{"error":"not found"}');
      return;
    }
    const chunks = [];
    req.on("data", (c) => chunks.push(c));
    req.on("end", () => {
      const token = /^Bearer\s+(\S+)$/i.exec(req.headers.authorization ?? "")?.[1];
      let body;
      try {
        body = JSON.parse(Buffer.concat(chunks).toString("utf8"));
      } catch {
        body = undefined;
      }
      if (!token || typeof body?.text !== "string" || !body.text) {
        res.writeHead(400, { "content-type": "application/json" }).end('{"error":"bad request"}');
        return;
      }
      const id = `g_${randomUUID()}`;
      const createdAt = new Date().toISOString();
      try {
        insert.get(id, token, body.text, body.clientId ?? null, createdAt);
      } catch (err) {
        res.writeHead(500, { "content-type": "application/json" }).end(JSON.stringify({ error: String(err) }));
        return;
      }
      const message = { id, from: "guest", text: body.text, createdAt, ...(body.clientId ? { clientId: body.clientId } : {}) };
      res.writeHead(201, { "content-type": "application/json; charset=utf-8" }).end(JSON.stringify({ message }));
    });
  });
  server.keepAliveTimeout = 5_000;
  server.listen(Number(process.env.PORT), "127.0.0.1");
  const stop = () => server.close(() => (db.close(), process.exit(0)));
  process.on("SIGTERM", stop);
  process.on("SIGINT", stop);
}

// =====================================================================================
// Benchmark mode
// =====================================================================================

function parseOptions() {
  const values = parseCommandLine(
    {
      guests: { type: "string", default: "500" },
      rates: { type: "string", default: "100,200,400,800,1600,3200" },
      "step-seconds": { type: "string", default: "4" },
      "max-seconds": { type: "string", default: "10" },
      concurrency: { type: "string", default: "64" },
      "max-outstanding": { type: "string", default: "2000" },
      "no-baseline": { type: "boolean", default: false },
      "cpu-prof": { type: "string" },
      "baseline-server": { type: "string" },
    },
    usage,
    fail,
  );
  const whole = (name, min, max) => wholeOption(values, name, min, max, fail);
  const seconds = (name) => {
    const n = Number(values[name]);
    if (!Number.isFinite(n) || n <= 0 || n > 120) fail(`--${name} must be a number of seconds above 0 and at most 120, got "${values[name]}"`);
    return n;
  };
  const rates = values.rates.split(",").map((s) => Number(s.trim()));
  if (!rates.length || rates.some((r) => !Number.isFinite(r) || r <= 0 || r > 50_000)) fail(`--rates must be numbers above 0 (at most 50000), got "${values.rates}"`);
  return {
    baselineServer: values["baseline-server"],
    guests: whole("guests", 1, 5000),
    rates,
    stepSeconds: seconds("step-seconds"),
    maxSeconds: seconds("max-seconds"),
    concurrency: whole("concurrency", 1, 1024),
    maxOutstanding: whole("max-outstanding", 1, 100_000),
    baseline: !values["no-baseline"],
    cpuProf: values["cpu-prof"] ? path.resolve(values["cpu-prof"]) : undefined,
  };
}

// --- small helpers -----------------------------------------------------------------------

const now = () => performance.now();

function percentile(sorted, p) {
  if (!sorted.length) return NaN;
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[index];
}

function summary(values) {
  const sorted = Float64Array.from(values).sort();
  return { n: sorted.length, p50: percentile(sorted, 50), p99: percentile(sorted, 99), max: sorted.length ? sorted[sorted.length - 1] : NaN };
}

/** CPU seconds (user + system) a process has used, from /proc/<pid>/stat; null without /proc. */
function readCpuSeconds(pid) {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    return (Number(fields[11]) + Number(fields[12])) / 100; // utime, stime in USER_HZ (100 on Linux)
  } catch {
    return null;
  }
}

const ownCpuSeconds = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1e6;
};

/** Tracks CPU share of the server child and of this process over a phase. */
function cpuMeter(pid) {
  const t0 = now();
  const child0 = readCpuSeconds(pid);
  const own0 = ownCpuSeconds();
  return () => {
    const wall = (now() - t0) / 1000;
    const child1 = readCpuSeconds(pid);
    return {
      server: child0 === null || child1 === null ? NaN : ((child1 - child0) / wall) * 100,
      bench: ((ownCpuSeconds() - own0) / wall) * 100,
    };
  };
}

// --- a server child (the appliance or the baseline) -----------------------------------

async function startChild(label, args, env, healthPort) {
  const server = spawnNode(args, env, { tailLines: 30 });
  const { child, logTail } = server;
  await waitForHealth(server, healthPort, {
    everyMs: 20,
    timeoutMs: READY_TIMEOUT_MS,
    exitedMessage: ({ code, signal }) => `${label} exited (code ${code}, signal ${signal}) before /healthz answered:\n  ${logTail.join("\n  ")}`,
    timedOutMessage: () => `${label}: /healthz did not answer 200 within ${READY_TIMEOUT_MS} ms:\n  ${logTail.join("\n  ")}`,
  });

  // Samples resident memory while it runs.
  let peakRssKb = 0;
  const sampler = setInterval(() => {
    const m = readMemory(child.pid);
    if (m && m.rssKb > peakRssKb) peakRssKb = m.rssKb;
  }, 200);

  return {
    child,
    logTail,
    peakRssKb: () => peakRssKb,
    memory: () => readMemory(child.pid),
    running: server.running,
    async stop() {
      clearInterval(sampler);
      await server.stop(STOP_TIMEOUT_MS, `bench-chat: ${label} did not exit ${STOP_TIMEOUT_MS} ms after SIGTERM; killing it`);
    },
  };
}

// --- HTTP: JSON bodies of the answers ----------------------------------------------------

const json = (res) => {
  try {
    return JSON.parse(res.text);
  } catch {
    return undefined;
  }
};

// --- the load: one message POST, with its two latencies -----------------------------------

/**
 * Keeps per-message timing: issued → 201 (ack) and issued → staff socket `message`
 * (deliver). Either may come first (the socket event is emitted right after commit).
 */
function createTracker() {
  const open = new Map(); // clientId -> { t0, phase, acked, delivered }
  let phase = null;
  let seq = 0;
  let outstandingRequests = 0;

  function newPhase(name) {
    phase = { name, issued: 0, acked: 0, ackedInWindow: 0, windowEnd: Infinity, errors: 0, errorSamples: new Map(), shed: 0, ackMs: [], deliverMs: [], delivered: 0 };
    return phase;
  }

  function settle(entry, clientId) {
    if (entry.acked && entry.delivered) open.delete(clientId);
  }

  return {
    newPhase,
    get outstandingRequests() {
      return outstandingRequests;
    },
    /** Messages of `p` not yet both acknowledged and seen on the staff socket. */
    unsettled(p) {
      let n = 0;
      for (const e of open.values()) if (e.phase === p) n++;
      return n;
    },
    forgetPhase(p) {
      for (const [id, e] of open) if (e.phase === p) open.delete(id);
    },
    onStaffMessage(payload) {
      const clientId = payload?.message?.clientId;
      if (!clientId) return;
      const entry = open.get(clientId);
      if (!entry || entry.delivered) return;
      entry.delivered = true;
      entry.phase.delivered++;
      entry.phase.deliverMs.push(now() - entry.t0);
      settle(entry, clientId);
    },
    /** Posts one message; resolves once its HTTP answer is in. */
    post(agent, port, guest) {
      const p = phase;
      const clientId = `b${++seq}`;
      const entry = { t0: now(), phase: p, acked: false, delivered: false };
      open.set(clientId, entry);
      p.issued++;
      outstandingRequests++;
      return request(agent, port, "POST", "/api/guest/messages", {
        body: { text: `bench message ${seq} from ${guest.tag}`, clientId },
        headers: { authorization: `Bearer ${guest.token}` },
      }).then((res) => {
        outstandingRequests--;
        const t = now();
        if (res.status === 201) {
          entry.acked = true;
          p.acked++;
          if (t <= p.windowEnd) p.ackedInWindow++;
          p.ackMs.push(t - entry.t0);
          settle(entry, clientId);
        } else {
          p.errors++;
          const key = res.status ? `HTTP ${res.status}` : res.error ?? "no answer";
          p.errorSamples.set(key, (p.errorSamples.get(key) ?? 0) + 1);
          open.delete(clientId);
        }
      });
    },
  };
}

/** Open loop: issues messages on schedule whatever the answers; sheds beyond maxOutstanding. */
async function openLoopStep(ctx, rate, seconds) {
  const { tracker, agent, port, guests, maxOutstanding } = ctx;
  const p = tracker.newPhase(`${rate}/s`);
  const total = Math.round(rate * seconds);
  const meter = cpuMeter(ctx.serverPid);
  const start = now();
  p.windowEnd = start + seconds * 1000;
  let scheduled = 0;
  while (scheduled < total) {
    const due = Math.min(total, Math.floor(((now() - start) / 1000) * rate) + 1);
    while (scheduled < due) {
      scheduled++;
      if (tracker.outstandingRequests >= maxOutstanding) {
        p.shed++;
        continue;
      }
      void tracker.post(agent, port, guests[ctx.nextGuest++ % guests.length]);
    }
    await sleep(1);
  }
  const remaining = p.windowEnd - now();
  if (remaining > 0) await sleep(remaining);
  p.cpu = meter();
  p.rssKb = ctx.memory()?.rssKb ?? NaN;
  p.seconds = seconds;
  // Let the step's messages finish before the next step starts (bounded).
  const drainStart = now();
  while (tracker.unsettled(p) > 0 && now() - drainStart < DRAIN_TIMEOUT_MS) await sleep(20);
  p.drainMs = now() - drainStart;
  p.unsettled = tracker.unsettled(p);
  tracker.forgetPhase(p);
  return p;
}

/** Closed loop: `concurrency` posters, each posting again as soon as its answer is in. */
async function closedLoop(ctx, seconds, { waitForStaff = true } = {}) {
  const { tracker, agent, port, guests, concurrency } = ctx;
  const p = tracker.newPhase(`max (${concurrency} posters)`);
  const meter = cpuMeter(ctx.serverPid);
  const start = now();
  const end = start + seconds * 1000;
  p.windowEnd = end;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (now() < end) await tracker.post(agent, port, guests[ctx.nextGuest++ % guests.length]);
    }),
  );
  p.cpu = meter();
  p.rssKb = ctx.memory()?.rssKb ?? NaN;
  p.seconds = seconds;
  const drainStart = now();
  while (waitForStaff && tracker.unsettled(p) > 0 && now() - drainStart < DRAIN_TIMEOUT_MS) await sleep(20);
  p.unsettled = waitForStaff ? tracker.unsettled(p) : 0;
  tracker.forgetPhase(p);
  return p;
}

function stepLine(p, withStaff = true) {
  const ack = summary(p.ackMs);
  const del = summary(p.deliverMs);
  const errs = p.errors ? ` [${[...p.errorSamples].map(([k, v]) => `${k} x${v}`).join(", ")}]` : "";
  const cols = [
    p.name.padEnd(20),
    fmt(p.ackedInWindow / p.seconds).padStart(9),
    String(p.errors).padStart(6),
    String(p.shed).padStart(6),
    `${fmt(ack.p50)} / ${fmt(ack.p99)}`.padStart(16),
    withStaff ? `${fmt(del.p50)} / ${fmt(del.p99)}`.padStart(18) : "-".padStart(18),
    `${fmt(p.cpu.server, 0)}%`.padStart(7),
    `${fmt(p.cpu.bench, 0)}%`.padStart(7),
    fmt(mb(p.rssKb)).padStart(7),
  ];
  let line = cols.join(" ");
  if (withStaff && p.unsettled) line += `  (${p.unsettled} not settled ${DRAIN_TIMEOUT_MS / 1000} s after the step)`;
  return line + errs;
}

const HEADER = `${"phase".padEnd(20)} ${"acked/s".padStart(9)} ${"errors".padStart(6)} ${"shed".padStart(6)} ${"201 p50/p99 ms".padStart(16)} ${"staff p50/p99 ms".padStart(18)} ${"srv CPU".padStart(7)} ${"bench".padStart(7)} ${"RSS MB".padStart(7)}`;

// --- appliance phase ----------------------------------------------------------------------

async function benchAppliance(opts) {
  const { io } = await import("socket.io-client");
  const dir = makeTempDir("innbox-bench-chat-");
  const dataDir = path.join(dir, "data");
  const configPath = path.join(dir, "config.json");
  // Hundreds of guests from one loopback address, each posting several messages a second:
  // lift the per-address and per-conversation limits meant for the public internet.
  writeFileSync(configPath, `${JSON.stringify({ chat: { guestSessionsPerMinute: 1_000_000, guestMessagesPerMinute: 1_000_000 } })}\n`);
  const port = await freePort();
  const nodeArgs = opts.cpuProf ? ["--cpu-prof", `--cpu-prof-dir=${opts.cpuProf}`] : [];
  const t0 = now();
  const appliance = await startChild("the appliance", [...nodeArgs, mainJs], applianceEnv({ port, dataDir, configPath, logLevel: "warn" }), port);
  console.log(`appliance: pid ${appliance.child.pid} on 127.0.0.1:${port}, data in ${dataDir}, ready in ${fmt(now() - t0, 0)} ms`);

  const setupAgent = new http.Agent({ keepAlive: true, maxSockets: 32 });
  const token = readFileSync(path.join(dataDir, "setup-token"), "utf8").trim();
  const setup = await request(setupAgent, port, "POST", "/api/setup", {
    body: { token, username: "manager", password: "correct horse battery", propertyName: "Hotel Bench" },
  });
  if (setup.status !== 201) throw new Error(`setup answered ${setup.status}: ${setup.text}`);
  const cookie = String([setup.headers["set-cookie"]].flat()[0] ?? "").split(";")[0];
  if (!cookie) throw new Error("setup set no session cookie");
  const property = json(await request(setupAgent, port, "GET", "/api/property", { headers: { cookie } }));
  if (!property?.slug) throw new Error("GET /api/property gave no slug");

  let t = now();
  const guests = await inBatches(opts.guests, 16, async (i) => {
    const tag = `Room${i + 1}`;
    const res = await request(setupAgent, port, "POST", "/api/guest/sessions", { body: { slug: property.slug, tag } });
    if (res.status !== 201) throw new Error(`createGuestSession answered ${res.status}: ${res.text}`);
    return { ...json(res), tag };
  });
  const sessionsMs = now() - t;

  const sockets = [];
  const connect = (namespace, options) =>
    new Promise((resolve, reject) => {
      const socket = io(`http://127.0.0.1:${port}${namespace}`, { transports: ["websocket"], reconnection: false, forceNew: true, ...options });
      sockets.push(socket);
      const timer = setTimeout(() => reject(new Error(`${namespace} socket did not connect in 10 s`)), 10_000);
      socket.once("connect", () => (clearTimeout(timer), resolve(socket)));
      socket.once("connect_error", (err) => (clearTimeout(timer), reject(new Error(`${namespace} socket refused: ${err.message}`))));
    });
  t = now();
  const staff = await connect("/staff", { extraHeaders: { cookie } });
  let guestEvents = 0;
  await inBatches(guests.length, 50, async (i) => {
    const socket = await connect("/guest", { auth: { token: guests[i].token } });
    socket.on("message", () => guestEvents++);
  });
  const socketsMs = now() - t;
  let disconnects = 0;
  for (const s of sockets) s.on("disconnect", () => disconnects++);
  await sleep(1000);
  const idle = appliance.memory();
  console.log(
    `setup: ${guests.length} guest sessions in ${fmt(sessionsMs / 1000, 2)} s; ${guests.length} /guest sockets + 1 /staff socket connected in ${fmt(socketsMs / 1000, 2)} s; RSS then ${fmt(mb(idle?.rssKb ?? NaN))} MB\n`,
  );

  const tracker = createTracker();
  staff.on("message", (payload) => tracker.onStaffMessage(payload));
  const agent = new http.Agent({ keepAlive: true, maxSockets: opts.concurrency });
  const ctx = { tracker, agent, port, guests, nextGuest: 0, maxOutstanding: opts.maxOutstanding, concurrency: opts.concurrency, serverPid: appliance.child.pid, memory: appliance.memory };

  // A short warm-up so the first step does not pay for JIT compilation.
  tracker.newPhase("warm-up");
  await inBatches(400, 16, () => tracker.post(agent, port, guests[ctx.nextGuest++ % guests.length]));
  await sleep(300);

  console.log(`open loop, ${opts.stepSeconds} s per step, round-robin over ${guests.length} guests, keep-alive agent maxSockets ${opts.concurrency}:`);
  console.log(HEADER);
  const steps = [];
  let saturated = null;
  for (const rate of opts.rates) {
    if (saturated) {
      console.log(`${`${rate}/s`.padEnd(20)} skipped: the ${saturated}/s step acknowledged less than half of what it offered`);
      continue;
    }
    const p = await openLoopStep(ctx, rate, opts.stepSeconds);
    p.rate = rate;
    steps.push(p);
    console.log(stepLine(p));
    if (!appliance.running()) throw new Error(`the appliance exited during the ${rate}/s step:\n  ${appliance.logTail.join("\n  ")}`);
    if (p.ackedInWindow / p.seconds < rate * 0.5) saturated = rate;
  }
  const max = await closedLoop(ctx, opts.maxSeconds);
  console.log(`closed loop, ${opts.maxSeconds} s:`);
  console.log(stepLine(max));
  const end = appliance.memory();
  const peak = Math.max(appliance.peakRssKb(), end?.rssKb ?? 0);
  console.log(
    `appliance memory: RSS ${fmt(mb(idle?.rssKb ?? NaN))} MB with sockets connected before load, ${fmt(mb(end?.rssKb ?? NaN))} MB at the end, peak sampled ${fmt(mb(peak))} MB (VmHWM ${fmt(mb(end?.hwmKb ?? NaN))} MB)`,
  );
  console.log(`socket events: ${guestEvents} \`message\` on guest sockets; ${disconnects} sockets disconnected during the run`);

  for (const s of sockets) s.close();
  agent.destroy();
  setupAgent.destroy();
  await appliance.stop();
  removeTempDir(dir);
  return { steps, max, idleRssKb: idle?.rssKb, peakRssKb: peak };
}

// --- baseline phase -------------------------------------------------------------------

async function benchBaseline(opts) {
  const dir = makeTempDir("innbox-bench-baseline-");
  const port = await freePort();
  const server = await startChild("the baseline server", [thisFile, "--baseline-server", path.join(dir, "baseline.sqlite")], { PORT: String(port) }, port);
  const tracker = createTracker();
  const agent = new http.Agent({ keepAlive: true, maxSockets: opts.concurrency });
  const guests = Array.from({ length: opts.guests }, (_, i) => ({ token: `c_baseline_${i + 1}`, tag: `Room${i + 1}` }));
  const ctx = { tracker, agent, port, guests, nextGuest: 0, concurrency: opts.concurrency, serverPid: server.child.pid, memory: server.memory };
  tracker.newPhase("warm-up");
  await inBatches(400, 16, () => tracker.post(agent, port, guests[ctx.nextGuest++ % guests.length]));
  const max = await closedLoop(ctx, opts.maxSeconds, { waitForStaff: false });
  console.log(`\nbaseline: bare node:http + better-sqlite3 (WAL, synchronous=FULL), one INSERT per POST, same closed loop, ${opts.maxSeconds} s:`);
  console.log(HEADER);
  console.log(stepLine(max, false));
  agent.destroy();
  await server.stop();
  removeTempDir(dir);
  return { max };
}

// --- main -----------------------------------------------------------------------------------

async function main() {
  const opts = parseOptions();
  if (opts.baselineServer) return runBaselineServer(opts.baselineServer);

  cleanUpOnExit("bench-chat", "the servers");
  requireBuiltAppliance(fail, "bench:chat");

  const started = now();
  console.log(`Innbox chat benchmark: ${machineSummary()} (${os.cpus()[0]?.model ?? "?"}), load average ${loadAverage()}; load generator in this process`);
  const app = await benchAppliance(opts);
  const baseline = opts.baseline ? await benchBaseline(opts) : null;

  const appMax = app.max.ackedInWindow / app.max.seconds;
  const bestStep = Math.max(0, ...app.steps.map((s) => s.ackedInWindow / s.seconds));
  const acked = Math.max(appMax, bestStep);
  const at200 = app.steps.find((s) => s.rate === 200);
  const p99At200 = at200 ? summary(at200.deliverMs).p99 : NaN;
  const baseMax = baseline ? baseline.max.ackedInWindow / baseline.max.seconds : NaN;
  const ratio = appMax / baseMax;
  const totalErrors = app.steps.reduce((n, s) => n + s.errors, 0) + app.max.errors;

  console.log("\nresults                                     figure        target");
  console.log(`acknowledged messages/s (best of max, steps) ${fmt(acked).padStart(9)}     >= ${TARGET_ACKED_PER_S}     ${verdict(acked >= TARGET_ACKED_PER_S)}`);
  console.log(
    `p99 POST -> staff socket at 200 msg/s        ${`${fmt(p99At200)} ms`.padStart(9)}     <= ${TARGET_P99_AT_200_MS} ms    ${at200 ? verdict(p99At200 <= TARGET_P99_AT_200_MS) : "(no 200/s step)"}`,
  );
  console.log(
    `appliance / baseline max throughput          ${fmt(ratio, 2).padStart(9)}     >= ${TARGET_RATIO}      ${baseline ? `${verdict(ratio >= TARGET_RATIO)}  (${fmt(appMax)} / ${fmt(baseMax)} msg/s)` : "(baseline skipped)"}`,
  );
  console.log(`errors (non-201 or no answer)                ${String(totalErrors).padStart(9)}`);
  console.log(`appliance RSS, sockets connected / peak      ${fmt(mb(app.idleRssKb ?? NaN))} / ${fmt(mb(app.peakRssKb))} MB`);
  console.log(
    `\nacked/s counts 201s that arrived within the phase; latencies start when the POST is issued (agent queueing included). "srv CPU" is the server process's CPU over the phase (100% = one core), "bench" this process's. whole run ${fmt((now() - started) / 1000)} s.`,
  );
}

main().catch((error) => fail(error instanceof Error ? error.stack ?? error.message : String(error)));
