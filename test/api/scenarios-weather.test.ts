// Weather triggers and conditions against a local server answering in Open-Meteo's format:
// a trigger fires when a refresh brings the value into its range, not again until it left;
// the preview reads conditions from the forecast hours and says null beyond them.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { setUpManager, startTestApp, type ApiClient, type TestApp } from "../helpers/app.js";
import { createScenario, runsOf, scenario, settle, waitForRuns } from "../helpers/scenarios.js";
import { createTestClock, type TestClock } from "../helpers/test-clock.js";
import { startWeatherServer, type WeatherServer } from "../helpers/weather-server.js";

let app: TestApp;
let manager: ApiClient;
let clock: TestClock;
let server: WeatherServer;

beforeEach(async () => {
  clock = createTestClock(Date.parse("2026-07-10T06:00:00Z"));
  server = await startWeatherServer({ now: () => clock.now() });
  app = await startTestApp({ clock, config: { weather: { apiBase: server.apiBase } } });
  manager = await setUpManager(app);
  await manager.patch("/api/property", { timezone: "Europe/Rome", latitude: 41.9, longitude: 12.5 });
  await clock.advanceUntil(() => app.weather().current() !== undefined, { stepMs: 200, maxMs: 10_000, what: "the first forecast" });
});
afterEach(async () => {
  await app.stop();
  await server.close();
});

async function refresh() {
  const res = await manager.post("/api/weather/refresh");
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  await settle(100);
}

describe("weather in scenarios", () => {
  it("fires a weather trigger when a refresh brings the value into its range, and not again until it left", async () => {
    const now = app.weather().current()!.current.temperature!;
    const s = await createScenario(manager, scenario({ name: "Heat", triggers: [{ type: "weather", field: "temperature", above: now + 50 }], actions: [{ type: "notify", text: "Hot" }] }));
    await refresh();
    expect(await runsOf(manager, s.id)).toHaveLength(0);

    server.temperatureShift = 100;
    await refresh();
    const [run] = await waitForRuns(clock, manager, s.id, 1);
    expect(run.trigger).toEqual({ type: "weather", field: "temperature", above: now + 50 });
    await refresh();
    expect(await runsOf(manager, s.id)).toHaveLength(1);

    server.temperatureShift = 0;
    await refresh();
    server.temperatureShift = 100;
    await refresh();
    await waitForRuns(clock, manager, s.id, 2);
  });

  it("previews weather conditions from the forecast hours, null beyond them", async () => {
    const s = await createScenario(
      manager,
      scenario({ name: "Warm evenings", triggers: [{ type: "time", at: "21:00" }], conditions: [{ type: "weather", field: "temperature", above: -100 }] }),
    );
    const preview = await manager.get(`/api/scenarios/${s.id}/preview?from=2026-07-10&days=31`);
    expect(preview.status).toBe(200);
    const met = preview.body.runs.map((r: any) => r.conditionsMet);
    expect(met).toHaveLength(31);
    expect(met[0]).toBe(true);
    expect(met.at(-1)).toBeNull();
  });
});
