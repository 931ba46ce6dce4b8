#!/usr/bin/env node
// Telegram relay benchmark: how close the appliance's outbox gets to what Telegram's
// sending limits allow, without a single 429, and whether every staff chat gets every
// guest message once and in order. `npm run bench:relay` builds first; run directly with
// `node scripts/bench-relay.mjs [options]` (--help).
//
// The Bot API peer is the test suite's emulator (test/helpers/telegram-emulator.ts) with
// Telegram's limits imposed (enforceLimits: 30 messages/s overall; per private chat a
// burst of 3 then 1/s). It is TypeScript, so it is loaded with Vite's module runner
// (`runnerImport` from the vite devDependency, the same transform vitest uses): no tsx,
// no vitest run, and the benchmark stays a plain Node script. It runs in this process;
// the appliance is the built `node appliance/dist/main.js` in a child process (fresh
// temp data folder, LOG_LEVEL=warn) whose config file points telegram.apiRoot at the
// emulator and otherwise keeps the shipped defaults (unless --config overrides them).
//
// Scenarios (each: guests post their messages as fast as the 201s come back, then we
// wait until every relay has been accepted by the emulator):
//   tour      --tour-guests guests (default 20, a tour group checking in) each send
//             --tour-messages messages (default 5) at once to --tour-staff staff chats
//             (default 3): how long until every staff chat has every message. Waiting
//             messages of one guest to one staff chat go out as one bot message, so this
//             takes about one send per guest per chat, not one per message.
//   per-chat  --staff linked staff chats (default 10): the per-chat 1/s limit binds.
//   overall   --wide-staff chats (default 40): the 30/s overall limit binds.
import { readFileSync, writeFileSync } from "node:fs";
import http from "node:http";
import path from "node:path";
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
  parseCommandLine,
  readMemory,
  removeTempDir,
  repoRoot,
  request as httpRequest,
  requireBuiltAppliance,
  sleep,
  spawnNode,
  verdict,
  waitForHealth,
  wholeOption,
} from "./bench-kit.mjs";

const TARGET_RATIO = 0.9;
const TARGET_429 = 0;
// Telegram's limits as the emulator enforces them (its defaults).
const LIMIT_PER_SECOND = 30;
const LIMIT_PRIVATE_BURST = 3;
const LIMIT_PRIVATE_PER_SECOND = 1;
const READY_TIMEOUT_MS = 30_000;
const STOP_TIMEOUT_MS = 15_000;

const emulatorTs = path.join(repoRoot, "test", "helpers", "telegram-emulator.ts");

const usage = `Usage: node scripts/bench-relay.mjs [options]

  --only LIST         comma-separated scenarios to run: tour, per-chat, overall (default all)
  --tour-guests N     guests in the tour scenario (default 20)
  --tour-messages N   messages each tour guest sends at once (default 5)
  --tour-staff N      linked staff chats in the tour scenario (default 3; 0 skips it)
  --guests N          web guests posting in the per-chat and overall scenarios (default 60)
  --staff N           linked staff chats in the per-chat scenario (default 10)
  --messages N        guest messages in the per-chat scenario (default 60 -> 600 relays)
  --wide-staff N      linked staff chats in the overall scenario (default 40; 0 skips it)
  --wide-messages N   guest messages in the overall scenario (default 30 -> 1200 relays)
  --config JSON       merged into the appliance's config file, e.g. '{"telegram":{"perSecond":30}}'
  --dump FILE         also write every sendMessage request the emulator saw (time, chat, status) as JSON

Targets: sendMessage accepted / allowed by the limits >= ${TARGET_RATIO}; 429 answers = ${TARGET_429};
every staff chat gets every guest message exactly once, in the order they were stored; in the tour
scenario, every guest's messages in order and never in one bot message with another guest's.`;

const fail = makeFail("bench-relay");

