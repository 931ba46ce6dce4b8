// The Energy report through the API, on the test clock, with Tuya devices simulated on
// their own loopback addresses (127.0.7.x in this file): a lamp in a room switched on for a
// day and a half with a guest arriving in between and a power cut at the lamp, and a
// two-gang switch in no room.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { startTuyaDevice, type TuyaDevice } from "../../simulators/src/index.js";
import { addMemberWithLogin, ApiClient, setUpManager, startTestApp, type TestApp } from "../helpers/app.js";
import { createTestClock, type TestClock } from "../helpers/test-clock.js";

let app: TestApp;
let manager: ApiClient;
let clock: TestClock;
const sims: TuyaDevice[] = [];
let nextHost = 10;
const KEY = "0123456789abcdef";
const realPause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function simulate(extra: Partial<Parameters<typeof startTuyaDevice>[0]> = {}) {
  const host = `127.0.7.${nextHost++}`;
  const sim = await startTuyaDevice({ host, devId: `bfenergy${host.replaceAll(".", "")}`, localKey: KEY, version: "3.3", broadcastIntervalMs: 0, ...extra });
  sims.push(sim);
  return sim;
}

async function add(sim: TuyaDevice, body: Record<string, unknown>) {
  const res = await manager.post("/api/devices", { protocol: "tuya", deviceId: sim.devId, ip: sim.host, localKey: KEY, version: sim.version, ...body });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  const id = res.body.device.id as string;
  await expect.poll(async () => (await listed(id)).online, { timeout: 20_000 }).toBe(true);
  return id;
}

const listed = async (id: string) => (await manager.get("/api/devices")).body.devices.find((d: any) => d.id === id);

async function setState(id: string, body: Record<string, unknown>) {
  const res = await manager.post(`/api/devices/${id}/state`, body);
  expect(res.status, JSON.stringify(res.body)).toBe(200);
}

/** Moves the app's clock on six hours at a time (each step fires one heartbeat: few steps, few chances for a late answer under load) to `iso`, letting the devices answer their heartbeats in between. */
async function passUntil(iso: string) {
  const target = Date.parse(iso);
  while (clock.now() < target) {
    await clock.advance(Math.min(6 * 3_600_000, target - clock.now()));
    // Time for the devices to answer the heartbeat this step sent, before the next one asks again.
    await realPause(150);
  }
}

beforeEach(async () => {
  // 08:00 in Lisbon (summer time, UTC+1) on Monday 1 June 2026.
  clock = createTestClock(Date.parse("2026-06-01T07:00:00Z"));
  app = await startTestApp({ clock });
  manager = await setUpManager(app);
  const property = await manager.patch("/api/property", { timezone: "Europe/Lisbon", checkInTime: "15:00", checkOutTime: "11:00" });
  expect(property.status, JSON.stringify(property.body)).toBe(200);
});
afterEach(async () => {
  await app.stop();
  await Promise.all(sims.splice(0).map((s) => s.stop()));
});

