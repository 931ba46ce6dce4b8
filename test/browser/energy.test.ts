// The Energy view in headless Chromium against the real appliance, with Tuya devices
// simulated on loopback (127.0.7.100 and up in this file): a week of lamps and a heater
// switched on and off, guests in some rooms some nights; the manager reads the week's
// sentence and each room's table, steps to the week before and back; staff see it too.
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { en as t } from "../../admin-ui/src/messages/en/index.js";
import { startTuyaDevice } from "../../simulators/src/index.js";
import { addMemberWithLogin, setUpManager, startTestApp, type ApiClient } from "../helpers/app.js";
import { createTestClock, type TestClock } from "../helpers/test-clock.js";
import { VIEWPORTS, browserSuite, buildUi, navigation, screenshot, seriousAccessibilityProblems, signIn, type ViewportName } from "./browser-kit.js";

const suite = browserSuite({ name: "energy", tests: "Energy view", build: () => buildUi("admin-ui"), timeout: 120_000 });
const KEY = "0123456789abcdef";
let nextHost = 100;
/** A wall-clock time in Lisbon in June (UTC+1). */
const lisbon = (local: string) => Date.parse(`${local}:00+01:00`);
const realPause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function tuya(options: { kind?: "switch" | "light" | "heater"; gangs?: number } = {}) {
  const host = `127.0.7.${nextHost++}`;
  return suite.stopAfterTest(await startTuyaDevice({ host, devId: `bfen${host.replaceAll(".", "")}abcdef`, localKey: KEY, version: "3.3", broadcastIntervalMs: 0, ...options }));
}

/** A week at the property, Monday 1 to Sunday 7 June 2026; the clock ends at noon on the Sunday. */
async function week() {
  const clock = createTestClock(lisbon("2026-06-01T07:00"));
  const app = suite.stopAfterTest(await startTestApp({ uiRoot: suite.uiRoot(), clock }));
  const manager = await setUpManager(app);
  await manager.patch("/api/property", { timezone: "Europe/Lisbon", checkInTime: "15:00", checkOutTime: "11:00" });
  const garden = (await manager.post("/api/rooms", { name: "Garden Suite" })).body.room;
  const sea = (await manager.post("/api/rooms", { name: "Sea View" })).body.room;
  await manager.post("/api/bookings", { roomId: garden.id, guestName: "Anna Rossi", checkIn: "2026-06-02", checkOut: "2026-06-05" });
  await manager.post("/api/bookings", { roomId: sea.id, guestName: "Ben Vogel", checkIn: "2026-06-03", checkOut: "2026-06-06" });

  const lampSim = await tuya({ kind: "light" });
  const heaterSim = await tuya({ kind: "heater" });
  const porchSim = await tuya({ gangs: 2 });
  const add = async (body: Record<string, unknown>, sim: { devId: string; host: string }) =>
    (await manager.post("/api/devices", { protocol: "tuya", deviceId: sim.devId, ip: sim.host, localKey: KEY, version: "3.3", ...body })).body.device.id as string;
  const lamp = await add({ name: "Bedside lamp", kind: "light", roomId: garden.id }, lampSim);
  const heater = await add({ name: "Towel heater", kind: "heater", roomId: sea.id }, heaterSim);
  const porch = await add({ name: "Porch lights", gangs: 2 }, porchSim);
  await expect.poll(async () => (await manager.get("/api/devices")).body.devices.every((d: { online: boolean }) => d.online), { timeout: 20_000 }).toBe(true);

  const set = async (id: string, body: Record<string, unknown>) => expect((await manager.post(`/api/devices/${id}/state`, body)).status).toBe(200);
  const plan: Array<[string, string, Record<string, unknown>]> = [
    ["2026-06-01T07:00", lamp, { on: true }],
    ["2026-06-01T07:00", heater, { on: true }],
    ["2026-06-01T23:00", lamp, { on: false }],
    ["2026-06-02T09:00", heater, { on: false }],
    ["2026-06-02T19:00", lamp, { on: true }],
    ["2026-06-03T00:30", lamp, { on: false }],
    ["2026-06-03T16:00", heater, { on: true }],
    ["2026-06-04T10:00", heater, { on: false }],
    ["2026-06-04T20:00", porch, { on: true, gang: 0 }],
    ["2026-06-05T01:00", porch, { on: false, gang: 0 }],
    ["2026-06-05T12:00", lamp, { on: true }],
    ["2026-06-05T20:00", lamp, { on: false }],
  ];
  for (const [when, id, body] of plan) {
    await passUntil(clock, lisbon(when));
    await set(id, body);
  }
  await passUntil(clock, lisbon("2026-06-07T12:00"));
  return { app, manager, clock };
}

/** Moves the app's clock on six hours at a time (each step fires one heartbeat: few steps, few chances for a late answer under load), letting the devices answer their heartbeats in between. */
async function passUntil(clock: TestClock, target: number) {
  while (clock.now() < target) {
    await clock.advance(Math.min(6 * 3_600_000, target - clock.now()));
    // Time for the devices to answer the heartbeat this step sent, before the next one asks again.
    await realPause(150);
  }
}

