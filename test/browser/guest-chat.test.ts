// The guest's chat page (Online Reception, /r/<slug>?t=<tag>) in headless Chromium against
// the real appliance, acting like a guest with a phone: writing with a name, a live reply
// from the front desk, a reload, a lost connection, another language, off hours.
// Screenshots at phone, tablet and desktop sizes land in test-artifacts/screenshots/.
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { DEFAULT_OFF_HOURS_NOTICE } from "../../appliance/src/chat/index.js";
import { createTestClock } from "../helpers/test-clock.js";
import { de } from "../../guest-ui/src/i18n/de.js";
import { en as t } from "../../guest-ui/src/i18n/en.js";
import { MANAGER, setUpManager, startTestApp, type ApiClient, type TestApp } from "../helpers/app.js";
import { OFFLINE_NOISE, browserSuite, buildUi, screenshot } from "./browser-kit.js";

// A lost connection is expected in these tests; anything else in the console is a problem.
const suite = browserSuite({
  name: "guest chat page",
  tests: "guest chat",
  build: () => buildUi("guest-ui"),
  timeout: 120_000,
  noise: [OFFLINE_NOISE],
});
const { open: openGuest } = suite;

let app: TestApp | undefined;

async function startProperty(): Promise<{ manager: ApiClient; slug: string }> {
  app = await suite.startApp();
  const manager = await setUpManager(app, "Hotel Miramar");
  const property = await manager.get<{ slug: string }>("/api/property");
  return { manager, slug: property.body.slug };
}

async function conversations(manager: ApiClient) {
  const res = await manager.get<{ conversations: Array<{ id: string; guestName: string; tag?: string; channel: string; language?: string; email?: string }> }>(
    "/api/conversations",
  );
  expect(res.status).toBe(200);
  return res.body.conversations;
}

async function storedTexts(manager: ApiClient, conversationId: string): Promise<string[]> {
  const res = await manager.get<{ messages: Array<{ from: string; text: string }> }>(`/api/conversations/${conversationId}`);
  expect(res.status).toBe(200);
  return res.body.messages.filter((m) => m.from === "guest").map((m) => m.text);
}

/** "Sent", or already "Delivered" when a staff member has read it. */
const stored = (messages: typeof t) => new RegExp(`^(${messages.chat.sent}|${messages.chat.delivered})$`);

const messageBox = (page: Page, label = t.chat.messageLabel) => page.getByRole("textbox", { name: label });

async function send(page: Page, text: string, label?: string) {
  await messageBox(page, label).fill(text);
  await messageBox(page, label).press("Enter");
}

/** The guest's own bubble holding `text`. */
const guestBubble = (page: Page, text: string) => page.locator('li[data-from="guest"]', { hasText: text });

