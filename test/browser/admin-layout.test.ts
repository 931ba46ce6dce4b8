// How the admin page lays out at phone, tablet and desktop sizes, measured in headless
// Chromium as a person would see it: the Messenger header at 820 px, one navigation on
// every page, Settings tabs on one line, a notice's text area showing all of it on a phone,
// room tags as written, times in the property's timezone. Screenshots of every page at
// each size land in test-artifacts/screenshots/ for a person to look at.
import type { Locator, Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { en as t } from "../../admin-ui/src/messages/en/index.js";
import { ApiClient, addMemberWithLogin, setUpManager } from "../helpers/app.js";
import { VIEWPORTS, browserSuite, buildUi, navigation, screenshot, signIn, type ViewportName } from "./browser-kit.js";

const suite = browserSuite({ name: "admin layout", tests: "admin layout", build: () => buildUi("admin-ui"), timeout: 120_000 });
const { open, startApp } = suite;

const LONG_NAME = "Maximilian Alexander von Hohenberg-Lichtenstein";
const LONG_NOTICE =
  "Thank you for your message. Our front desk is open every day from 8 in the morning until 10 in the evening. " +
  "Outside those hours we answer as soon as we are back; for emergencies call the number on your room's door.";

/** A guest on the Online Reception who wrote one message; the conversation's id. */
async function guestWrites(url: string, body: Record<string, unknown>, text: string): Promise<string> {
  const guest = new ApiClient(url);
  const session = await guest.post("/api/guest/sessions", { slug: "hotel-miramar", ...body });
  expect(session.status).toBe(201);
  const sent = await guest.requestWithHeaders("POST", "/api/guest/messages", { text }, {}, { authorization: `Bearer ${session.body.token}` });
  expect(sent.status).toBe(201);
  return session.body.conversationId as string;
}

/** The box of the first element matching `selector`, in CSS pixels. */
async function box(page: Page, selector: string) {
  const found = await page.locator(selector).first().boundingBox();
  if (!found) throw new Error(`${selector} is not on screen`);
  return found;
}

/** One line of text: no taller than the element's line height (plus rounding). */
async function isOneLine(page: Page, selector: string): Promise<boolean> {
  return page.locator(selector).first().evaluate((element) => {
    const style = getComputedStyle(element);
    const line = style.lineHeight === "normal" ? Number.parseFloat(style.fontSize) * 1.3 : Number.parseFloat(style.lineHeight);
    return element.getBoundingClientRect().height < line * 1.5;
  });
}

describe.skipIf(suite.skip)("admin layout", () => {
  it("keeps the guest's name, tag, channel and language whole in the Messenger header at 820 px", async () => {
    const app = await startApp();
    const manager = await setUpManager(app);
    await manager.patch("/api/property", { timezone: "Asia/Tokyo" });
    const id = await guestWrites(app.url, { name: LONG_NAME, tag: "Room 12", language: "de" }, "Could we get two extra towels, please?");
    const { page, problems } = await open("tablet", { timezoneId: "America/New_York" });
    await signIn(page, app.url);
    await page.goto(`${app.url}/admin/messenger/${id}`);
    const header = page.locator(".conversation-header");
    await header.getByRole("heading", { level: 2 }).waitFor();

    // The name on one line (cut short, the whole name kept for hover and screen readers)…
    expect(await isOneLine(page, ".conversation-guest")).toBe(true);
    await expect(header.getByRole("heading", { level: 2 }).innerText()).resolves.toContain("Maximilian");
    await expect(page.locator(".conversation-guest").getAttribute("title")).resolves.toBe(LONG_NAME);
    // …with the room tag beside it, as written, on the same line and inside the header…
    const name = await box(page, ".conversation-guest");
    const tag = await box(page, ".conversation-header .room-tag");
    const frame = await box(page, ".conversation-header");
    expect(Math.abs(tag.y + tag.height / 2 - (name.y + name.height / 2))).toBeLessThan(4);
    expect(tag.x).toBeGreaterThan(name.x + name.width - 1);
    expect(tag.x + tag.width).toBeLessThanOrEqual(frame.x + frame.width);
    // …and the channel and language on one line below it.
    expect(await isOneLine(page, ".conversation-header .conversation-facts")).toBe(true);
    await expect(page.locator(".conversation-header .conversation-facts").innerText()).resolves.toMatch(new RegExp(`${t.messenger.channels.web}\\s*· German`));

    // The tag reads the same in the list and the header: as the guest's link gave it.
    await expect(page.locator(".conversation-item .room-tag").innerText()).resolves.toBe("Room 12");
    await expect(page.locator(".conversation-header .room-tag").innerText()).resolves.toBe("Room 12");

    // Times in the property's timezone (Tokyo), not the device's (New York), 24-hour clock.
    const sentAt = (await manager.get(`/api/conversations/${id}`)).body.messages[0].createdAt as string;
    const tokyo = new Intl.DateTimeFormat("en-GB", { timeZone: "Asia/Tokyo", hour: "2-digit", minute: "2-digit", hourCycle: "h23" }).format(new Date(sentAt));
    await expect(page.locator('li[data-from="guest"] .msg-meta time').innerText()).resolves.toBe(tokyo);
    await screenshot(page, "messenger-long-name", "tablet");
    expect(problems()).toEqual([]);
  });

  it("shows the same navigation on every page at each size", async () => {
    const app = await startApp();
    await setUpManager(app);
    const paths = ["/", "/messenger", "/team", "/property", "/settings/hours", "/devices"];
    for (const size of ["tablet", "desktop"] as const) {
      const { page, problems } = await open(size);
      await signIn(page, app.url);
      const widths = new Set<number>();
      for (const path of paths) {
        await page.goto(`${app.url}/admin${path}`);
        await navigation(page).getByRole("link", { name: t.nav.team }).waitFor();
        widths.add(Math.round((await navigation(page).boundingBox())!.width));
        // Every section's name shows, not only its icon.
        const label = navigation(page).locator(".nav-label", { hasText: t.nav.settings });
        expect((await label.boundingBox())!.width).toBeGreaterThan(20);
        expect(await isOneLine(page, `.nav-link[href$="/admin/messenger"] .nav-label`)).toBe(true);
      }
      expect([size, widths.size]).toEqual([size, 1]);
      expect(problems()).toEqual([]);
    }
  });

  it("keeps the Settings tabs on one line at 820 px", async () => {
    const app = await startApp();
    await setUpManager(app);
    const { page, problems } = await open("tablet");
    await signIn(page, app.url);
    await page.goto(`${app.url}/admin/settings/alerts`);
    const tabs = page.getByRole("navigation", { name: t.settings.pagesLabel }).getByRole("link");
    await tabs.first().waitFor();
    const boxes = await Promise.all((await tabs.all()).map((tab) => tab.boundingBox()));
    expect(boxes).toHaveLength(3);
    for (const tab of boxes) expect(Math.round(tab!.y)).toBe(Math.round(boxes[0]!.y));
    for (const tab of await tabs.all()) expect(await tab.evaluate((element) => element.getBoundingClientRect().height < 50)).toBe(true);
    expect(problems()).toEqual([]);
  });

  it("shows a long off-hours notice whole on a phone, and grows as it is written", async () => {
    const app = await startApp();
    const manager = await setUpManager(app);
    expect((await manager.request("PUT", "/api/chat/settings", { unansweredMinutes: 10, offHoursNotice: { en: LONG_NOTICE } })).status).toBe(200);
    const { page, problems } = await open("phone");
    await signIn(page, app.url);
    await page.goto(`${app.url}/admin/settings/alerts`);
    const notice = page.getByLabel(t.alerts.languageLabel("English", "en"));
    await expect(notice.inputValue()).resolves.toBe(LONG_NOTICE);
    const whole = () => notice.evaluate((area: HTMLTextAreaElement) => area.scrollHeight <= area.clientHeight + 1);
    expect(await whole()).toBe(true);
    const before = (await notice.boundingBox())!.height;
    await notice.press("End");
    await notice.pressSequentially(" We look forward to welcoming you.");
    expect(await whole()).toBe(true);
    expect((await notice.boundingBox())!.height).toBeGreaterThan(before);
    await screenshot(page, "settings-alerts-notice", "phone");
    expect(problems()).toEqual([]);
  });

  it("takes screenshots of every signed-in page at phone, tablet and desktop sizes", async () => {
    const app = await startApp();
    const manager = await setUpManager(app);
    await manager.patch("/api/property", { name: "Casa Azul Guesthouse", timezone: "Europe/Lisbon", latitude: 38.7223, longitude: -9.1393 });
    const { password } = await addMemberWithLogin(manager, "staff", "tomas", "Tomás Reyes");
    await manager.post("/api/team", { name: "Ana Lima", role: "staff" });
    await manager.request("PUT", "/api/chat/settings", { unansweredMinutes: 10, offHoursNotice: { en: LONG_NOTICE, de: "Danke für Ihre Nachricht. Die Rezeption ist von 8 bis 22 Uhr besetzt." } });
    const id = await guestWrites(app.url, { name: LONG_NAME, tag: "Room 12", language: "de" }, "Guten Morgen! Could we get two extra towels and a late check-out tomorrow, please?");
    await manager.post(`/api/conversations/${id}/messages`, { text: "Of course! Towels are on their way. Late check-out until 13:00 is fine." });
    await guestWrites(app.url, { name: "Sofia", tag: "Villa 3", language: "pt" }, "Olá, what time is breakfast?");

    const pages: Array<[string, string, (page: Page) => Locator]> = [
      ["home", "/", (page) => page.getByText(t.home.checklistTitle)],
      ["messenger-list", "/messenger", (page) => page.locator(".conversation-item", { hasText: "Sofia" })],
      ["messenger", `/messenger/${id}`, (page) => page.locator('li[data-from="staff"]', { hasText: "Towels are on their way" })],
      ["rooms-empty", "/rooms", (page) => page.getByText(t.rooms.noRooms)],
      ["devices-empty", "/devices", (page) => page.getByText(t.devices.emptyManager)],
      ["team", "/team", (page) => page.getByRole("row").filter({ hasText: "Ana Lima" })],
      ["property", "/property", (page) => page.getByText(t.property.locationHeading)],
      ["settings-telegram", "/settings/telegram", (page) => page.getByText(t.telegram.setupHeading)],
      ["settings-hours", "/settings/hours", (page) => page.getByText(t.hours.copyMonday)],
      ["settings-alerts", "/settings/alerts", (page) => page.getByText(t.alerts.addLanguage)],
      ["coming-soon", "/widget", (page) => page.getByText(t.sections.notYet)],
      ["kiosk", "/kiosk", (page) => page.getByText(t.kiosk.callsEmpty)],
    ];
    for (const size of Object.keys(VIEWPORTS) as ViewportName[]) {
      const { page, problems } = await open(size);
      await signIn(page, app.url);
      for (const [name, path, ready] of pages) {
        await page.goto(`${app.url}/admin${path}`);
        await ready(page).first().waitFor();
        await screenshot(page, `layout-${name}`, size);
        // Nothing wider than the window.
        expect([name, size, await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)]).toEqual([name, size, true]);
      }
      expect(problems()).toEqual([]);
    }
    for (const size of Object.keys(VIEWPORTS) as ViewportName[]) {
      const { page, problems } = await open(size);
      await signIn(page, app.url, "tomas", password);
      await page.getByRole("heading", { name: t.home.myTelegramTitle }).waitFor();
      await screenshot(page, "layout-home-staff", size);
      expect(problems()).toEqual([]);
    }
  }, 120_000);
});
