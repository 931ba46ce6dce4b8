// Scenarios acting on simulated Tuya plugs (the real protocol, on 127.0.6.x): a switch
// confirmed in the run log, a device held on for a while, a device that does not answer
// (retried, failed, the staff on duty alerted on Telegram), /run from Telegram, and a
// restart after downtime that restores each device's latest missed run and nothing else.
import { afterEach, describe, expect, it } from "vitest";
import { startTuyaDevice, type TuyaDevice } from "../../simulators/src/index.js";
import { ApiClient, MANAGER, setUpManager, startTestApp, tempDataDir, type TestApp } from "../helpers/app.js";
import { createScenario, runsOf, scenario, settle, waitForRuns } from "../helpers/scenarios.js";
import { linkStaff, startTelegramWorld, type TelegramWorld } from "../helpers/telegram-setup.js";
import { createTestClock, type TestClock } from "../helpers/test-clock.js";

const MINUTE = 60_000;
const KEY = "0123456789abcdef";
let nextHost = 10;
const sims: TuyaDevice[] = [];
const apps: TestApp[] = [];
let world: TelegramWorld | undefined;

afterEach(async () => {
  await world?.stop();
  world = undefined;
  for (const app of apps.splice(0)) await app.stop();
  await Promise.all(sims.splice(0).map((s) => s.stop()));
});

async function plug(dps: Record<string, boolean> = {}) {
  const host = `127.0.6.${nextHost++}`;
  const sim = await startTuyaDevice({ host, devId: `bfscen${host.replaceAll(".", "")}xx`, localKey: KEY, version: "3.3", broadcastIntervalMs: 0, dps });
  sims.push(sim);
  return sim;
}

async function register(manager: ApiClient, clock: TestClock, sim: { devId: string; host: string }, name: string, waitOnline = true) {
  const res = await manager.post("/api/devices", { name, protocol: "tuya", deviceId: sim.devId, ip: sim.host, localKey: KEY, version: "3.3" });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  const id = res.body.device.id as string;
  if (waitOnline) {
    await clock.advanceUntil(async () => (await manager.get("/api/devices")).body.devices.find((d: any) => d.id === id)?.online === true, { stepMs: 500, maxMs: 20_000, what: `${name} online` });
  }
  return id;
}

async function start(clock: TestClock, dataDir?: string) {
  const app = await startTestApp({ clock, ...(dataDir ? { dataDir } : {}) });
  apps.push(app);
  return app;
}

