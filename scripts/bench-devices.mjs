#!/usr/bin/env node
// Devices benchmark: 50 simulated devices of mixed protocols (Tuya 3.1/3.3/3.4/3.5, eWeLink
// DIY and encrypted), each on its own loopback address, driven through the appliance's API.
// `npm run bench:devices` builds first; run directly with
// `node scripts/bench-devices.mjs [--devices N] [--rounds N]`.
//
// Measured:
//   - command round trip: POST /api/devices/{id}/state until the device confirmed, one
//     device at a time, --rounds commands per device (p50, p99);
//   - all at once: every device switched in parallel, until the last confirmed;
//   - reconnect: every simulator stopped and started again, until listDevices shows every
//     device online;
//   - memory per connected device: the appliance's VmRSS with the devices connected, less
//     its VmRSS before any device was added, divided by their number.
import path from "node:path";
import http from "node:http";
import { readFileSync, writeFileSync } from "node:fs";
import { startEwelinkDevice, startTuyaDevice } from "../simulators/dist/index.js";
import {
  applianceEnv,
  cleanUpOnExit,
  fmt,
  freePort,
  inBatches,
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
  sleep,
  spawnNode,
  verdict,
  waitForHealth,
  wholeOption,
} from "./bench-kit.mjs";

const TARGET_P50_MS = 30;
const TARGET_ALL_MS = 1500;
const TARGET_RECONNECT_MS = 15_000;
const TARGET_MB_PER_DEVICE = 0.5;
const PASSWORD = "bench password 1";

const usage = `Usage: node scripts/bench-devices.mjs [--devices N] [--rounds N]

Starts N simulated devices (default 50: Tuya 3.1, 3.3, 3.4, 3.5 and eWeLink DIY and
encrypted, in turn) on loopback addresses, adds them to a fresh appliance, and measures
the command round trip (--rounds per device, default 10), switching all at once, the
reconnect after every simulator restarts, and the memory per connected device.
Targets: p50 <= ${TARGET_P50_MS} ms, all in <= ${TARGET_ALL_MS} ms, reconnected within ${TARGET_RECONNECT_MS / 1000} s, < ${TARGET_MB_PER_DEVICE} MB per device.`;

const fail = makeFail("bench-devices");
const values = parseCommandLine({ devices: { type: "string", default: "50" }, rounds: { type: "string", default: "10" } }, usage, fail);
const count = wholeOption(values, "devices", 1, 200, fail);
const rounds = wholeOption(values, "rounds", 1, 1000, fail);
requireBuiltAppliance(fail, "bench:devices");

const agent = new http.Agent({ keepAlive: true, maxSockets: 64 });
const call = (port, method, urlPath, options) => requestJson(agent, port, method, urlPath, options);
const percentile = (sorted, p) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
const KINDS = ["tuya-3.1", "tuya-3.3", "tuya-3.4", "tuya-3.5", "ewelink-diy", "ewelink-lan"];

/** Device i's address: 127.0.20.(i+1), away from the test suites' addresses. */
const hostOf = (i) => `127.0.${20 + Math.floor(i / 250)}.${(i % 250) + 1}`;

async function startSimulator(i) {
  const flavour = KINDS[i % KINDS.length];
  const host = hostOf(i);
  if (flavour.startsWith("tuya")) {
    const version = flavour.slice(5);
    const devId = `bench${String(i).padStart(3, "0")}tuya${version.replace(".", "")}xx`;
    const localKey = `k${String(i).padStart(3, "0")}bench-key-01`.slice(0, 16);
    const device = await startTuyaDevice({ host, devId, localKey, version, kind: "switch", broadcastIntervalMs: 0 });
    return { device, body: { name: `Tuya ${version} #${i}`, protocol: "tuya", deviceId: devId, ip: host, localKey, version } };
  }
  const encrypted = flavour === "ewelink-lan";
  const deviceId = `10${String(i).padStart(8, "0")}`;
  const deviceKey = encrypted ? `3c8e4a1b-0000-4000-8000-${String(i).padStart(12, "0")}` : undefined;
  const device = await startEwelinkDevice({ ip: host, port: 8081, deviceId, kind: "switch", ...(deviceKey ? { deviceKey } : {}), mdns: false });
  return { device, body: { name: `eWeLink ${encrypted ? "LAN" : "DIY"} #${i}`, protocol: "ewelink", deviceId, ip: host, ...(deviceKey ? { deviceKey } : {}) } };
}

