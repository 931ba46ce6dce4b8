// Tuya devices through the appliance's API, against simulated devices speaking the real
// protocol (3.1, 3.3, 3.4, 3.5) on their own loopback addresses (127.0.3.x in this file):
// switching, a button pressed by hand, bursts, a wrong key, a device powered off, and one
// that moves to another address.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { startTuyaDevice, type TuyaDevice } from "../../simulators/src/index.js";
import { setUpManager, startTestApp, type ApiClient, type TestApp } from "../helpers/app.js";
import { collect, connectSocket } from "../helpers/sockets.js";
import { createTestClock, type TestClock } from "../helpers/test-clock.js";

let app: TestApp;
let manager: ApiClient;
let clock: TestClock;
const sims: TuyaDevice[] = [];
const sockets: Array<{ close(): void }> = [];
let nextHost = 10;
const newHost = () => `127.0.3.${nextHost++}`;
const KEY = "0123456789abcdef";

async function simulate(version: "3.1" | "3.3" | "3.4" | "3.5", extra: Partial<Parameters<typeof startTuyaDevice>[0]> = {}) {
  const host = newHost();
  const sim = await startTuyaDevice({ host, devId: `bfapi${host.replaceAll(".", "")}xx`, localKey: KEY, version, broadcastIntervalMs: 0, ...extra });
  sims.push(sim);
  return sim;
}

async function add(sim: TuyaDevice, extra: Record<string, unknown> = {}) {
  const res = await manager.post("/api/devices", { name: `Lamp ${sim.version}`, protocol: "tuya", deviceId: sim.devId, ip: sim.host, localKey: KEY, version: sim.version, ...extra });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body.device.id as string;
}

/** Moves the app's clock on (half a second at a time) until the request is answered. */
async function answered<T>(request: Promise<T>, maxMs = 16_000): Promise<T> {
  let answer: T | undefined;
  void request.then((a) => (answer = a));
  await clock.advanceUntil(() => answer !== undefined, { stepMs: 500, maxMs, what: "the answer" });
  return answer!;
}

const listed = async (id: string) => (await manager.get("/api/devices")).body.devices.find((d: any) => d.id === id);

beforeEach(async () => {
  clock = createTestClock();
  app = await startTestApp({ clock });
  manager = await setUpManager(app);
});
afterEach(async () => {
  for (const s of sockets.splice(0)) s.close();
  await app.stop();
  await Promise.all(sims.splice(0).map((s) => s.stop()));
});

