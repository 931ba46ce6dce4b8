// The scenarios page in headless Chromium against the real appliance and a simulated Tuya
// light on loopback (127.0.6.x in this file): the manager starts a scenario from a template,
// reads it as a sentence, sees its next runs, saves it, runs it now and reads the run in the
// log; the editor says what is missing before saving; staff see, run and read, and no more.
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { en as t } from "../../admin-ui/src/messages/en/index.js";
import { startTuyaDevice } from "../../simulators/src/index.js";
import { addMemberWithLogin, setUpManager, startTestApp } from "../helpers/app.js";
import { VIEWPORTS, browserSuite, buildUi, screenshot, seriousAccessibilityProblems, signIn, type ViewportName } from "./browser-kit.js";

const suite = browserSuite({ name: "scenarios", tests: "scenarios page", build: () => buildUi("admin-ui"), timeout: 120_000 });
const KEY = "0123456789abcdef";
let nextHost = 10;

async function start() {
  const app = suite.stopAfterTest(await startTestApp({ uiRoot: suite.uiRoot() }));
  const manager = await setUpManager(app);
  await manager.patch("/api/property", { timezone: "Europe/Lisbon", latitude: 38.7223, longitude: -9.1393 });
  return { app, manager };
}

async function light(manager: Awaited<ReturnType<typeof setUpManager>>, name: string) {
  const host = `127.0.6.${nextHost++}`;
  const sim = suite.stopAfterTest(await startTuyaDevice({ host, devId: `bfsc${host.replaceAll(".", "")}abcdef`, localKey: KEY, version: "3.3", kind: "light", broadcastIntervalMs: 0 }));
  const res = await manager.post("/api/devices", { name, protocol: "tuya", kind: "light", deviceId: sim.devId, ip: sim.host, localKey: KEY, version: "3.3" });
  expect(res.status).toBe(201);
  return { sim, device: res.body.device as { id: string } };
}

const card = (page: Page, name: string) => page.locator(".scenario-card", { has: page.getByRole("heading", { name, exact: true }) });

async function openScenarios(page: Page, url: string, username?: string, password?: string) {
  await signIn(page, url, username, password);
  await page.goto(`${url}/admin/scenarios`);
  await page.getByRole("heading", { name: t.scenarios.title, level: 1 }).waitFor();
}

