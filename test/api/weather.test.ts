import { afterEach, describe, expect, it } from "vitest";
import { ApiClient, MANAGER, addMemberWithLogin, setUpManager, startTestApp, tempDataDir, type TestApp } from "../helpers/app.js";
import { createTestClock, type TestClock } from "../helpers/test-clock.js";
import { startWeatherServer, type WeatherServer } from "../helpers/weather-server.js";

const ROME = { latitude: 41.9028, longitude: 12.4964, timezone: "Europe/Rome" };
const MINUTE = 60_000;

let app: TestApp | undefined;
let server: WeatherServer | undefined;
afterEach(async () => {
  await app?.stop();
  app = undefined;
  await server?.close();
  server = undefined;
});

async function world(options: { location?: boolean; apiKey?: string; dataDir?: string; clock?: TestClock } = {}) {
  const clock = options.clock ?? createTestClock(Date.parse("2026-06-21T07:00:00Z"));
  server = await startWeatherServer({ now: () => clock.now(), ...(options.apiKey ? { requireApiKey: options.apiKey } : {}) });
  app = await startTestApp({
    clock,
    ...(options.dataDir ? { dataDir: options.dataDir } : {}),
    config: { weather: { apiBase: server.apiBase, ...(options.apiKey ? { apiKey: options.apiKey } : {}) } },
  });
  const manager = await setUpManager(app);
  if (options.location !== false) {
    expect((await manager.patch("/api/property", ROME)).status).toBe(200);
    await waitForStatus(manager, (s) => Boolean(s.fetchedAt), "first forecast");
  }
  return { clock, manager, server: server!, app: app! };
}