function parseOptions() {
  const values = parseCommandLine(
    {
      only: { type: "string", default: "tour,per-chat,overall" },
      "tour-guests": { type: "string", default: "20" },
      "tour-messages": { type: "string", default: "5" },
      "tour-staff": { type: "string", default: "3" },
      guests: { type: "string", default: "60" },
      staff: { type: "string", default: "10" },
      messages: { type: "string", default: "60" },
      "wide-staff": { type: "string", default: "40" },
      "wide-messages": { type: "string", default: "30" },
      config: { type: "string", default: "{}" },
      dump: { type: "string" },
    },
    usage,
    fail,
  );
  const whole = (name, min, max) => wholeOption(values, name, min, max, fail);
  let config;
  try {
    config = JSON.parse(values.config);
  } catch (error) {
    fail(`--config is not JSON: ${error.message}`);
  }
  if (!config || typeof config !== "object" || Array.isArray(config)) fail("--config must be a JSON object");
  const staff = whole("staff", 1, 200);
  const wideStaff = whole("wide-staff", 0, 200);
  if (wideStaff && wideStaff <= staff) fail("--wide-staff must be 0 or more than --staff (the per-chat scenario's chats are reused and more are linked)");
  const only = new Set(values.only.split(",").map((s) => s.trim()).filter(Boolean));
  for (const name of only) if (!["tour", "per-chat", "overall"].includes(name)) fail(`--only: unknown scenario "${name}" (tour, per-chat, overall)`);
  const tourStaff = whole("tour-staff", 0, 200);
  if (tourStaff > staff && only.has("per-chat")) fail("--tour-staff must be at most --staff (the tour's chats are reused by the per-chat scenario)");
  return {
    only,
    tourGuests: whole("tour-guests", 1, 2000),
    tourMessages: whole("tour-messages", 1, 1000),
    tourStaff,
    guests: whole("guests", 1, 2000),
    staff,
    messages: whole("messages", 1, 20_000),
    wideStaff,
    wideMessages: whole("wide-messages", 1, 20_000),
    config,
    dump: values.dump ? path.resolve(values.dump) : undefined,
  };
}

// --- helpers -------------------------------------------------------------------------------

function deepMerge(base, extra) {
  const out = { ...base };
  for (const [key, value] of Object.entries(extra)) {
    out[key] = value && typeof value === "object" && !Array.isArray(value) && typeof out[key] === "object" ? deepMerge(out[key], value) : value;
  }
  return out;
}

const agent = new http.Agent({ keepAlive: true, maxSockets: 32 });

/** A JSON request through the shared keep-alive agent; `body` is the parsed answer (its text when not JSON). */
async function request(port, method, urlPath, options) {
  const res = await httpRequest(agent, port, method, urlPath, options);
  if (res.error !== undefined) return { status: 0, headers: {}, body: { error: res.error } };
  let parsed;
  try {
    parsed = JSON.parse(res.text);
  } catch {
    parsed = res.text;
  }
  return { status: res.status, headers: res.headers, body: parsed };
}

/** Every match of a global marker RegExp in a text (matchAll works on a copy: no lastIndex left behind). */
const markersIn = (text, marker) => [...text.matchAll(marker)];

async function waitUntil(check, timeoutMs, what) {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    if (await check()) return;
    await sleep(50);
  }
  throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
}

// --- the appliance -------------------------------------------------------------------------

async function startAppliance(config) {
  const dir = makeTempDir("innbox-bench-relay-");
  const dataDir = path.join(dir, "data");
  const configPath = path.join(dir, "config.json");
  writeFileSync(configPath, `${JSON.stringify(config, null, 2)}\n`);
  const port = await freePort();
  const server = spawnNode([mainJs], applianceEnv({ port, dataDir, configPath, logLevel: "warn" }), { tailLines: 30 });
  await waitForHealth(server, port, {
    everyMs: 50,
    timeoutMs: READY_TIMEOUT_MS,
    exitedMessage: ({ code, signal }) => `the appliance exited (code ${code}, signal ${signal}):\n  ${server.logTail.join("\n  ")}`,
    timedOutMessage: () => `timed out after ${READY_TIMEOUT_MS} ms waiting for /healthz`,
  });
  return {
    child: server.child,
    port,
    dataDir,
    logTail: server.logTail,
    running: server.running,
    stop: () => server.stop(STOP_TIMEOUT_MS, `bench-relay: the appliance did not exit ${STOP_TIMEOUT_MS} ms after SIGTERM; killing it`),
    removeData: () => removeTempDir(dir),
  };
}

