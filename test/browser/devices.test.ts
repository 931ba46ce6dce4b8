// The devices page in headless Chromium against the real appliance and simulated Tuya and
// eWeLink devices speaking the real protocols on loopback (127.0.5.x in this file): the
// manager adds, switches and dims devices, sees buttons pressed by hand and devices that
// fail with what to check, discovers and imports; staff only see and switch.
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { en as t } from "../../admin-ui/src/messages/en/index.js";
import { startEwelinkDevice, startTuyaDevice } from "../../simulators/src/index.js";
import { addMemberWithLogin, setUpManager, startTestApp } from "../helpers/app.js";
import { createTestClock, type TestClock } from "../helpers/test-clock.js";
import { REFUSAL_NOISE, VIEWPORTS, browserSuite, buildUi, navigation, screenshot, seriousAccessibilityProblems, signIn, type ViewportName } from "./browser-kit.js";

// A device's refusal (502) or silence (504) is an answer the page shows on the card.
const suite = browserSuite({ name: "devices", tests: "devices page", build: () => buildUi("admin-ui"), timeout: 120_000, noise: [REFUSAL_NOISE, /status of 50[24]/] });
const KEY = "0123456789abcdef";
let nextHost = 10;
const newHost = () => `127.0.5.${nextHost++}`;

async function start(options: { clock?: TestClock; discovery?: boolean } = {}) {
  const clock = options.clock ?? createTestClock();
  const app = suite.stopAfterTest(
    await startTestApp({
      uiRoot: suite.uiRoot(),
      clock,
      ...(options.discovery ? { config: { devices: { discovery: true, broadcastAddress: "127.255.255.255", mdnsInterface: "127.0.0.1", discoverSeconds: 2 } } } : {}),
    }),
  );
  const manager = await setUpManager(app);
  return { app, manager, clock };
}

async function tuya(options: { version?: "3.1" | "3.3" | "3.4" | "3.5"; kind?: "switch" | "light" | "heater"; gangs?: number; broadcastIntervalMs?: number } = {}) {
  const host = newHost();
  const sim = await startTuyaDevice({ host, devId: `bfui${host.replaceAll(".", "")}abcdef`, localKey: KEY, version: options.version ?? "3.3", broadcastIntervalMs: 0, ...options });
  return suite.stopAfterTest(sim);
}

async function ewelink(options: { deviceKey?: string } = {}) {
  const ip = newHost();
  const sim = await startEwelinkDevice({ ip, port: 8081, deviceId: `10000005${ip.split(".")[3]!.padStart(2, "0")}`, ...options });
  return suite.stopAfterTest(sim);
}

const card = (page: Page, name: string) => page.locator(".device-card", { has: page.getByRole("heading", { name, exact: true }) });
const power = (page: Page, name: string) => card(page, name).getByRole("button", { name: t.devices.power(name), exact: true });
const allOutlets = (page: Page, name: string) => card(page, name).getByRole("button", { name: t.devices.allOutletsLabel(name), exact: true });
const addForm = (page: Page) => page.locator("form", { has: page.getByRole("heading", { name: t.devices.addHeading }) });

async function openDevices(page: Page, url: string, username?: string, password?: string) {
  await signIn(page, url, username, password);
  if (page.viewportSize()!.width < 700) await page.goto(`${url}/admin/devices`);
  else await navigation(page).getByRole("link", { name: t.nav.devices }).click();
  await page.getByRole("heading", { name: t.devices.title, level: 1 }).waitFor();
}

