// The At a glance and Weather blocks of the Online Reception in headless Chromium, against
// the real appliance and a local server answering in Open-Meteo's format: the weather at a
// phone's, a tablet's and a desktop's size, the local time turning with the minute, the
// forecast's age during an outage, a page without any weather, the German words, and the
// weather at the guest's own position. The browser's clock is set to the app's, so the
// forecast the app fetched is today's for the page too.
import type { BrowserContext, Page } from "playwright-core";
import { afterEach, describe, expect, it } from "vitest";
import { en as t } from "../../guest-ui/src/i18n/en.js";
import { WEATHER_TEXTS } from "../../guest-ui/src/blocks/weather/weather-texts/index.js";
import { setUpManager, startTestApp, type ApiClient, type TestApp } from "../helpers/app.js";
import { createTestClock, type TestClock } from "../helpers/test-clock.js";
import { startWeatherServer, type WeatherServer } from "../helpers/weather-server.js";
import { REFUSAL_NOISE, browserSuite, buildUi, screenshot, seriousAccessibilityProblems, type ViewportName } from "./browser-kit.js";

const suite = browserSuite({
  name: "reception weather",
  tests: "reception weather",
  build: () => buildUi("guest-ui"),
  timeout: 120_000,
  // A weather server that is down makes the page's own request for the guest's position fail on purpose in one test.
  noise: [REFUSAL_NOISE, /status of 50\d/],
});

const en = WEATHER_TEXTS.en;
const de = WEATHER_TEXTS.de;
const ROME = { latitude: 41.9028, longitude: 12.4964, timezone: "Europe/Rome", city: "Roma" };
// 09:00:30 in Rome on the June solstice.
const START = Date.parse("2026-06-21T07:00:30Z");
const HOUR = 3_600_000;

let server: WeatherServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

interface Property {
  app: TestApp;
  manager: ApiClient;
  clock: TestClock;
  server: WeatherServer;
  slug: string;
}

/** The property in Rome with the weather server answering; `forecast: false` when it never does. */
async function startProperty(options: { forecast?: boolean; guestLocation?: boolean; colours?: Record<string, [string, string]> } = {}): Promise<Property> {
  const clock = createTestClock(START);
  server = await startWeatherServer({ now: () => clock.now() });
  if (options.forecast === false) server.answer({ kind: "error", status: 503, reason: "Service unavailable" });
  const app = suite.stopAfterTest(await startTestApp({ uiRoot: suite.uiRoot(), clock, config: { weather: { apiBase: server.apiBase } } }));
  const manager = await setUpManager(app, "Hotel Miramar");
  expect((await manager.patch("/api/property", ROME)).status).toBe(200);
  await server.waitForRequests(1);
  if (options.forecast !== false) await waitFor(async () => Boolean((await manager.get("/api/weather")).body.fetchedAt), "the first forecast");
  const settings = (await manager.get("/api/reception")).body;
  const block = (id: string) => settings.blocks.find((b: any) => b.id === id);
  // The map's tiles would come from the internet: this page has no Location block.
  block("location").visible = false;
  settings.blocks = ["title", "glance", "weather", "chat"].map(block).concat(settings.blocks.filter((b: any) => !["title", "glance", "weather", "chat"].includes(b.id)));
  settings.chatInitialState = "open";
  for (const [id, [text, background]] of Object.entries(options.colours ?? {})) Object.assign(block(id), { textColor: text, backgroundColor: background });
  settings.useGuestLocation = options.guestLocation ?? false;
  expect((await manager.request("PUT", "/api/reception", settings)).status).toBe(200);
  const slug = (await manager.get("/api/property")).body.slug as string;
  return { app, manager, clock, server: server!, slug };
}