async function main() {
  const dataDir = makeTempDir("innbox-bench-devices-");
  cleanUpOnExit("bench-devices", () => removeTempDir(dataDir));
  const configPath = path.join(dataDir, "config.json");
  writeFileSync(configPath, "{}");
  const port = await freePort();
  const server = spawnNode([mainJs], applianceEnv({ port, dataDir, configPath, logLevel: "warn" }), { tailLines: 40 });
  const simulators = [];
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
    const api = (method, urlPath, body) => call(port, method, urlPath, { body, headers: { cookie, "x-csrf-token": csrf } });

    await sleep(2000);
    const before = readMemory(server.child.pid);
    for (let i = 0; i < count; i++) simulators.push(await startSimulator(i));
    const ids = [];
    for (const { body } of simulators) {
      const created = await api("POST", "/api/devices", body);
      if (created.status !== 201) fail(`createDevice: ${created.status} ${JSON.stringify(created.body)}`);
      ids.push(created.body.device.id);
    }
    const allOnline = async (timeoutMs) => {
      const started = performance.now();
      for (;;) {
        const listed = await api("GET", "/api/devices");
        const offline = listed.body.devices.filter((d) => !d.online);
        if (!offline.length) return performance.now() - started;
        if (performance.now() - started > timeoutMs) fail(`${offline.length} devices still offline after ${timeoutMs / 1000} s: ${offline.map((d) => `${d.name} (${d.lastError ?? "no error"})`).slice(0, 5).join(", ")}`);
        await sleep(100);
      }
    };
    const connectMs = await allOnline(60_000);
    console.log(`${count} devices (${KINDS.join(", ")} in turn) added and online in ${fmt(connectMs / 1000, 2)} s`);

    // Round trips, one device at a time.
    const times = [];
    for (let r = 0; r < rounds; r++) {
      for (const id of ids) {
        const started = performance.now();
        const res = await api("POST", `/api/devices/${id}/state`, { on: r % 2 === 0 });
        times.push(performance.now() - started);
        if (res.status !== 200) fail(`setDeviceState: ${res.status} ${JSON.stringify(res.body)}`);
      }
    }
    times.sort((a, b) => a - b);

    // All at once.
    let started = performance.now();
    await inBatches(ids.length, ids.length, async (i) => {
      const res = await api("POST", `/api/devices/${ids[i]}/state`, { on: true });
      if (res.status !== 200) fail(`setDeviceState (all): ${res.status} ${JSON.stringify(res.body)}`);
    });
    const allMs = performance.now() - started;
    await sleep(3000);
    const connected = readMemory(server.child.pid);

    // Every simulator gone (powered off) and back.
    for (const { device, body } of simulators) await (body.protocol === "tuya" ? device.stop() : device.goOffline());
    const goneStarted = performance.now();
    for (;;) {
      const listed = await api("GET", "/api/devices");
      if (listed.body.devices.every((d) => !d.online)) break;
      if (performance.now() - goneStarted > 60_000) fail("devices still shown online 60 s after their simulators stopped");
      await sleep(250);
    }
    const offlineMs = performance.now() - goneStarted;
    started = performance.now();
    for (const { device, body } of simulators) await (body.protocol === "tuya" ? device.start() : device.comeBack());
    const reconnectMs = await allOnline(60_000);

    const perDevice = before && connected ? mb(connected.rssKb - before.rssKb) / count : NaN;
    console.log("");
    console.log(`machine: ${machineSummary()}`);
    console.log(`command round trip (${times.length} commands, one at a time): p50 ${fmt(percentile(times, 50))} ms (target <= ${TARGET_P50_MS} ms) ${verdict(percentile(times, 50) <= TARGET_P50_MS)}, p99 ${fmt(percentile(times, 99))} ms`);
    console.log(`all ${count} switched at once: ${Math.round(allMs)} ms (target <= ${TARGET_ALL_MS} ms) ${verdict(allMs <= TARGET_ALL_MS)}`);
    console.log(`every simulator stopped: all shown offline after ${fmt(offlineMs / 1000, 1)} s (contract: within 45 s)`);
    console.log(`every simulator back: all online again after ${fmt(reconnectMs / 1000, 2)} s (target <= ${TARGET_RECONNECT_MS / 1000} s) ${verdict(reconnectMs <= TARGET_RECONNECT_MS)}`);
    console.log(
      `memory: VmRSS ${fmt(mb(before?.rssKb ?? NaN))} MB before, ${fmt(mb(connected?.rssKb ?? NaN))} MB with ${count} devices connected: ${fmt(perDevice, 3)} MB per device (target < ${TARGET_MB_PER_DEVICE} MB) ${verdict(perDevice < TARGET_MB_PER_DEVICE)}`,
    );
  } finally {
    for (const { device } of simulators) await device.stop().catch(() => undefined);
    await server.stop(10_000, "bench-devices: the appliance did not stop; killed");
    agent.destroy();
  }
}

main().catch((error) => fail(error instanceof Error ? (error.stack ?? error.message) : String(error)));
