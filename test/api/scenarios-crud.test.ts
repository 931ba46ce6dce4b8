// Scenarios through the API: storing, the checks beyond the schema (sentences a manager can
// act on), what deleting is refused, a manual run and its log, and the preview.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { addMemberWithLogin, setUpManager, startTestApp, type ApiClient, type TestApp } from "../helpers/app.js";
import { collect, connectSocket } from "../helpers/sockets.js";
import { createScenario, runsOf, scenario, settle, waitForRuns } from "../helpers/scenarios.js";
import { createTestClock, type TestClock } from "../helpers/test-clock.js";

let app: TestApp;
let manager: ApiClient;
let clock: TestClock;

beforeEach(async () => {
  clock = createTestClock(Date.parse("2026-07-10T06:00:00Z")); // 08:00 in Rome
  app = await startTestApp({ clock });
  manager = await setUpManager(app);
  await manager.patch("/api/property", { timezone: "Europe/Rome" });
});
afterEach(async () => {
  await app.stop();
});

const messages = (body: any) => (body.details ?? []).map((d: any) => d.message).join(" | ");

describe("scenarios", () => {
  it("are created, listed, changed in part and deleted; staff may list and run but not change them", async () => {
    const created = await manager.post("/api/scenarios", scenario({ triggers: [{ type: "time", at: "07:30" }, { type: "manual" }] }));
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    expect(created.body.scenario).toMatchObject({ name: "Porch light", enabled: true, mode: "single", running: 0, nextRunAt: "2026-07-11T05:30:00.000Z" });
    const id = created.body.scenario.id;

    const patched = await manager.patch(`/api/scenarios/${id}`, { name: "Porch lamp", mode: "queued" });
    expect(patched.status).toBe(200);
    expect(patched.body.scenario).toMatchObject({ name: "Porch lamp", mode: "queued", triggers: [{ type: "time", at: "07:30" }, { type: "manual" }] });

    const { client: staff } = await addMemberWithLogin(manager, "staff", "sara");
    expect((await staff.get("/api/scenarios")).body.scenarios.map((s: any) => s.name)).toEqual(["Porch lamp"]);
    expect((await staff.post("/api/scenarios", scenario())).status).toBe(403);
    expect((await staff.patch(`/api/scenarios/${id}`, { enabled: false })).status).toBe(403);
    expect((await staff.delete(`/api/scenarios/${id}`)).status).toBe(403);
    const run = await staff.post(`/api/scenarios/${id}/run`);
    expect(run.status).toBe(202);
    expect(run.body.runId).toEqual(expect.any(String));
    expect((await staff.get(`/api/scenarios/${id}/preview`)).status).toBe(200);
    expect((await staff.get("/api/scenario-runs")).status).toBe(200);

    expect((await manager.delete(`/api/scenarios/${id}`)).status).toBe(204);
    expect((await manager.get("/api/scenarios")).body.scenarios).toEqual([]);
    expect((await manager.patch(`/api/scenarios/${id}`, { enabled: false })).status).toBe(404);
    expect((await manager.post(`/api/scenarios/${id}/run`)).status).toBe(404);
  });

  it("refuse what cannot run, with sentences naming the field", async () => {
    const noTrigger = await manager.post("/api/scenarios", scenario({ triggers: [] }));
    expect(noTrigger.status).toBe(400);
    expect(messages(noTrigger.body)).toContain("Add a trigger");
    const noAction = await manager.post("/api/scenarios", scenario({ actions: [] }));
    expect(noAction.status).toBe(400);
    expect(messages(noAction.body)).toContain("Add an action");
    const badTime = await manager.post("/api/scenarios", scenario({ triggers: [{ type: "time", at: "25:00" }] }));
    expect(badTime.status).toBe(400);
    expect(messages(badTime.body)).toContain("from 00:00 to 23:59");
    const farOffset = await manager.post("/api/scenarios", scenario({ triggers: [{ type: "sun", event: "sunset", offsetMinutes: 1800 }] }));
    expect(farOffset.status).toBe(400);
    expect(messages(farOffset.body)).toContain("between -720 and 720");

    const unknown = await manager.post(
      "/api/scenarios",
      scenario({ conditions: [{ type: "device", deviceId: "d_gone", state: { on: true } }], actions: [{ type: "device", roomId: "r_gone", set: { on: true } }] }),
    );
    expect(unknown.status).toBe(400);
    expect(unknown.body.details).toEqual(
      expect.arrayContaining([
        { field: "conditions.0", message: "conditions.0: there is no device d_gone; it may have been deleted." },
        { field: "actions.0", message: "actions.0: there is no room r_gone; it may have been deleted." },
      ]),
    );

    const triggerRoom = await manager.post("/api/scenarios", scenario({ actions: [{ type: "device", roomId: "trigger", set: { on: true } }] }));
    expect(triggerRoom.status).toBe(400);
    expect(triggerRoom.body.error).toContain('roomId "trigger" means the room of the booking or device that triggered');
    const withBooking = await manager.post("/api/scenarios", scenario({ triggers: [{ type: "booking", event: "checkIn" }], actions: [{ type: "device", roomId: "trigger", kind: "light", set: { on: true } }] }));
    expect(withBooking.status, JSON.stringify(withBooking.body)).toBe(201);

    const sun = await manager.post("/api/scenarios", scenario({ triggers: [{ type: "sun", event: "sunset" }] }));
    expect(sun.status).toBe(400);
    expect(sun.body.error).toContain("set latitude and longitude on the Property page");
  });

  it("refuse scenarios that would run each other in a cycle, naming them", async () => {
    const a = await createScenario(manager, scenario({ name: "Evening" }));
    const b = await createScenario(manager, scenario({ name: "Night", actions: [{ type: "scenario", scenarioId: a.id }] }));
    const cycle = await manager.patch(`/api/scenarios/${a.id}`, { actions: [{ type: "scenario", scenarioId: b.id }] });
    expect(cycle.status).toBe(400);
    expect(cycle.body.error).toBe("These scenarios would run each other in a cycle: Evening → Night → Evening. Remove one of the scenario actions.");
    expect(cycle.body.details[0].field).toBe("actions");
    const self = await manager.patch(`/api/scenarios/${a.id}`, { actions: [{ type: "scenario", scenarioId: a.id }] });
    expect(self.status).toBe(400);
    expect(self.body.error).toContain("Evening → Evening");

    const refused = await manager.delete(`/api/scenarios/${a.id}`);
    expect(refused.status).toBe(409);
    expect(refused.body.error).toBe("This scenario is run by the scenario “Night”; remove that action first.");
  });

  it("keep a device or a room a scenario names from being deleted, naming the scenario", async () => {
    const roomId = (await manager.post("/api/rooms", { name: "Room 12" })).body.room.id;
    const device = await manager.post("/api/devices", { name: "Porch plug", protocol: "tuya", deviceId: "bfscen1270601xx", ip: "127.0.6.250", localKey: "0123456789abcdef", version: "3.3" });
    expect(device.status).toBe(201);
    const deviceId = device.body.device.id;
    const s = await createScenario(manager, scenario({ name: "Welcome", conditions: [{ type: "stay", roomId, state: "occupied" }], actions: [{ type: "device", deviceId, set: { on: true } }] }));

    const room = await manager.delete(`/api/rooms/${roomId}`);
    expect(room.status).toBe(409);
    expect(room.body.error).toBe("This room is used by the scenario “Welcome”; change or remove it first.");
    const plug = await manager.delete(`/api/devices/${deviceId}`);
    expect(plug.status).toBe(409);
    expect(plug.body.error).toBe("This device is used by the scenario “Welcome”; change or remove it first.");

    await manager.patch(`/api/scenarios/${s.id}`, { conditions: [], actions: [{ type: "wait", minutes: 1 }] });
    expect((await manager.delete(`/api/devices/${deviceId}`)).status).toBe(204);
    expect((await manager.delete(`/api/rooms/${roomId}`)).status).toBe(204);
  });

  it("run by hand at once (202), and the run log records the trigger, each condition's value and each action", async () => {
    const roomId = (await manager.post("/api/rooms", { name: "Room 12" })).body.room.id;
    const s = await createScenario(
      manager,
      scenario({
        name: "Morning check",
        conditions: [
          { type: "time", after: "07:00", before: "12:00" },
          { or: [{ type: "stay", roomId, state: "vacant" }, { type: "weather", field: "temperature", above: 30 }] },
        ],
        actions: [{ type: "notify", text: "Good morning" }],
      }),
    );
    const started = await manager.post(`/api/scenarios/${s.id}/run`);
    expect(started.status).toBe(202);
    const [run] = await waitForRuns(clock, manager, s.id);
    expect(run).toMatchObject({
      id: started.body.runId,
      scenarioId: s.id,
      scenarioName: "Morning check",
      trigger: { type: "manual" },
      outcome: "acted",
      conditions: [
        { condition: { type: "time", after: "07:00", before: "12:00" }, value: true },
        { condition: { or: [{ type: "stay", roomId, state: "vacant" }, { type: "weather", field: "temperature", above: 30 }] }, value: true },
      ],
      // No bot is set up: nobody on duty can be told.
      actions: [{ action: { type: "notify", text: "Good morning" }, result: "skipped", error: "Nobody on duty is linked on Telegram." }],
    });
    expect((await manager.get("/api/scenarios")).body.scenarios[0].lastRun).toEqual({ id: run.id, startedAt: run.startedAt, outcome: "acted" });

    // The weather is unknown (null) and the time is outside the window: not met, logged.
    await manager.patch(`/api/scenarios/${s.id}`, { conditions: [{ type: "time", after: "22:00", before: "06:00" }, { type: "weather", field: "cloudCover", below: 20 }] });
    await manager.post(`/api/scenarios/${s.id}/run`);
    const [skipped] = await waitForRuns(clock, manager, s.id, 2);
    expect(skipped).toMatchObject({ outcome: "skipped", reason: "The conditions were not met.", conditions: [{ value: false }, { value: null }], actions: [] });
    expect(await runsOf(manager)).toHaveLength(2);
  });

  it("stop a run nested more than 8 deep, logged with the reason; refuse an unknown limit", async () => {
    let last = await createScenario(manager, scenario({ name: "Level 0" }));
    for (let i = 1; i <= 9; i++) last = await createScenario(manager, scenario({ name: `Level ${i}`, actions: [{ type: "scenario", scenarioId: last.id }] }));
    await manager.post(`/api/scenarios/${last.id}/run`);
    const [top] = await waitForRuns(clock, manager, last.id, 1, { stepMs: 30_000, maxMs: 600_000 });
    expect(top.outcome).toBe("stopped");
    expect(top.reason).toBe("Stopped: scenarios ran each other more than 8 deep.");
    expect((await manager.get("/api/scenario-runs?limit=9000")).status).toBe(400);
  });

  it("preview the runs of time and check-in triggers by day, with the conditions' values", async () => {
    const roomId = (await manager.post("/api/rooms", { name: "Room 12" })).body.room.id;
    const booking = await manager.post("/api/bookings", { roomId, guestName: "Anna", checkIn: "2026-07-11", checkOut: "2026-07-13" });
    expect(booking.status).toBe(201);
    const s = await createScenario(
      manager,
      scenario({
        triggers: [{ type: "time", at: "07:00" }, { type: "booking", event: "checkIn", offsetMinutes: -30 }, { type: "weather", field: "temperature", above: 30 }],
        conditions: [{ type: "stay", roomId, state: "occupied" }],
      }),
    );
    const preview = await manager.get(`/api/scenarios/${s.id}/preview?from=2026-07-10&days=3`);
    expect(preview.status, JSON.stringify(preview.body)).toBe(200);
    expect(preview.body.runs.map((r: any) => [r.at, r.triggerIndex, r.conditionsMet])).toEqual([
      ["2026-07-10T05:00:00.000Z", 0, false],
      ["2026-07-11T05:00:00.000Z", 0, false],
      ["2026-07-11T12:30:00.000Z", 1, false],
      ["2026-07-12T05:00:00.000Z", 0, true],
    ]);
    const draft = await manager.post("/api/scenarios/preview", { scenario: scenario({ triggers: [{ type: "time", at: "23:15", weekdays: [6] }] }), from: "2026-07-10", days: 7 });
    expect(draft.status, JSON.stringify(draft.body)).toBe(200);
    expect(draft.body.runs.map((r: any) => r.at)).toEqual(["2026-07-11T21:15:00.000Z"]);
    expect((await manager.get(`/api/scenarios/${s.id}/preview?days=40`)).status).toBe(400);
  });
});