describe.skipIf(suite.skip)("scenarios page", () => {
  it("creates a scenario from a template, shows its sentence and next runs, saves it, runs it now and shows the run in the log", async () => {
    const { app, manager } = await start();
    const { sim } = await light(manager, "Garden lights");
    sim.dps["20"] = true;
    const { page, problems } = await suite.open();
    await openScenarios(page, app.url);
    await page.getByText(t.scenarios.empty).waitFor();

    await page.getByRole("link", { name: t.scenarios.add }).click();
    await page.getByRole("heading", { name: t.scenarios.newHeading, level: 1 }).waitFor();
    await page.getByRole("button", { name: new RegExp(t.scenarios.template.allOff) }).click();

    // The template fills the form; the sentence reads it.
    await expect(page.getByLabel(t.scenarios.name).inputValue()).resolves.toBe(t.scenarios.template.allOffName);
    await page.locator(".scenario-live-sentence", { hasText: "At 01:00: switch off every light" }).waitFor();

    // The preview: a run at 01:00 on each of the next 7 days, its conditions holding.
    const preview = page.getByRole("region", { name: t.scenarios.preview });
    await expect.poll(() => preview.locator(".preview-run").count(), { timeout: 10_000 }).toBe(7);
    await expect(preview.locator(".preview-time").allInnerTexts()).resolves.toEqual(Array(7).fill("01:00"));
    await preview.getByText(t.scenarios.met.yes).first().waitFor();

    // Another day: the preview follows the date picked.
    await preview.getByLabel(t.scenarios.previewFrom).fill("2030-01-07");
    await preview.getByRole("heading", { name: /7 January 2030/ }).waitFor();

    // A weekday choice changes the sentence.
    await page.getByRole("checkbox", { name: "Saturday" }).check();
    await page.getByRole("checkbox", { name: "Sunday" }).check();
    await page.locator(".scenario-live-sentence", { hasText: "At 01:00 on Saturday and Sunday: switch off every light" }).waitFor();
    await expect.poll(() => preview.locator(".preview-run").count()).toBe(2);
    await page.getByRole("checkbox", { name: "Saturday" }).uncheck();
    await page.getByRole("checkbox", { name: "Sunday" }).uncheck();

    expect(await seriousAccessibilityProblems(page)).toEqual([]);
    await page.getByRole("button", { name: t.scenarios.saveNew }).click();

    // The list: the card with its sentence and next run.
    await page.getByRole("status").filter({ hasText: t.scenarios.created(t.scenarios.template.allOffName) }).waitFor();
    const saved = card(page, t.scenarios.template.allOffName);
    await saved.getByText("At 01:00: switch off every light").waitFor();
    await saved.getByText(t.scenarios.neverRun).waitFor();
    await expect(saved.locator(".scenario-facts").innerText()).resolves.toMatch(/01:00/);
    const stored = (await manager.get("/api/scenarios")).body.scenarios;
    expect(stored).toHaveLength(1);
    expect(stored[0]).toMatchObject({ enabled: true, triggers: [{ type: "time", at: "01:00" }], actions: [{ type: "device", kind: "light", set: { on: false } }] });

    // Run now: the light goes off, the card says how it went, the log tells the run.
    await saved.getByRole("button", { name: t.scenarios.runNowLabel(t.scenarios.template.allOffName) }).click();
    await page.getByRole("status").filter({ hasText: t.scenarios.started(t.scenarios.template.allOffName) }).waitFor();
    await expect.poll(() => sim.dps["20"], { timeout: 15_000 }).toBe(false);
    await saved.locator(".outcome-badge", { hasText: t.scenarios.outcome.acted! }).waitFor({ timeout: 15_000 });
    await screenshot(page, "scenarios-list", "desktop");

    await page.getByRole("link", { name: t.scenarios.tabLog }).click();
    const run = page.locator(".run-item").first();
    await run.getByText(t.scenarios.manual).waitFor();
    await run.locator(".outcome-badge", { hasText: t.scenarios.outcome.acted! }).waitFor();
    await run.getByText(/Switch off every light on Garden lights/).waitFor();
    await run.getByText(t.scenarios.actionResult.confirmed!).waitFor();
    expect(await seriousAccessibilityProblems(page)).toEqual([]);

    // A second run arrives in the open log without a reload.
    await manager.post(`/api/scenarios/${stored[0].id}/run`, {});
    await expect.poll(() => page.locator(".run-item").count(), { timeout: 15_000 }).toBe(2);
    await screenshot(page, "scenarios-log", "desktop");
    expect(problems()).toEqual([]);
  });

  it("says what is missing before saving: a device to choose, an action, an offset beyond 12 hours", async () => {
    const { app, manager } = await start();
    await light(manager, "Garden lights");
    await manager.post("/api/rooms", { name: "Room 12" });
    const { page, problems } = await suite.open();
    await signIn(page, app.url);
    await page.goto(`${app.url}/admin/scenarios/new`);
    await page.getByRole("button", { name: new RegExp(t.scenarios.template.outdoor) }).click();
    await page.locator(".scenario-live-sentence", { hasText: "10 minutes before sunset, if any room is occupied: switch on …" }).waitFor();

    // No device chosen yet.
    await page.getByRole("button", { name: t.scenarios.saveNew }).click();
    await page.getByText(t.scenarios.check.summary(1)).waitFor();
    await page.locator(".field-invalid", { hasText: t.scenarios.check.device }).waitFor();
    await page.setViewportSize(VIEWPORTS.phone);
    await page.locator(".field-invalid", { hasText: t.scenarios.check.device }).evaluate((field) => field.scrollIntoView({ block: "center" }));
    await screenshot(page, "scenarios-editor-missing", "phone");
    await page.setViewportSize(VIEWPORTS.desktop);

    // No action at all.
    await page.getByRole("button", { name: t.scenarios.removeLabel(t.scenarios.actionN(1)) }).click();
    await page.getByText(t.scenarios.check.noAction).waitFor();
    await page.locator(".scenario-live-sentence", { hasText: t.sentence.noAction }).waitFor();

    // An offset beyond 12 hours.
    await page.getByLabel(t.scenarios.offset).fill("-800");
    await page.locator(".field-invalid", { hasText: t.scenarios.check.offset(-720, 720) }).waitFor();
    await expect(page.getByLabel(t.scenarios.offset).getAttribute("aria-invalid")).resolves.toBe("true");
    expect((await manager.get("/api/scenarios")).body.scenarios).toHaveLength(0);

    // Leaving with unsaved changes asks first.
    await page.getByRole("link", { name: t.scenarios.back }).click();
    const leaving = page.getByRole("dialog", { name: t.scenarios.leaveTitle });
    await leaving.getByRole("button", { name: t.scenarios.stay }).click();
    await leaving.waitFor({ state: "hidden" });
    expect(new URL(page.url()).pathname).toBe("/admin/scenarios/new");

    // Fixed: the light chosen, the offset back in range, it saves.
    await page.getByLabel(t.scenarios.offset).fill("-10");
    await page.getByRole("button", { name: t.scenarios.addAction }).click();
    await page.getByLabel(t.scenarios.device, { exact: true }).selectOption({ label: "Garden lights" });
    await page.locator(".scenario-live-sentence", { hasText: "10 minutes before sunset, if any room is occupied: switch on Garden lights" }).waitFor();
    // A group of conditions reads with its brackets.
    await page.getByRole("button", { name: t.scenarios.addGroup }).click();
    await page.locator(".scenario-live-sentence", { hasText: "if any room is occupied and any room is occupied" }).waitFor();
    const group = page.locator(".scenario-group").first();
    await group.getByRole("button", { name: t.scenarios.addCondition }).click();
    await group.getByLabel(t.scenarios.kindLabel, { exact: true }).nth(2).selectOption({ label: t.scenarios.conditionType.time! });
    await page.locator(".scenario-live-sentence", { hasText: "(any room is occupied or it is between 22:00 and 06:00 the next morning)" }).waitFor();
    expect(await seriousAccessibilityProblems(page)).toEqual([]);
    await page.getByRole("button", { name: t.scenarios.saveNew }).click();
    await card(page, t.scenarios.template.outdoorName).waitFor();
    expect(problems()).toEqual([]);
  });

  it("switches a scenario off from its card, duplicates it, and shows why one that another scenario runs cannot be deleted", async () => {
    const { app, manager } = await start();
    const night = await manager.post("/api/scenarios", { name: "Night mode", triggers: [{ type: "time", at: "23:00" }], conditions: [], actions: [{ type: "notify", text: "Lock the gate" }] });
    await manager.post("/api/scenarios", { name: "Late arrival", triggers: [{ type: "manual" }], conditions: [], actions: [{ type: "scenario", scenarioId: night.body.scenario.id }] });
    const { page, problems } = await suite.open();
    await openScenarios(page, app.url);
    await card(page, "Late arrival").getByText("When run by hand: run “Night mode”").waitFor();

    // Off from the card.
    const nightSwitch = card(page, "Night mode").getByRole("button", { name: /Night mode: On/ });
    await nightSwitch.click();
    await expect.poll(async () => (await manager.get("/api/scenarios")).body.scenarios.find((s: { name: string }) => s.name === "Night mode").enabled).toBe(false);
    await card(page, "Night mode").getByRole("button", { name: /Night mode: Off/ }).waitFor();

    // Duplicated: a copy, switched off.
    await card(page, "Night mode").getByRole("button", { name: t.scenarios.duplicateLabel("Night mode") }).click();
    await page.getByRole("status").filter({ hasText: t.scenarios.duplicated(t.scenarios.copyName("Night mode")) }).waitFor();
    await card(page, t.scenarios.copyName("Night mode")).waitFor();

    // Run by another: the appliance's sentence in the dialog, nothing deleted.
    await card(page, "Night mode").getByRole("button", { name: t.scenarios.deleteLabel("Night mode") }).click();
    const dialog = page.getByRole("dialog", { name: t.scenarios.confirmTitle("Night mode") });
    await dialog.getByRole("button", { name: t.scenarios.confirmDelete }).click();
    await dialog.getByRole("alert").filter({ hasText: "Late arrival" }).waitFor();
    await screenshot(page, "scenarios-delete-refused", "desktop");
    await dialog.getByRole("button", { name: t.scenarios.cancel }).click();
    expect((await manager.get("/api/scenarios")).body.scenarios).toHaveLength(3);

    // The one that runs it can go.
    await card(page, "Late arrival").getByRole("button", { name: t.scenarios.deleteLabel("Late arrival") }).click();
    await page.getByRole("dialog").getByRole("button", { name: t.scenarios.confirmDelete }).click();
    await page.getByRole("status").filter({ hasText: t.scenarios.deleted("Late arrival") }).waitFor();
    expect((await manager.get("/api/scenarios")).body.scenarios).toHaveLength(2);
    expect(problems()).toEqual([]);
  });

  it("lets staff see the list, run a scenario and read the log, but not change one", async () => {
    const { app, manager } = await start();
    const created = await manager.post("/api/scenarios", { name: "Welcome message", triggers: [{ type: "manual" }], conditions: [], actions: [{ type: "notify", text: "Check the lobby" }] });
    expect(created.status).toBe(201);
    const staff = await addMemberWithLogin(manager, "staff", "sam", "Sam Staff");
    const { page, problems } = await suite.open();
    await openScenarios(page, app.url, "sam", staff.password);
    const item = card(page, "Welcome message");
    await item.getByText("When run by hand: tell the staff “Check the lobby”").waitFor();
    expect(await page.getByRole("link", { name: t.scenarios.add }).count()).toBe(0);
    expect(await item.getByRole("button", { name: t.scenarios.deleteLabel("Welcome message") }).count()).toBe(0);
    expect(await item.getByRole("link", { name: t.scenarios.editLabel("Welcome message") }).count()).toBe(0);
    await item.getByRole("button", { name: t.scenarios.runNowLabel("Welcome message") }).click();
    await page.getByRole("status").filter({ hasText: t.scenarios.started("Welcome message") }).waitFor();
    await page.getByRole("link", { name: t.scenarios.tabLog }).click();
    await page.locator(".run-item").first().getByText(t.scenarios.manual).waitFor({ timeout: 15_000 });
    await page.goto(`${app.url}/admin/scenarios/new`);
    await page.getByRole("heading", { name: t.forbidden.title }).waitFor();
    expect(problems()).toEqual([]);
  });

  it("takes screenshots of the list, the editor with its preview and the log at phone, tablet and desktop sizes", async () => {
    const { app, manager } = await start();
    const { device } = await light(manager, "Garden lights");
    const room = (await manager.post("/api/rooms", { name: "Room 12" })).body.room;
    const sunset = await manager.post("/api/scenarios", {
      name: "Outdoor lights at sunset",
      triggers: [{ type: "sun", event: "sunset", offsetMinutes: -10 }],
      conditions: [{ type: "stay", scope: "any", state: "occupied" }],
      actions: [{ type: "device", deviceId: device.id, set: { on: true } }],
    });
    expect(sunset.status).toBe(201);
    await manager.post("/api/scenarios", {
      name: "Hot water before arrival",
      mode: "parallel",
      triggers: [{ type: "booking", event: "checkIn", roomId: room.id, offsetMinutes: -180 }],
      conditions: [{ type: "weather", field: "cloudCover", above: 60 }],
      actions: [{ type: "device", roomId: "trigger", kind: "heater", set: { on: true } }],
    });
    await manager.post(`/api/scenarios/${sunset.body.scenario.id}/run`, {});
    for (const size of Object.keys(VIEWPORTS) as ViewportName[]) {
      const { page, problems } = await suite.open(size);
      await openScenarios(page, app.url);
      await card(page, "Outdoor lights at sunset").locator(".outcome-badge").waitFor({ timeout: 15_000 });
      await screenshot(page, "scenarios-list", size, { fullPage: true });
      expect([size, await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)]).toEqual([size, true]);

      await page.goto(`${app.url}/admin/scenarios/${sunset.body.scenario.id}`);
      await page.locator(".preview-run").first().waitFor({ timeout: 10_000 });
      await screenshot(page, "scenarios-editor", size, { fullPage: true });
      await page.getByRole("heading", { name: t.scenarios.triggers, level: 2 }).scrollIntoViewIfNeeded();
      await page.getByRole("heading", { name: t.scenarios.triggers, level: 2 }).evaluate((heading) => heading.scrollIntoView({ block: "start" }));
      await screenshot(page, "scenarios-editor-rows", size);
      expect([size, await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)]).toEqual([size, true]);

      await page.goto(`${app.url}/admin/scenarios/new`);
      await page.getByRole("button", { name: new RegExp(t.scenarios.template.hotWater) }).waitFor();
      await screenshot(page, "scenarios-templates", size);

      await page.goto(`${app.url}/admin/scenarios/log`);
      await page.locator(".run-item").first().waitFor({ timeout: 15_000 });
      await screenshot(page, "scenarios-log", size);
      expect(problems()).toEqual([]);
    }
  }, 90_000);
});
