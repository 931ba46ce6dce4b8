// The Team Messenger, the settings and the Team page's Telegram links in headless Chromium,
// against the real appliance whose bot talks to the Bot API emulator: a guest on the
// Online Reception, a receptionist on Telegram and the manager in the admin page, live.
// Screenshots at phone, tablet and desktop sizes land in test-artifacts/screenshots/.
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { en as t } from "../../admin-ui/src/messages/en/index.js";
import { en as guestText } from "../../guest-ui/src/i18n/en.js";
import { MANAGER, setUpManager } from "../helpers/app.js";
import { linkStaff, startTelegramWorld, waitUntil, webGuest } from "../helpers/telegram-setup.js";
import { OFFLINE_NOISE, REFUSAL_NOISE, VIEWPORTS, browserSuite, buildUi, navigation, screenshot, signIn, type ViewportName } from "./browser-kit.js";

const suite = browserSuite({
  name: "messenger",
  tests: "messenger",
  // Both pages (admin and guest) built into one temp folder, as the appliance serves them.
  build: async () => buildUi("guest-ui", await buildUi("admin-ui")),
  timeout: 180_000,
  // A lost connection, and refusals the pages show (a wrong bot token, no bot for a link).
  noise: [OFFLINE_NOISE, REFUSAL_NOISE],
});
const { open, startApp, stopAfterTest } = suite;
/** The appliance with its bot on the Bot API emulator, stopped after the test. */
const startWorld = async () => stopAfterTest(await startTelegramWorld({ uiRoot: suite.uiRoot() }));

const conversationList = (page: Page) => page.getByRole("list", { name: t.messenger.listLabel });
const replyBox = (page: Page) => page.getByRole("textbox", { name: t.messenger.replyLabel });
const guestBox = (page: Page) => page.getByRole("textbox", { name: guestText.chat.messageLabel });
/** A bubble in the admin page's thread or on the guest page (both mark who wrote it). */
const bubble = (page: Page, from: "guest" | "staff" | "system", text: string | RegExp) => page.locator(`li[data-from="${from}"]`, { hasText: text });

async function guestSend(page: Page, text: string) {
  await guestBox(page).fill(text);
  await guestBox(page).press("Enter");
  await bubble(page, "guest", text).getByText(new RegExp(`^(${guestText.chat.sent}|${guestText.chat.delivered})$`)).waitFor();
}