describe.skipIf(suite.skip)("guest chat page", () => {
  it("lets a guest write with a name, shows the staff reply live, and keeps history after a reload", async () => {
    const { manager, slug } = await startProperty();
    const { context, page, problems } = await openGuest("phone");
    await page.goto(`${app!.url}/r/${slug}?t=Room12`);

    await page.getByRole("heading", { level: 1, name: "Hotel Miramar" }).waitFor();
    // The room reads as the link gives it, in every language and on every page.
    await page.getByText("Room12", { exact: true }).waitFor();
    expect(await page.locator("html").getAttribute("lang")).toBe("en");
    // Looking at the page opens no conversation.
    expect(await conversations(manager)).toEqual([]);
    await screenshot(page, "guest-chat-new", "phone");

    // The counter shows up near the 4,000-character limit.
    await messageBox(page).fill("x".repeat(3_950));
    await page.getByText(t.chat.charsLeft(50)).waitFor();
    await messageBox(page).fill("");
    await expect(page.getByText(t.chat.charsLeft(50)).count()).resolves.toBe(0);

    await page.getByLabel(t.chat.nameLabel).fill("Anna");
    await messageBox(page).fill("Hello! Could we have two extra towels, please?");
    const oneLine = (await messageBox(page).boundingBox())!.height;
    await messageBox(page).press("Shift+Enter");
    await messageBox(page).pressSequentially("Thank you.");
    // Shift+Enter starts a new line and the field grows with it.
    expect((await messageBox(page).boundingBox())!.height).toBeGreaterThan(oneLine);
    await messageBox(page).press("Enter");
    await expect(messageBox(page).inputValue()).resolves.toBe("");

    const first = guestBubble(page, "two extra towels");
    await first.getByText(stored(t)).waitFor();
    expect(await first.locator(".msg-text").innerText()).toBe("Hello! Could we have two extra towels, please?\nThank you.");

    const [conversation] = await conversations(manager);
    expect(conversation).toMatchObject({ guestName: "Anna", tag: "Room12", channel: "web", language: "en" });
    await page.getByText(t.chat.chattingAs("Anna")).waitFor();

    // A reply from the admin page reaches the open page at once, with the staff member's name.
    const reply = await manager.post(`/api/conversations/${conversation!.id}/messages`, { text: "Of course! They are on their way to Room 12." });
    expect(reply.status).toBe(201);
    const staff = page.locator('li[data-from="staff"]', { hasText: "on their way" });
    await staff.waitFor();
    expect(await staff.locator(".msg-author").innerText()).toBe(MANAGER.name);

    // Long words wrap instead of widening the page.
    await send(page, "Also: https://example.com/a-very-long-link-without-any-spaces-that-must-wrap-inside-the-bubble-and-not-overflow");
    await guestBubble(page, "very-long-link").getByText(stored(t)).waitFor();
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);

    await page.reload();
    await page.locator('li[data-from="staff"]', { hasText: "on their way" }).waitFor();
    await guestBubble(page, "two extra towels").waitFor();
    await guestBubble(page, "very-long-link").waitFor();
    await page.getByText(t.chat.chattingAs("Anna")).waitFor();
    expect(await conversations(manager)).toHaveLength(1);
    expect(await storedTexts(manager, conversation!.id)).toHaveLength(2);

    // The same conversation at every size, for a person to look at.
    await screenshot(page, "guest-chat", "phone");
    const storageState = await context.storageState();
    for (const viewport of ["tablet", "desktop"] as const) {
      const other = await openGuest(viewport, { storageState });
      await other.page.goto(`${app!.url}/r/${slug}?t=Room12`);
      await other.page.locator('li[data-from="staff"]', { hasText: "on their way" }).waitFor();
      await screenshot(other.page, "guest-chat", viewport);
      expect(other.problems()).toEqual([]);
    }
    expect(problems()).toEqual([]);
  });

  it("queues a message typed while offline and sends it once when the connection returns", async () => {
    const { manager, slug } = await startProperty();
    const { context, page, problems } = await openGuest("phone");
    await page.goto(`${app!.url}/r/${slug}?t=Room12`);
    await send(page, "Is breakfast served until ten?");
    await guestBubble(page, "breakfast").getByText(stored(t)).waitFor();
    const [conversation] = await conversations(manager);

    await context.setOffline(true);
    await page.getByText(t.chat.offline).waitFor();
    await send(page, "Sent while offline");
    const queued = guestBubble(page, "Sent while offline");
    await queued.getByText(t.chat.queued, { exact: true }).waitFor();
    await page.waitForTimeout(500);
    expect(await storedTexts(manager, conversation!.id)).toEqual(["Is breakfast served until ten?"]);
    await screenshot(page, "guest-chat-offline", "phone");

    await context.setOffline(false);
    await queued.getByText(stored(t)).waitFor({ timeout: 15_000 });
    await page.getByText(t.chat.offline).waitFor({ state: "detached", timeout: 15_000 });
    // A moment for any duplicate to arrive, then exactly one copy is stored and shown.
    await page.waitForTimeout(1_000);
    expect(await storedTexts(manager, conversation!.id)).toEqual(["Is breakfast served until ten?", "Sent while offline"]);
    await expect(guestBubble(page, "Sent while offline").count()).resolves.toBe(1);
    expect(problems()).toEqual([]);
  });

  it("speaks German to a German browser and tells the appliance so", async () => {
    const { manager, slug } = await startProperty();
    const { page, problems } = await openGuest("phone", { locale: "de-DE", timezoneId: "Europe/Berlin" });
    await page.goto(`${app!.url}/r/${slug}?t=Room12`);
    await page.getByRole("heading", { name: de.chat.title }).waitFor();
    expect(await page.locator("html").getAttribute("lang")).toBe("de");
    await page.getByLabel(de.chat.nameLabel).fill("Jonas");
    await send(page, "Guten Abend! Wo kann ich parken?", de.chat.messageLabel);
    await guestBubble(page, "Wo kann ich parken").getByText(stored(de)).waitFor();
    const [conversation] = await conversations(manager);
    expect(conversation).toMatchObject({ guestName: "Jonas", language: "de" });
    await screenshot(page, "guest-chat-german", "phone");
    expect(problems()).toEqual([]);
  });

  it("outside working hours shows the notice from the start, in the guest's language, and takes an email for the answer", async () => {
    const { manager, slug } = await startProperty();
    const closed = { enabled: true, weekly: { mon: [], tue: [], wed: [], thu: [], fri: [], sat: [], sun: [] }, exceptions: [] };
    expect((await manager.request("PUT", "/api/chat/working-hours", closed)).status).toBe(200);

    // A German browser reads the property's notice in German before writing anything.
    const german = await openGuest("phone", { locale: "de-DE", timezoneId: "Europe/Berlin" });
    await german.page.goto(`${app!.url}/r/${slug}?t=Room12`);
    await german.page.getByRole("heading", { name: de.offHours.title }).waitFor();
    await german.page.getByText(DEFAULT_OFF_HOURS_NOTICE.de!, { exact: true }).waitFor();
    await german.page.getByLabel(de.offHours.emailPrompt).waitFor();
    expect(german.problems()).toEqual([]);

    // So does an English one, in English: the notice and the email offer are there on first load.
    const { page, problems } = await openGuest("phone");
    await page.goto(`${app!.url}/r/${slug}?t=Room12`);
    await page.getByRole("heading", { name: t.offHours.title }).waitFor();
    const notice = page.getByText(DEFAULT_OFF_HOURS_NOTICE.en!, { exact: true });
    await notice.waitFor();
    expect(await conversations(manager)).toEqual([]);
    await screenshot(page, "guest-chat-off-hours-new", "phone");

    // An email saved before writing is kept, and stored with the first message.
    await page.getByLabel(t.offHours.emailPrompt).fill("not-an-email");
    await page.getByRole("button", { name: t.chat.save }).click();
    await page.getByText(t.offHours.emailInvalid).waitFor();
    await page.getByLabel(t.offHours.emailPrompt).fill("anna@example.com");
    await page.getByRole("button", { name: t.chat.save }).click();
    await page.getByText(t.offHours.emailSaved("anna@example.com")).waitFor();
    expect(await conversations(manager)).toEqual([]);

    await send(page, "Can I check in after midnight?");
    await guestBubble(page, "after midnight").getByText(stored(t)).waitFor();
    // The appliance's notice now stands once in the conversation, as a system message,
    // and the box above the message bar stops repeating it.
    await page.locator('li[data-from="system"]').waitFor();
    await expect(page.locator('li[data-from="system"]').count()).resolves.toBe(1);
    expect(await page.locator('li[data-from="system"]').innerText()).toBe(DEFAULT_OFF_HOURS_NOTICE.en);
    await expect(notice.count()).resolves.toBe(1);
    await page.getByRole("heading", { name: t.offHours.title }).waitFor();
    await expect.poll(async () => (await conversations(manager))[0]?.email).toBe("anna@example.com");
    await page.getByText(t.offHours.emailSaved("anna@example.com")).waitFor();
    await screenshot(page, "guest-chat-off-hours", "phone");

    // Changed once the conversation exists, it is stored at once.
    await page.getByRole("button", { name: t.chat.change, exact: true }).last().click();
    await page.getByLabel(t.offHours.emailPrompt).fill("anna.rossi@example.com");
    await page.getByRole("button", { name: t.chat.save }).click();
    await page.getByText(t.offHours.emailSaved("anna.rossi@example.com")).waitFor();
    expect((await conversations(manager))[0]?.email).toBe("anna.rossi@example.com");
    expect(problems()).toEqual([]);
  });

  it("tells a German guest once, in German and the property's time, when the team is back", async () => {
    // Friday 27 November 2026, 19:30 in Berlin; the team works Monday to Friday, 09:00 to 18:00.
    const clock = createTestClock(Date.parse("2026-11-27T18:30:00Z"));
    app = suite.stopAfterTest(await startTestApp({ uiRoot: suite.uiRoot(), clock }));
    const manager = await setUpManager(app, "Hotel Miramar");
    expect((await manager.patch("/api/property", { timezone: "Europe/Berlin" })).status).toBe(200);
    const day = [{ from: "09:00", to: "18:00" }];
    const hours = { enabled: true, weekly: { mon: day, tue: day, wed: day, thu: day, fri: day, sat: [], sun: [] }, exceptions: [] };
    expect((await manager.request("PUT", "/api/chat/working-hours", hours)).status).toBe(200);
    const slug = (await manager.get<{ slug: string }>("/api/property")).body.slug;

    const { page, problems } = await openGuest("phone", { locale: "de-DE", timezoneId: "Europe/Berlin" });
    // The page counts "today" and "tomorrow" from the guest's clock: the same fake time as the appliance's.
    await page.clock.setFixedTime(new Date(clock.now()));
    await page.goto(`${app.url}/r/${slug}?t=Room%2012`);
    await page.getByText("Room 12", { exact: true }).waitFor();
    const onMonday = page.getByText("Wir sind am Montag um 09:00 wieder für Sie da.", { exact: true });
    await onMonday.waitFor();
    await page.getByText(DEFAULT_OFF_HOURS_NOTICE.de!, { exact: true }).waitFor();

    await send(page, "Können wir morgen früh um 7 Uhr auschecken?", de.chat.messageLabel);
    await guestBubble(page, "auschecken").getByText(stored(de)).waitFor();
    await page.locator('li[data-from="system"]').waitFor();
    await send(page, "Und den Schlüssel an der Tür lassen?", de.chat.messageLabel);
    await guestBubble(page, "Schlüssel").getByText(stored(de)).waitFor();
    // Said once: the notice stands once in the conversation, and when we are back once below it.
    await expect(page.locator('li[data-from="system"]').count()).resolves.toBe(1);
    await expect(page.getByText(DEFAULT_OFF_HOURS_NOTICE.de!, { exact: true }).count()).resolves.toBe(1);
    await expect(page.getByText(/wieder für Sie da/).count()).resolves.toBe(1);
    await screenshot(page, "guest-chat-back-at", "phone");

    // A reload of the same conversation says it once too.
    await page.reload();
    await guestBubble(page, "Schlüssel").waitFor();
    await onMonday.waitFor();
    await expect(page.getByText(/wieder für Sie da/).count()).resolves.toBe(1);
    await expect(page.getByText(DEFAULT_OFF_HOURS_NOTICE.de!, { exact: true }).count()).resolves.toBe(1);

    // Sunday evening: Monday is tomorrow.
    await clock.set(Date.parse("2026-11-29T19:00:00Z"));
    await page.clock.setFixedTime(new Date(clock.now()));
    await page.reload();
    await page.getByText("Wir sind morgen um 09:00 wieder für Sie da.", { exact: true }).waitFor();

    // Monday morning someone is on duty, and the page stops saying when we are back.
    await clock.set(Date.parse("2026-11-30T08:30:00Z"));
    await page.clock.setFixedTime(new Date(clock.now()));
    await page.reload();
    await guestBubble(page, "Schlüssel").waitFor();
    await page.getByRole("heading", { name: de.offHours.title }).waitFor({ state: "detached" });
    await expect(page.getByText(/wieder für Sie da/).count()).resolves.toBe(0);
    expect(problems()).toEqual([]);
  });

  it("refuses a room link the appliance would refuse, naming it, and lets the guest go on without the room", async () => {
    const { manager, slug } = await startProperty();
    const { page, problems } = await openGuest("phone");
    const tooLong = "Deluxe Double Room with Sea View and Balcony 12";
    await page.goto(`${app!.url}/r/${slug}?t=${encodeURIComponent(tooLong)}`);
    await page.getByRole("heading", { name: t.page.roomLinkTitle }).waitFor();
    await page.getByText(t.page.roomTagTooLong(tooLong, 40)).waitFor();
    await screenshot(page, "guest-chat-room-link-refused", "phone");
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);

    await page.getByRole("button", { name: t.page.continueWithoutRoom }).click();
    await page.getByRole("heading", { level: 1, name: "Hotel Miramar" }).waitFor();
    await expect(page.locator(".room-tag").count()).resolves.toBe(0);
    await send(page, "Which room am I in? The link did not say.");
    await guestBubble(page, "Which room").getByText(stored(t)).waitFor();
    const [conversation] = await conversations(manager);
    expect(conversation?.tag).toBeUndefined();
    expect(problems()).toEqual([]);
  });

  it("keeps the guest's conversation when the property's link changes and the old printed code is scanned again", async () => {
    const { manager, slug } = await startProperty();
    const { page, problems } = await openGuest("phone");
    await page.goto(`${app!.url}/r/${slug}?t=Room12`);
    await send(page, "Can we check in early?");
    await guestBubble(page, "check in early").getByText(stored(t)).waitFor();
    const [before] = await conversations(manager);

    expect((await manager.patch("/api/property", { slug: "miramar-lisboa" })).status).toBe(200);
    // The plate on the door still has the old link: it redirects, and the chat is the same one.
    await page.goto(`${app!.url}/r/${slug}?t=Room12`);
    await page.waitForURL(/\/r\/miramar-lisboa\?t=Room12$/);
    await guestBubble(page, "check in early").waitFor();
    await send(page, "Around noon.");
    await guestBubble(page, "Around noon.").getByText(stored(t)).waitFor();
    const after = await conversations(manager);
    expect(after.map((c) => c.id)).toEqual([before!.id]);
    expect(await storedTexts(manager, before!.id)).toEqual(["Can we check in early?", "Around noon."]);
    expect(problems()).toEqual([]);
  });

  it("answers an unknown reception link with a friendly page", async () => {
    await startProperty();
    const { page, problems } = await openGuest("phone");
    const response = await page.goto(`${app!.url}/r/no-such-place?t=Room12`);
    // The page says so in words; the status says so to tools.
    expect(response?.status()).toBe(404);
    await page.getByRole("heading", { name: t.page.invalidTitle }).waitFor();
    await screenshot(page, "guest-chat-invalid-link", "phone");
    // The 404 of the property look-up is how the page learns the link is wrong.
    expect(problems().filter((p) => !/status of 404/.test(p))).toEqual([]);
  });
});
