// The live scheduler through both clock changes in Europe/Lisbon and America/New_York, on
// the app's clock: a time inside the skipped hour runs once, right after the gap; a time
// the fall-back night shows twice runs once, at its first occurrence; and the runs either
// side keep their wall-clock time (never "24 hours later").
import { afterEach, describe, expect, it } from "vitest";
import { setUpManager, startTestApp, type ApiClient, type TestApp } from "../helpers/app.js";
import { createScenario, runsOf, scenario, settle } from "../helpers/scenarios.js";
import { createTestClock, type TestClock } from "../helpers/test-clock.js";

const MINUTE = 60_000;
let app: TestApp | undefined;
afterEach(async () => {
  await app?.stop();
  app = undefined;
});

async function startAt(iso: string, timezone: string): Promise<{ clock: TestClock; manager: ApiClient }> {
  const clock = createTestClock(Date.parse(iso));
  app = await startTestApp({ clock });
  const manager = await setUpManager(app);
  expect((await manager.patch("/api/property", { timezone })).status).toBe(200);
  return { clock, manager };
}

/** Walks the app's clock through the night in steps of a few minutes, as the box lives it; the planned times of the runs, oldest first. */
async function liveThrough(clock: TestClock, manager: ApiClient, id: string, untilIso: string, stepMs = 5 * MINUTE): Promise<string[]> {
  while (clock.now() < Date.parse(untilIso)) {
    await clock.advance(stepMs);
    await settle(15);
  }
  await settle(100);
  return (await runsOf(manager, id)).map((r) => r.plannedAt as string).sort();
}

const notify = [{ type: "notify", text: "Night round" }];

describe("the live scheduler across daylight-saving changes", () => {
  it("New York, spring forward: 02:30 runs once at 03:00 EDT, and 02:30 again the next night", async () => {
    const { clock, manager } = await startAt("2027-03-13T12:00:00Z", "America/New_York");
    const s = await createScenario(manager, scenario({ name: "Boiler check", triggers: [{ type: "time", at: "02:30" }], actions: notify }));
    expect(s.nextRunAt).toBe("2027-03-14T07:00:00.000Z"); // Sunday: 02:30 does not exist; 03:00 EDT
    await clock.set(Date.parse("2027-03-14T05:00:00Z")); // 00:00 EST
    const planned = await liveThrough(clock, manager, s.id, "2027-03-14T10:00:00Z"); // 06:00 EDT
    expect(planned).toEqual(["2027-03-14T07:00:00.000Z"]);
    expect((await manager.get("/api/scenarios")).body.scenarios[0].nextRunAt).toBe("2027-03-15T06:30:00.000Z");
  });

  it("New York, fall back: 01:30 runs once, at its first occurrence (EDT), not again an hour later", async () => {
    const { clock, manager } = await startAt("2026-11-01T03:00:00Z", "America/New_York"); // 23:00 EDT on Saturday
    const s = await createScenario(manager, scenario({ name: "Lights out", triggers: [{ type: "time", at: "01:30" }], actions: notify }));
    const planned = await liveThrough(clock, manager, s.id, "2026-11-01T09:00:00Z"); // 04:00 EST
    expect(planned).toEqual(["2026-11-01T05:30:00.000Z"]);
    expect((await manager.get("/api/scenarios")).body.scenarios[0].nextRunAt).toBe("2026-11-02T06:30:00.000Z");
  });

  it("Lisbon, spring forward: 01:30 runs once, at 02:00 WEST", async () => {
    const { clock, manager } = await startAt("2027-03-27T23:00:00Z", "Europe/Lisbon");
    const s = await createScenario(manager, scenario({ name: "Garden off", triggers: [{ type: "time", at: "01:30" }], actions: notify }));
    expect(await liveThrough(clock, manager, s.id, "2027-03-28T04:00:00Z")).toEqual(["2027-03-28T01:00:00.000Z"]);
  });

  it("Lisbon, fall back: 01:30 runs once, at 01:30 WEST, not again at 01:30 WET", async () => {
    const { clock, manager } = await startAt("2027-10-30T22:00:00Z", "Europe/Lisbon"); // Saturday 23:00 WEST
    const s = await createScenario(manager, scenario({ name: "Garden off", triggers: [{ type: "time", at: "01:30" }], actions: notify }));
    expect(await liveThrough(clock, manager, s.id, "2027-10-31T04:00:00Z")).toEqual(["2027-10-31T00:30:00.000Z"]);
    expect((await manager.get("/api/scenarios")).body.scenarios[0].nextRunAt).toBe("2027-11-01T01:30:00.000Z");
  });
});