describe.skipIf(suite.skip)("devices page", () => {
  it("lets the manager add a Tuya light and an eWeLink plug, switch them on and off, dim the light, and see a button pressed by hand", async () => {
    // eWeLink devices announce a button pressed by hand over mDNS: the app listens (on loopback).
    const { app, manager } = await start({ discovery: true });
    const room = (await manager.post("/api/rooms", { name: "Room 12" })).body.room;
    const lamp = await tuya({ kind: "light" });
    const plug = await ewelink();
    const { page, problems } = await suite.open();
    await openDevices(page, app.url);
    await page.getByText(t.devices.emptyManager).waitFor();

    // A Tuya light, by the form.
    await page.getByRole("button", { name: t.devices.add }).click();
    let form = addForm(page);
    await form.getByLabel(t.devices.name).fill("Bedside lamp");
    await form.getByLabel(t.devices.room).selectOption({ label: "Room 12" });
    await form.getByLabel(t.devices.kindLabel).selectOption({ label: t.devices.kind.light! });
    await form.getByLabel(t.devices.deviceId).fill(lamp.devId);
    await form.getByLabel(t.devices.ip).fill(lamp.host);
    await form.getByLabel(t.devices.localKey).fill(KEY);
    await form.getByLabel(t.devices.version).selectOption("3.3");
    await form.getByRole("button", { name: t.devices.add }).click();
    await page.getByRole("status").filter({ hasText: t.devices.added("Bedside lamp") }).waitFor();
    const roomGroup = page.getByRole("region", { name: /Room 12/ });
    await roomGroup.getByRole("heading", { name: "Bedside lamp" }).waitFor();
    await card(page, "Bedside lamp").getByText(t.devices.online, { exact: true }).waitFor();

    // An eWeLink plug in DIY mode, in no room.
    await page.getByRole("button", { name: t.devices.add }).click();
    form = addForm(page);
    await form.getByLabel(t.devices.protocolEwelink).check();
    await form.getByLabel(t.devices.name).fill("Kettle plug");
    await form.getByLabel(t.devices.deviceId).fill(plug.deviceId);
    await form.getByLabel(t.devices.ip).fill(plug.ip);
    await expect(form.getByLabel(t.devices.port).inputValue()).resolves.toBe("8081");
    await form.getByRole("button", { name: t.devices.add }).click();
    await page.getByRole("status").filter({ hasText: t.devices.added("Kettle plug") }).waitFor();
    await page.getByRole("region", { name: new RegExp(t.devices.noRoom) }).getByRole("heading", { name: "Kettle plug" }).waitFor();
    await card(page, "Kettle plug").getByText(t.devices.online, { exact: true }).waitFor();
    const listed = (await manager.get("/api/devices")).body.devices;
    expect(listed.map((d: { name: string; roomId?: string }) => [d.name, d.roomId ?? null])).toEqual(
      expect.arrayContaining([["Bedside lamp", room.id], ["Kettle plug", null]]),
    );

    // On and off from the page: the devices themselves change.
    await power(page, "Bedside lamp").click();
    await expect.poll(() => power(page, "Bedside lamp").getAttribute("aria-pressed")).toBe("true");
    expect(lamp.dps["20"]).toBe(true);
    await power(page, "Kettle plug").click();
    await expect.poll(() => power(page, "Kettle plug").getAttribute("aria-pressed")).toBe("true");
    expect(plug.params().switch).toBe("on");
    await power(page, "Kettle plug").click();
    await expect.poll(() => power(page, "Kettle plug").getAttribute("aria-pressed")).toBe("false");
    expect(plug.params().switch).toBe("off");

    // Dimmed, once, when the slider is let go.
    await card(page, "Bedside lamp").getByLabel(t.devices.brightnessLabel("Bedside lamp")).fill("40");
    await card(page, "Bedside lamp").getByText(t.devices.brightnessValue(40)).waitFor();
    await expect.poll(async () => (await manager.get("/api/devices")).body.devices.find((d: { name: string }) => d.name === "Bedside lamp").state.brightness).toBe(40);

    // Pressed by hand: the open page follows without a reload.
    lamp.press({ "20": false });
    await expect.poll(() => power(page, "Bedside lamp").getAttribute("aria-pressed")).toBe("false");
    plug.press({ on: true });
    await expect.poll(() => power(page, "Kettle plug").getAttribute("aria-pressed")).toBe("true");

    // A bad address: the appliance's sentence beside the field, nothing stored.
    await page.getByRole("button", { name: t.devices.add }).click();
    form = addForm(page);
    await form.getByLabel(t.devices.name).fill("Hall light");
    await form.getByLabel(t.devices.deviceId).fill("bfhall0000000000abcd");
    await form.getByLabel(t.devices.ip).fill("192.168.1.300");
    await form.getByLabel(t.devices.localKey).fill(KEY);
    await form.getByRole("button", { name: t.devices.add }).click();
    const ipField = form.locator(".field", { has: page.getByLabel(t.devices.ip) });
    await ipField.getByText(/^Address on the network must be the device's IPv4 address/).waitFor();
    await expect(form.getByLabel(t.devices.ip).getAttribute("aria-invalid")).resolves.toBe("true");
    expect((await manager.get("/api/devices")).body.devices).toHaveLength(2);
    await form.getByRole("button", { name: t.devices.cancel }).click();

    expect(await seriousAccessibilityProblems(page)).toEqual([]);
    expect(problems()).toEqual([]);
  });

  it("shows a powered-off device as offline with what to check, a wrong key with the key hint until the right one is entered, and deletes after asking", async () => {
    const { app, manager, clock } = await start();
    const heater = await tuya({ kind: "heater" });
    const wrong = await tuya({ version: "3.3" });
    const silent = await tuya({ version: "3.4", kind: "heater" });
    await manager.post("/api/devices", { name: "Bathroom heater", protocol: "tuya", kind: "heater", deviceId: heater.devId, ip: heater.host, localKey: KEY, version: "3.3" });
    await manager.post("/api/devices", { name: "Porch light", protocol: "tuya", deviceId: wrong.devId, ip: wrong.host, localKey: "fedcba9876543210", version: "3.3" });
    await manager.post("/api/devices", { name: "Sauna heater", protocol: "tuya", kind: "heater", deviceId: silent.devId, ip: silent.host, localKey: "fedcba9876543210", version: "3.4" });
    const { page, problems } = await suite.open();
    await openDevices(page, app.url);
    await card(page, "Bathroom heater").getByText(t.devices.online, { exact: true }).waitFor();

    // Powered off: offline within 45 s of the app's time, in words and with the hint.
    await heater.stop();
    const offline = card(page, "Bathroom heater").getByText(t.devices.offline, { exact: true });
    await clock.advanceUntil(async () => (await offline.count()) > 0, { stepMs: 1000, maxMs: 46_000, what: "offline on the page" });
    await card(page, "Bathroom heater").getByText(t.devices.hints.unreachable!).waitFor();
    await card(page, "Bathroom heater").getByText(t.devices.lastError).waitFor();

    // A 3.4 device stays silent to a wrong key: the command shows as in flight until the
    // appliance gives up (15 s of its time), then the card says why and what to check.
    await power(page, "Sauna heater").click();
    await card(page, "Sauna heater").getByRole("status").filter({ hasText: t.devices.sending }).waitFor();
    await expect(power(page, "Sauna heater").isDisabled()).resolves.toBe(true);
    const silence = card(page, "Sauna heater").getByRole("alert");
    await clock.advanceUntil(async () => (await silence.count()) > 0, { stepMs: 500, maxMs: 16_000, what: "the sentence on the card" });
    await expect(silence.innerText()).resolves.toMatch(/local key/i);
    await card(page, "Sauna heater").getByText(t.devices.hintHeading).waitFor();
    expect(silent.dps["1"]).toBe(false);

    // A wrong key: switching it fails with the device's sentence on its card, and the hint names the key.
    await power(page, "Porch light").click();
    const refusal = card(page, "Porch light").getByRole("alert");
    await clock.advanceUntil(async () => (await refusal.count()) > 0, { stepMs: 500, maxMs: 16_000, what: "the refusal on the card" });
    await expect(refusal.innerText()).resolves.toMatch(/key/i);
    await card(page, "Porch light").getByText(t.devices.hints["bad-key"]!).waitFor();
    expect(wrong.dps["1"]).toBe(false);
    expect(await seriousAccessibilityProblems(page)).toEqual([]);

    // The right key under Edit (an empty key field would keep the stored one): it answers.
    await card(page, "Porch light").getByRole("button", { name: t.devices.editDevice("Porch light") }).click();
    const form = page.locator("form", { has: page.getByRole("heading", { name: t.devices.editHeading("Porch light") }) });
    await expect(form.getByLabel(t.devices.localKey).inputValue()).resolves.toBe("");
    await form.getByLabel(t.devices.name).fill("Porch lantern");
    await form.getByRole("button", { name: t.devices.save }).click();
    await page.getByRole("status").filter({ hasText: t.devices.saved("Porch lantern") }).waitFor();
    await card(page, "Porch lantern").getByRole("button", { name: t.devices.editDevice("Porch lantern") }).click();
    await page.getByLabel(t.devices.localKey).fill(KEY);
    await page.getByRole("button", { name: t.devices.save }).click();
    await page.getByRole("status").filter({ hasText: t.devices.saved("Porch lantern") }).waitFor();
    await power(page, "Porch lantern").click();
    await expect.poll(() => power(page, "Porch lantern").getAttribute("aria-pressed")).toBe("true");
    expect(wrong.dps["1"]).toBe(true);
    await card(page, "Porch lantern").getByText(t.devices.hintHeading).waitFor({ state: "detached" });

    // Deleted after a confirmation.
    await card(page, "Porch lantern").getByRole("button", { name: t.devices.deleteDevice("Porch lantern") }).click();
    const dialog = page.getByRole("dialog", { name: t.devices.confirmTitle("Porch lantern") });
    await dialog.getByRole("button", { name: t.devices.confirmDelete }).click();
    await page.getByRole("status").filter({ hasText: t.devices.deleted("Porch lantern") }).waitFor();
    await card(page, "Porch lantern").waitFor({ state: "detached" });
    expect((await manager.get("/api/devices")).body.devices.map((d: { name: string }) => d.name)).toEqual(["Bathroom heater", "Sauna heater"]);

    expect(await seriousAccessibilityProblems(page)).toEqual([]);
    expect(problems()).toEqual([]);
  }, 90_000);

  it("lists what Discover found with Add filling in the form, and imports a pasted export (saying what was skipped) and a chosen file", async () => {
    const { app, manager } = await start({ discovery: true });
    const known = await tuya({ version: "3.3", broadcastIntervalMs: 500 });
    const stranger = await tuya({ version: "3.5", broadcastIntervalMs: 500 });
    const id = (await manager.post("/api/devices", { name: "Desk lamp", protocol: "tuya", deviceId: known.devId, ip: known.host, localKey: KEY, version: "3.3" })).body.device.id;
    expect(id).toEqual(expect.any(String));
    const { page, problems } = await suite.open();
    await openDevices(page, app.url);

    await page.locator(".device-toolbar").getByRole("button", { name: t.devices.discover, exact: true }).click();
    const found = page.getByRole("list", { name: t.devices.discoverHeading });
    const strangerRow = found.getByRole("listitem").filter({ hasText: stranger.devId });
    await strangerRow.waitFor({ timeout: 15_000 });
    await found.getByRole("listitem").filter({ hasText: known.devId }).getByText(t.devices.knownAs("Desk lamp")).waitFor();
    await expect(strangerRow.innerText()).resolves.toContain(t.devices.discoveredDetails("Tuya", stranger.host, "3.5"));
    await screenshot(page, "devices-discover", "desktop");
    await strangerRow.getByRole("button", { name: t.devices.discoverAddLabel(stranger.devId) }).click();
    const form = addForm(page);
    await expect(form.getByLabel(t.devices.deviceId).inputValue()).resolves.toBe(stranger.devId);
    await expect(form.getByLabel(t.devices.ip).inputValue()).resolves.toBe(stranger.host);
    await expect(form.getByLabel(t.devices.version).inputValue()).resolves.toBe("3.5");
    await form.getByLabel(t.devices.name).fill("Terrace lights");
    await form.getByLabel(t.devices.localKey).fill(KEY);
    await form.getByRole("button", { name: t.devices.add }).click();
    await card(page, "Terrace lights").getByText(t.devices.online, { exact: true }).waitFor();

    // Import: tinytuya's list, pasted.
    await page.locator(".device-toolbar").getByRole("button", { name: t.devices.import, exact: true }).click();
    const exported = [
      { name: "Pool pump", id: "bfpool00000000000001", key: "k1k1k1k1k1k1k1k1", ip: "127.0.5.200", version: "3.3", category: "cz" },
      { name: "Garden light", id: "bfgarden000000000002", key: "k2k2k2k2k2k2k2k2", ip: "127.0.5.201", version: "3.4", category: "dj" },
      { name: "No address", id: "bfnoaddr000000000003", key: "k3k3k3k3k3k3k3k3" },
    ];
    await page.getByLabel(t.devices.importPaste).fill(JSON.stringify(exported, null, 2));
    await page.locator("form", { has: page.getByRole("heading", { name: t.devices.importHeading }) }).getByRole("button", { name: t.devices.importSubmit, exact: true }).click();
    const result = page.locator(".import-result");
    await result.getByText(t.devices.importAdded(2)).waitFor();
    await result.getByText(t.devices.importSkipped(1)).waitFor();
    await expect(result.locator(".import-skipped").innerText()).resolves.toMatch(/^No address: .*IP address/);

    await card(page, "Pool pump").waitFor();
    await card(page, "Garden light").waitFor();
    expect((await manager.get("/api/devices")).body.devices).toHaveLength(4);

    // From a file: tinytuya's snapshot.json shape.
    const snapshot = { devices: [{ name: "Sauna", id: "bfsauna0000000000004", key: "k4k4k4k4k4k4k4k4", ip: "127.0.5.202", ver: "3.3" }] };
    await page.getByLabel(t.devices.importFile).setInputFiles({ name: "snapshot.json", mimeType: "application/json", buffer: Buffer.from(JSON.stringify(snapshot)) });
    await expect.poll(() => page.getByLabel(t.devices.importPaste).inputValue()).toContain("bfsauna0000000000004");
    await page.locator("form", { has: page.getByRole("heading", { name: t.devices.importHeading }) }).getByRole("button", { name: t.devices.importSubmit, exact: true }).click();
    await result.getByText(t.devices.importAdded(1)).waitFor();
    await card(page, "Sauna").waitFor();
    await screenshot(page, "devices-import", "desktop");

    expect(await seriousAccessibilityProblems(page)).toEqual([]);
    expect(problems()).toEqual([]);
  });

  it("lets staff see and switch devices, without the manager's controls", async () => {
    const { app, manager } = await start();
    const strip = await tuya({ gangs: 2 });
    await manager.post("/api/devices", { name: "Bar sockets", protocol: "tuya", deviceId: strip.devId, ip: strip.host, localKey: KEY, version: "3.3", gangs: 2 });
    const staff = await addMemberWithLogin(manager, "staff", "sam", "Sam Staff");
    const { page, problems } = await suite.open();
    await openDevices(page, app.url, "sam", staff.password);
    await card(page, "Bar sockets").getByText(t.devices.online, { exact: true }).waitFor();

    const second = card(page, "Bar sockets").getByRole("button", { name: t.devices.gangLabel("Bar sockets", 2) });
    await second.click();
    await expect.poll(() => second.getAttribute("aria-pressed")).toBe("true");
    expect([strip.dps["1"], strip.dps["2"]]).toEqual([false, true]);
    // "All outlets" is on once every outlet is, and switches them all.
    await expect(allOutlets(page, "Bar sockets").getAttribute("aria-pressed")).resolves.toBe("false");
    await allOutlets(page, "Bar sockets").click();
    await expect.poll(() => allOutlets(page, "Bar sockets").getAttribute("aria-pressed")).toBe("true");
    expect([strip.dps["1"], strip.dps["2"]]).toEqual([true, true]);

    for (const name of [t.devices.add, t.devices.discover, t.devices.import, t.devices.editDevice("Bar sockets"), t.devices.deleteDevice("Bar sockets")]) {
      await expect(page.getByRole("button", { name, exact: true }).count()).resolves.toBe(0);
    }
    await page.getByText(t.devices.staffLead).waitFor();
    expect(await seriousAccessibilityProblems(page)).toEqual([]);
    expect(problems()).toEqual([]);
  });

  it("looks right on a phone, a tablet and a desktop", async () => {
    const { app, manager, clock } = await start();
    const rooms = await Promise.all(["Room 12", "Garden Suite"].map(async (name) => (await manager.post("/api/rooms", { name })).body.room));
    const lamp = await tuya({ kind: "light" });
    const strip = await tuya({ gangs: 3, version: "3.4" });
    const heater = await tuya({ kind: "heater" });
    const plug = await ewelink();
    const add = (body: Record<string, unknown>) => manager.post("/api/devices", body);
    await add({ name: "Bedside lamp", protocol: "tuya", kind: "light", roomId: rooms[0].id, deviceId: lamp.devId, ip: lamp.host, localKey: KEY, version: "3.3" });
    await add({ name: "Desk sockets", protocol: "tuya", roomId: rooms[0].id, gangs: 3, deviceId: strip.devId, ip: strip.host, localKey: KEY, version: "3.4" });
    await add({ name: "Towel heater", protocol: "tuya", kind: "heater", roomId: rooms[1].id, deviceId: heater.devId, ip: heater.host, localKey: KEY, version: "3.3" });
    await add({ name: "Lobby plug", protocol: "ewelink", deviceId: plug.deviceId, ip: plug.ip });
    await expect.poll(async () => (await manager.get("/api/devices")).body.devices.every((d: { online: boolean }) => d.online), { timeout: 20_000 }).toBe(true);
    const lampId = (await manager.get("/api/devices")).body.devices.find((d: { name: string }) => d.name === "Bedside lamp").id;
    await manager.post(`/api/devices/${lampId}/state`, { on: true, brightness: 60 });
    await heater.stop();
    await clock.advanceUntil(async () => (await manager.get("/api/devices")).body.devices.some((d: { online: boolean }) => !d.online), { stepMs: 1000, maxMs: 46_000, what: "heater offline" });

    for (const viewport of Object.keys(VIEWPORTS) as ViewportName[]) {
      const { page, problems } = await suite.open(viewport);
      await openDevices(page, app.url);
      await card(page, "Towel heater").getByText(t.devices.offline, { exact: true }).waitFor();
      await card(page, "Bedside lamp").getByText(t.devices.brightnessValue(60)).waitFor();
      // Nothing wider than the window.
      await expect(page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).resolves.toBe(true);
      await screenshot(page, "devices", viewport, { fullPage: true });
      expect(await seriousAccessibilityProblems(page)).toEqual([]);
      // The add form, its fields explained.
      await page.locator(".device-toolbar").getByRole("button", { name: t.devices.add }).click();
      await addForm(page).getByText(t.devices.localKeyHint).waitFor();
      await expect(page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).resolves.toBe(true);
      await screenshot(page, "devices-add", viewport);
      expect(await seriousAccessibilityProblems(page)).toEqual([]);
      expect(problems()).toEqual([]);
    }
  }, 120_000);
});
