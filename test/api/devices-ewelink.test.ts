// eWeLink (Sonoff) devices through the appliance's API, against simulated devices in DIY
// and encrypted LAN mode on their own loopback addresses (127.0.4.x in this file), with
// their mDNS announcements on the loopback interface only.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { startEwelinkDevice, type EwelinkDevice } from "../../simulators/src/index.js";
import { setUpManager, startTestApp, type ApiClient, type TestApp } from "../helpers/app.js";
import { collect, connectSocket } from "../helpers/sockets.js";
import { createTestClock, type TestClock } from "../helpers/test-clock.js";

let app: TestApp;
let manager: ApiClient;
let clock: TestClock;
const sims: EwelinkDevice[] = [];
const sockets: Array<{ close(): void }> = [];
let next = 10;
const DEVICE_KEY = "6f1c2b3a-4d5e-4f60-8a9b-0c1d2e3f4a5b";

async function simulate(options: Parameters<typeof startEwelinkDevice>[0] = {}) {
  const n = next++;
  const sim = await startEwelinkDevice({ ip: `127.0.4.${n}`, port: 8081, deviceId: `10000004${String(n).padStart(2, "0")}`, ...options });
  sims.push(sim);
  return sim;
}

async function add(sim: EwelinkDevice, extra: Record<string, unknown> = {}) {
  const res = await manager.post("/api/devices", {
    name: `Sonoff ${sim.deviceId}`,
    protocol: "ewelink",
    deviceId: sim.deviceId,
    ip: sim.ip,
    ...(sim.deviceKey ? { deviceKey: sim.deviceKey } : {}),
    ...extra,
  });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body.device.id as string;
}

const listed = async (id: string) => (await manager.get("/api/devices")).body.devices.find((d: any) => d.id === id);

beforeEach(async () => {
  clock = createTestClock();
  app = await startTestApp({ clock, config: { devices: { discovery: true, broadcastAddress: "127.255.255.255", mdnsInterface: "127.0.0.1", discoverSeconds: 2 } } });
  manager = await setUpManager(app);
});
afterEach(async () => {
  for (const s of sockets.splice(0)) s.close();
  await app.stop();
  await Promise.all(sims.splice(0).map((s) => s.stop()));
});

describe("eWeLink devices through the API", () => {
  for (const mode of ["DIY", "encrypted"] as const) {
    it(`switches ${mode === "DIY" ? "a DIY" : "an encrypted"} plug, and shows a button pressed by hand within 3 s, on the /staff socket too`, async () => {
      const staffSocket = await connectSocket(app.url, "/staff", { cookie: manager.cookie });
      sockets.push(staffSocket);
      const events = collect(staffSocket, "device");
      const sim = await simulate(mode === "encrypted" ? { deviceKey: DEVICE_KEY } : {});
      const id = await add(sim);
      const on = await manager.post(`/api/devices/${id}/state`, { on: true });
      expect(on.status, JSON.stringify(on.body)).toBe(200);
      expect(on.body.device).toMatchObject({ online: true, state: { on: true }, encrypted: mode === "encrypted" });
      expect(sim.params().switch).toBe("on");

      sim.press({ on: false });
      await expect.poll(async () => (await listed(id)).state.on, { timeout: 3000 }).toBe(false);
      await events.waitFor((d: any) => d.id === id && d.state.on === false);
      expect(JSON.stringify(events.items)).not.toContain(DEVICE_KEY);
    });
  }

  it("switches one outlet of a strip, and refuses an outlet it does not have", async () => {
    const sim = await simulate({ kind: "switches", outlets: 4, deviceKey: DEVICE_KEY });
    const id = await add(sim, { gangs: 4 });
    const res = await manager.post(`/api/devices/${id}/state`, { on: true, gang: 2 });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.device.state.gangs.map((g: any) => g.on)).toEqual([false, false, true, false]);
    expect((await manager.post(`/api/devices/${id}/state`, { on: true, gang: 4 })).status).toBe(400);
  });

  it("names the device key when it is wrong, and marks the device", async () => {
    const sim = await simulate({ deviceKey: DEVICE_KEY });
    const id = await add(sim, { deviceKey: "00000000-0000-4000-8000-000000000000" });
    const res = await manager.post(`/api/devices/${id}/state`, { on: true });
    expect(res.status).toBe(502);
    expect(res.body.error).toMatch(/device key/i);
    expect(sim.params().switch).toBe("off");
    expect(await listed(id)).toMatchObject({ lastError: expect.stringMatching(/device key/i), problem: "bad-key" });
  });

  it("ends a burst in the last command's state, requests spaced for the device's one-at-a-time web server", async () => {
    const sim = await simulate();
    const id = await add(sim);
    const answers = await Promise.all(Array.from({ length: 6 }, (_, i) => manager.post(`/api/devices/${id}/state`, { on: i % 2 === 0 })));
    expect(answers.map((a) => a.status)).toEqual(Array(6).fill(200));
    expect(sim.params().switch).toBe("off");
    const served = sim.served().filter((r) => r.outcome === "answered");
    for (let i = 1; i < served.length; i++) expect(served[i]!.at - served[i - 1]!.at).toBeGreaterThanOrEqual(190);
  });

  it("finds eWeLink devices on the LAN by mDNS", async () => {
    const diy = await simulate();
    const lan = await simulate({ deviceKey: DEVICE_KEY });
    const found = await manager.post("/api/devices/discover");
    expect(found.status).toBe(200);
    const ours = found.body.devices.filter((d: any) => d.deviceId === diy.deviceId || d.deviceId === lan.deviceId);
    expect(ours).toEqual(
      expect.arrayContaining([
        { protocol: "ewelink", deviceId: diy.deviceId, ip: diy.ip, encrypted: false },
        { protocol: "ewelink", deviceId: lan.deviceId, ip: lan.ip, encrypted: true },
      ]),
    );
  });

  it("imports an eWeLink account's device list once, taking each address from the device's own announcement", async () => {
    const strip = await simulate({ kind: "switches", outlets: 2, deviceKey: DEVICE_KEY });
    const unseen = "10000004ff";
    await expect.poll(async () => (await manager.post("/api/devices/discover")).body.devices.some((d: any) => d.deviceId === strip.deviceId), { timeout: 10_000 }).toBe(true);
    const exported = [
      { name: "Corridor strip", deviceid: strip.deviceId, devicekey: DEVICE_KEY, params: { switches: [{ switch: "off", outlet: 0 }, { switch: "off", outlet: 1 }] } },
      { name: "Far away", deviceid: unseen, devicekey: DEVICE_KEY },
    ];
    const res = await manager.post("/api/devices/import", exported);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.devices).toEqual([expect.objectContaining({ name: "Corridor strip", protocol: "ewelink", ip: strip.ip, gangs: 2, encrypted: true })]);
    expect(res.body.skipped).toEqual([{ name: "Far away", reason: expect.stringMatching(/not heard on the LAN/) }]);
    const id = res.body.devices[0].id;
    const on = await manager.post(`/api/devices/${id}/state`, { on: true, gang: 1 });
    expect(on.status, JSON.stringify(on.body)).toBe(200);
    expect(on.body.device.state.gangs.slice(0, 2)).toEqual([{ on: false }, { on: true }]);
  });
});
