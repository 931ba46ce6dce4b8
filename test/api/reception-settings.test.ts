import { afterEach, describe, expect, it } from "vitest";
import { ApiClient, addMemberWithLogin, setUpManager, startTestApp, tempDataDir, type TestApp } from "../helpers/app.js";
import { createTestClock } from "../helpers/test-clock.js";
import { startWeatherServer, type WeatherServer } from "../helpers/weather-server.js";

const ROME = { latitude: 41.9028, longitude: 12.4964, timezone: "Europe/Rome" };

let app: TestApp | undefined;
let server: WeatherServer | undefined;
afterEach(async () => {
  await app?.stop();
  app = undefined;
  await server?.close();
  server = undefined;
});

async function start(dataDir?: string) {
  const clock = createTestClock(Date.parse("2026-06-21T10:00:00Z"));
  server ??= await startWeatherServer({ now: () => clock.now() });
  app = await startTestApp({ clock, ...(dataDir ? { dataDir } : {}), config: { weather: { apiBase: server.apiBase } } });
  return { app, clock };
}

const put = (client: ApiClient, body: unknown) => client.request("PUT", "/api/reception", body);

async function designed(manager: ApiClient) {
  const settings = (await manager.get("/api/reception")).body;
  const block = (id: string) => settings.blocks.find((b: any) => b.id === id);
  block("title").texts = { en: { heading: "Welcome to the Miramar", body: "Sea view, since 1962" }, de: { heading: "Willkommen im Miramar" } };
  block("invitation").texts = { en: { body: "Ask us anything, day or night." } };
  block("info").visible = true;
  block("info").texts = { en: { heading: "Good to know", body: "**Breakfast** 7–10\n\n- Wi-Fi: Miramar-Guest\n- [Menu](https://miramar.example/menu)" } };
  block("info").backgroundColor = "#FFF7E0";
  settings.blocks = [block("title"), block("chat"), ...settings.blocks.filter((b: any) => b.id !== "title" && b.id !== "chat")];
  settings.languages = ["en", "de"];
  settings.chatInitialState = "open";
  return settings;
}