// --- one scenario ------------------------------------------------------------------------------

/** Allowed sendMessage count in a window of T seconds that starts with full buckets and an empty 1 s window. */
function allowedIn(seconds, chats) {
  const whole = Math.floor(seconds);
  const overall = LIMIT_PER_SECOND * (whole + 1);
  const perChat = chats * (LIMIT_PRIVATE_BURST + Math.floor(seconds * LIMIT_PRIVATE_PER_SECOND));
  return { overall, perChat, allowed: Math.min(overall, perChat) };
}

async function runScenario(ctx, { name, staffUsers, messages }) {
  const { tg, app, slug, guestsPerScenario } = ctx;
  const chatIds = new Set(staffUsers.map((u) => u.chatId));
  const relays = messages * staffUsers.length;
  const expectedRate = Math.min(LIMIT_PER_SECOND, staffUsers.length * LIMIT_PRIVATE_PER_SECOND);
  console.log(
    `\n[${name}] ${staffUsers.length} staff chats, ${guestsPerScenario} guests posting ${messages} messages -> ${relays} relays; at most ~${expectedRate}/s can pass, so >= ~${fmt(Math.max(0, relays - staffUsers.length * LIMIT_PRIVATE_BURST) / expectedRate, 0)} s`,
  );

  const guests = await inBatches(guestsPerScenario, 8, async (i) => {
    const res = await request(app.port, "POST", "/api/guest/sessions", { body: { slug, tag: `Room${i + 1}`, name: `Guest ${name} ${i + 1}` } });
    if (res.status !== 201) throw new Error(`createGuestSession answered ${res.status}: ${JSON.stringify(res.body)}`);
    return res.body;
  });

  // Let every private chat's bucket refill and the 1 s window empty before we start.
  await sleep(LIMIT_PRIVATE_BURST * 1000 + 500);
  const rateLimited0 = tg.stats.rateLimited;
  const calls0 = tg.stats.calls.sendMessage ?? 0;
  const sentIndex0 = tg.sent.length;
  // Global: one bot message may quote several waiting messages of one guest.
  const marker = new RegExp(`relay bench ${name} m(\\d+)\\b`, "g");

  // Each guest posts its share one after the other (next POST once the 201 is in); guests in parallel.
  const tStart = Date.now();
  let postErrors = 0;
  let acked = 0;
  await Promise.all(
    guests.map(async (guest, g) => {
      for (let k = g; k < messages; k += guests.length) {
        const res = await request(app.port, "POST", "/api/guest/messages", {
          body: { text: `relay bench ${name} m${k} from guest ${g + 1}`, clientId: `${name}-${k}` },
          headers: { authorization: `Bearer ${guest.token}` },
        });
        if (res.status === 201) acked++;
        else postErrors++;
      }
    }),
  );
  const postedMs = Date.now() - tStart;

  // Wait until the emulator accepted every relay (bounded: twice the ideal time plus 30 s).
  let relayed = 0;
  let scanned = sentIndex0;
  const deadlineMs = (relays / expectedRate) * 2000 + 30_000;
  let timedOut = false;
  try {
    await waitUntil(
      () => {
        for (; scanned < tg.sent.length; scanned++) {
          const s = tg.sent[scanned];
          if (chatIds.has(s.chatId)) relayed += markersIn(s.text, marker).length;
        }
        if (!app.running()) throw new Error(`the appliance exited:\n  ${app.logTail.join("\n  ")}`);
        return relayed >= acked * staffUsers.length;
      },
      deadlineMs,
      `${acked * staffUsers.length} relays`,
    );
  } catch (err) {
    if (!app.running()) throw err;
    timedOut = true;
  }
  const sent = tg.sent.slice(sentIndex0);
  const relaySends = sent.filter((s) => chatIds.has(s.chatId) && markersIn(s.text, marker).length > 0);
  const tEnd = relaySends.length ? relaySends[relaySends.length - 1].at : Date.now();
  const seconds = (tEnd - tStart) / 1000;
  const inWindow = sent.filter((s) => s.at >= tStart && s.at <= tEnd).length;
  const { overall, perChat, allowed } = allowedIn(seconds, staffUsers.length);
  const ratio = inWindow / allowed;
  const rateLimited = tg.stats.rateLimited - rateLimited0;
  const attempts = (tg.stats.calls.sendMessage ?? 0) - calls0;

  // Accepted sends per second of the run, and the spacing per chat.
  const perSecond = new Array(Math.max(1, Math.ceil(seconds))).fill(0);
  for (const s of sent) if (s.at >= tStart && s.at <= tEnd) perSecond[Math.min(perSecond.length - 1, Math.floor((s.at - tStart) / 1000))]++;
  const gaps = [];
  const lastAt = new Map();
  for (const s of relaySends) {
    const prev = lastAt.get(s.chatId);
    if (prev !== undefined) gaps.push(s.at - prev);
    lastAt.set(s.chatId, s.at);
  }
  gaps.sort((a, b) => a - b);
  const firstRelayMs = relaySends.length ? relaySends[0].at - tStart : NaN;

  console.log(`  guests' POSTs: ${acked} answered 201 in ${fmt(postedMs / 1000, 2)} s, ${postErrors} failed; first relay accepted ${fmt(firstRelayMs, 0)} ms after the first POST`);
  console.log(`  relays accepted: ${relayed} / ${acked * staffUsers.length} in ${relaySends.length} bot messages${timedOut ? `  (TIMED OUT after ${fmt(deadlineMs / 1000, 0)} s)` : ""}; all delivered ${fmt(seconds, 2)} s after the first POST`);
  console.log(
    `  sendMessage accepted in that window: ${inWindow} = ${fmt(inWindow / seconds, 2)}/s; attempts ${attempts}; 429 answers ${rateLimited}`,
  );
  console.log(
    `  allowed in ${fmt(seconds, 2)} s: min(overall ${LIMIT_PER_SECOND} x (floor(T)+1) = ${overall}, per chat ${staffUsers.length} x (${LIMIT_PRIVATE_BURST} + floor(T x ${LIMIT_PRIVATE_PER_SECOND})) = ${perChat}) = ${allowed}`,
  );
  console.log(`  sent/allowed = ${inWindow}/${allowed} = ${fmt(ratio, 3)}`);
  console.log(
    `  gap between two sends to one chat: min ${fmt(gaps[0] ?? NaN, 0)} ms, median ${fmt(gaps[Math.floor(gaps.length / 2)] ?? NaN, 0)} ms, max ${fmt(gaps[gaps.length - 1] ?? NaN, 0)} ms`,
  );
  console.log(`  accepted per second: ${perSecond.join(" ")}`);
  return { name, chatIds: [...chatIds], seconds, inWindow, allowed, ratio, rateLimited, postErrors, acked, relays: relaySends, timedOut, marker };
}

