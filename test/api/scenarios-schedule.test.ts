// The live scheduler on the test clock: a sunset trigger runs at its planned minute, a clock
// jump forwards runs once and one back never twice, a stay cancelled after its check-in run
// was armed does not run, and a booking's creation runs after its offset.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { setUpManager, startTestApp, type ApiClient, type TestApp } from "../helpers/app.js";
import { createScenario, runsOf, scenario, settle, waitForRuns } from "../helpers/scenarios.js";
import { createTestClock, type TestClock } from "../helpers/test-clock.js";

const MINUTE = 60_000;
let app: TestApp;
let manager: ApiClient;
let clock: TestClock;
const notify = [{ type: "notify", text: "Hello" }];

beforeEach(async () => {
  clock = createTestClock(Date.parse("2026-07-10T06:00:00Z")); // 08:00 in Rome
  app = await startTestApp({ clock });
  manager = await setUpManager(app);
  const property = await manager.patch("/api/property", { timezone: "Europe/Rome", latitude: 41.9, longitude: 12.5 });
  expect(property.status).toBe(200);
});
afterEach(async () => {
  await app.stop();
});

/** Moves the clock on in steps, checking the log each time; how many runs there are at the end. */
async function stepThrough(id: string, ms: number, stepMs = 30_000) {
  for (let moved = 0; moved < ms; moved += stepMs) {
    await clock.advance(stepMs);
    await settle(20);
  }
  await settle(100);
  return (await runsOf(manager, id)).length;
}