describe("scenarios on the staff socket and in the OpenAPI document", () => {
  it("announce a changed scenario, a finished run and a deletion to staff", async () => {
    const socket = await connectSocket(app.url, "/staff", { cookie: manager.cookie });
    try {
      const scenarios = collect(socket, "scenario");
      const runs = collect(socket, "scenarioRun");
      const deleted = collect(socket, "scenarioDeleted");
      const s = await createScenario(manager, scenario({ name: "Announced", actions: [{ type: "notify", text: "Hi" }] }));
      await scenarios.waitFor((v: any) => v.id === s.id && v.name === "Announced");
      const { runId } = (await manager.post(`/api/scenarios/${s.id}/run`)).body;
      await runs.waitFor((r: any) => r.id === runId && r.outcome === "acted");
      await scenarios.waitFor((v: any) => v.id === s.id && v.lastRun?.id === runId);
      await manager.delete(`/api/scenarios/${s.id}`);
      await deleted.waitFor((e: any) => e.id === s.id);
    } finally {
      socket.close();
    }
  });

  it("has the contract's operations at the contract's paths", async () => {
    const doc = (await manager.get("/api/openapi.json")).body;
    const byId: Record<string, string> = {};
    for (const [path, methods] of Object.entries<any>(doc.paths)) for (const [method, op] of Object.entries<any>(methods)) byId[op.operationId] = `${method.toUpperCase()} ${path}`;
    expect(byId).toMatchObject({
      listScenarios: "GET /api/scenarios",
      createScenario: "POST /api/scenarios",
      updateScenario: "PATCH /api/scenarios/{id}",
      deleteScenario: "DELETE /api/scenarios/{id}",
      runScenario: "POST /api/scenarios/{id}/run",
      previewScenario: "GET /api/scenarios/{id}/preview",
      previewScenarioDraft: "POST /api/scenarios/preview",
      listScenarioRuns: "GET /api/scenario-runs",
    });
  });

  it("forget runs older than 30 days in the daily sweep", async () => {
    const s = await createScenario(manager, scenario({ name: "Old", actions: [{ type: "notify", text: "Hi" }] }));
    await manager.post(`/api/scenarios/${s.id}/run`);
    await waitForRuns(clock, manager, s.id);
    await clock.advance(29 * 86_400_000);
    await settle(100);
    expect(await runsOf(manager, s.id)).toHaveLength(1);
    await clock.advance(2 * 86_400_000);
    await clock.advanceUntil(async () => (await runsOf(manager, s.id)).length === 0, { stepMs: 60_000, maxMs: 86_400_000, what: "the sweep" });
  });
});
