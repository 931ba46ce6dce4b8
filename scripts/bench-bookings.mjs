#!/usr/bin/env node
// Bookings benchmark: calendar import at the size of a large property, and listRooms with
// its bookings. `npm run bench:bookings` builds first; run directly with
// `node scripts/bench-bookings.mjs [--rooms N] [--events N] [--list-runs N]`.
//
// The built appliance runs on 127.0.0.1 with a fresh data folder. A local server plays
// Airbnb, Booking.com and Vrbo: each room gets three feeds (one per platform, in its real
// format) of --events two-night stays each, the platforms taking turns so they never clash,
// from 100 days ago on (three years of bookings per room at the default size). Measured:
//   - the first import: every feed added (each add fetches at once), 4 at a time;
//   - a full sync: every feed fetched again with nothing changed, 4 at a time (as the
//     poller does), then again with a tenth of each feed's stays shortened by a night;
//   - VmRSS / VmHWM of the appliance after the syncs;
//   - GET /api/rooms (listRooms: every room's stay state and current or next stay) latency.
import { copyFileSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import http from "node:http";
import {
  applianceEnv,
  cleanUpOnExit,
  fmt,
  freePort,
  inBatches,
  listenLoopback,
  machineSummary,
  mainJs,
  makeFail,
  makeTempDir,
  mb,
  parseCommandLine,
  readMemory,
  removeTempDir,
  requestJson,
  requireBuiltAppliance,
  spawnNode,
  verdict,
  waitForHealth,
  wholeOption,
} from "./bench-kit.mjs";

const TARGET_SYNC_MS = 5000;
const TARGET_LIST_P99_MS = 20;
const PASSWORD = "bench password 1";

const usage = `Usage: node scripts/bench-bookings.mjs [--rooms N] [--events N] [--list-runs N]

Imports --rooms rooms (default 50) x 3 feeds (Airbnb, Booking.com, Vrbo) of --events
stays each (default 200) from a local server, times a full sync (every feed fetched and
reconciled, 4 at a time) with nothing changed and with a tenth of the stays shortened, reads
the appliance's memory, and times GET /api/rooms --list-runs times (default 500).
Targets: a full sync under ${TARGET_SYNC_MS / 1000} s, listRooms p99 under ${TARGET_LIST_P99_MS} ms.`;

const fail = makeFail("bench-bookings");
const values = parseCommandLine(
  { rooms: { type: "string", default: "50" }, events: { type: "string", default: "200" }, "list-runs": { type: "string", default: "500" } },
  usage,
  fail,
);
const rooms = wholeOption(values, "rooms", 1, 500, fail);
const events = wholeOption(values, "events", 1, 2000, fail);
const listRuns = wholeOption(values, "list-runs", 10, 100_000, fail);
requireBuiltAppliance(fail, "bench:bookings");

const CRLF = "\r\n";
const DAY = 86_400_000;
const ymd = (ms) => new Date(ms).toISOString().slice(0, 10).replace(/-/g, "");
const FIRST_DAY = Date.UTC(new Date().getUTCFullYear(), new Date().getUTCMonth(), new Date().getUTCDate()) - 100 * DAY;

/** A platform's export for one room: `events` two-night stays, the three platforms taking turns. */
function feed(room, platform, moved) {
  const lines = ["BEGIN:VCALENDAR", "VERSION:2.0"];
  lines.push(
    platform === 0 ? "PRODID;X-RICAL-TZSOURCE=TZINFO:-//Airbnb Inc//Hosting Calendar 0.8.8//EN" : platform === 1 ? "PRODID:-//Booking.com//Booking.com iCalendar//EN" : "PRODID:-//HomeAway.com, Inc.//EN",
    "CALSCALE:GREGORIAN",
  );
  for (let i = 0; i < events; i++) {
    // Two-night stays, the platforms taking turns; a moved stay leaves a night earlier.
    const start = FIRST_DAY + (i * 6 + platform * 2) * DAY;
    const end = start + (moved && i % 10 === 0 ? 1 : 2) * DAY;
    lines.push("BEGIN:VEVENT", `DTSTAMP:${ymd(Date.now())}T000000Z`, `DTSTART;VALUE=DATE:${ymd(start)}`, `DTEND;VALUE=DATE:${ymd(end)}`);
    if (platform === 0) {
      lines.push(`UID:bench-${room}-${i}-a@airbnb.com`, `DESCRIPTION:Reservation URL: https://www.airbnb.com/hosting/reservations/details/HM${String(room).padStart(3, "0")}${String(i).padStart(5, "0")}\\nPhone Number (Last 4 Digits): ${String(1000 + i).slice(-4)}`, "SUMMARY:Reserved");
    } else if (platform === 1) {
      lines.push(`UID:bench-${room}-${i}-b@booking.com`, "SUMMARY:CLOSED - Not available");
    } else {
      lines.push(`UID:bench-${room}-${i}-v`, `SUMMARY:Reserved - Guest ${room}-${i}`);
    }
    lines.push("END:VEVENT");
  }
  lines.push("END:VCALENDAR");
  return lines.join(CRLF) + CRLF;
}

const agent = new http.Agent({ keepAlive: true, maxSockets: 8 });
const call = (port, method, urlPath, options) => requestJson(agent, port, method, urlPath, options);

const percentile = (sorted, p) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];

