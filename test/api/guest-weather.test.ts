import { afterEach, describe, expect, it } from "vitest";
import { ApiClient, setUpManager, startTestApp, type TestApp } from "../helpers/app.js";
import { createTestClock, type TestClock } from "../helpers/test-clock.js";
import { startWeatherServer, type WeatherServer } from "../helpers/weather-server.js";

const MINUTE = 60_000;
// A guest's phone on the road near Rome, and another spot in the same 0.1° cell.
const HERE = "latitude=41.9028&longitude=12.4964";
const NEARBY = "latitude=41.93&longitude=12.51";

let app: TestApp | undefined;
let server: WeatherServer | undefined;
afterEach(async () => {
  await app?.stop();
  app = undefined;
  await server?.close();
  server = undefined;
});

async function world(options: { guestLocation?: boolean } = {}) {
  const clock: TestClock = createTestClock(Date.parse("2026-06-21T07:00:00Z"));
  server = await startWeatherServer({ now: () => clock.now() });
  app = await startTestApp({ clock, config: { weather: { apiBase: server.apiBase } } });
  const manager = await setUpManager(app);
  if (options.guestLocation !== false) {
    const settings = (await manager.get("/api/reception")).body;
    expect((await manager.request("PUT", "/api/reception", { ...settings, useGuestLocation: true })).status).toBe(200);
  }
  // The property has no location: the only forecasts asked for are the guests'.
  return { clock, server: server!, guest: new ApiClient(app.url) };
}

const weatherAt = (guest: ApiClient, query: string, slug = "hotel-miramar") => guest.get(`/api/guest/reception/${slug}/weather?${query}`);

