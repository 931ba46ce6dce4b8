// The Online Reception as a guest sees it on a phone, a tablet and a desktop: the manager's
// blocks in order and colours, in the guest's language, the services directory one tap from
// a call or the way there, the map loaded only when it comes into view (tiles from a tile
// server on loopback), the chat open, docked or behind a link, and an unknown link.
import type { Page } from "playwright-core";
import { afterEach, describe, expect, it } from "vitest";
import { de } from "../../guest-ui/src/i18n/de.js";
import { en as t } from "../../guest-ui/src/i18n/en.js";
import { setUpManager, startTestApp, type ApiClient, type TestApp } from "../helpers/app.js";
import { startTileServer, type TileServer } from "../helpers/tile-server.js";
import { browserSuite, buildUi, screenshot, seriousAccessibilityProblems, VIEWPORTS } from "./browser-kit.js";

const suite = browserSuite({ name: "reception page", tests: "reception page", build: () => buildUi("guest-ui"), timeout: 120_000 });

let tiles: TileServer | undefined;
afterEach(async () => {
  await tiles?.close();
  tiles = undefined;
});

const ROME = { latitude: 41.9028, longitude: 12.4964, timezone: "Europe/Rome", city: "Roma" };

async function startProperty(): Promise<{ app: TestApp; manager: ApiClient }> {
  tiles = await startTileServer();
  const app = suite.stopAfterTest(
    await startTestApp({
      uiRoot: suite.uiRoot(),
      // No weather server here: the page must stand without any forecast.
      config: { reception: { mapTiles: tiles.tiles, mapAttribution: "© Test tiles" }, weather: { apiBase: "http://127.0.0.1:9" } },
    }),
  );
  const manager = await setUpManager(app, "Hotel Miramar");
  expect((await manager.patch("/api/property", ROME)).status).toBe(200);
  return { app, manager };
}

async function design(manager: ApiClient, change: (settings: any, block: (id: string) => any) => void) {
  const settings = (await manager.get("/api/reception")).body;
  const block = (id: string) => settings.blocks.find((b: any) => b.id === id);
  change(settings, block);
  const res = await manager.request("PUT", "/api/reception", settings);
  expect(res.status, JSON.stringify(res.body)).toBe(200);
}

async function addPlaces(manager: ApiClient) {
  const places = [
    { category: "Taxi", name: "Radio Taxi 3570", phone: "+39 06 3570", description: "Day and night, card accepted." },
    { category: "Restaurants", name: "Trattoria da Enzo", address: "Via dei Vascellari 29, Roma", website: "https://example.com/enzo", latitude: 41.8887, longitude: 12.4776 },
    { category: "Restaurants", name: "Pizzeria Ai Marmi", address: "Viale di Trastevere 53", latitude: 41.8837, longitude: 12.4722 },
    { category: "Pharmacy", name: "Farmacia Internazionale", address: "Piazza Barberini 49", phone: "06 4825456", latitude: 41.9035, longitude: 12.4886 },
  ];
  for (const place of places) expect((await manager.post("/api/places", place)).status).toBe(201);
}

const richDesign = (settings: any, block: (id: string) => any) => {
  block("title").texts = { en: { heading: "Welcome to the Miramar", body: "Family-run since 1962" }, de: { heading: "Willkommen im Miramar", body: "Familiengeführt seit 1962" } };
  block("invitation").texts = { en: { body: "We are glad you are here.\nWrite to us any time: we answer from the desk or our phones." }, de: { body: "Schön, dass Sie da sind.\nSchreiben Sie uns jederzeit." } };
  block("info").visible = true;
  block("info").backgroundColor = "#fff7e0";
  block("info").texts = {
    en: { body: "## Breakfast\n**07:00–10:30** on the terrace.\n\n- Wi-Fi: *Miramar-Guest*\n- Check-out until 11:00\n\n[Our menu](https://example.com/menu)" },
    de: { heading: "Gut zu wissen", body: "## Frühstück\n**07:00–10:30** auf der Terrasse.\n\n- WLAN: *Miramar-Guest*\n- Check-out bis 11:00" },
  };
  block("location").texts = { en: { body: "Five minutes from Termini station, on foot." } };
  settings.languages = ["en", "de"];
};

const visibleBlocks = (page: Page) => page.locator("section.block:visible").evaluateAll((sections) => sections.map((s) => s.getAttribute("data-block")));