describe("scenarios acting on devices", () => {
  it("switch a simulated plug, and the run log says the device confirmed", async () => {
    const clock = createTestClock(Date.parse("2026-07-10T06:00:00Z"));
    const app = await start(clock);
    const manager = await setUpManager(app);
    const sim = await plug();
    const deviceId = await register(manager, clock, sim, "Porch plug");
    const s = await createScenario(manager, scenario({ name: "Porch on", actions: [{ type: "device", deviceId, set: { on: true } }] }));
    expect((await manager.post(`/api/scenarios/${s.id}/run`)).status).toBe(202);
    const [run] = await waitForRuns(clock, manager, s.id);
    expect(run).toMatchObject({ outcome: "acted", actions: [{ action: { type: "device", deviceId }, result: "confirmed", attempts: 1 }] });
    expect(sim.dps["1"]).toBe(true);

    // By kind in a room: one entry per device.
    const roomId = (await manager.post("/api/rooms", { name: "Room 12" })).body.room.id;
    await manager.patch(`/api/devices/${deviceId}`, { roomId });
    await manager.patch(`/api/scenarios/${s.id}`, { actions: [{ type: "device", roomId, kind: "switch", set: { on: false } }] });
    await manager.post(`/api/scenarios/${s.id}/run`);
    const [byRoom] = await waitForRuns(clock, manager, s.id, 2);
    expect(byRoom.actions).toEqual([expect.objectContaining({ result: "confirmed", deviceId, attempts: 1 })]);
    expect(sim.dps["1"]).toBe(false);
  });

  it("fire a device trigger only when the state held for forMinutes", async () => {
    const clock = createTestClock(Date.parse("2026-07-10T06:00:00Z"));
    const app = await start(clock);
    const manager = await setUpManager(app);
    const sim = await plug();
    const deviceId = await register(manager, clock, sim, "Bathroom fan");
    const s = await createScenario(
      manager,
      scenario({ name: "Fan left on", triggers: [{ type: "device", deviceId, to: { on: true }, forMinutes: 5 }], actions: [{ type: "notify", text: "The fan is still on" }] }),
    );
    const listed = async () => (await manager.get("/api/devices")).body.devices.find((d: any) => d.id === deviceId);
    sim.press({ "1": true });
    await clock.advanceUntil(async () => (await listed()).state.on === true, { stepMs: 500, maxMs: 5000, what: "pressed on" });
    await clock.advance(3 * MINUTE);
    sim.press({ "1": false });
    await clock.advanceUntil(async () => (await listed()).state.on === false, { stepMs: 500, maxMs: 5000, what: "pressed off" });
    for (let i = 0; i < 6; i++) await clock.advance(MINUTE);
    await settle(100);
    expect(await runsOf(manager, s.id)).toHaveLength(0);

    sim.press({ "1": true });
    await clock.advanceUntil(async () => (await listed()).state.on === true, { stepMs: 500, maxMs: 5000, what: "pressed on again" });
    const [run] = await waitForRuns(clock, manager, s.id, 1, { stepMs: 30_000, maxMs: 10 * MINUTE });
    expect(run.trigger).toEqual({ type: "device", deviceId, to: { on: true }, forMinutes: 5 });
  });

  it("retry a device that does not answer, log the run failed with the attempts, and alert the staff on duty on Telegram", async () => {
    const clock = createTestClock(Date.parse("2026-07-10T06:00:00Z"));
    world = await startTelegramWorld({ clock });
    const { user: anna } = await linkStaff(world, "Anna", 9301);
    const manager = world.manager;
    const sim = await plug();
    const deviceId = await register(manager, clock, sim, "Garden plug");
    await sim.stop();
    const s = await createScenario(manager, scenario({ name: "Garden on", actions: [{ type: "device", deviceId, set: { on: true } }] }));
    await manager.post(`/api/scenarios/${s.id}/run`);
    const [run] = await waitForRuns(clock, manager, s.id, 1, { stepMs: 1000, maxMs: 3 * MINUTE });
    expect(run.outcome).toBe("failed");
    expect(run.actions).toEqual([expect.objectContaining({ result: "failed", attempts: 3, error: expect.stringContaining("Garden plug: ") })]);
    const alert = await anna.waitFor(/Garden on/, 10_000);
    expect(alert.text).toContain("failed");
    expect(alert.text).toContain("Garden plug");
  }, 60_000);

  it("start a scenario from Telegram with /run, by number or name", async () => {
    const clock = createTestClock(Date.parse("2026-07-10T06:00:00Z"));
    world = await startTelegramWorld({ clock });
    const { user: anna } = await linkStaff(world, "Anna", 9302);
    const manager = world.manager;
    await createScenario(manager, scenario({ name: "Not by hand", triggers: [{ type: "time", at: "07:00" }] }));
    const lobby = await createScenario(manager, scenario({ name: "Lobby lights", actions: [{ type: "notify", text: "Lobby lights are on" }] }));
    await anna.send("/run");
    const list = await anna.waitFor(/Scenarios you can start/);
    expect(list.text).toContain("1. Lobby lights");
    expect(list.text).not.toContain("Not by hand");
    await anna.send("/run 1");
    await anna.waitFor(/Started “Lobby lights”/);
    const [run] = await waitForRuns(clock, manager, lobby.id);
    expect(run).toMatchObject({ trigger: { type: "manual" }, outcome: "acted", actions: [{ result: "confirmed" }] });
    await anna.waitFor(/Lobby lights are on/);
    await anna.send("/run lobby");
    await clock.advanceUntil(() => anna.received().filter((m) => m.text?.includes("Started")).length === 2, { stepMs: 200, maxMs: 10_000, what: "second start" });
    await anna.send("/help");
    await clock.advanceUntil(() => anna.received().some((m) => m.text?.includes("front desk bot")), { stepMs: 200, maxMs: 10_000, what: "help" });
    expect(anna.received().find((m) => m.text?.includes("front desk bot"))!.text).toContain("/run 2 or /run");
  }, 60_000);

  it("after downtime, restore each device's latest missed run once, device actions only, and replay nothing else", async () => {
    const dataDir = tempDataDir();
    const clock = createTestClock(Date.parse("2026-07-10T14:00:00Z")); // 16:00 in Rome
    const app = await start(clock, dataDir);
    const manager = await setUpManager(app);
    await manager.patch("/api/property", { timezone: "Europe/Rome" });
    const porch = await plug({ "1": true });
    const garden = await plug();
    const porchId = await register(manager, clock, porch, "Porch plug");
    const gardenId = await register(manager, clock, garden, "Garden plug");
    const on = await createScenario(manager, scenario({ name: "Porch on", triggers: [{ type: "time", at: "18:00" }], actions: [{ type: "device", deviceId: porchId, set: { on: true } }] }));
    const off = await createScenario(manager, scenario({ name: "Porch off", triggers: [{ type: "time", at: "22:00" }], actions: [{ type: "device", deviceId: porchId, set: { on: false } }] }));
    const gardenOn = await createScenario(
      manager,
      scenario({ name: "Garden on", triggers: [{ type: "time", at: "19:00" }, { type: "time", at: "20:00" }], actions: [{ type: "notify", text: "Garden lit" }, { type: "device", deviceId: gardenId, set: { on: true } }] }),
    );
    // The scheduler has ticked (its heartbeat is on disk); then the box is off from 16:05 to 23:30.
    await clock.advance(2 * MINUTE);
    await settle(100);
    apps.splice(apps.indexOf(app), 1);
    await app.stop();

    const later = createTestClock(Date.parse("2026-07-10T21:30:00Z"));
    const again = await start(later, dataDir);
    const client = new ApiClient(again.url);
    await client.login(MANAGER.username, MANAGER.password);
    const [restored] = await waitForRuns(later, client, off.id, 1, { stepMs: 1000, maxMs: 60_000 });
    expect(restored).toMatchObject({
      trigger: { type: "restore", missedAt: "2026-07-10T20:00:00.000Z", trigger: { type: "time", at: "22:00" } },
      plannedAt: "2026-07-10T20:00:00.000Z",
      outcome: "acted",
      reason: "Restored after downtime: the run planned for 2026-07-10T20:00:00.000Z was missed; only device actions were replayed.",
      actions: [{ result: "confirmed" }],
    });
    const [gardenRun] = await waitForRuns(later, client, gardenOn.id, 1, { stepMs: 1000, maxMs: 60_000 });
    expect(gardenRun).toMatchObject({
      trigger: { type: "restore", missedAt: "2026-07-10T18:00:00.000Z" },
      actions: [
        { action: { type: "notify" }, result: "skipped", error: "skipped: not replayed after downtime" },
        { action: { type: "device" }, result: "confirmed" },
      ],
    });
    expect(porch.dps["1"]).toBe(false);
    expect(garden.dps["1"]).toBe(true);
    // The earlier run on the porch plug is not replayed, and nothing runs twice.
    await later.advance(5 * MINUTE);
    await settle(200);
    expect(await runsOf(client, on.id)).toHaveLength(0);
    expect(await runsOf(client)).toHaveLength(2);
  }, 60_000);
});