async function waitForStatus(client: ApiClient, check: (status: any) => boolean, what: string, timeoutMs = 5000) {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const res = await client.get("/api/weather");
    if (check(res.body)) return res.body;
    if (Date.now() > until) throw new Error(`${what} did not happen; status: ${JSON.stringify(res.body)}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

describe("weather", () => {
  it("fetches the forecast for the property's location in Open-Meteo's format and shows it with today's sun times", async () => {
    const { manager, server } = await world();
    expect(server.requests).toHaveLength(1);
    const q = server.requests[0]!.url.searchParams;
    expect(server.requests[0]!.url.pathname).toBe("/v1/forecast");
    expect(Object.fromEntries(q)).toMatchObject({
      latitude: "41.9028",
      longitude: "12.4964",
      timezone: "Europe/Rome",
      forecast_days: "7",
      timeformat: "unixtime",
      current: "temperature_2m,weather_code,cloud_cover,precipitation,wind_speed_10m,is_day",
      hourly: "temperature_2m,weather_code,precipitation_probability,cloud_cover",
    });
    expect(q.has("apikey")).toBe(false);
    const status = (await manager.get("/api/weather")).body;
    expect(status).toMatchObject({ configured: true, location: { latitude: 41.9028, longitude: 12.4964 }, stale: false, fetchedAt: expect.stringMatching(/^2026-06-21T07:0/) });
    expect(status.lastError).toBeUndefined();
    expect(status.current).toMatchObject({ temperature: expect.any(Number), weatherCode: expect.any(Number), isDay: expect.any(Boolean) });
    // Rome on the June solstice: sunrise 05:35 and sunset 20:48 local (CEST, UTC+2).
    expect(Math.abs(Date.parse(status.sun.sunrise) - Date.parse("2026-06-21T03:35:00Z"))).toBeLessThan(2 * MINUTE);
    expect(Math.abs(Date.parse(status.sun.sunset) - Date.parse("2026-06-21T18:48:00Z"))).toBeLessThan(2 * MINUTE);
    expect(status.sun.dawn < status.sun.sunrise && status.sun.dusk > status.sun.sunset).toBe(true);
  });

  it("offers the cached forecast to the other capabilities at once: from the current hour and today on, with its age", async () => {
    const { clock, server, app } = await world();
    const weather = app.weather();
    const now = weather.current()!;
    expect(now.stale).toBe(false);
    expect(Date.parse(now.hourly[0]!.time)).toBeLessThanOrEqual(clock.now());
    expect(Date.parse(now.hourly[0]!.time) + 3_600_000).toBeGreaterThan(clock.now());
    expect(now.daily[0]!.date).toBe("2026-06-21");
    expect(now.daily).toHaveLength(7);
    expect(now.daily[0]!.sunrise).toBe(weather.sunTimes("2026-06-21", ROME.latitude, ROME.longitude, ROME.timezone).sunrise);
    // A day later, with the server down: the same forecast, stale, without the hours and the day that passed.
    server.answer({ kind: "error", status: 503, reason: "Service unavailable" });
    await clock.advance(24 * 60 * MINUTE);
    await server.waitForRequests(2);
    await new Promise((r) => setTimeout(r, 100));
    const later = weather.current()!;
    expect(later).toMatchObject({ fetchedAt: now.fetchedAt, stale: true });
    expect(later.daily[0]!.date).toBe("2026-06-22");
    expect(later.hourly).toHaveLength(now.hourly.length - 24);
  });

  it("sends the API key when one is set", async () => {
    const { manager, server } = await world({ apiKey: "k-123" });
    expect(server.requests[0]!.url.searchParams.get("apikey")).toBe("k-123");
    expect((await manager.get("/api/weather")).body.lastError).toBeUndefined();
  });

  it("refreshes about every 30 minutes on the app's clock", async () => {
    const { clock, manager, server } = await world();
    const first = (await manager.get("/api/weather")).body.fetchedAt;
    await clock.advance(26 * MINUTE);
    await new Promise((r) => setTimeout(r, 100));
    expect(server.requests).toHaveLength(1);
    await clock.advance(8 * MINUTE);
    await server.waitForRequests(2);
    const second = await waitForStatus(manager, (s) => s.fetchedAt !== first, "second forecast");
    expect(Date.parse(second.fetchedAt) - Date.parse(first)).toBeGreaterThanOrEqual(27 * MINUTE);
    expect(Date.parse(second.fetchedAt) - Date.parse(first)).toBeLessThanOrEqual(34 * MINUTE + 5000);
    await clock.advance(34 * MINUTE);
    await server.waitForRequests(3);
  });

  it("keeps the old forecast through an outage, marks it stale with its age, and backs off 1, 2, 4 minutes", async () => {
    const { clock, manager, server } = await world();
    const before = (await manager.get("/api/weather")).body;
    server.answer({ kind: "error", status: 500, reason: "Internal server error" });
    await clock.advanceUntil(() => server.requests.length >= 2, { stepMs: 60_000, maxMs: 40 * MINUTE, what: "the refresh" });
    for (const n of [3, 4, 5]) await clock.advanceUntil(() => server.requests.length >= n, { stepMs: 10_000, what: `attempt ${n}` });
    const at = server.requests.map((r) => r.at);
    const gaps = [at[2]! - at[1]!, at[3]! - at[2]!, at[4]! - at[3]!].map((ms) => Math.round(ms / MINUTE));
    expect(gaps).toEqual([1, 2, 4]);
    const during = (await manager.get("/api/weather")).body;
    expect(during.stale).toBe(true);
    expect(during.fetchedAt).toBe(before.fetchedAt);
    expect(during.current).toEqual(before.current);
    expect(during.lastError).toContain(server.apiBase);
    expect(during.lastError).toContain("HTTP 500: Internal server error");
    expect(Date.parse(during.lastAttemptAt)).toBeGreaterThan(Date.parse(before.fetchedAt));

    server.answer({ kind: "ok" });
    server.temperatureShift = 10;
    await clock.advanceUntil(() => server.requests.length >= 6, { stepMs: 10_000, what: "the attempt after the outage" });
    const after = await waitForStatus(manager, (s) => !s.lastError, "recovery");
    expect(after.stale).toBe(false);
    expect(Date.parse(after.fetchedAt)).toBeGreaterThan(Date.parse(before.fetchedAt));
    expect(after.current.temperature).not.toBe(before.current.temperature);
  });

  it("answers a forced refresh against a failing or garbage-answering server with 502 naming weather.apiBase, and keeps the forecast", async () => {
    const { manager, server } = await world();
    const before = (await manager.get("/api/weather")).body;
    const cases = [
      { mode: { kind: "error", status: 500, reason: "Internal server error" }, says: /HTTP 500/ },
      { mode: { kind: "error", status: 400, reason: "Cannot initialize WeatherVariable from invalid String value x for key hourly" }, says: /refused the request \(HTTP 400: Cannot initialize/ },
      { mode: { kind: "garbage", body: "<html><body>Bad gateway</body></html>", contentType: "text/html" }, says: /not a forecast \(the answer is not JSON\)/ },
      { mode: { kind: "garbage", body: JSON.stringify({ latitude: 1, longitude: 2, current: { time: "yesterday" } }) }, says: /not a forecast in Open-Meteo's format/ },
    ] as const;
    for (const { mode, says } of cases) {
      server.answer(mode);
      const res = await manager.post("/api/weather/refresh");
      expect(res.status).toBe(502);
      expect(res.body.error).toMatch(says);
      expect(res.body.error).toContain(`The weather server at ${server.apiBase}`);
      expect(res.body.error).toMatch(/weather\.apiBase/);
      const now = (await manager.get("/api/weather")).body;
      expect(now.fetchedAt).toBe(before.fetchedAt);
      expect(now.current).toEqual(before.current);
      expect(now.lastError).toBe(res.body.error);
    }
    server.answer({ kind: "ok" });
    const ok = await manager.post("/api/weather/refresh");
    expect(ok.status).toBe(200);
    expect(ok.body.lastError).toBeUndefined();
    expect(ok.body.stale).toBe(false);
  });

  it("gives up on a hanging server after 10 seconds of the app's time with 504", async () => {
    const { clock, manager, server } = await world();
    const before = (await manager.get("/api/weather")).body;
    server.answer({ kind: "hang" });
    const pending = manager.post("/api/weather/refresh");
    await server.waitForRequests(2);
    // The reads never wait on the server, even while a fetch hangs.
    expect((await manager.get("/api/weather")).body.fetchedAt).toBe(before.fetchedAt);
    await clock.advance(9_000);
    await clock.advance(1_100);
    const res = await pending;
    expect(res.status).toBe(504);
    expect(res.body.error).toContain(server.apiBase);
    expect(res.body.error).toMatch(/did not answer within 10 seconds; the last forecast is kept/);
    expect((await manager.get("/api/weather")).body).toMatchObject({ fetchedAt: before.fetchedAt, stale: true });
  });

  it("fetches again at once when the property's location changes, and stops when it is cleared", async () => {
    const { clock, manager, server } = await world();
    expect((await manager.patch("/api/property", { latitude: 69.6492, longitude: 18.9553, timezone: "Europe/Oslo" })).status).toBe(200);
    await server.waitForRequests(2);
    expect(server.requests[1]!.url.searchParams.get("latitude")).toBe("69.6492");
    expect(server.requests[1]!.url.searchParams.get("timezone")).toBe("Europe/Oslo");
    const tromso = await waitForStatus(manager, (s) => s.location.latitude === 69.6492 && Boolean(s.current), "the new place's forecast");
    // Tromsø at midsummer: the sun does not set.
    expect(tromso.sun).toMatchObject({ sunrise: null, sunset: null });
    expect((await manager.patch("/api/property", { latitude: null, longitude: null })).status).toBe(200);
    const cleared = await waitForStatus(manager, (s) => !s.configured, "no location");
    expect(cleared).toMatchObject({ configured: false, sun: { sunrise: null, sunset: null, dawn: null, dusk: null } });
    expect(cleared.current).toBeUndefined();
    await clock.advance(2 * 60 * MINUTE);
    await new Promise((r) => setTimeout(r, 100));
    expect(server.requests).toHaveLength(2);
  });

  it("without a location: not configured, no requests, and a refresh has nothing to do", async () => {
    const { clock, manager, server } = await world({ location: false });
    await clock.advance(3 * 60 * MINUTE);
    await new Promise((r) => setTimeout(r, 100));
    const status = (await manager.get("/api/weather")).body;
    expect(status).toEqual({ configured: false, stale: false, sun: { sunrise: null, sunset: null, dawn: null, dusk: null } });
    const refresh = await manager.post("/api/weather/refresh");
    expect(refresh.status).toBe(200);
    expect(refresh.body.configured).toBe(false);
    expect(server.requests).toHaveLength(0);
  });

  it("keeps the forecast across a restart and fetches at once only when it is old", async () => {
    const dataDir = tempDataDir();
    const clock = createTestClock(Date.parse("2026-06-21T07:00:00Z"));
    const first = await world({ dataDir, clock });
    const fetchedAt = (await first.manager.get("/api/weather")).body.fetchedAt;
    await app!.stop();
    await server!.close();
    app = undefined;

    server = await startWeatherServer({ now: () => clock.now() });
    app = await startTestApp({ clock, dataDir, config: { weather: { apiBase: server.apiBase } } });
    const again = new ApiClient(app.url);
    await again.login(MANAGER.username, MANAGER.password);
    expect((await again.get("/api/weather")).body).toMatchObject({ fetchedAt, stale: false });
    await new Promise((r) => setTimeout(r, 100));
    expect(server.requests).toHaveLength(0);
    await app.stop();
    await server.close();
    app = undefined;
    server = undefined;

    await clock.advance(45 * MINUTE);
    server = await startWeatherServer({ now: () => clock.now() });
    app = await startTestApp({ clock, dataDir, config: { weather: { apiBase: server.apiBase } } });
    await server.waitForRequests(1);
  });

  it("lets staff read the status but only managers force a refresh", async () => {
    const { manager } = await world();
    const { client: staff } = await addMemberWithLogin(manager, "staff", "sam");
    expect((await staff.get("/api/weather")).status).toBe(200);
    expect((await staff.post("/api/weather/refresh")).status).toBe(403);
  });
});