describe.skipIf(suite.skip)("reception page", () => {
  it("shows the manager's blocks in order and colours, in German for a German phone, with the map loaded once in view", async () => {
    const { app, manager } = await startProperty();
    await addPlaces(manager);
    for (const category of ["Parking", "Bakery", "Supermarket", "Beach", "Bike rental", "Laundry", "Doctor", "Bank", "Museum", "Bus"]) {
      expect((await manager.post("/api/places", { category, name: `${category} nearby` })).status).toBe(201);
    }
    await design(manager, (settings, block) => {
      richDesign(settings, block);
      // The map last, below the fold: it must not load before the guest scrolls there.
      settings.blocks = [...settings.blocks.filter((b: any) => b.id !== "location" && b.id !== "chat"), block("location"), block("chat")];
    });

    const { page, problems } = await suite.open("phone", { locale: "de-DE" });
    const response = await page.goto(`${app.url}/r/hotel-miramar?t=Zimmer%2012`);
    expect(response!.status()).toBe(200);
    await page.getByRole("heading", { level: 1, name: "Willkommen im Miramar" }).waitFor();
    expect(await page.locator("html").getAttribute("lang")).toBe("de");
    await page.getByText("Zimmer 12", { exact: true }).waitFor();
    expect(await visibleBlocks(page)).toEqual(["title", "invitation", "info", "glance", "weather", "services", "location", "chat"]);
    const location = page.locator('section[data-block="location"]');
    expect((await location.boundingBox())!.y).toBeGreaterThan(844 + 200);
    // The map waits until it is scrolled to: no tiles, not even Leaflet's code.
    expect(tiles!.requests).toHaveLength(0);
    expect(await page.evaluate(() => performance.getEntriesByType("resource").some((r) => r.name.includes("leaflet")))).toBe(false);

    // The German texts where the manager wrote them, English where German is missing.
    await page.getByText("Schön, dass Sie da sind.").waitFor();
    const info = page.locator('section[data-block="info"]');
    await info.getByRole("heading", { name: "Gut zu wissen" }).waitFor();
    await expect(info.locator("strong").textContent()).resolves.toBe("07:00–10:30");
    await expect(info.locator("li").allTextContents()).resolves.toEqual(["WLAN: Miramar-Guest", "Check-out bis 11:00"]);
    expect(await info.evaluate((el) => getComputedStyle(el).backgroundColor)).toBe("rgb(255, 247, 224)");
    expect(await location.getAttribute("lang")).toBe("en");

    // Services: categories fold open; a call is a tel: link, the way there a geo: link.
    const services = page.locator('section[data-block="services"]');
    await services.getByRole("heading", { name: de.reception.servicesHeading }).waitFor();
    await services.getByText("Taxi", { exact: true }).click();
    expect(await services.getByRole("link", { name: /Anrufen/ }).first().getAttribute("href")).toBe("tel:+39063570");
    await services.getByText("Restaurants", { exact: true }).click();
    const enzo = services.locator("li.place", { hasText: "Trattoria da Enzo" });
    expect(await enzo.getByRole("link", { name: de.reception.directions }).getAttribute("href")).toBe("geo:41.8887,12.4776?q=41.8887,12.4776(Trattoria%20da%20Enzo)");
    expect(await enzo.getByRole("link", { name: de.reception.website }).getAttribute("href")).toBe("https://example.com/enzo");

    // The map, once scrolled to: Leaflet draws the tile server's tiles on the guest's phone.
    await location.scrollIntoViewIfNeeded();
    await expect.poll(() => tiles!.requests.length, { timeout: 10_000 }).toBeGreaterThan(0);
    await location.locator(".leaflet-tile-loaded").first().waitFor();
    await location.getByText("© Test tiles").waitFor();
    expect(await location.getByRole("link", { name: de.reception.directions }).getAttribute("href")).toBe("geo:41.9028,12.4964?q=41.9028,12.4964(Hotel%20Miramar)");

    // The chat is there and open.
    await page.getByRole("textbox", { name: de.chat.messageLabel }).waitFor();
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
    expect(problems()).toEqual([]);
    await page.evaluate(() => window.scrollTo(0, 0));
    await screenshot(page, "reception-page-de", "phone", { fullPage: true });
  });

  it("looks right on a phone, a tablet and a desktop", async () => {
    const { app, manager } = await startProperty();
    await addPlaces(manager);
    await design(manager, (settings, block) => {
      richDesign(settings, block);
      settings.chatInitialState = "welcome";
      block("chat").texts = { en: { heading: "Front desk", body: "Hello! Ask us anything about your stay." } };
    });
    for (const viewport of ["phone", "tablet", "desktop"] as const) {
      const { page, problems } = await suite.open(viewport);
      await page.goto(`${app.url}/r/hotel-miramar?t=Room%2012`);
      await page.getByRole("heading", { level: 1, name: "Welcome to the Miramar" }).waitFor();
      await page.locator('section[data-block="services"] summary').first().click();
      await page.locator('section[data-block="location"]').scrollIntoViewIfNeeded();
      await page.locator(".leaflet-tile-loaded").first().waitFor();
      await page.evaluate(() => window.scrollTo(0, 0));
      await page.getByText("Hello! Ask us anything about your stay.").waitFor();
      expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth), viewport).toBe(true);
      await screenshot(page, "reception-page", viewport, { fullPage: true });
      expect(await seriousAccessibilityProblems(page), viewport).toEqual([]);
      // The docked chat opens over the page (the whole screen on a phone) and closes again.
      await page.getByRole("button", { name: t.reception.openChat }).click();
      const sheet = page.getByRole("dialog", { name: "Front desk" });
      await sheet.getByRole("textbox", { name: t.chat.messageLabel }).waitFor();
      const box = (await sheet.boundingBox())!;
      if (viewport === "phone") expect(box.width).toBe(VIEWPORTS.phone.width);
      else expect(box.width).toBeLessThan(500);
      await screenshot(page, "reception-chat-open", viewport);
      expect(await seriousAccessibilityProblems(page), `${viewport}, chat open`).toEqual([]);
      await sheet.getByRole("button", { name: t.reception.closeChat }).click();
      await sheet.waitFor({ state: "hidden" });
      expect(problems()).toEqual([]);
    }
  });

  it("starts the chat as the manager chose: collapsed behind a button, or hidden behind the footer's link, and a guest can write from there", async () => {
    const { app, manager } = await startProperty();
    await design(manager, (settings) => (settings.chatInitialState = "collapsed"));
    const { page } = await suite.open("phone");
    await page.goto(`${app.url}/r/hotel-miramar`);
    await page.getByRole("button", { name: t.reception.openChat }).waitFor();
    await expect(page.getByText(t.chat.intro).count()).resolves.toBe(0);
    await page.getByRole("button", { name: t.reception.openChat }).click();
    const box = page.getByRole("textbox", { name: t.chat.messageLabel });
    await box.fill("Is the pool open?");
    await box.press("Enter");
    await page.locator('li[data-from="guest"]', { hasText: "Is the pool open?" }).waitFor();
    await expect.poll(async () => (await manager.get("/api/conversations")).body.conversations.length).toBe(1);

    await design(manager, (settings) => (settings.chatInitialState = "hidden"));
    await page.goto(`${app.url}/r/hotel-miramar`);
    await page.getByRole("heading", { level: 1 }).waitFor();
    // No button docked over the page: the footer's link opens the chat.
    await expect(page.locator(".chat-dock").count()).resolves.toBe(0);
    await page.locator("footer").getByRole("button", { name: t.reception.footerChat }).click();
    // The same guest's conversation, with its message.
    await page.locator('li[data-from="guest"]', { hasText: "Is the pool open?" }).waitFor();
  });

  it("keeps script and HTML the manager typed as text: nothing runs, no element appears", async () => {
    const { app, manager } = await startProperty();
    const evil = '<script>window.__ran = 1</script><img src=x onerror="window.__ran = 2">';
    await design(manager, (_settings, block) => {
      block("title").texts = { en: { heading: "<b>Miramar</b>" } };
      block("info").visible = true;
      block("info").texts = { en: { body: `${evil}\n\n[click](javascript:window.__ran=3) **${evil}**` } };
      block("invitation").texts = { en: { body: evil } };
    });
    const { page, problems } = await suite.open("phone");
    await page.goto(`${app.url}/r/hotel-miramar`);
    await page.getByRole("heading", { level: 1, name: "<b>Miramar</b>" }).waitFor();
    const info = page.locator('section[data-block="info"]');
    await expect(info.locator("img, script, b").count()).resolves.toBe(0);
    await expect(page.locator('section[data-block="invitation"]').textContent()).resolves.toContain(evil);
    // A javascript: address is not a link.
    await expect(info.locator("a").count()).resolves.toBe(0);
    expect(await page.evaluate(() => (window as unknown as { __ran?: number }).__ran)).toBeUndefined();
    expect(problems()).toEqual([]);
  });

  it("answers an unknown link with a friendly page in the guest's language, and a 404", async () => {
    const { app } = await startProperty();
    const { page } = await suite.open("phone", { locale: "de-DE" });
    const response = await page.goto(`${app.url}/r/no-such-hotel?t=Room12`);
    expect(response!.status()).toBe(404);
    await page.getByRole("heading", { name: de.page.invalidTitle }).waitFor();
    await page.getByText(de.page.invalidBody).waitFor();
    await screenshot(page, "reception-unknown-de", "phone");
  });

  it("lets the guest pick another language, keeping the room", async () => {
    const { app, manager } = await startProperty();
    await design(manager, richDesign);
    const { page } = await suite.open("phone");
    await page.goto(`${app.url}/r/hotel-miramar?t=Room12`);
    await page.getByRole("heading", { level: 1, name: "Welcome to the Miramar" }).waitFor();
    await page.getByLabel(t.reception.language).selectOption("de");
    await page.getByRole("heading", { level: 1, name: "Willkommen im Miramar" }).waitFor();
    expect(new URL(page.url()).searchParams.get("t")).toBe("Room12");
    expect(await page.locator("html").getAttribute("lang")).toBe("de");
  });
});