/**
 * A tour group checking in: every guest sends several messages at once. Measures how long
 * until every staff chat has every message, and checks that each bot message quotes one
 * guest only and that each guest's messages arrive in order.
 */
async function runTourScenario(ctx, { staffUsers, guestCount, perGuest }) {
  const { tg, app, slug } = ctx;
  const chatIds = new Set(staffUsers.map((u) => u.chatId));
  const total = guestCount * perGuest;
  console.log(
    `\n[tour] ${guestCount} guests each send ${perGuest} messages at once (${total} messages) to ${staffUsers.length} staff chats; one bot message per message would need ${total} sends per chat (>= ~${fmt(Math.max(0, total - LIMIT_PRIVATE_BURST) / LIMIT_PRIVATE_PER_SECOND, 0)} s at 1/s per chat)`,
  );
  const guests = await inBatches(guestCount, 8, async (i) => {
    const res = await request(app.port, "POST", "/api/guest/sessions", { body: { slug, tag: `Room${101 + i}`, name: `Tour guest ${i + 1}` } });
    if (res.status !== 201) throw new Error(`createGuestSession answered ${res.status}: ${JSON.stringify(res.body)}`);
    return res.body;
  });
  await sleep(LIMIT_PRIVATE_BURST * 1000 + 500);
  const rateLimited0 = tg.stats.rateLimited;
  const calls0 = tg.stats.calls.sendMessage ?? 0;
  const sentIndex0 = tg.sent.length;
  const marker = /tour g(\d+) m(\d+)\b/g;

  const ackedAt = new Map(); // "g:m" -> when the 201 came back
  let postErrors = 0;
  const tStart = Date.now();
  await Promise.all(
    guests.map(async (guest, g) => {
      for (let m = 0; m < perGuest; m++) {
        const res = await request(app.port, "POST", "/api/guest/messages", {
          body: { text: `tour g${g + 1} m${m + 1} — when can we get the keys for the room, and is there somewhere to leave the bags?`, clientId: `tour-${g + 1}-${m + 1}` },
          headers: { authorization: `Bearer ${guest.token}` },
        });
        if (res.status === 201) ackedAt.set(`${g + 1}:${m + 1}`, Date.now());
        else postErrors++;
      }
    }),
  );
  const postedMs = Date.now() - tStart;

  // Per staff chat: when each message was first seen there.
  const seen = new Map([...chatIds].map((id) => [id, new Map()]));
  let scanned = sentIndex0;
  const scan = () => {
    for (; scanned < tg.sent.length; scanned++) {
      const s = tg.sent[scanned];
      const got = seen.get(s.chatId);
      if (!got) continue;
      for (const [, g, m] of markersIn(s.text, marker)) if (!got.has(`${g}:${m}`)) got.set(`${g}:${m}`, s.at);
    }
    return [...seen.values()].every((got) => [...ackedAt.keys()].every((k) => got.has(k)));
  };
  let timedOut = false;
  const deadlineMs = total * 2000 + 30_000;
  try {
    await waitUntil(() => {
      if (!app.running()) throw new Error(`the appliance exited:\n  ${app.logTail.join("\n  ")}`);
      return scan();
    }, deadlineMs, "every tour message in every staff chat");
  } catch (err) {
    if (!app.running()) throw err;
    timedOut = true;
  }

  const sends = tg.sent.slice(sentIndex0).filter((s) => chatIds.has(s.chatId) && markersIn(s.text, marker).length);
  let mixed = 0;
  let duplicates = 0;
  let outOfOrder = 0;
  const perChatSends = [];
  for (const chatId of chatIds) {
    const mine = sends.filter((s) => s.chatId === chatId);
    perChatSends.push(mine.length);
    const lastOf = new Map();
    const got = new Set();
    for (const s of mine) {
      const found = markersIn(s.text, marker).map(([, g, m]) => [Number(g), Number(m)]);
      if (new Set(found.map(([g]) => g)).size > 1) mixed++;
      for (const [g, m] of found) {
        if (got.has(`${g}:${m}`)) duplicates++;
        got.add(`${g}:${m}`);
        if ((lastOf.get(g) ?? 0) > m) outOfOrder++;
        lastOf.set(g, m);
      }
    }
  }
  const doneAt = Math.max(...[...seen.values()].flatMap((got) => [...got.values()]));
  const seconds = (doneAt - tStart) / 1000;
  const latencies = [];
  for (const got of seen.values()) for (const [k, at] of got) if (ackedAt.has(k)) latencies.push(at - ackedAt.get(k));
  latencies.sort((a, b) => a - b);
  const pct = (p) => latencies[Math.min(latencies.length - 1, Math.floor(p * latencies.length))] ?? NaN;
  const rateLimited = tg.stats.rateLimited - rateLimited0;
  const attempts = (tg.stats.calls.sendMessage ?? 0) - calls0;
  console.log(`  guests' POSTs: ${ackedAt.size} answered 201 in ${fmt(postedMs / 1000, 2)} s, ${postErrors} failed`);
  console.log(
    `  every staff chat had every message ${fmt(seconds, 1)} s after the first POST${timedOut ? `  (TIMED OUT after ${fmt(deadlineMs / 1000, 0)} s)` : ""}; bot messages per chat: ${perChatSends.join(", ")}; sendMessage attempts ${attempts}, 429 answers ${rateLimited}`,
  );
  console.log(`  201 -> in a staff chat: median ${fmt(pct(0.5) / 1000, 1)} s, p95 ${fmt(pct(0.95) / 1000, 1)} s, max ${fmt(pct(1) / 1000, 1)} s`);
  console.log(`  bot messages quoting two guests: ${mixed}; duplicates: ${duplicates}; a guest's messages out of order: ${outOfOrder}`);
  return { name: "tour", seconds, timedOut, mixed, duplicates, outOfOrder, rateLimited, perChatSends, acked: ackedAt.size, total, postErrors };
}

