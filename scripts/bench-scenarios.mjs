#!/usr/bin/env node
// Scenarios benchmark: 500 scenarios over 200 simulated devices (Tuya 3.3 and 3.4, eWeLink
// DIY, each on its own loopback address) in 20 rooms, on a fresh appliance with the real
// clock. `npm run bench:scenarios` builds first; run directly with
// `node scripts/bench-scenarios.mjs [--scenarios N] [--devices N]`.
//
// The scenarios: two fifths run at a time of day (half of them at the next whole minute
// at least 75 s away, half a minute later), each switching one device if any room is
// occupied; a fifth at sunset with an offset and a time window; a fifth 3 hours before a
// room's check-in if it is cloudy (heaters in that room); a tenth when a booking is
// created (switching one device); a tenth by hand or on a device's state.
//
// Measured:
//   - scheduler lateness: each time-of-day run's startedAt less its plannedAt, from the
//     run log (p50, p99, max);
//   - a booking change: a new stay while every scenario is armed: the POST's answer time,
//     and the time from the stay's creation to the start of the last run it triggered;
//   - preview: 7 days for every scenario, one after another, over HTTP;
//   - memory: the appliance's VmRSS with the devices connected, before and after the
//     scenarios were added and had run.
import { startEwelinkDevice, startTuyaDevice } from "../simulators/dist/index.js";
import { fmt, loadAverage, machineSummary, makeFail, mb, parseCommandLine, readMemory, requireBuiltAppliance, sleep, startManagedAppliance, verdict, wholeOption } from "./bench-kit.mjs";

const TARGET_LATENESS_P99_MS = 1000;
const TARGET_BOOKING_MS = 50;
const TARGET_PREVIEW_MS = 2000;
const ROOMS = 20;

const usage = `Usage: node scripts/bench-scenarios.mjs [--scenarios N] [--devices N]

Adds --devices simulated devices (default 200) in ${ROOMS} rooms and --scenarios scenarios
(default 500) to a fresh appliance, lets the time-of-day ones run at the next minutes, and
measures the scheduler's lateness (p99 target <= ${TARGET_LATENESS_P99_MS} ms), the evaluation of a booking
change (target <= ${TARGET_BOOKING_MS} ms), the preview of 7 days for every scenario (target < ${TARGET_PREVIEW_MS} ms)
and the memory.`;

const fail = makeFail("bench-scenarios");
const values = parseCommandLine({ scenarios: { type: "string", default: "500" }, devices: { type: "string", default: "200" } }, usage, fail);
const scenarioCount = wholeOption(values, "scenarios", 10, 2000, fail);
const deviceCount = wholeOption(values, "devices", ROOMS, 500, fail);
requireBuiltAppliance(fail, "bench:scenarios");

const percentile = (sorted, p) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];

/** Device i's address: 127.0.30.x and up, away from the test suites' and the other benchmarks' addresses. */
const hostOf = (i) => `127.0.${30 + Math.floor(i / 250)}.${(i % 250) + 1}`;

async function startSimulator(i) {
  const host = hostOf(i);
  const kind = i % 10 === 9 ? "heater" : "switch";
  if (i % 3 !== 2) {
    const version = i % 3 === 0 ? "3.3" : "3.4";
    const devId = `scen${String(i).padStart(4, "0")}tuya${version.replace(".", "")}x`;
    const localKey = `s${String(i).padStart(4, "0")}scenario-key`.slice(0, 16);
    const device = await startTuyaDevice({ host, devId, localKey, version, kind: "switch", broadcastIntervalMs: 0 });
    return { device, body: { name: `Plug ${i + 1}`, kind, protocol: "tuya", deviceId: devId, ip: host, localKey, version } };
  }
  const deviceId = `20${String(i).padStart(8, "0")}`;
  const device = await startEwelinkDevice({ ip: host, port: 8081, deviceId, kind: "switch", mdns: false });
  return { device, body: { name: `Sonoff ${i + 1}`, kind, protocol: "ewelink", deviceId, ip: host } };
}

const hhmm = (at) => new Date(at).toISOString().slice(11, 16);