async function openEnergy(page: Page, url: string, username?: string, password?: string) {
  await signIn(page, url, username, password);
  if (page.viewportSize()!.width < 700) await page.goto(`${url}/admin/devices`);
  else await navigation(page).getByRole("link", { name: t.nav.devices }).click();
  await page.getByRole("heading", { name: t.devices.title, level: 1 }).waitFor();
  await page.getByRole("navigation", { name: t.energy.tabsLabel }).getByRole("link", { name: t.energy.energyTab }).click();
  await page.getByRole("heading", { name: t.energy.title, level: 1 }).waitFor();
}

const table = (page: Page, room: string) => page.getByRole("table", { name: new RegExp(`^${room}:`) });
/** A table row's cells as a screen reader reads them (what is hidden from it left out, what is only for it kept). */
const rowText = (page: Page, room: string, name: string) =>
  table(page, room)
    .getByRole("row", { name: new RegExp(name) })
    .locator("th, td")
    .evaluateAll((cells) =>
      cells.map((cell) => {
        const copy = cell.cloneNode(true) as HTMLElement;
        copy.querySelectorAll("[aria-hidden='true']").forEach((hidden) => hidden.remove());
        return Array.from(copy.querySelectorAll("span, th, td"))
          .filter((el) => el.children.length === 0)
          .map((el) => el.textContent!.trim())
          .filter(Boolean)
          .join(" ") || copy.textContent!.trim();
      }),
    );

describe.skipIf(suite.skip)("Energy view", () => {
  it("shows the week's hours on per room and day, the part in empty rooms, and steps between weeks, on a phone, a tablet and a desktop", async () => {
    const { app, manager } = await week();

    for (const viewport of Object.keys(VIEWPORTS) as ViewportName[]) {
      const { page, problems } = await suite.open(viewport);
      await openEnergy(page, app.url);
      // The lamp 29.5 h (24 h of it before its guest came and after she left), the heater
      // 44 h (26 h before its guest), the porch 5 h (in no room: never "empty").
      const sentence = page.locator(".energy-sentence");
      await expect.poll(() => sentence.innerText()).toBe("This week lights, heaters and plugs were on 78.5 h, 50 h of it in empty rooms.");
      expect(await rowText(page, "Garden Suite", t.energy.guestRow)).toEqual([t.energy.guestRow, "Empty", "Guest", "Guest", "Guest", "Empty", "Empty", "Empty", ""]);
      expect(await rowText(page, "Garden Suite", "Bedside lamp")).toEqual(["Bedside lamp", "16 h of which 16 h in an empty room", "5 h", "0.5 h", "0 h", "8 h of which 8 h in an empty room", "0 h", "0 h", "29.5 h of which 24 h in an empty room"]);
      expect(await rowText(page, "Sea View", "Towel heater")).toEqual(["Towel heater", "17 h of which 17 h in an empty room", "9 h of which 9 h in an empty room", "8 h", "10 h", "0 h", "0 h", "0 h", "44 h of which 26 h in an empty room"]);
      expect(await rowText(page, t.devices.noRoom, "Porch lights")).toEqual(["Porch lights", "0 h", "0 h", "0 h", "4 h", "1 h", "0 h", "0 h", "5 h"]);
      await screenshot(page, "energy", viewport, { fullPage: true });
      // Nothing wider than the window: a room's days scroll inside its table.
      await expect(page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).resolves.toBe(true);
      expect(await seriousAccessibilityProblems(page)).toEqual([]);
      expect(problems()).toEqual([]);
    }

    // The week before: nothing was recorded yet; and back.
    const { page } = await suite.open("desktop");
    await openEnergy(page, app.url);
    await page.getByRole("button", { name: t.energy.earlier }).click();
    await page.locator(".energy-range").getByText("25 May 2026 – 31 May 2026").waitFor();
    await expect.poll(() => page.locator(".energy-sentence").innerText()).toMatch(/^From 25 May 2026 – 31 May 2026 .* were not on at all\.$/);
    // Any first day, by the date field: Wednesday to Tuesday.
    await page.getByLabel(t.energy.firstDay).fill("2026-06-03");
    await page.locator(".energy-range").getByText("3 Jun 2026 – 9 Jun 2026").waitFor();
    expect(await rowText(page, "Sea View", "Towel heater")).toEqual(["Towel heater", "8 h", "10 h", "0 h", "0 h", "0 h", "0 h", "0 h", "18 h"]);
    await page.getByRole("button", { name: t.energy.thisWeek }).click();
    await page.locator(".energy-range").getByText("1 Jun 2026 – 7 Jun 2026").waitFor();
    expect(await page.getByRole("button", { name: t.energy.later }).isDisabled()).toBe(true);

    // Staff read it too.
    const { member } = await addMemberWithLogin(manager as ApiClient, "staff", "sam");
    expect(member.role).toBe("staff");
    const staff = await suite.open("phone");
    await openEnergy(staff.page, app.url, "sam", "sam-password-1");
    await table(staff.page, "Garden Suite").waitFor();
  }, 180_000);
});