/** Every staff chat got every message of the scenario once, in the order the messages were stored (seq). */
function checkOrder(dbFile, scenario, SQLite) {
  const db = new SQLite(dbFile, { readonly: true });
  const expected = db
    .prepare("SELECT client_id FROM messages WHERE sender = 'guest' AND client_id LIKE ? ORDER BY seq")
    .all(`${scenario.name}-%`)
    .map((r) => Number(r.client_id.slice(scenario.name.length + 1)));
  db.close();
  let chatsOk = 0;
  let missing = 0;
  let duplicates = 0;
  let outOfOrder = 0;
  for (const chatId of scenario.chatIds) {
    const got = scenario.relays.filter((s) => s.chatId === chatId).flatMap((s) => markersIn(s.text, scenario.marker).map((m) => Number(m[1])));
    const seen = new Set();
    let dup = 0;
    for (const k of got) {
      if (seen.has(k)) dup++;
      seen.add(k);
    }
    const miss = expected.filter((k) => !seen.has(k)).length;
    const firstOnly = got.filter((k, i) => got.indexOf(k) === i);
    const inOrder = firstOnly.length === expected.length && firstOnly.every((k, i) => k === expected[i]);
    let wrong = 0;
    if (!inOrder) {
      const position = new Map(expected.map((k, i) => [k, i]));
      for (let i = 1; i < firstOnly.length; i++) if ((position.get(firstOnly[i]) ?? -1) < (position.get(firstOnly[i - 1]) ?? -1)) wrong++;
    }
    missing += miss;
    duplicates += dup;
    outOfOrder += wrong;
    if (!dup && !miss && inOrder) chatsOk++;
  }
  return { expected: expected.length, chats: scenario.chatIds.length, chatsOk, missing, duplicates, outOfOrder };
}