async function main() {
  // No weather server: weather conditions are unknown, as on a box without internet.
  const appliance = await startManagedAppliance("bench-scenarios", fail);
  const { api, server } = appliance;
  const simulators = [];
  try {
    await api("PATCH", "/api/property", { timezone: "UTC", latitude: 38.7223, longitude: -9.1393 });

    const roomIds = [];
    for (let r = 0; r < ROOMS; r++) roomIds.push((await api("POST", "/api/rooms", { name: `Room ${r + 1}` })).body.room.id);
    const today = new Date().toISOString().slice(0, 10);
    const day = (n) => new Date(Date.now() + n * 86_400_000).toISOString().slice(0, 10);
    // Half the rooms have a guest now; the other half have arrivals in the coming week.
    for (let r = 0; r < ROOMS; r++) {
      const [checkIn, checkOut] = r % 2 === 0 ? [day(-1), day(2)] : [day(1 + (r % 5)), day(3 + (r % 5))];
      await api("POST", "/api/bookings", { roomId: roomIds[r], guestName: `Guest ${r + 1}`, checkIn, checkOut });
    }

    for (let i = 0; i < deviceCount; i++) simulators.push(await startSimulator(i));
    const deviceIds = [];
    for (let i = 0; i < simulators.length; i++) {
      const created = await api("POST", "/api/devices", { ...simulators[i].body, roomId: roomIds[i % ROOMS] });
      deviceIds.push(created.body.device.id);
    }
    const started = performance.now();
    for (;;) {
      const offline = (await api("GET", "/api/devices")).body.devices.filter((d) => !d.online);
      if (!offline.length) break;
      if (performance.now() - started > 60_000) fail(`${offline.length} devices still offline after 60 s`);
      await sleep(200);
    }
    console.log(`${deviceCount} devices online in ${ROOMS} rooms after ${fmt((performance.now() - started) / 1000, 1)} s`);
    await sleep(2000);
    const before = readMemory(server.child.pid);

    // The first whole minute at least 75 s away, and the one after: enough time to add everything.
    const firstMinute = Math.ceil((Date.now() + 75_000) / 60_000) * 60_000;
    const times = [hhmm(firstMinute), hhmm(firstMinute + 60_000)];
    const scenario = (i) => {
      const device = deviceIds[i % deviceIds.length];
      const slot = i / scenarioCount;
      if (slot < 0.4) {
        return { name: `At ${times[i % 2]} #${i}`, triggers: [{ type: "time", at: times[i % 2] }], conditions: [{ type: "stay", scope: "any", state: "occupied" }], actions: [{ type: "device", deviceId: device, set: { on: i % 4 < 2 } }] };
      }
      if (slot < 0.6) {
        return { name: `Sunset #${i}`, triggers: [{ type: "sun", event: "sunset", offsetMinutes: -(i % 60) }], conditions: [{ type: "time", after: "15:00", before: "23:00" }], actions: [{ type: "device", deviceId: device, set: { on: true } }] };
      }
      if (slot < 0.8) {
        return {
          name: `Hot water #${i}`,
          triggers: [{ type: "booking", event: "checkIn", roomId: roomIds[i % ROOMS], offsetMinutes: -180 }],
          conditions: [{ type: "weather", field: "cloudCover", above: 60 }],
          actions: [{ type: "device", roomId: "trigger", kind: "heater", set: { on: true } }],
        };
      }
      if (slot < 0.9) {
        return { name: `New booking #${i}`, triggers: [{ type: "booking", event: "created", offsetMinutes: 0 }], conditions: [{ not: { type: "stay", roomId: roomIds[i % ROOMS], state: "vacant" } }], actions: [{ type: "device", deviceId: device, set: { on: true } }] };
      }
      return { name: `By hand #${i}`, triggers: [{ type: "manual" }, { type: "device", deviceId: device, to: { on: true }, forMinutes: 30 }], conditions: [], actions: [{ type: "device", deviceId: device, set: { on: false } }] };
    };
    const ids = [];
    const createStarted = performance.now();
    for (let i = 0; i < scenarioCount; i++) ids.push((await api("POST", "/api/scenarios", scenario(i))).body.scenario.id);
    const createMs = performance.now() - createStarted;
    console.log(`${scenarioCount} scenarios added in ${fmt(createMs / 1000, 2)} s (${fmt(createMs / scenarioCount, 1)} ms each); time-of-day runs at ${times.join(" and ")} UTC`);

    // Preview: 7 days of every scenario, one after another.
    let previewRuns = 0;
    const previewStarted = performance.now();
    for (const id of ids) previewRuns += (await api("GET", `/api/scenarios/${id}/preview?days=7`)).body.runs.length;
    const previewMs = performance.now() - previewStarted;

    // A booking change while everything is armed.
    const bookingStarted = performance.now();
    const booking = (await api("POST", "/api/bookings", { roomId: roomIds[1], guestName: "Late arrival", checkIn: today, checkOut: day(1) })).body;
    const bookingAnswerMs = performance.now() - bookingStarted;
    const createdAt = Date.parse(booking.createdAt);
    const bookingScenarios = Math.round(scenarioCount * 0.9) - Math.round(scenarioCount * 0.8);
    let bookingRuns = [];
    const waitStarted = performance.now();
    while (bookingRuns.length < bookingScenarios) {
      const runs = (await api("GET", "/api/scenario-runs?limit=500")).body.runs;
      bookingRuns = runs.filter((r) => r.trigger.type === "booking" && r.trigger.event === "created");
      if (performance.now() - waitStarted > 30_000) fail(`only ${bookingRuns.length} of ${bookingScenarios} booking runs logged after 30 s`);
      await sleep(100);
    }
    const bookingEvalMs = Math.max(...bookingRuns.map((r) => Date.parse(r.startedAt))) - createdAt;

    // Lateness: wait for both minutes to pass and their runs to be logged.
    const timeScenarios = ids.filter((_, i) => i / scenarioCount < 0.4).length;
    await sleep(Math.max(0, firstMinute + 60_000 - Date.now()));
    let timeRuns = [];
    const lateStarted = performance.now();
    while (timeRuns.length < timeScenarios) {
      const runs = (await api("GET", "/api/scenario-runs?limit=500")).body.runs;
      timeRuns = runs.filter((r) => r.trigger.type === "time");
      if (performance.now() - lateStarted > 60_000) fail(`only ${timeRuns.length} of ${timeScenarios} time-of-day runs logged a minute after they were due`);
      await sleep(250);
    }
    const lateness = timeRuns.map((r) => Date.parse(r.startedAt) - Date.parse(r.plannedAt)).sort((a, b) => a - b);
    const done = timeRuns.map((r) => Date.parse(r.finishedAt) - Date.parse(r.plannedAt)).sort((a, b) => a - b);
    const outcomes = {};
    for (const r of timeRuns) outcomes[r.outcome] = (outcomes[r.outcome] ?? 0) + 1;
    const confirmed = timeRuns.flatMap((r) => r.actions).filter((a) => a.result === "confirmed").length;
    await sleep(2000);
    const after = readMemory(server.child.pid);

    console.log("");
    console.log(`machine: ${machineSummary()}, load ${loadAverage()}`);
    console.log(
      `scheduler lateness (${lateness.length} time-of-day runs, startedAt - plannedAt): p50 ${fmt(percentile(lateness, 50), 0)} ms, p99 ${fmt(percentile(lateness, 99), 0)} ms (target <= ${TARGET_LATENESS_P99_MS} ms) ${verdict(percentile(lateness, 99) <= TARGET_LATENESS_P99_MS)}, max ${fmt(lateness.at(-1), 0)} ms; outcomes ${JSON.stringify(outcomes)}, ${confirmed} device commands confirmed`,
    );
    console.log(`devices confirmed (finishedAt - plannedAt of the same runs): p50 ${fmt(percentile(done, 50), 0)} ms, p99 ${fmt(percentile(done, 99), 0)} ms`);
    console.log(
      `booking change: POST /api/bookings answered in ${fmt(bookingAnswerMs, 1)} ms; its ${bookingRuns.length} runs all started ${fmt(bookingEvalMs, 0)} ms after the stay was created (target <= ${TARGET_BOOKING_MS} ms) ${verdict(bookingEvalMs <= TARGET_BOOKING_MS)}`,
    );
    console.log(`preview of 7 days for all ${ids.length} scenarios: ${fmt(previewMs, 0)} ms (target < ${TARGET_PREVIEW_MS} ms) ${verdict(previewMs < TARGET_PREVIEW_MS)}, ${previewRuns} runs listed`);
    console.log(`memory: VmRSS ${fmt(mb(before?.rssKb ?? NaN))} MB with ${deviceCount} devices, ${fmt(mb(after?.rssKb ?? NaN))} MB with ${ids.length} scenarios added and run (+${fmt(mb((after?.rssKb ?? NaN) - (before?.rssKb ?? NaN)))} MB)`);
  } finally {
    for (const { device } of simulators) await device.stop().catch(() => undefined);
    await appliance.stop();
  }
}

main().catch((error) => fail(error instanceof Error ? (error.stack ?? error.message) : String(error)));