describe("the scenario scheduler", () => {
  it("runs a sunset trigger at its planned minute, and not before", async () => {
    const s = await createScenario(manager, scenario({ name: "Garden lights", triggers: [{ type: "sun", event: "sunset", offsetMinutes: -15 }], actions: notify }));
    const planned = Date.parse(s.nextRunAt!);
    // Rome's sunset in July is about 20:48 local (18:48 UTC).
    expect(planned).toBeGreaterThan(Date.parse("2026-07-10T18:20:00Z"));
    expect(planned).toBeLessThan(Date.parse("2026-07-10T18:45:00Z"));
    const preview = await manager.get(`/api/scenarios/${s.id}/preview?from=2026-07-10&days=1`);
    expect(preview.body.runs.map((r: any) => Date.parse(r.at))).toEqual([planned]);

    await clock.set(planned - 3 * MINUTE);
    expect(await stepThrough(s.id, 2.5 * MINUTE)).toBe(0);
    const [run] = await waitForRuns(clock, manager, s.id, 1, { stepMs: 5_000, maxMs: 5 * MINUTE });
    expect(run).toMatchObject({ trigger: { type: "sun", event: "sunset", offsetMinutes: -15 }, plannedAt: new Date(planned).toISOString(), outcome: "acted" });
    expect(Date.parse(run.startedAt) - planned).toBeGreaterThanOrEqual(0);
    expect(Date.parse(run.startedAt) - planned).toBeLessThan(MINUTE);
    const listed = (await manager.get("/api/scenarios")).body.scenarios[0];
    expect(Date.parse(listed.nextRunAt)).toBeGreaterThan(planned + 23 * 60 * MINUTE);
  });

  it("runs once after the clock jumps forwards over several runs, and never twice when it goes back", async () => {
    const s = await createScenario(manager, scenario({ name: "Breakfast", triggers: [{ type: "time", at: "07:00" }], actions: notify }));
    await clock.set(Date.parse("2026-07-13T06:00:00Z")); // three 07:00s passed
    const [run] = await waitForRuns(clock, manager, s.id, 1, { stepMs: 5_000 });
    expect(run.plannedAt).toBe("2026-07-13T05:00:00.000Z");
    expect(await stepThrough(s.id, 2 * MINUTE)).toBe(1);

    await clock.set(Date.parse("2026-07-13T04:50:00Z"));
    expect(await stepThrough(s.id, 20 * MINUTE, 60_000)).toBe(1);
    // The next day's runs as usual.
    await clock.set(Date.parse("2026-07-14T04:59:00Z"));
    const runs = await waitForRuns(clock, manager, s.id, 2, { stepMs: 10_000 });
    expect(runs[0].plannedAt).toBe("2026-07-14T05:00:00.000Z");
  });

  it("does not run a check-in trigger for a stay cancelled after its run was armed", async () => {
    const roomA = (await manager.post("/api/rooms", { name: "Room A" })).body.room.id;
    const roomB = (await manager.post("/api/rooms", { name: "Room B" })).body.room.id;
    const kept = await manager.post("/api/bookings", { roomId: roomA, guestName: "Anna", checkIn: "2026-07-10", checkOut: "2026-07-12" });
    const cancelled = await manager.post("/api/bookings", { roomId: roomB, guestName: "Ben", checkIn: "2026-07-10", checkOut: "2026-07-12" });
    expect(kept.status).toBe(201);
    const welcomeA = await createScenario(manager, scenario({ name: "Welcome A", triggers: [{ type: "booking", event: "checkIn", roomId: roomA }], actions: notify }));
    const welcomeB = await createScenario(manager, scenario({ name: "Welcome B", triggers: [{ type: "booking", event: "checkIn", roomId: roomB }], actions: notify }));
    expect(welcomeB.nextRunAt).toBe("2026-07-10T13:00:00.000Z"); // 15:00 in Rome

    await clock.set(Date.parse("2026-07-10T12:59:30Z"));
    await settle(50);
    expect((await manager.delete(`/api/bookings/${cancelled.body.id}`)).status).toBe(204);
    const [run] = await waitForRuns(clock, manager, welcomeA.id, 1, { stepMs: 10_000 });
    expect(run.plannedAt).toBe("2026-07-10T13:00:00.000Z");
    expect(await stepThrough(welcomeB.id, 5 * MINUTE)).toBe(0);
  });

  it("runs a booking-created trigger after its offset, kept on disk", async () => {
    const roomId = (await manager.post("/api/rooms", { name: "Room 12" })).body.room.id;
    const s = await createScenario(manager, scenario({ name: "New stay", triggers: [{ type: "booking", event: "created", offsetMinutes: 10 }], actions: notify }));
    await manager.post("/api/bookings", { roomId, guestName: "Anna", checkIn: "2026-07-20", checkOut: "2026-07-22" });
    expect(await stepThrough(s.id, 9 * MINUTE, 60_000)).toBe(0);
    const [run] = await waitForRuns(clock, manager, s.id, 1, { stepMs: 10_000 });
    expect(run).toMatchObject({ trigger: { type: "booking", event: "created" }, outcome: "acted" });
  });

  it("does not make up for runs planned while a scenario was disabled, or replay one when the timezone changes", async () => {
    const s = await createScenario(manager, scenario({ name: "Breakfast", triggers: [{ type: "time", at: "07:00" }], actions: notify }));
    await manager.patch(`/api/scenarios/${s.id}`, { enabled: false });
    await clock.set(Date.parse("2026-07-12T06:00:00Z"));
    await settle(50);
    const enabled = await manager.patch(`/api/scenarios/${s.id}`, { enabled: true });
    expect(enabled.body.scenario.nextRunAt).toBe("2026-07-13T05:00:00.000Z");
    expect(await stepThrough(s.id, 3 * MINUTE)).toBe(0);

    await clock.set(Date.parse("2026-07-13T04:59:00Z"));
    const [run] = await waitForRuns(clock, manager, s.id, 1, { stepMs: 10_000 });
    expect(run.plannedAt).toBe("2026-07-13T05:00:00.000Z");

    // 07:00 in New York (11:00 UTC) passed after the last run: switching to New York at noon UTC does not run it late.
    await clock.set(Date.parse("2026-07-13T12:00:00Z"));
    await settle(50);
    await manager.patch("/api/property", { timezone: "America/New_York" });
    expect(await stepThrough(s.id, 3 * MINUTE)).toBe(1);
    expect((await manager.get("/api/scenarios")).body.scenarios[0].nextRunAt).toBe("2026-07-14T11:00:00.000Z");
  });
});