describe("Tuya devices through the API", () => {
  it("switches a device of each protocol version, and shows a button pressed by hand within 3 s, on the /staff socket too", async () => {
    const staffSocket = await connectSocket(app.url, "/staff", { cookie: manager.cookie });
    sockets.push(staffSocket);
    const events = collect(staffSocket, "device");
    for (const version of ["3.1", "3.3", "3.4", "3.5"] as const) {
      const sim = await simulate(version);
      const id = await add(sim);
      await expect.poll(async () => (await listed(id)).online, { timeout: 20_000 }).toBe(true);

      const on = await manager.post(`/api/devices/${id}/state`, { on: true });
      expect(on.status, JSON.stringify(on.body)).toBe(200);
      expect(on.body.device).toMatchObject({ id, online: true, state: { on: true } });
      expect(sim.dps["1"]).toBe(true);
      const off = await manager.post(`/api/devices/${id}/state`, { on: false });
      expect(off.body.device.state.on).toBe(false);
      expect(sim.dps["1"]).toBe(false);

      sim.press({ "1": true });
      await expect.poll(async () => (await listed(id)).state.on, { timeout: 3000 }).toBe(true);
      await events.waitFor((d: any) => d.id === id && d.state.on === true);
      expect(JSON.stringify(events.items)).not.toContain(KEY);
    }
  });

  it("dims a light and switches one gang of a multi-gang switch", async () => {
    const light = await simulate("3.3", { kind: "light" });
    const lightId = await add(light, { kind: "light" });
    const strip = await simulate("3.4", { gangs: 3 });
    const stripId = await add(strip, { gangs: 3 });
    await expect.poll(async () => (await listed(lightId)).online && (await listed(stripId)).online, { timeout: 20_000 }).toBe(true);

    const dimmed = await manager.post(`/api/devices/${lightId}/state`, { on: true, brightness: 40 });
    expect(dimmed.status, JSON.stringify(dimmed.body)).toBe(200);
    expect(dimmed.body.device.state).toMatchObject({ on: true, brightness: 40 });
    expect(light.dps["20"]).toBe(true);
    const gang = await manager.post(`/api/devices/${stripId}/state`, { on: true, gang: 1 });
    expect(gang.status, JSON.stringify(gang.body)).toBe(200);
    expect(gang.body.device.state.gangs).toEqual([{ on: false }, { on: true }, { on: false }]);
    expect([strip.dps["1"], strip.dps["2"], strip.dps["3"]]).toEqual([false, true, false]);
  });

  it("answers every command of a burst, in order, and ends in the last one's state", async () => {
    const sim = await simulate("3.5");
    const id = await add(sim);
    await expect.poll(async () => (await listed(id)).online, { timeout: 20_000 }).toBe(true);
    const answers = await Promise.all(Array.from({ length: 12 }, (_, i) => manager.post(`/api/devices/${id}/state`, { on: i % 2 === 0 })));
    expect(answers.map((a) => a.status)).toEqual(Array(12).fill(200));
    expect(answers.map((a) => a.body.device.state.on)).toEqual(Array.from({ length: 12 }, (_, i) => i % 2 === 0));
    expect(sim.dps["1"]).toBe(false);
    expect((await listed(id)).state.on).toBe(false);
  });

  it("answers commands still queued for a device removed meanwhile with 404, and keeps the other devices working", async () => {
    const slow = await simulate("3.3");
    const other = await simulate("3.3");
    const id = await add(slow);
    const otherId = await add(other);
    await expect.poll(async () => (await listed(id)).online && (await listed(otherId)).online, { timeout: 20_000 }).toBe(true);
    slow.slow(1500);
    const queued = [manager.post(`/api/devices/${id}/state`, { on: true }), manager.post(`/api/devices/${id}/state`, { on: false }), manager.post(`/api/devices/${id}/state`, { on: true })];
    await expect.poll(() => slow.clients, { timeout: 5000 }).toBeGreaterThan(0);
    expect((await manager.delete(`/api/devices/${id}`)).status).toBe(204);
    const answers = await Promise.all(queued);
    // The one on the wire ends as it may; those still waiting were never sent.
    expect(answers.slice(1).map((a) => [a.status, a.body.error])).toEqual([
      [404, "The device was removed before this command's turn; nothing was sent."],
      [404, "The device was removed before this command's turn; nothing was sent."],
    ]);
    const on = await manager.post(`/api/devices/${otherId}/state`, { on: true });
    expect(on.status).toBe(200);
    expect(other.dps["1"]).toBe(true);
  });

  it("names the local key when a 3.4 device stays silent to a wrong one", async () => {
    const sim = await simulate("3.4");
    const id = (await manager.post("/api/devices", { name: "Heater", protocol: "tuya", deviceId: sim.devId, ip: sim.host, localKey: "fedcba9876543210", version: "3.4" })).body.device.id;
    const answer = await answered(manager.post(`/api/devices/${id}/state`, { on: true }));
    expect([502, 504]).toContain(answer.status);
    expect(answer.body.error).toMatch(/local key/i);
    expect(sim.dps["1"]).toBe(false);
    await expect.poll(async () => (await listed(id)).lastError ?? "", { timeout: 5000 }).toMatch(/local key/i);
  });

  it("says a powered-off device is offline within 45 s, answers a command to it within 15 s, and sees it back", async () => {
    const sim = await simulate("3.3");
    const id = await add(sim);
    await expect.poll(async () => (await listed(id)).online, { timeout: 20_000 }).toBe(true);
    await sim.stop();
    const stoppedAt = clock.now();
    await clock.advanceUntil(async () => !(await listed(id)).online, { stepMs: 1000, maxMs: 45_000, what: "offline" });
    expect(clock.now() - stoppedAt).toBeLessThanOrEqual(45_000);
    expect((await listed(id)).lastError).toEqual(expect.any(String));

    const sent = clock.now();
    const answer = await answered(manager.post(`/api/devices/${id}/state`, { on: true }));
    expect(clock.now() - sent).toBeLessThanOrEqual(15_500);
    expect(answer.status).toBe(504);
    expect(answer.body.error).toEqual(expect.any(String));

    await sim.start();
    const backAt = clock.now();
    await clock.advanceUntil(async () => (await listed(id)).online, { stepMs: 1000, maxMs: 20_000, what: "online again" });
    expect(clock.now() - backAt).toBeLessThanOrEqual(20_000);
  });

  it("finds devices on the LAN, and follows a registered one that moved to another address", async () => {
    await app.stop();
    app = await startTestApp({ clock, config: { devices: { discovery: true, broadcastAddress: "127.255.255.255", mdnsInterface: "127.0.0.1", discoverSeconds: 3 } } });
    manager = await setUpManager(app);
    const known = await simulate("3.3", { broadcastIntervalMs: 1000 });
    const stranger = await simulate("3.5", { broadcastIntervalMs: 1000 });
    const id = await add(known);
    // Discovery listens 3 s (the clock runs on in real time meanwhile: the simulators broadcast every second).
    const found = await manager.post("/api/devices/discover");
    expect(found.status).toBe(200);
    const ours = found.body.devices.filter((d: any) => d.deviceId === known.devId || d.deviceId === stranger.devId);
    expect(ours).toEqual(
      expect.arrayContaining([
        { protocol: "tuya", deviceId: known.devId, ip: known.host, version: "3.3", knownAs: id },
        { protocol: "tuya", deviceId: stranger.devId, ip: stranger.host, version: "3.5" },
      ]),
    );

    // A new DHCP lease: the device comes back elsewhere and says so; the registry follows.
    await expect.poll(async () => (await listed(id)).online, { timeout: 20_000 }).toBe(true);
    const moved = newHost();
    await known.reboot({ host: moved });
    await expect.poll(async () => (await listed(id)).ip, { timeout: 10_000 }).toBe(moved);
    await expect.poll(async () => (await listed(id)).online, { timeout: 20_000 }).toBe(true);
    const on = await manager.post(`/api/devices/${id}/state`, { on: true });
    expect(on.status, JSON.stringify(on.body)).toBe(200);
    expect(known.dps["1"]).toBe(true);
  });
});