describe("the Online Reception's settings and the guest's answer", () => {
  it("starts from defaults, stores the manager's design, and serves it to guests in their language with the default as fallback", async () => {
    const { app } = await start();
    const manager = await setUpManager(app);
    const defaults = (await manager.get("/api/reception")).body;
    expect(defaults.blocks.map((b: any) => b.id)).toEqual(["title", "invitation", "info", "glance", "weather", "location", "services", "reservation", "chat"]);
    expect(defaults).toMatchObject({ defaultLanguage: "en", chatInitialState: "open", useGuestLocation: false });

    const saved = await put(manager, await designed(manager));
    expect(saved.status).toBe(200);
    expect(saved.body.blocks.find((b: any) => b.id === "info").backgroundColor).toBe("#fff7e0");

    const guest = new ApiClient(app.url);
    const de = (await guest.get("/api/guest/reception/hotel-miramar?lang=de-AT")).body;
    expect(de.language).toBe("de");
    expect(de.blocks.map((b: any) => b.id)).toEqual(["title", "chat", "invitation", "info", "glance", "weather", "location", "services", "reservation"]);
    expect(de.blocks[0]).toMatchObject({ heading: "Willkommen im Miramar", language: "de" });
    // German lacks the invitation: English stands in, and says so.
    expect(de.blocks.find((b: any) => b.id === "invitation")).toMatchObject({ body: "Ask us anything, day or night.", language: "en" });
    expect(de).toMatchObject({ chatInitialState: "open", property: { name: "Hotel Miramar", slug: "hotel-miramar", formerSlugs: [] }, reservation: { available: false } });
    expect(de.sun).toEqual({ sunrise: null, sunset: null, dawn: null, dusk: null });
    expect(de.weather).toBeUndefined();
    expect(de.duty).toEqual({ onDuty: true, offHoursNotice: null, backAt: null });

    // A language the page does not speak gets the default one.
    expect((await guest.get("/api/guest/reception/hotel-miramar?lang=ja")).body.language).toBe("en");
    // Hidden blocks are not sent.
    const hidden = await designed(manager);
    hidden.blocks.find((b: any) => b.id === "weather").visible = false;
    await put(manager, hidden);
    expect((await guest.get("/api/guest/reception/hotel-miramar")).body.blocks.map((b: any) => b.id)).not.toContain("weather");
  });

  it("gives the property's place, city, sun times and the cached weather once the manager sets a location", async () => {
    const { app } = await start();
    const manager = await setUpManager(app);
    expect((await manager.patch("/api/property", { ...ROME, city: "  Roma " })).status).toBe(200);
    const guest = new ApiClient(app.url);
    let answer: any;
    for (let i = 0; i < 200; i++) {
      answer = (await guest.get("/api/guest/reception/hotel-miramar")).body;
      if (answer.weather) break;
      await new Promise((r) => setTimeout(r, 20));
    }
    expect(answer.property).toMatchObject({ city: "Roma", latitude: 41.9028, longitude: 12.4964, timezone: "Europe/Rome" });
    expect(answer.weather).toMatchObject({ stale: false, current: { temperature: expect.any(Number) } });
    expect(answer.weather.daily).toHaveLength(7);
    expect(Math.abs(Date.parse(answer.sun.sunrise) - Date.parse("2026-06-21T03:35:00Z"))).toBeLessThan(2 * 60_000);
    // Clearing the city takes it off the page.
    await manager.patch("/api/property", { city: "" });
    expect((await guest.get("/api/guest/reception/hotel-miramar")).body.property.city).toBeUndefined();
  });

  it("answers an old slug with the current property and an unknown one with a 404 sentence", async () => {
    const { app } = await start();
    const manager = await setUpManager(app);
    await manager.patch("/api/property", { slug: "miramar-rome" });
    const guest = new ApiClient(app.url);
    const old = await guest.get("/api/guest/reception/hotel-miramar");
    expect(old.status).toBe(200);
    expect(old.body.property).toMatchObject({ slug: "miramar-rome", formerSlugs: ["hotel-miramar"] });
    const unknown = await guest.get("/api/guest/reception/no-such-place");
    expect(unknown.status).toBe(404);
    expect(unknown.body.error).toMatch(/not known/);
  });

  it("refuses bad settings with a sentence and keeps what was stored", async () => {
    const { app } = await start();
    const manager = await setUpManager(app);
    const good = await designed(manager);
    await put(manager, good);
    const cases: Array<[(s: any) => void, RegExp]> = [
      [(s) => (s.blocks[0].textColor = "red"), /#rrggbb/],
      [(s) => (s.blocks[0].backgroundColor = "#12345"), /#rrggbb/],
      [(s) => s.blocks.pop(), /missing: /],
      [(s) => s.blocks.push({ ...s.blocks[0] }), /listed twice/],
      [(s) => (s.blocks[0].id = "banner"), /block's id must be one of/],
      [(s) => (s.defaultLanguage = "jp"), /language must be one of/],
      [(s) => (s.languages = ["de"]), /default language/],
      [(s) => (s.chatInitialState = "minimised"), /chatInitialState must be one of/],
      [(s) => (s.blocks[0].texts = { en: { heading: "two\nlines" } }), /one line/],
      [(s) => (s.blocks[0].texts = { xx: { heading: "Hi" } }), /xx.{0,4} is not a field/],
      [(s) => (s.blocks[2].texts = { en: { body: "x".repeat(10_001) } }), /at most 10000/],
      [(s) => (s.extra = 1), /extra|Unrecognized/i],
    ];
    for (const [spoil, message] of cases) {
      const bad = structuredClone(good);
      spoil(bad);
      const res = await put(manager, bad);
      expect(res.status, JSON.stringify(res.body)).toBe(400);
      expect(JSON.stringify(res.body)).toMatch(message);
    }
    const stored = (await manager.get("/api/reception")).body;
    expect(stored.blocks[0].texts.de.heading).toBe("Willkommen im Miramar");
    expect(stored.chatInitialState).toBe("open");
  });

  it("keeps script and HTML as text: stored as written, never turned into markup by the API", async () => {
    const { app } = await start();
    const manager = await setUpManager(app);
    const settings = await designed(manager);
    const evil = '<script>alert(1)</script><img src=x onerror="alert(2)">';
    settings.blocks.find((b: any) => b.id === "info").texts.en.body = evil;
    expect((await put(manager, settings)).status).toBe(200);
    const res = await fetch(`${app.url}/api/guest/reception/hotel-miramar`);
    expect(res.headers.get("content-type")).toMatch(/application\/json/);
    const body = await res.json();
    expect(body.blocks.find((b: any) => b.id === "info").body).toBe(evil);
  });

  it("is the manager's: staff and strangers cannot read or change it", async () => {
    const { app } = await start();
    const manager = await setUpManager(app);
    const { client: staff } = await addMemberWithLogin(manager, "staff", "sam");
    expect((await staff.get("/api/reception")).status).toBe(403);
    expect((await put(staff, await designed(manager))).status).toBe(403);
    expect((await new ApiClient(app.url).get("/api/reception")).status).toBe(401);
  });

  it("keeps the design across a restart", async () => {
    const dataDir = tempDataDir();
    const first = await start(dataDir);
    const manager = await setUpManager(first.app);
    await put(manager, await designed(manager));
    await first.app.stop();
    app = undefined;
    const second = await start(dataDir);
    const guest = new ApiClient(second.app.url);
    const answer = (await guest.get("/api/guest/reception/hotel-miramar")).body;
    expect(answer.blocks[0]).toMatchObject({ id: "title", heading: "Welcome to the Miramar", body: "Sea view, since 1962" });
  });
});