describe("the Energy report", () => {
  it("counts the hours each device was on per local day, and the part of them while its room had no guest", async () => {
    const room = (await manager.post("/api/rooms", { name: "Room 1" })).body.room;
    const stay = await manager.post("/api/bookings", { roomId: room.id, guestName: "Anna Rossi", checkIn: "2026-06-02", checkOut: "2026-06-03" });
    expect(stay.status, JSON.stringify(stay.body)).toBe(201);
    const lampSim = await simulate({ kind: "light" });
    const lamp = await add(lampSim, { name: "Bedside lamp", kind: "light", roomId: room.id });
    const stripSim = await simulate({ gangs: 2 });
    const strip = await add(stripSim, { name: "Garden lights", gangs: 2 });

    await setState(lamp, { on: true }); // 08:00
    // The same state pushed again changes nothing.
    lampSim.press({ "20": true });
    await passUntil("2026-06-01T11:00:00Z");
    // The lamp's power is cut at noon and comes back at 14:00, still on: two hours not counted.
    await lampSim.stop();
    await clock.advanceUntil(async () => !(await listed(lamp)).online, { stepMs: 5000, maxMs: 60_000, what: "the lamp going offline" });
    await passUntil("2026-06-01T13:00:00Z");
    await lampSim.start();
    await clock.advanceUntil(async () => (await listed(lamp)).online, { stepMs: 2000, maxMs: 60_000, what: "the lamp answering again" });

    await passUntil("2026-06-02T08:00:00Z"); // 09:00 local
    await setState(strip, { on: true, gang: 1 });
    await passUntil("2026-06-02T09:00:00Z");
    await setState(strip, { on: true, gang: 0 });
    await passUntil("2026-06-02T09:30:00Z");
    await setState(strip, { on: false, gang: 1 });
    await passUntil("2026-06-02T10:00:00Z");
    await setState(strip, { on: false, gang: 0 }); // 11:00 local: two hours
    await passUntil("2026-06-02T19:00:00Z");
    await setState(lamp, { on: false }); // 20:00 local

    const res = await manager.get("/api/energy?from=2026-06-01&days=3");
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    const report = res.body;
    expect(report.timeZone).toBe("Europe/Lisbon");
    expect(report.days).toEqual(["2026-06-01", "2026-06-02", "2026-06-03"]);
    expect(report.rooms.map((r: any) => [r.roomId, r.name])).toEqual([
      [room.id, "Room 1"],
      [null, "No room"],
    ]);
    const [inRoom, outside] = report.rooms;
    expect(inRoom.occupied).toEqual([false, true, false]);
    const lampRow = inRoom.devices[0];
    expect(lampRow).toMatchObject({ id: lamp, name: "Bedside lamp", kind: "light" });
    // 08:00–12:00 and 14:00–24:00; then 00:00–20:00, the guest in the room from 15:00.
    // (The clock also runs in real time, and noticing the cut takes seconds: within 0.1 h.)
    const close = (actual: number[], expected: number[]) => actual.forEach((value, i) => expect(Math.abs(value - expected[i]!), `${actual} vs ${expected}`).toBeLessThan(0.1));
    close(lampRow.onHours, [14, 20, 0]);
    close(lampRow.onHoursWhileVacant, [14, 15, 0]);
    expect(inRoom.onHours).toEqual(lampRow.onHours);
    expect(outside.occupied).toEqual([false, false, false]);
    close(outside.devices[0].onHours, [0, 2, 0]);
    expect(outside.devices[0].onHoursWhileVacant).toEqual([0, 0, 0]);
    expect(report.totals.onHours).toBeCloseTo([...inRoom.onHours, ...outside.onHours].reduce((a: number, b: number) => a + b, 0), 2);
    close([report.totals.onHours, report.totals.onHoursWhileVacant], [36, 29]);
    for (const value of [...lampRow.onHours, ...lampRow.onHoursWhileVacant]) expect(Math.round(value * 100) / 100).toBe(value);

    // By default the last seven days, today (2 June) included.
    const week = await manager.get("/api/energy");
    expect(week.body.days).toEqual(["2026-05-27", "2026-05-28", "2026-05-29", "2026-05-30", "2026-05-31", "2026-06-01", "2026-06-02"]);
    close(week.body.rooms[0].devices[0].onHours.slice(5), [14, 20]);
  });

  it("is for the signed-in team, staff included, and answers a bad query with a sentence", async () => {
    const { client: staff } = await addMemberWithLogin(manager, "staff", "sam");
    const staffAnswer = await staff.get("/api/energy?days=1");
    expect(staffAnswer.status).toBe(200);
    expect(staffAnswer.body).toMatchObject({ days: ["2026-06-01"], rooms: [], totals: { onHours: 0, onHoursWhileVacant: 0 } });
    expect((await new ApiClient(app.url).get("/api/energy")).status).toBe(401);
    for (const [query, field] of [
      ["days=63", "days"],
      ["days=0", "days"],
      ["days=two", "days"],
      ["from=2026-02-30", "from"],
      ["from=tomorrow", "from"],
      ["from=9999-12-01", "from"],
    ] as const) {
      const res = await manager.get(`/api/energy?${query}`);
      expect(res.status, query).toBe(400);
      expect(res.body.error).toMatch(/\.$/);
      expect(res.body.details[0].field).toBe(field);
    }
  });
});