async function waitFor(check: () => Promise<boolean>, what: string, timeoutMs = 5000) {
  const until = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > until) throw new Error(`${what} did not happen`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

/** A guest's browser whose clock reads the app's time (and runs on from there). */
async function openAt(viewport: ViewportName, at: number, options: Parameters<typeof suite.open>[1] = {}): Promise<{ page: Page; context: BrowserContext; problems: () => string[] }> {
  const opened = await suite.open(viewport, options);
  await opened.context.clock.install({ time: at });
  return opened;
}

const glance = (page: Page) => page.locator("section[data-block=glance]");
const weather = (page: Page) => page.locator("section[data-block=weather]");

async function noPageOverflow(page: Page) {
  expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
}

describe.skipIf(suite.skip)("reception weather", () => {
  it("shows the city, the local time, the weather now, the next 24 hours and 7 days at every size", async () => {
    const { app, slug } = await startProperty();
    for (const viewport of ["phone", "tablet", "desktop"] as const) {
      const { page, problems } = await openAt(viewport, START);
      await page.goto(`${app.url}/r/${slug}`);
      await page.getByRole("heading", { name: en.glanceHeading }).waitFor();
      const g = glance(page);
      await g.getByText("Roma", { exact: true }).waitFor();
      // 07:00 UTC is 09:00 in Rome (summer time), whatever the browser's own timezone (Lisbon).
      expect(await g.locator(".glance-time time").innerText()).toBe("09:00");
      await g.getByText("Sunday 21 June").waitFor();
      expect(await g.locator(".glance-temperature").innerText()).toMatch(/^-?\d+°$/);
      // Rome's sunrise is 05:35 and sunset 20:48 that day.
      await g.getByText(/Sunrise 05:3\d/).waitFor();
      await g.getByText(/Sunset 20:4\d/).waitFor();

      const w = weather(page);
      await w.getByRole("heading", { name: en.weatherHeading }).waitFor();
      await w.getByRole("heading", { name: en.nextHours }).waitFor();
      const hours = w.getByRole("region", { name: en.nextHoursRegion }).locator("li");
      expect(await hours.count()).toBe(24);
      expect(await hours.first().locator("time").innerText()).toBe("09:00");
      expect(await w.locator(".weather-days li").count()).toBe(7);
      await w.locator(".weather-days li").first().getByText(en.today).waitFor();
      // Every icon has words: the hours' and days' as their text alternative.
      for (const icon of await w.locator("svg[role=img]").all()) expect((await icon.getAttribute("aria-label"))?.length).toBeGreaterThan(2);
      // A fresh forecast says nothing of its age; no "Use my location" unless the manager offers it.
      expect(await w.locator(".weather-age").count()).toBe(0);
      expect(await w.getByRole("button", { name: en.useMyLocation }).count()).toBe(0);
      expect(await page.locator("body").innerText()).not.toMatch(/undefined|NaN|null/);
      await noPageOverflow(page);
      await screenshot(page, "reception-weather", viewport, { fullPage: true });
      expect(await seriousAccessibilityProblems(page), viewport).toEqual([]);
      expect(problems()).toEqual([]);
    }
  });

  it("draws in the manager's colours, night icons after sunset", async () => {
    const { app, slug } = await startProperty({ colours: { glance: ["#fff4d6", "#3b2a00"], weather: ["#ffffff", "#1d4f5c"] } });
    // 22:30 in Rome, after sunset: the browser's clock only; the forecast is the one fetched at 09:00.
    const { page, problems } = await openAt("phone", START + 13.5 * HOUR);
    await page.goto(`${app.url}/r/${slug}`);
    const w = weather(page);
    await w.getByRole("heading", { name: en.nextHours }).waitFor();
    expect(await w.evaluate((el) => getComputedStyle(el).color)).toBe("rgb(255, 255, 255)");
    expect(await w.evaluate((el) => getComputedStyle(el).backgroundColor)).toBe("rgb(29, 79, 92)");
    const icons = await w.locator(".weather-hours svg").evaluateAll((svgs) => svgs.map((s) => s.getAttribute("data-icon")));
    expect(icons).toHaveLength(24);
    expect(icons.slice(0, 5)).not.toContain("clear-day");
    expect(icons.slice(0, 5)).not.toContain("partly-cloudy-day");
    await screenshot(page, "reception-weather-colours", "phone", { fullPage: true });
    expect(await seriousAccessibilityProblems(page)).toEqual([]);
    expect(problems()).toEqual([]);
  });

  it("turns the local time with each full minute, and the hourly row scrolls by keyboard", async () => {
    const { app, slug } = await startProperty();
    const { page } = await openAt("phone", START);
    await page.goto(`${app.url}/r/${slug}`);
    const time = glance(page).locator(".glance-time time");
    await time.waitFor();
    expect(await time.innerText()).toBe("09:00");
    // Held at 09:00:50 (the page opened at 09:00:30), then moved on by hand.
    await page.clock.pauseAt(START + 20_000);
    expect(await time.innerText()).toBe("09:00");
    await page.clock.runFor(9_000);
    expect(await time.innerText()).toBe("09:00");
    await page.clock.runFor(1_500);
    expect(await time.innerText()).toBe("09:01");
    await page.clock.runFor(60_000);
    expect(await time.innerText()).toBe("09:02");

    const row = weather(page).getByRole("region", { name: en.nextHoursRegion });
    await row.focus();
    expect(await row.evaluate((el) => el.scrollLeft)).toBe(0);
    await page.keyboard.press("ArrowRight");
    await page.keyboard.press("ArrowRight");
    await waitFor(async () => (await row.evaluate((el) => el.scrollLeft)) > 0, "the row scrolling");
    await noPageOverflow(page);
  });

  it("keeps showing the last forecast with its age during an outage", async () => {
    const { app, manager, clock, server, slug } = await startProperty();
    server.answer({ kind: "error", status: 500, reason: "Internal server error" });
    await clock.advance(3 * HOUR);
    await server.waitForRequests(2);
    await waitFor(async () => Boolean((await manager.get("/api/weather")).body.lastError), "the failed refresh");
    for (const viewport of ["phone", "desktop"] as const) {
      const { page, problems } = await openAt(viewport, clock.now());
      await page.goto(`${app.url}/r/${slug}`);
      const w = weather(page);
      await w.getByText("Forecast from 3 hours ago").waitFor();
      // The hours that passed are gone: the row starts at noon, three hours on.
      expect(await w.getByRole("region", { name: en.nextHoursRegion }).locator("li").first().locator("time").innerText()).toBe("12:00");
      expect(await w.locator(".weather-now-temperature").innerText()).toMatch(/°$/);
      await screenshot(page, "reception-weather-stale", viewport, { fullPage: true });
      expect(await seriousAccessibilityProblems(page), viewport).toEqual([]);
      expect(problems()).toEqual([]);
    }
  });

  it("still shows the title and the chat without any weather, and says so calmly", async () => {
    const { app, manager, slug } = await startProperty({ forecast: false });
    const { page, problems } = await openAt("phone", START);
    await page.goto(`${app.url}/r/${slug}`);
    await page.getByRole("heading", { level: 1, name: "Hotel Miramar" }).waitFor();
    await page.getByRole("heading", { name: t.chat.title }).waitFor();
    await page.getByRole("textbox", { name: t.chat.messageLabel }).waitFor();
    await weather(page).getByText(en.noWeather).waitFor();
    // At a glance shows what it knows: the city, the time and the sun; no weather now.
    const g = glance(page);
    await g.getByText("Roma", { exact: true }).waitFor();
    expect(await g.locator(".glance-time time").innerText()).toBe("09:00");
    await g.getByText(/Sunrise/).waitFor();
    expect(await g.locator(".glance-now").count()).toBe(0);
    expect(await page.locator("body").innerText()).not.toMatch(/undefined|NaN|null/);
    await noPageOverflow(page);
    await screenshot(page, "reception-weather-none", "phone", { fullPage: true });

    // Without a location there are no sun times either: At a glance keeps the city and the time.
    expect((await manager.patch("/api/property", { latitude: null, longitude: null })).status).toBe(200);
    await page.reload();
    await glance(page).getByText("Roma", { exact: true }).waitFor();
    expect(await glance(page).locator(".glance-time time").innerText()).toMatch(/^09:0\d$/);
    expect(await glance(page).locator(".glance-sun, .glance-now").count()).toBe(0);
    // A forecast will never come without a location: the Weather block is not drawn at all.
    expect(await page.locator('section[data-block="weather"]:visible').count()).toBe(0);
    expect(await page.locator("body").innerText()).not.toMatch(/undefined|NaN|null/);
    expect(problems()).toEqual([]);
  });

  it("speaks German on a German phone: headings, conditions, days and the time as Germans write them", async () => {
    const { app, slug } = await startProperty();
    const { page, problems } = await openAt("phone", START, { locale: "de-DE" });
    await page.goto(`${app.url}/r/${slug}`);
    await page.getByRole("heading", { name: de.glanceHeading }).waitFor();
    const w = weather(page);
    await w.getByRole("heading", { name: de.weatherHeading }).waitFor();
    await w.getByRole("heading", { name: de.nextHours }).waitFor();
    await w.getByRole("heading", { name: de.nextDays }).waitFor();
    await w.locator(".weather-days li").first().getByText(de.today).waitFor();
    await glance(page).getByText("Sonntag, 21. Juni").waitFor();
    await glance(page).getByText(/Sonnenaufgang 05:3\d/).waitFor();
    // The condition now is one of the German labels, and the icons' words are German too.
    const germanLabels = Object.values(de.codes);
    expect(germanLabels).toContain(await w.locator(".weather-now-condition").innerText());
    for (const icon of await w.locator("svg[role=img]").all()) expect(germanLabels).toContain(await icon.getAttribute("aria-label"));
    const text = await page.locator("section[data-block=weather], section[data-block=glance]").allInnerTexts();
    for (const english of [en.nextHours, en.nextDays, en.today, en.sunrise, ...Object.values(en.codes)]) expect(text.join("\n")).not.toContain(english);
    expect(await page.locator(".weather[lang]").getAttribute("lang")).toBe("de");
    await screenshot(page, "reception-weather-de", "phone", { fullPage: true });
    expect(await seriousAccessibilityProblems(page)).toEqual([]);
    expect(problems()).toEqual([]);
  });

  it("gives the weather at the guest's own position on tap when the manager offers it, and the way back", async () => {
    const { app, server, slug } = await startProperty({ guestLocation: true });
    // A rented car near Munich.
    const { page, problems } = await openAt("phone", START, { geolocation: { latitude: 48.137, longitude: 11.575 }, permissions: ["geolocation"] });
    await page.goto(`${app.url}/r/${slug}`);
    const w = weather(page);
    await w.getByText("Roma", { exact: true }).waitFor();
    const requestsBefore = server.requests.length;
    // Nothing is asked before the tap.
    expect(server.requests.length).toBe(requestsBefore);
    await w.getByRole("button", { name: en.useMyLocation }).click();
    await w.getByText(en.atYourLocation).waitFor();
    const asked = server.requests.at(-1)!.url.searchParams;
    expect([asked.get("latitude"), asked.get("longitude"), asked.get("timezone")]).toEqual(["48.1", "11.6", "auto"]);
    expect(await w.getByRole("region", { name: en.nextHoursRegion }).locator("li").count()).toBe(24);
    await screenshot(page, "reception-weather-guest-position", "phone", { fullPage: true });
    expect(await seriousAccessibilityProblems(page)).toEqual([]);

    await w.getByRole("button", { name: en.atProperty }).click();
    await w.getByText("Roma", { exact: true }).waitFor();
    expect(await w.getByText(en.atYourLocation).count()).toBe(0);

    // A weather server that fails: a calm sentence, and the property's forecast stays.
    server.answer({ kind: "error", status: 500, reason: "Internal server error" });
    const { page: second } = await openAt("phone", START, { geolocation: { latitude: 52.52, longitude: 13.405 }, permissions: ["geolocation"] });
    await second.goto(`${app.url}/r/${slug}`);
    await weather(second).getByRole("button", { name: en.useMyLocation }).click();
    await weather(second).getByText(en.locationFailed).waitFor();
    await weather(second).getByText("Roma", { exact: true }).waitFor();
    expect(problems()).toEqual([]);
  });

  it("says so when the guest does not share the position", async () => {
    const { app, slug } = await startProperty({ guestLocation: true });
    const { page, problems } = await openAt("phone", START);
    await page.goto(`${app.url}/r/${slug}`);
    await weather(page).getByRole("button", { name: en.useMyLocation }).click();
    await weather(page).getByText(en.locationDenied).waitFor();
    expect(problems()).toEqual([]);
  });
});