describe.skipIf(suite.skip)("team messenger", () => {
  it("relays a guest's question to Telegram, shows Anna's reply live, and lets the manager answer from the Messenger", async () => {
    const world = await startWorld();
    const { url } = world.app;
    const { user: anna } = await linkStaff(world, "Anna", 6001);

    // The guest, on the room's QR code link.
    const guest = await open("phone");
    await guest.page.goto(`${url}/r/hotel-miramar?t=Room12`);
    await guest.page.getByLabel(guestText.chat.nameLabel).fill("Marco");
    await guestSend(guest.page, "Is breakfast served until 11?");

    // Anna answers on Telegram with a reply to the relayed message.
    const relayed = await anna.waitFor(/breakfast/);
    expect(relayed.text).toContain("Room12");
    await anna.reply(relayed, "Yes, until 11:00 in the garden room.");
    const annaSays = bubble(guest.page, "staff", "until 11:00 in the garden room");
    await annaSays.waitFor();
    expect(await annaSays.locator(".msg-author").innerText()).toBe("Anna");

    // The manager opens the Messenger: the conversation is there, answered.
    const admin = await open("desktop");
    await signIn(admin.page, url);
    await navigation(admin.page).getByRole("link", { name: t.nav.messenger }).click();
    const item = conversationList(admin.page).getByRole("link").filter({ hasText: "Marco" });
    await item.waitFor();
    const itemText = await item.innerText();
    expect(itemText).toContain("Room12");
    expect(itemText).toContain(t.messenger.channels.web);
    expect(itemText).toContain("EN");
    expect(itemText).toContain("until 11:00 in the garden room");
    expect(itemText).not.toContain(t.messenger.unanswered);
    await item.click();
    await admin.page.getByRole("heading", { name: /Marco/, level: 2 }).waitFor();
    expect(new URL(admin.page.url()).pathname).toMatch(/^\/admin\/messenger\/.+/);
    await admin.page.locator(".conversation-status", { hasText: t.messenger.answered }).waitFor();
    await bubble(admin.page, "guest", "Is breakfast served until 11?").waitFor();
    await expect(bubble(admin.page, "staff", "garden room").locator(".msg-author").innerText()).resolves.toBe("Anna");

    // Shift+Enter starts a new line; Enter sends.
    await replyBox(admin.page).fill("Enjoy your stay!");
    await replyBox(admin.page).press("Shift+Enter");
    await replyBox(admin.page).pressSequentially("Mara");
    await expect(replyBox(admin.page).inputValue()).resolves.toBe("Enjoy your stay!\nMara");
    await replyBox(admin.page).fill("Enjoy your stay!");
    await replyBox(admin.page).press("Enter");
    await expect(replyBox(admin.page).inputValue()).resolves.toBe("");
    const mine = bubble(admin.page, "staff", "Enjoy your stay!");
    await mine.waitFor();
    await mine.locator(".msg-meta time").waitFor();
    expect(await mine.locator(".msg-author").innerText()).toBe(MANAGER.name);

    // The guest sees it live with the manager's name; Anna learns who answered.
    const managerSays = bubble(guest.page, "staff", "Enjoy your stay!");
    await managerSays.waitFor();
    expect(await managerSays.locator(".msg-author").innerText()).toBe(MANAGER.name);
    const notice = await anna.waitFor(/Answered by/);
    expect(notice.text).toContain(MANAGER.name);
    expect(notice.text).toContain("Enjoy your stay!");

    // Stored once, whatever the socket and the POST answer raced to show.
    const history = (await world.manager.get(`/api/conversations/${new URL(admin.page.url()).pathname.split("/").pop()}`)).body.messages;
    expect(history.filter((m: { text: string }) => m.text === "Enjoy your stay!")).toHaveLength(1);
    await expect(mine.count()).resolves.toBe(1);

    // A second guest writes while the Messenger is open: it arrives live, unanswered,
    // with the waiting mark, the email the guest left, and a badge on the navigation.
    const other = await webGuest(world.app, { name: "Ana Lima", tag: "Room7", language: "de" });
    await fetch(`${url}/api/guest/conversation`, {
      method: "PATCH",
      headers: { authorization: `Bearer ${other.token}`, "content-type": "application/json" },
      body: JSON.stringify({ email: "ana@example.com" }),
    });
    expect((await other.send("Können wir morgen später auschecken?")).status).toBe(201);
    const otherItem = conversationList(admin.page).getByRole("link").filter({ hasText: "Ana Lima" });
    await otherItem.getByText(t.messenger.unanswered).waitFor();
    await otherItem.getByText(t.messenger.waiting(0)).waitFor();
    const items = await conversationList(admin.page).getByRole("link").allInnerTexts();
    expect(items[0]).toContain("Ana Lima");
    expect(items[0]).toContain("DE");
    await navigation(admin.page).locator(".nav-badge", { hasText: "1" }).waitFor();
    await expect(navigation(admin.page).getByRole("link", { name: t.messenger.unansweredCount(1) }).count()).resolves.toBe(1);
    await admin.page.mouse.move(1000, 500);
    await screenshot(admin.page, "messenger", "desktop");

    await otherItem.click();
    await admin.page.getByText(t.messenger.leftEmail).waitFor();
    await expect(admin.page.getByRole("link", { name: "ana@example.com" }).getAttribute("href")).resolves.toBe("mailto:ana@example.com");
    await admin.page.locator(".conversation-status", { hasText: t.messenger.waiting(0) }).waitFor();
    // Opening it marked the guest's message seen.
    await waitUntil(async () => Boolean((await other.messages())[0]?.deliveredAt), 5_000, "delivered mark");
    await screenshot(admin.page, "messenger-unanswered", "desktop");

    // The guest page during the exchange, at every size.
    await screenshot(guest.page, "messenger-guest", "phone");
    const storageState = await guest.context.storageState();
    for (const size of ["tablet", "desktop"] as const) {
      const more = await open(size, { storageState });
      await more.page.goto(`${url}/r/hotel-miramar?t=Room12`);
      await bubble(more.page, "staff", "Enjoy your stay!").waitFor();
      await screenshot(more.page, "messenger-guest", size);
      expect(more.problems()).toEqual([]);
    }

    // The Messenger at the other sizes: the list, then the conversation.
    const marcoPath = new URL((await item.getAttribute("href"))!, url).pathname;
    for (const size of ["tablet", "phone"] as const) {
      const more = await open(size);
      await signIn(more.page, url);
      await more.page.goto(`${url}/admin/messenger`);
      await conversationList(more.page).getByRole("link").filter({ hasText: "Marco" }).waitFor();
      await screenshot(more.page, "messenger-list", size);
      await conversationList(more.page).getByRole("link").filter({ hasText: "Marco" }).click();
      await bubble(more.page, "staff", "Enjoy your stay!").waitFor();
      expect(new URL(more.page.url()).pathname).toBe(marcoPath);
      await screenshot(more.page, "messenger", size);
      if (size === "phone") {
        // Full screen with a back button; the list is one tap away.
        expect(await more.page.locator(".topbar").isVisible()).toBe(false);
        expect(await conversationList(more.page).isVisible()).toBe(false);
        await more.page.getByRole("link", { name: t.messenger.back }).click();
        await conversationList(more.page).waitFor();
        expect(new URL(more.page.url()).pathname).toBe("/admin/messenger");
      }
      expect(more.problems()).toEqual([]);
    }
    await admin.page.goto(`${url}/admin/messenger`);
    await conversationList(admin.page).waitFor();
    await screenshot(admin.page, "messenger-list", "desktop");

    expect(guest.problems()).toEqual([]);
    expect(admin.problems()).toEqual([]);
  }, 90_000);

  it("catches up after the connection drops, and keeps the duty switch", async () => {
    const world = await startWorld();
    const { url } = world.app;
    const guest = await webGuest(world.app, { name: "Jonas", tag: "Room3" });
    await guest.send("Where can I park?");

    const admin = await open("desktop");
    await signIn(admin.page, url);
    await admin.page.goto(`${url}/admin/messenger`);
    await conversationList(admin.page).getByRole("link").filter({ hasText: "Jonas" }).click();
    await bubble(admin.page, "guest", "Where can I park?").waitFor();

    // Off duty and back on: the appliance keeps the member's own switch.
    const duty = admin.page.getByRole("switch", { name: t.messenger.dutyLabel });
    await admin.page.getByText(t.messenger.dutyHint).waitFor();
    await expect(duty.isChecked()).resolves.toBe(true);
    await duty.click();
    await waitUntil(async () => (await world.manager.get("/api/chat/duty")).body.onDuty === false, 5_000, "off duty");
    await duty.click();
    await waitUntil(async () => (await world.manager.get("/api/chat/duty")).body.onDuty === true, 5_000, "on duty");

    await admin.context.setOffline(true);
    await admin.page.getByText(t.messenger.reconnecting).waitFor({ timeout: 15_000 });
    expect((await guest.send("Never mind, I found the garage.")).status).toBe(201);
    await admin.page.waitForTimeout(300);
    await expect(bubble(admin.page, "guest", "found the garage").count()).resolves.toBe(0);

    await admin.context.setOffline(false);
    await bubble(admin.page, "guest", "found the garage").waitFor({ timeout: 20_000 });
    await admin.page.getByText(t.messenger.reconnecting).waitFor({ state: "detached" });
    await conversationList(admin.page).getByText("found the garage").waitFor();
    expect(admin.problems()).toEqual([]);
  });

  it("saves working hours and the alert settings, and shows them again after a reload", async () => {
    const world = await startWorld();
    const { url } = world.app;
    const admin = await open("desktop");
    await signIn(admin.page, url);
    const page = admin.page;

    // Settings opens on the bot: connected from config.json, receiving.
    await navigation(page).getByRole("link", { name: t.nav.settings }).click();
    await page.waitForURL(/\/admin\/settings\/telegram$/);
    await page.getByRole("link", { name: `@${world.tg.botUsername}` }).waitFor();
    await page.getByText(t.telegram.pollingOk).waitFor();

    // A token Telegram refuses is put by the field.
    await page.getByLabel(t.telegram.token).fill("nonsense");
    await page.getByRole("button", { name: t.telegram.connect }).click();
    await page.getByText(t.telegram.tokenShape).waitFor();
    await page.getByLabel(t.telegram.token).fill("987654321:AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA");
    await page.getByRole("button", { name: t.telegram.connect }).click();
    await page.locator(".field-invalid", { has: page.getByLabel(t.telegram.token) }).locator(".field-error").waitFor();
    await page.getByRole("alert").filter({ hasText: "did not accept" }).waitFor();
    expect((await world.manager.get("/api/telegram")).body).toMatchObject({ source: "config", botUsername: world.tg.botUsername });

    // Working hours.
    await page.getByRole("navigation", { name: t.settings.pagesLabel }).getByRole("link", { name: t.settings.tabs.hours }).click();
    await page.locator(".hours-zone").waitFor();
    await page.getByLabel(t.hours.enabled).check();
    await page.getByLabel(t.hours.days.sat!, { exact: true }).getByRole("button", { name: t.hours.addRangeFor(t.hours.days.sat!) }).click();
    await page.getByLabel(t.hours.fromLabel(t.hours.days.sat!, 0)).fill("10:00");
    await page.getByLabel(t.hours.toLabel(t.hours.days.sat!, 0)).fill("14:00");
    await page.getByRole("button", { name: t.hours.addRangeFor(t.hours.days.mon!) }).click();
    // Typed loosely: 8 and 0:00 (midnight at the end of the day) become 08:00 and 24:00.
    await page.getByLabel(t.hours.fromLabel(t.hours.days.mon!, 0)).fill("8");
    await page.getByLabel(t.hours.toLabel(t.hours.days.mon!, 0)).fill("0:00");
    await page.getByRole("button", { name: t.hours.copyMonday }).click();
    await page.getByRole("button", { name: t.hours.addRangeFor(t.hours.days.sun!) }).click();
    await page.getByLabel(t.hours.fromLabel(t.hours.days.sun!, 0)).fill("12:00");
    await page.getByLabel(t.hours.toLabel(t.hours.days.sun!, 0)).fill("11:00");
    await page.getByRole("button", { name: t.hours.addException }).click();
    const exception = page.getByRole("group", { name: t.hours.exceptionLabel(0) });
    await exception.getByLabel(t.hours.date, { exact: true }).fill("2026-12-25");
    await exception.getByLabel(t.hours.note).fill("Christmas Day");

    // Sunday ends before it starts: said by the range, nothing saved.
    await page.getByRole("button", { name: t.settings.save }).click();
    await page.getByRole("group", { name: t.hours.days.sun! }).getByText(t.hours.errorOrder).waitFor();
    await page.getByRole("alert").filter({ hasText: t.errors.fixFields }).waitFor();
    await screenshot(page, "settings-hours-errors", "desktop");
    await page.getByRole("button", { name: t.hours.removeRangeFor(`${t.hours.days.sun} 12:00–11:00`) }).click();
    await page.getByRole("button", { name: t.settings.save }).click();
    await page.getByText(t.hours.saved).waitFor();

    const stored = (await world.manager.get("/api/chat/working-hours")).body;
    expect(stored).toEqual({
      enabled: true,
      weekly: {
        mon: [{ from: "08:00", to: "24:00" }],
        tue: [{ from: "08:00", to: "24:00" }],
        wed: [{ from: "08:00", to: "24:00" }],
        thu: [{ from: "08:00", to: "24:00" }],
        fri: [{ from: "08:00", to: "24:00" }],
        sat: [{ from: "10:00", to: "14:00" }],
        sun: [],
      },
      exceptions: [{ date: "2026-12-25", ranges: [], note: "Christmas Day" }],
    });

    await page.reload();
    await page.getByLabel(t.hours.fromLabel(t.hours.days.fri!, 0)).waitFor();
    await expect(page.getByLabel(t.hours.enabled).isChecked()).resolves.toBe(true);
    await expect(page.getByLabel(t.hours.fromLabel(t.hours.days.fri!, 0)).inputValue()).resolves.toBe("08:00");
    await expect(page.getByLabel(t.hours.toLabel(t.hours.days.fri!, 0)).inputValue()).resolves.toBe("24:00");
    await expect(page.getByLabel(t.hours.fromLabel(t.hours.days.sat!, 0)).inputValue()).resolves.toBe("10:00");
    await expect(page.getByRole("group", { name: t.hours.days.sun! }).getByText(t.hours.closed).count()).resolves.toBe(1);
    await expect(exception.getByLabel(t.hours.date, { exact: true }).inputValue()).resolves.toBe("2026-12-25");
    await expect(exception.getByLabel(t.hours.note).inputValue()).resolves.toBe("Christmas Day");

    // Alerts and the off-hours notice.
    await page.getByRole("navigation", { name: t.settings.pagesLabel }).getByRole("link", { name: t.settings.tabs.alerts }).click();
    await page.getByLabel(t.alerts.minutes).fill("25");
    await page.getByLabel(t.alerts.languageCode).fill("Dutch");
    await page.getByRole("button", { name: t.alerts.addLanguage }).click();
    await page.getByText(t.alerts.codeInvalid).waitFor();
    await page.getByLabel(t.alerts.languageCode).fill("nl");
    await page.getByLabel(t.alerts.languageCode).press("Enter");
    const dutch = page.getByLabel(t.alerts.languageLabel("Dutch", "nl"));
    await dutch.fill("Onze receptie is nu gesloten. We antwoorden zo snel mogelijk.");
    await page.getByRole("button", { name: t.alerts.removeLanguageFor("Italian") }).click();
    await page.getByRole("button", { name: t.settings.save }).click();
    await page.getByText(t.alerts.saved).waitFor();
    const settings = (await world.manager.get("/api/chat/settings")).body;
    expect(settings.unansweredMinutes).toBe(25);
    expect(settings.offHoursNotice.nl).toBe("Onze receptie is nu gesloten. We antwoorden zo snel mogelijk.");
    expect(settings.offHoursNotice.it).toBeUndefined();
    expect(settings.offHoursNotice.en).toMatch(/front desk is closed/);

    await page.reload();
    await page.getByLabel(t.alerts.minutes).waitFor();
    await expect(page.getByLabel(t.alerts.minutes).inputValue()).resolves.toBe("25");
    await expect(page.getByLabel(t.alerts.languageLabel("Dutch", "nl")).inputValue()).resolves.toMatch(/^Onze receptie/);
    await expect(page.getByLabel(t.alerts.languageLabel("Italian", "it")).count()).resolves.toBe(0);
    expect(admin.problems()).toEqual([]);

    // Each settings page at each size, for a person to look at.
    for (const size of Object.keys(VIEWPORTS) as ViewportName[]) {
      const more = await open(size);
      await signIn(more.page, url);
      for (const [tab, ready] of [
        ["telegram", t.telegram.pollingOk],
        ["hours", t.hours.copyMonday],
        ["alerts", t.alerts.addLanguage],
      ] as const) {
        await more.page.goto(`${url}/admin/settings/${tab}`);
        await more.page.getByText(ready).first().waitFor();
        await screenshot(more.page, `settings-${tab}`, size);
        // The whole page too: these forms are taller than any window.
        await screenshot(more.page, `settings-${tab}-full`, size, { fullPage: true });
      }
      expect(more.problems()).toEqual([]);
    }
  }, 90_000);

  it("links a member's Telegram from the Team page with a QR code, and unlinks it", async () => {
    const world = await startWorld();
    const { url } = world.app;
    const created = await world.manager.post("/api/team", { name: "Ben", role: "staff" });
    expect(created.status).toBe(201);
    const admin = await open("desktop");
    await signIn(admin.page, url);
    await navigation(admin.page).getByRole("link", { name: t.nav.team }).click();
    const row = admin.page.getByRole("row").filter({ hasText: "Ben" }).first();
    await row.getByText(t.team.telegramNotLinked).waitFor();

    await admin.page.getByRole("button", { name: t.team.linkTelegramFor("Ben") }).click();
    const qr = admin.page.getByRole("img", { name: t.team.linkQrAlt("Ben") });
    await qr.waitFor();
    expect(await qr.getAttribute("src")).toMatch(/^data:image\/svg\+xml;base64,/);
    await waitUntil(() => qr.evaluate((image: HTMLImageElement) => image.complete && image.naturalWidth > 0), 5_000, "QR image decoded");
    await admin.page.getByText(t.team.linkInstruction).waitFor();
    const linkUrl = await admin.page.getByLabel(t.team.linkLabel, { exact: true }).inputValue();
    expect(linkUrl).toMatch(new RegExp(`^https://t\\.me/${world.tg.botUsername}\\?start=[\\w-]+$`));
    await screenshot(admin.page, "team-telegram-link", "desktop");

    // Ben opens the link on his phone and presses Start: the page notices by itself.
    const ben = world.tg.user(6201, { firstName: "Ben" });
    await ben.send(`/start ${new URL(linkUrl).searchParams.get("start")}`);
    await ben.waitFor(/now linked/);
    await admin.page.getByText(t.team.linkedNow("Ben", "Ben")).waitFor({ timeout: 10_000 });
    await expect(qr.count()).resolves.toBe(0);
    await row.getByText(t.team.telegramLinked("Ben")).waitFor();
    await screenshot(admin.page, "team-telegram", "desktop");

    await admin.page.getByRole("button", { name: t.team.unlinkTelegramFor("Ben") }).click();
    const dialog = admin.page.getByRole("dialog", { name: t.team.unlinkTitle("Ben") });
    await dialog.getByRole("button", { name: t.team.unlinkConfirm }).click();
    await admin.page.getByText(t.team.unlinked("Ben")).waitFor();
    await row.getByText(t.team.telegramNotLinked).waitFor();
    expect((await world.manager.get(`/api/team/${created.body.id}/telegram`)).body.linked).toBe(false);

    // On a phone the link panel stacks under the member.
    const phone = await open("phone");
    await signIn(phone.page, url);
    await phone.page.goto(`${url}/admin/team`);
    await phone.page.getByRole("button", { name: t.team.linkTelegramFor("Ben") }).click();
    const phoneQr = phone.page.getByRole("img", { name: t.team.linkQrAlt("Ben") });
    await phoneQr.waitFor();
    await phone.page.locator(".telegram-link").evaluate((panel) => panel.scrollIntoView({ block: "start" }));
    await screenshot(phone.page, "team-telegram-link", "phone");
    expect(await phone.page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
    expect(admin.problems()).toEqual([]);
    expect(phone.problems()).toEqual([]);
  }, 90_000);

  it("says where to set up the bot when there is none to link to", async () => {
    const plainApp = await startApp();
    const manager = await setUpManager(plainApp);
    expect((await manager.post("/api/team", { name: "Ben", role: "staff" })).status).toBe(201);
    const admin = await open("desktop");
    await signIn(admin.page, plainApp.url);
    await admin.page.goto(`${plainApp.url}/admin/team`);
    await admin.page.getByRole("button", { name: t.team.linkTelegramFor("Ben") }).click();
    await admin.page.getByText(t.team.linkNoBot).waitFor();
    await admin.page.getByRole("link", { name: t.team.linkNoBotAction }).click();
    await admin.page.waitForURL(/\/admin\/settings\/telegram$/);
    await admin.page.getByText(t.telegram.notConfigured).waitFor();
    await screenshot(admin.page, "settings-telegram-none", "desktop");
    expect(admin.problems()).toEqual([]);
  });
});