// --- main ---------------------------------------------------------------------------------------

async function main() {
  const opts = parseOptions();
  cleanUpOnExit("bench-relay", "the appliance");
  requireBuiltAppliance(fail, "bench:relay");
  const started = Date.now();

  const { runnerImport } = await import("vite");
  const { module: emulator } = await runnerImport(emulatorTs);
  const { default: SQLite } = await import("better-sqlite3");
  const tg = await emulator.startTelegramEmulator({ enforceLimits: true });
  // All guests post from one loopback address as fast as the 201s come back: lift the
  // per-address and per-conversation limits meant for the public internet.
  const config = deepMerge(
    { telegram: { token: tg.token, apiRoot: tg.apiRoot }, chat: { guestSessionsPerMinute: 1_000_000, guestMessagesPerMinute: 1_000_000 } },
    opts.config,
  );

  console.log(`Innbox Telegram relay benchmark: ${machineSummary()}, load average ${loadAverage()}`);
  console.log(
    `Bot API emulator at ${tg.apiRoot} with Telegram's limits: ${LIMIT_PER_SECOND} sendMessage/s overall (sliding 1 s window), per private chat a burst of ${LIMIT_PRIVATE_BURST} then ${LIMIT_PRIVATE_PER_SECOND}/s (token bucket)`,
  );
  console.log(`appliance config: ${JSON.stringify({ ...config, telegram: { ...config.telegram, token: "<emulator>" } })} (other telegram.* at their defaults)`);

  const app = await startAppliance(config);
  try {
    const token = readFileSync(path.join(app.dataDir, "setup-token"), "utf8").trim();
    const setup = await request(app.port, "POST", "/api/setup", {
      body: { token, username: "manager", password: "correct horse battery", propertyName: "Hotel Relay Bench" },
    });
    if (setup.status !== 201) throw new Error(`setup answered ${setup.status}: ${JSON.stringify(setup.body)}`);
    const cookie = String([setup.headers["set-cookie"]].flat()[0] ?? "").split(";")[0];
    const manager = { cookie, "x-csrf-token": setup.body.csrfToken };
    const property = await request(app.port, "GET", "/api/property", { headers: manager });
    await waitUntil(async () => (await request(app.port, "GET", "/api/telegram", { headers: manager })).body.botUsername === tg.botUsername, 10_000, "the bot's username");

    // Link staff the way a receptionist does: the link's code, sent to the bot as /start <code>.
    const staffUsers = [];
    const linkStaff = async (count) => {
      if (count <= 0) return;
      const t0 = Date.now();
      const first = staffUsers.length;
      const added = await inBatches(count, 8, async (j) => {
        const i = first + j;
        const name = `Staff ${i + 1}`;
        const created = await request(app.port, "POST", "/api/team", { body: { name, role: "staff" }, headers: manager });
        if (created.status !== 201) throw new Error(`createTeamMember answered ${created.status}: ${JSON.stringify(created.body)}`);
        const link = await request(app.port, "POST", `/api/team/${created.body.id}/telegram-link`, { headers: manager });
        if (link.status !== 201) throw new Error(`createTelegramLink answered ${link.status}: ${JSON.stringify(link.body)}`);
        const user = tg.user(500_000 + i, { firstName: name });
        await user.send(`/start ${new URL(link.body.url).searchParams.get("start")}`);
        await user.waitFor(/now linked/, 30_000);
        return user;
      });
      staffUsers.push(...added);
      console.log(`\nlinked ${count} ${first ? "more " : ""}staff chats (${staffUsers.length} in all) in ${fmt((Date.now() - t0) / 1000, 2)} s; each got its confirmation through the outbox`);
    };

    const ctx = { tg, app, slug: property.body.slug, guestsPerScenario: opts.guests };
    const scenarios = [];
    let tour;
    if (opts.only.has("tour") && opts.tourStaff) {
      await linkStaff(opts.tourStaff);
      tour = await runTourScenario(ctx, { staffUsers: [...staffUsers], guestCount: opts.tourGuests, perGuest: opts.tourMessages });
    }
    if (opts.only.has("per-chat")) {
      await linkStaff(opts.staff - staffUsers.length);
      scenarios.push(await runScenario(ctx, { name: "per-chat", staffUsers: [...staffUsers], messages: opts.messages }));
    }
    if (opts.only.has("overall") && opts.wideStaff) {
      await linkStaff(opts.wideStaff - staffUsers.length);
      scenarios.push(await runScenario(ctx, { name: "overall", staffUsers: [...staffUsers], messages: opts.wideMessages }));
    }
    const mem = readMemory(app.child.pid);
    await app.stop();

    console.log("\nresults");
    if (tour) {
      const ok = !tour.timedOut && !tour.mixed && !tour.duplicates && !tour.outOfOrder && tour.acked === tour.total;
      console.log(`[tour]`);
      console.log(`  staff have everything     ${`${fmt(tour.seconds, 1)} s`.padStart(8)}   (${tour.total} messages from ${opts.tourGuests} guests to ${opts.tourStaff} staff chats in ${tour.perChatSends.join("/")} bot messages)`);
      console.log(`  429 answers               ${String(tour.rateLimited).padStart(8)}   target = ${TARGET_429}     ${verdict(tour.rateLimited === TARGET_429)}`);
      console.log(`  every message once, each guest in order, no two guests in one bot message   ${verdict(ok)}  (POST errors ${tour.postErrors})`);
    }
    const dbFile = path.join(app.dataDir, "innbox.sqlite");
    for (const s of scenarios) {
      const order = checkOrder(dbFile, s, SQLite);
      const orderOk = order.chatsOk === order.chats && order.expected === s.acked;
      console.log(`[${s.name}]`);
      console.log(`  sent/allowed              ${fmt(s.ratio, 3).padStart(8)}   target >= ${TARGET_RATIO}   ${verdict(s.ratio >= TARGET_RATIO && !s.timedOut)}`);
      console.log(`  429 answers               ${String(s.rateLimited).padStart(8)}   target = ${TARGET_429}     ${verdict(s.rateLimited === TARGET_429)}`);
      console.log(`  all delivered after       ${`${fmt(s.seconds, 1)} s`.padStart(8)}   (${s.relays.length} relays)`);
      console.log(
        `  every chat, every message once, in stored order: ${order.chatsOk}/${order.chats} chats   ${verdict(orderOk)}  (${order.expected} messages stored; missing ${order.missing}, duplicates ${order.duplicates}, out of order ${order.outOfOrder}; POST errors ${s.postErrors})`,
      );
    }
    if (opts.dump) {
      const requests = tg.requests.filter((r) => r.method === "sendMessage").map((r) => ({ at: r.at, chatId: Number(r.params.chat_id), outcome: r.outcome }));
      const accepted = tg.sent.map((s) => ({ at: s.at, chatId: s.chatId }));
      writeFileSync(opts.dump, JSON.stringify({ scenarios: scenarios.map((s) => ({ name: s.name, chatIds: s.chatIds })), requests, accepted }));
      console.log(`emulator request log written to ${opts.dump}`);
    }
    if (mem) console.log(`appliance RSS at the end ${fmt(mem.rssKb / 1024)} MB (peak ${fmt(mem.hwmKb / 1024)} MB)`);
    console.log(
      `\nhow "allowed" is computed: T runs from the first guest POST to the moment the emulator accepted the last relay. In T seconds, starting with full buckets and an empty window, Telegram lets through at most ${LIMIT_PER_SECOND} x (floor(T)+1) messages overall (${LIMIT_PER_SECOND} at once, ${LIMIT_PER_SECOND} more each second) and, per private chat, ${LIMIT_PRIVATE_BURST} + floor(T x ${LIMIT_PRIVATE_PER_SECOND}) (the burst, then one per second); allowed = the smaller of the overall figure and the sum over the staff chats. "sent" counts every sendMessage the emulator accepted in T. 1.0 means the appliance never left a send that the limits permitted unused.`,
    );
    console.log(`whole run ${fmt((Date.now() - started) / 1000)} s`);
  } finally {
    await app.stop();
    app.removeData();
    await tg.stop();
    agent.destroy();
  }
}

main().catch((error) => fail(error instanceof Error ? error.stack ?? error.message : String(error)));