async function main() {
  const dataDir = makeTempDir("innbox-bench-bookings-");
  cleanUpOnExit("bench-bookings", () => removeTempDir(dataDir));
  let moved = false;
  const feeds = await listenLoopback((req, res) => {
    const match = /^\/feeds\/(\d+)-(\d)\.ics$/.exec(req.url ?? "");
    if (!match) return void res.writeHead(404).end();
    res.writeHead(200, { "content-type": "text/calendar; charset=utf-8" });
    res.end(feed(Number(match[1]), Number(match[2]), moved));
  });

  const configPath = path.join(dataDir, "config.json");
  writeFileSync(configPath, "{}");
  const port = await freePort();
  const server = spawnNode([...(process.env.BENCH_PROFILE ? ["--cpu-prof", `--cpu-prof-dir=${process.env.BENCH_PROFILE}`] : []), mainJs], applianceEnv({ port, dataDir, configPath, logLevel: "warn" }), { tailLines: 40 });
  try {
    await waitForHealth(server, port, {
      everyMs: 20,
      timeoutMs: 30_000,
      exitedMessage: (e) => `the appliance exited (${JSON.stringify(e)}):\n${server.logTail.join("\n")}`,
      timedOutMessage: () => "the appliance did not answer /healthz within 30 s",
    });
    const token = readFileSync(path.join(dataDir, "setup-token"), "utf8").trim();
    const setup = await call(port, "POST", "/api/setup", { body: { token, username: "manager", password: PASSWORD, name: "Mara", propertyName: "Hotel Miramar" } });
    if (setup.status >= 300) fail(`setup failed: ${setup.status} ${JSON.stringify(setup.body)}`);
    const cookie = setup.headers["set-cookie"]?.[0]?.split(";")[0] ?? "";
    const csrf = setup.body?.csrfToken ?? "";
    const manager = (method, urlPath, body) => call(port, method, urlPath, { body, headers: { cookie, "x-csrf-token": csrf } });
    const patched = await manager("PATCH", "/api/property", { timezone: "Europe/Lisbon" });
    if (patched.status !== 200) fail(`property: ${patched.status} ${JSON.stringify(patched.body)}`);

    const roomIds = [];
    for (let r = 0; r < rooms; r++) {
      const created = await manager("POST", "/api/rooms", { name: `Room ${r + 1}` });
      if (created.status !== 201) fail(`room: ${created.status} ${JSON.stringify(created.body)}`);
      roomIds.push(created.body.room.id);
    }

    console.log(`${rooms} rooms x 3 feeds x ${events} stays = ${rooms * 3 * events} stays; ${Math.round(Buffer.byteLength(feed(0, 0, false)) / 1024)} KB per feed`);
    let started = performance.now();
    const calendars = await inBatches(rooms * 3, 4, async (i) => {
      const room = Math.floor(i / 3);
      const added = await manager("POST", `/api/rooms/${roomIds[room]}/calendars`, { url: `http://127.0.0.1:${feeds.port}/feeds/${room}-${i % 3}.ics` });
      if (added.status !== 201 || added.body.status !== "ok") fail(`calendar: ${added.status} ${JSON.stringify(added.body)}`);
      return added.body.id;
    });
    const importMs = performance.now() - started;
    console.log(`first import (every feed added and fetched): ${fmt(importMs / 1000, 2)} s`);

    const fullSync = async () => {
      const t0 = performance.now();
      await inBatches(calendars.length, 4, async (i) => {
        const synced = await manager("POST", `/api/calendars/${calendars[i]}/sync`);
        if (synced.status !== 200 || synced.body.status !== "ok") fail(`sync: ${synced.status} ${JSON.stringify(synced.body)}`);
      });
      return performance.now() - t0;
    };
    const unchangedMs = await fullSync();
    moved = true;
    const movedMs = await fullSync();
    const memory = readMemory(server.child.pid);
    const total = (await manager("GET", "/api/bookings")).body.bookings.length;
    if (total !== rooms * 3 * events) fail(`expected ${rooms * 3 * events} bookings, found ${total}`);

    // listRooms: each room's state now and its current or next stay.
    for (let i = 0; i < 20; i++) await manager("GET", "/api/rooms");
    const times = [];
    for (let i = 0; i < listRuns; i++) {
      started = performance.now();
      const res = await manager("GET", "/api/rooms");
      times.push(performance.now() - started);
      if (res.status !== 200 || res.body.rooms.length !== rooms) fail(`listRooms: ${res.status}`);
    }
    times.sort((a, b) => a - b);
    const p50 = percentile(times, 50);
    const p99 = percentile(times, 99);

    console.log("");
    console.log(`machine: ${machineSummary()}`);
    console.log(`full sync of ${calendars.length} feeds, nothing changed: ${fmt(unchangedMs / 1000, 2)} s (target < ${TARGET_SYNC_MS / 1000} s) ${verdict(unchangedMs < TARGET_SYNC_MS)}`);
    console.log(`full sync of ${calendars.length} feeds, a tenth of the stays shortened: ${fmt(movedMs / 1000, 2)} s (target < ${TARGET_SYNC_MS / 1000} s) ${verdict(movedMs < TARGET_SYNC_MS)}`);
    if (memory) console.log(`appliance memory after the syncs: VmRSS ${fmt(mb(memory.rssKb))} MB, peak VmHWM ${fmt(mb(memory.hwmKb))} MB`);
    console.log(`listRooms (${rooms} rooms, ${total} bookings), ${listRuns} requests: p50 ${fmt(p50, 2)} ms, p99 ${fmt(p99, 2)} ms (target < ${TARGET_LIST_P99_MS} ms) ${verdict(p99 < TARGET_LIST_P99_MS)}`);
  } finally {
    await server.stop(10_000, "bench-bookings: the appliance did not stop; killed");
    // BENCH_KEEP=<file>: keep the database for a closer look (EXPLAIN QUERY PLAN and the like).
    if (process.env.BENCH_KEEP) copyFileSync(path.join(dataDir, "innbox.sqlite"), process.env.BENCH_KEEP);
    feeds.server.close();
    agent.destroy();
  }
}

main().catch((error) => fail(error instanceof Error ? (error.stack ?? error.message) : String(error)));
