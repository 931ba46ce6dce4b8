// The manager's view of the forecast in the reception editor, against a weather server on
// loopback that answers garbage, then hangs, then recovers: the editor says what went wrong
// in a sentence and when the box tries again, "Fetch now" waits no longer than the timeout,
// and the guest page meanwhile keeps the last forecast.
import { afterEach, describe, expect, it } from "vitest";
import { en as t } from "../../admin-ui/src/messages/en/index.js";
import { setUpManager, startTestApp } from "../helpers/app.js";
import { createTestClock } from "../helpers/test-clock.js";
import { startTileServer, type TileServer } from "../helpers/tile-server.js";
import { startWeatherServer, type WeatherServer } from "../helpers/weather-server.js";
import { REFUSAL_NOISE, browserSuite, buildUi, screenshot, signIn } from "./browser-kit.js";

const suite = browserSuite({
  name: "reception weather status",
  tests: "reception weather status",
  build: async () => buildUi("guest-ui", await buildUi("admin-ui")),
  timeout: 180_000,
  // "Fetch now" answering 502 and 504 is what this test is about.
  noise: [REFUSAL_NOISE, /status of 50\d/],
});

let server: WeatherServer | undefined;
let tiles: TileServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
  await tiles?.close();
  tiles = undefined;
});

describe.skipIf(suite.skip)("reception weather status", () => {
  it("tells the manager when the weather server answers garbage or hangs, and when a forecast is back", async () => {
    const clock = createTestClock(Date.parse("2026-06-21T07:00:00Z"));
    server = await startWeatherServer({ now: () => clock.now() });
    // The preview frames draw the Location block's map: its tiles come from loopback too.
    tiles = await startTileServer();
    const app = suite.stopAfterTest(
      await startTestApp({ uiRoot: suite.uiRoot(), clock, config: { weather: { apiBase: server.apiBase }, reception: { mapTiles: tiles.tiles } } }),
    );
    const manager = await setUpManager(app, "Hotel Miramar");

    const { page, problems } = await suite.open("desktop");
    await signIn(page, app.url);
    await page.goto(`${app.url}/admin/reception/design`);
    const card = page.locator("section.weather-status");
    // No location yet: no weather, and where to set one.
    await card.getByText(t.editor.weatherNoLocation).waitFor();
    await card.getByRole("link", { name: t.editor.weatherSetLocation }).waitFor();

    // A location, and a server answering garbage: the editor says so, with the retry.
    server.answer({ kind: "garbage", body: "<html>Gateway</html>", contentType: "text/html" });
    expect((await manager.patch("/api/property", { latitude: 41.9, longitude: 12.5, timezone: "Europe/Rome" })).status).toBe(200);
    await expect.poll(async () => (await manager.get("/api/weather")).body.lastError, { timeout: 5000 }).toBeTruthy();
    await page.reload();
    const problem = card.getByRole("alert");
    await problem.waitFor();
    expect(await problem.textContent()).toContain("The weather server did not give a forecast:");
    expect(await problem.textContent()).toMatch(/tries again at \d\d:\d\d by itself/);

    // It hangs: "Fetch now" gives up after 10 s on the box's clock, and says so.
    server.answer({ kind: "hang" });
    await card.getByRole("button", { name: t.editor.weatherRefresh }).click();
    await card.getByRole("button", { name: t.editor.weatherRefreshing }).waitFor();
    await expect.poll(() => server!.requests.length).toBeGreaterThanOrEqual(2);
    clock.advance(10_000);
    await card.getByRole("button", { name: t.editor.weatherRefresh }).waitFor();
    await expect.poll(async () => (await card.getByRole("alert").textContent()) ?? "").toMatch(/10 s|10 seconds|did not answer/);
    await screenshot(page, "reception-weather-status", "desktop");

    // Back: a forecast is in, with its age, and no error.
    server.answer({ kind: "ok" });
    await card.getByRole("button", { name: t.editor.weatherRefresh }).click();
    await card.getByText(t.editor.weatherRefreshed).waitFor();
    // In the property's time (the box's clock reads 21 June here; the age is the browser's own clock's).
    await card.getByText(/^Forecast from Sunday 21 June, 09:0\d /).waitFor();
    await expect(card.getByRole("alert").count()).resolves.toBe(0);
    expect(problems()).toEqual([]);
  });
});
