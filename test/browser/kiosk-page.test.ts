// The lobby kiosk's page (/kiosk) in headless Chromium against the real appliance: paired
// by its link, the idle screen at a landscape and a portrait tablet's size and a phone's,
// its Wi-Fi QR code read back by zbarimg to the exact `WIFI:` line (a password with `;` `,`
// `:` `\` and `"`), a message left for reception reaching the staff's conversations, the
// offline banner while the appliance is stopped and its return after a restart on the same
// data folder, new content arriving live, a revoked kiosk back at the pairing screen, and
// the way back to the idle screen after a quiet minute.
import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Page } from "playwright-core";
import { afterEach, describe, expect, it } from "vitest";
import { KIOSK_WORDS, PAIRING_WORDS } from "../../guest-ui/src/kiosk/kiosk-words.js";
import { propertyTime } from "../../guest-ui/src/kiosk/kiosk-time.js";
import { setUpManager, startTestApp, tempDataDir, type ApiClient, type TestApp } from "../helpers/app.js";
import { startWeatherServer, type WeatherServer } from "../helpers/weather-server.js";
import { KIOSK_VIEWPORTS, OFFLINE_NOISE, REFUSAL_NOISE, VIEWPORTS, browserSuite, buildUi, screenshot, seriousAccessibilityProblems, type KioskViewportName } from "./browser-kit.js";

const suite = browserSuite({
  name: "kiosk page",
  tests: "kiosk page",
  build: () => buildUi("guest-ui"),
  timeout: 120_000,
  // The appliance is stopped on purpose in one test; a revoked kiosk's socket is refused.
  noise: [REFUSAL_NOISE, OFFLINE_NOISE, /ERR_CONNECTION_RESET|ERR_EMPTY_RESPONSE/],
});

const en = KIOSK_WORDS.en;
const de = KIOSK_WORDS.de;
const PASSWORD = 'p;a,s:s\\w"d';
const WIFI_LINE = 'WIFI:T:WPA;S:Miramar Guests;P:p\\;a\\,s\\:s\\\\w\\"d;;';
const TOKYO = { latitude: 35.6762, longitude: 139.6503, timezone: "Asia/Tokyo", city: "Tokyo" };