describe("the weather at the guest's position", () => {
  it("fetches the forecast for the 0.1° cell around the guest, in the place's own timezone, with today's sun times", async () => {
    const { server, guest } = await world();
    const res = await weatherAt(guest, HERE);
    expect(res.status).toBe(200);
    expect(res.headers.get("cache-control")).toBe("private, no-cache");
    // The exact position stays on the box; the weather server picks the timezone.
    expect(server.requests).toHaveLength(1);
    expect(Object.fromEntries(server.requests[0]!.url.searchParams)).toMatchObject({ latitude: "41.9", longitude: "12.5", timezone: "auto", forecast_days: "7", timeformat: "unixtime" });
    const body = res.body;
    // The test server answers "GMT" for timezone=auto.
    expect(body).toMatchObject({ latitude: 41.9, longitude: 12.5, timezone: "UTC" });
    expect(body.weather).toMatchObject({ stale: false, fetchedAt: expect.stringMatching(/^2026-06-21T07:0/) });
    expect(body.weather.current).toMatchObject({ temperature: expect.any(Number), weatherCode: expect.any(Number), isDay: expect.any(Boolean) });
    expect(body.weather.daily).toHaveLength(7);
    expect(body.weather.daily[0].date).toBe("2026-06-21");
    expect(Date.parse(body.weather.hourly[0].time)).toBeLessThanOrEqual(Date.parse("2026-06-21T07:00:00Z"));
    expect(body.weather.hourly.length).toBeGreaterThanOrEqual(24);
    // Rome on the June solstice: sunrise about 03:35 UTC, sunset about 18:48 UTC.
    expect(Math.abs(Date.parse(body.sun.sunrise) - Date.parse("2026-06-21T03:35:00Z"))).toBeLessThan(5 * MINUTE);
    expect(Math.abs(Date.parse(body.sun.sunset) - Date.parse("2026-06-21T18:48:00Z"))).toBeLessThan(5 * MINUTE);
  });

  it("answers the same cell from memory for the refresh interval, then asks again", async () => {
    const { clock, server, guest } = await world();
    const first = await weatherAt(guest, HERE);
    const second = await weatherAt(guest, NEARBY);
    expect(second.status).toBe(200);
    expect(second.body).toEqual(first.body);
    expect(server.requests).toHaveLength(1);
    // Guests asking at the same moment share one fetch.
    const [a, b] = await Promise.all([weatherAt(guest, "latitude=48.1&longitude=11.6"), weatherAt(guest, "latitude=48.12&longitude=11.58")]);
    expect([a.status, b.status]).toEqual([200, 200]);
    expect(server.requests).toHaveLength(2);
    await clock.advance(31 * MINUTE);
    server.temperatureShift = 5;
    const later = await weatherAt(guest, HERE);
    expect(server.requests).toHaveLength(3);
    expect(later.body.weather.fetchedAt).not.toBe(first.body.weather.fetchedAt);
    expect(later.body.weather.current.temperature).not.toBe(first.body.weather.current.temperature);
  });

  it("keeps at most 200 places in memory, forgetting the one fetched longest ago", async () => {
    const { server } = await world();
    const weather = app!.weather();
    const place = (i: number) => ({ latitude: -60 + Math.floor(i / 20), longitude: (i % 20) * 5 });
    for (let i = 0; i <= 200; i++) await weather.forecastAt(place(i));
    expect(server.requests).toHaveLength(201);
    expect(weather.hasForecastAt(place(0))).toBe(false);
    expect(weather.hasForecastAt(place(1))).toBe(true);
    expect(weather.hasForecastAt(place(200))).toBe(true);
    await weather.forecastAt(place(200));
    expect(server.requests).toHaveLength(201);
  });

  it("answers garbage and errors from the weather server with a 502 sentence, and keeps nothing of them", async () => {
    const { server, guest } = await world();
    server.answer({ kind: "garbage", body: "<html><body>Gateway maintenance</body></html>", contentType: "text/html" });
    const garbage = await weatherAt(guest, HERE);
    expect(garbage.status).toBe(502);
    expect(garbage.body.error).toMatch(/^The weather service could not give a forecast for this place right now\./);
    server.answer({ kind: "garbage", body: JSON.stringify({ latitude: 41.9, longitude: 12.5, hourly: "soon" }) });
    expect((await weatherAt(guest, HERE)).status).toBe(502);
    server.answer({ kind: "error", status: 500, reason: "Internal server error" });
    expect((await weatherAt(guest, HERE)).status).toBe(502);
    expect(server.requests).toHaveLength(3);
    server.answer({ kind: "ok" });
    expect((await weatherAt(guest, HERE)).status).toBe(200);
  });

  it("gives up on a weather server that hangs after 10 seconds of the app's time with a 504 sentence", async () => {
    const { clock, server, guest } = await world();
    server.answer({ kind: "hang" });
    const pending = weatherAt(guest, HERE);
    await server.waitForRequests(1);
    await clock.advance(9_000);
    let settled = false;
    void pending.then(() => (settled = true));
    await new Promise((r) => setTimeout(r, 50));
    expect(settled).toBe(false);
    await clock.advance(1_000);
    const res = await pending;
    expect(res.status).toBe(504);
    expect(res.body.error).toBe("The weather service did not answer within 10 seconds. Try again in a few minutes; the forecast for the property is still on the page.");
  });

  it("is not there when the manager has not offered it, nor for an unknown link", async () => {
    const { server, guest } = await world({ guestLocation: false });
    const off = await weatherAt(guest, HERE);
    expect(off.status).toBe(404);
    expect(off.body.error).toMatch(/does not offer the weather at your own location/);
    expect((await guest.get("/api/guest/reception/hotel-miramar")).body.useGuestLocation).toBe(false);
    const unknown = await weatherAt(guest, HERE, "no-such-hotel");
    expect(unknown.status).toBe(404);
    expect(unknown.body.error).toMatch(/reception link is not known/);
    expect(server.requests).toHaveLength(0);
  });

  it("refuses coordinates that are missing, not numbers or out of range with a sentence", async () => {
    const { server, guest } = await world();
    const cases: Array<[string, RegExp]> = [
      ["longitude=12.5", /Latitude is required|latitude is required/],
      ["latitude=41.9", /longitude is required|Longitude is required/],
      ["latitude=91&longitude=12.5", /Latitude must be a number between -90 and 90/],
      ["latitude=41.9&longitude=-180.5", /Longitude must be a number between -180 and 180/],
      ["latitude=abc&longitude=12.5", /Latitude must be a number/],
      ["latitude=1e3&longitude=12.5", /Latitude must be a number/],
      ["latitude=&longitude=12.5", /Latitude must be a number/],
      ["latitude=NaN&longitude=Infinity", /fields of the query string need attention: latitude, longitude/],
    ];
    for (const [query, sentence] of cases) {
      const res = await weatherAt(guest, query);
      expect(res.status, query).toBe(400);
      expect(res.body.error, query).toMatch(sentence);
    }
    expect(server.requests).toHaveLength(0);
  });

  it("lets one address fetch 10 places a minute; answers from memory are not counted", async () => {
    const { clock, server, guest } = await world();
    for (let i = 0; i < 10; i++) expect((await weatherAt(guest, `latitude=${40 + i}&longitude=10`)).status).toBe(200);
    const refused = await weatherAt(guest, "latitude=55&longitude=10");
    expect(refused.status).toBe(429);
    expect(refused.body.error).toBe("Too many weather requests from this address. Wait a minute and try again.");
    expect(Number(refused.headers.get("retry-after"))).toBeGreaterThan(0);
    expect(server.requests).toHaveLength(10);
    // A place already fetched still answers.
    expect((await weatherAt(guest, "latitude=40&longitude=10")).status).toBe(200);
    await clock.advance(MINUTE);
    expect((await weatherAt(guest, "latitude=55&longitude=10")).status).toBe(200);
  });
});