let weather: WeatherServer | undefined;
const dataDirs: string[] = [];
afterEach(async () => {
  await weather?.close();
  weather = undefined;
  for (const dir of dataDirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

async function waitFor(check: () => Promise<boolean>, what: string, timeoutMs = 5000) {
  const until = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > until) throw new Error(`${what} did not happen`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

/** The property in Tokyo (the browser is in Lisbon), its forecast in, the kiosk's settings saved. */
async function startProperty(dataDir?: string): Promise<{ app: TestApp; manager: ApiClient }> {
  weather = await startWeatherServer();
  const app = await startTestApp({ uiRoot: suite.uiRoot(), config: { weather: { apiBase: weather.apiBase } }, ...(dataDir ? { dataDir } : {}) });
  const manager = await setUpManager(app, "Hotel Miramar");
  expect((await manager.patch("/api/property", TOKYO)).status).toBe(200);
  await waitFor(async () => Boolean((await manager.get("/api/weather")).body.fetchedAt), "the first forecast");
  const settings = {
    wifi: { ssid: "Miramar Guests", password: PASSWORD, security: "WPA" },
    phone: "+81 3 1234 5678",
    emergencyText: { en: "Fire, police, ambulance: dial 119. The night manager sleeps in room 1.", de: "Feuer, Polizei, Rettung: 119 wählen. Der Nachtmanager ist in Zimmer 1." },
  };
  expect((await manager.request("PUT", "/api/kiosk-settings", settings)).status).toBe(200);
  return { app, manager };
}

async function newKiosk(manager: ApiClient, name: string): Promise<{ id: string; pairingUrl: string; pairingCode: string }> {
  const res = await manager.post("/api/kiosks", { name });
  expect(res.status).toBe(201);
  return { id: res.body.kiosk.id, pairingUrl: res.body.pairingUrl, pairingCode: res.body.pairingCode };
}

/** What zbarimg reads in a screenshot of the QR code's canvas. */
async function readQr(page: Page, testId: string): Promise<string> {
  const dir = mkdtempSync(join(tmpdir(), "innbox-kiosk-qr-"));
  try {
    const png = join(dir, "qr.png");
    await page.getByTestId(testId).screenshot({ path: png });
    return execFileSync("zbarimg", ["--raw", "-q", png], { encoding: "utf8" }).replace(/\n$/, "");
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

type Size = KioskViewportName | "phone";
const SIZES = { ...KIOSK_VIEWPORTS, phone: VIEWPORTS.phone };
/** A page at a tablet's or a phone's size. */
const openAt = (size: Size) => suite.open("desktop", { viewport: SIZES[size] });

const callButton = (page: Page, words = en) => page.getByRole("button", { name: words.callReception });

describe.skipIf(suite.skip)("the kiosk page", () => {
  for (const viewport of ["kioskLandscape", "kioskPortrait", "phone"] as Size[]) {
    it(`pairs by its link and shows the idle screen (${viewport})`, async () => {
      const { app, manager } = await startProperty();
      suite.stopAfterTest(app);
      const kiosk = await newKiosk(manager, "Lobby");
      const { page, problems } = await openAt(viewport);
      await page.goto(`${app.url}${kiosk.pairingUrl}`);
      await callButton(page).waitFor();
      // The code leaves the address; the token stays on the tablet.
      expect(new URL(page.url()).search).toBe("");
      expect(await page.evaluate(() => localStorage.getItem("innbox.kiosk.token"))).toBeTruthy();

      await page.getByRole("heading", { name: "Hotel Miramar" }).waitFor();
      await page.getByTestId("kiosk-ssid").getByText("Miramar Guests").waitFor();
      await page.getByText(PASSWORD, { exact: true }).waitFor();
      await page.getByText("+81 3 1234 5678").waitFor();
      await page.getByText(/dial 119/).waitFor();
      // The clock is Tokyo's, not the tablet's (Lisbon): a minute may turn meanwhile.
      const shown = await page.getByTestId("kiosk-time").textContent();
      const now = Date.now();
      // The browser speaks en-GB: a 24-hour clock.
      expect([propertyTime(now, "Asia/Tokyo", "en-GB").time, propertyTime(now - 60_000, "Asia/Tokyo", "en-GB").time]).toContain(shown);
      expect(shown).not.toBe(propertyTime(now, "Europe/Lisbon", "en-GB").time);
      // Weather now and the next days.
      await page.getByText(/°/).first().waitFor();
      expect(await page.locator(".kiosk-days li").count()).toBeGreaterThan(1);

      await screenshot(page, "kiosk-idle", viewport);
      expect(await readQr(page, "kiosk-wifi-qr")).toBe(WIFI_LINE);
      const screen = (await manager.get("/api/kiosk-settings")).body;
      expect(screen.wifi.password).toBe(PASSWORD);
      expect(await readQr(page, "kiosk-reception-qr")).toMatch(/\/r\/[a-z0-9-]+$/);

      // Nothing wider than the screen; every button a finger can hit.
      expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
      const small = await page.evaluate(() =>
        Array.from(document.querySelectorAll("button"))
          .map((b) => b.getBoundingClientRect())
          .filter((r) => r.width < 48 || r.height < 48).length,
      );
      expect(small).toBe(0);
      expect(await seriousAccessibilityProblems(page)).toEqual([]);
      expect(problems()).toEqual([]);
    }, 60_000);
  }

  it("speaks the language picked with its flag, and leaves a message that reaches the staff's conversations", async () => {
    const { app, manager } = await startProperty();
    suite.stopAfterTest(app);
    const kiosk = await newKiosk(manager, "Lobby");
    const { page, problems } = await openAt("kioskLandscape");
    await page.goto(`${app.url}${kiosk.pairingUrl}`);
    await page.getByRole("button", { name: "Deutsch" }).click();
    await callButton(page, de).waitFor();
    await page.getByText(/119 wählen/).waitFor();
    await page.getByRole("button", { name: "English" }).click();

    // "Call reception" offers the message form until the kiosk can call.
    await callButton(page).click();
    await page.getByRole("dialog").waitFor();
    await page.getByRole("button", { name: en.send }).click();
    await page.getByText(en.emptyMessage).waitFor();
    await page.getByLabel(en.messageLabel).fill("We are at the door, our flight was late. Room 12 booking for Rossi.");
    await page.getByLabel(en.nameLabel).fill("Giulia Rossi");
    await screenshot(page, "kiosk-message", "kioskLandscape");
    expect(await seriousAccessibilityProblems(page)).toEqual([]);
    await page.getByRole("button", { name: en.send }).click();
    await page.getByText(en.sent).waitFor();
    await screenshot(page, "kiosk-message-sent", "kioskLandscape");

    const list = (await manager.get("/api/conversations")).body.conversations as Array<Record<string, unknown>>;
    const kioskChats = list.filter((c) => c.channel === "kiosk");
    expect(kioskChats).toHaveLength(1);
    expect(JSON.stringify(kioskChats[0])).toContain("our flight was late");
    await page.getByRole("button", { name: en.close }).click();
    await callButton(page).waitFor();
    expect(problems()).toEqual([]);
  }, 60_000);

  it("says it is offline while the appliance is stopped, keeps its screen, and comes back after a restart", async () => {
    const dataDir = tempDataDir();
    dataDirs.push(dataDir);
    const first = await startProperty(dataDir);
    const kiosk = await newKiosk(first.manager, "Lobby");
    const { page } = await openAt("kioskLandscape");
    await page.goto(`${first.app.url}${kiosk.pairingUrl}`);
    await callButton(page).waitFor();
    const port = new URL(first.app.url).port;
    await first.app.stop();
    await weather?.close();
    weather = undefined;

    await page.getByText(en.offline).waitFor({ timeout: 15_000 });
    await page.getByRole("heading", { name: "Hotel Miramar" }).waitFor();
    await page.getByTestId("kiosk-ssid").getByText("Miramar Guests").waitFor();
    await screenshot(page, "kiosk-offline", "kioskLandscape");

    // The same data folder and address: the kiosk's token still holds.
    const again = suite.stopAfterTest(await startTestApp({ uiRoot: suite.uiRoot(), dataDir, config: { port: Number(port) } }));
    await page.getByText(en.offline).waitFor({ state: "detached", timeout: 20_000 });
    // New content arrives live.
    const manager = await signedIn(again);
    expect((await manager.request("PUT", "/api/kiosk-settings", { wifi: { ssid: "Miramar Lobby", password: PASSWORD, security: "WPA" }, phone: "+81 3 9999 0000" })).status).toBe(200);
    await page.getByText("+81 3 9999 0000").waitFor();
    await page.getByTestId("kiosk-ssid").getByText("Miramar Lobby").waitFor();

    // The manager's Reload reloads the page (a mark left on the old page is gone).
    await page.evaluate(() => ((window as unknown as { mark: boolean }).mark = true));
    expect((await manager.post(`/api/kiosks/${kiosk.id}/reload`)).status).toBe(202);
    await waitFor(async () => !(await page.evaluate(() => Boolean((window as unknown as { mark?: boolean }).mark)).catch(() => true)), "the reload");
    await callButton(page).waitFor();

    // Revoked: back to the pairing screen, saying so.
    expect((await manager.delete(`/api/kiosks/${kiosk.id}`)).status).toBeLessThan(300);
    await page.getByText(PAIRING_WORDS.unpaired).waitFor({ timeout: 5_000 });
    await page.getByLabel(PAIRING_WORDS.codeLabel).waitFor();
    expect(await page.evaluate(() => localStorage.getItem("innbox.kiosk.token"))).toBeNull();
    await screenshot(page, "kiosk-unpaired", "kioskLandscape");

    // A used code, typed with spaces and dashes: one sentence for wrong, used and expired.
    await page.getByLabel(PAIRING_WORDS.codeLabel).fill(` ${kiosk.pairingCode.slice(0, 3)}-${kiosk.pairingCode.slice(3).toLowerCase()} `);
    await page.getByRole("button", { name: PAIRING_WORDS.pair }).click();
    await page.getByText(PAIRING_WORDS.wrongCode).waitFor();

    // A fresh code typed the same way pairs.
    const fresh = (await manager.post(`/api/kiosks/${(await newKiosk(manager, "Lobby 2")).id}/pairing-code`)).body;
    const code = fresh.pairingCode as string;
    await page.getByLabel(PAIRING_WORDS.codeLabel).fill(`${code.slice(0, 2).toLowerCase()} ${code.slice(2)}`);
    await page.getByRole("button", { name: PAIRING_WORDS.pair }).click();
    await callButton(page).waitFor();
  }, 90_000);

  it("says when a code is wrong and when there were too many tries, with the wait", async () => {
    const { app } = await startProperty();
    suite.stopAfterTest(app);
    const { page } = await openAt("phone");
    await page.goto(`${app.url}/kiosk?code=nope-0000`);
    await page.getByText(PAIRING_WORDS.wrongCode).waitFor();
    expect(new URL(page.url()).search).toBe("");
    const field = page.getByLabel(PAIRING_WORDS.codeLabel);
    for (let i = 0; i < 12; i++) {
      await field.fill(`WRONG${i}`);
      await page.getByRole("button", { name: PAIRING_WORDS.pair }).click();
      await page.getByRole("button", { name: PAIRING_WORDS.pair }).waitFor();
    }
    await page.getByText(/^Too many wrong codes\. Wait \d+ seconds and try again\.$/).waitFor();
    await screenshot(page, "kiosk-too-many-codes", "phone");
    expect(await seriousAccessibilityProblems(page)).toEqual([]);
  }, 60_000);

  it("goes back to the idle screen and its first language after a quiet minute", async () => {
    const { app, manager } = await startProperty();
    suite.stopAfterTest(app);
    const kiosk = await newKiosk(manager, "Lobby");
    const { page, context } = await openAt("kioskPortrait");
    await context.clock.install();
    await page.goto(`${app.url}${kiosk.pairingUrl}`);
    await page.getByRole("button", { name: "Deutsch" }).click();
    await page.getByRole("button", { name: de.leaveMessage }).click();
    await page.getByRole("dialog").waitFor();
    await page.clock.fastForward(50_000);
    await page.getByLabel(de.messageLabel).fill("Hallo");
    await page.clock.fastForward(50_000);
    // Typing counted as a touch: still here.
    await page.getByRole("dialog").waitFor();
    const idle = () => page.evaluate(() => document.documentElement.dataset.kioskIdle ?? null);
    expect(await idle()).toBeNull();
    await page.clock.fastForward(11_000);
    await page.getByRole("dialog").waitFor({ state: "detached" });
    await callButton(page).waitFor();
    // Marked idle for the shell to dim the screen; a touch wakes it.
    expect(await idle()).toBe("true");
    await page.mouse.click(5, 5);
    expect(await idle()).toBeNull();
  }, 60_000);
});

async function signedIn(app: TestApp): Promise<ApiClient> {
  const { ApiClient, MANAGER } = await import("../helpers/app.js");
  const client = new ApiClient(app.url);
  await client.login(MANAGER.username, MANAGER.password);
  return client;
}
