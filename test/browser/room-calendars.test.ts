// Imported calendars in Rooms & bookings, in headless Chromium against the real appliance
// and a local server answering with Airbnb's and Vrbo's exports: the manager connects a
// room's feeds and sees their state, their stays, closed nights and a night sold twice;
// imported stays change only by their feed; staff never see the feeds' addresses.
import { describe, expect, it } from "vitest";
import { en as t } from "../../admin-ui/src/messages/en/index.js";
import { addMemberWithLogin } from "../helpers/app.js";
import { startCalendarServer } from "../helpers/calendar-server.js";
import { browserSuite, buildUi, screenshot, seriousAccessibilityProblems, signIn, type ViewportName } from "./browser-kit.js";
import { AIRBNB, VRBO, addRoom, bar, bookingDialog, fillBooking, openAt as openAtNow, startRoomsApp, timelineRow } from "./rooms-kit.js";

const suite = browserSuite({ name: "imported calendars", tests: "imported calendars", build: () => buildUi("admin-ui"), timeout: 120_000 });
const start = () => startRoomsApp(suite);
const openAt = (viewport?: ViewportName) => openAtNow(suite, viewport);

describe.skipIf(suite.skip)("imported calendars", () => {
  it("lets the manager import a room's Airbnb and Vrbo calendars, shows their stays, closed nights and a double-booked night, syncs and removes them", async () => {
    const { app, manager } = await start();
    const feeds = await startCalendarServer();
    suite.stopAfterTest({ stop: () => feeds.close() });
    feeds.serve("/airbnb.ics", AIRBNB);
    feeds.serve("/vrbo.ics", VRBO);
    await addRoom(manager, "Room 12");
    const { page, problems } = await openAt();
    await signIn(page, app.url);
    await page.goto(`${app.url}/admin/rooms`);

    await page.getByRole("button", { name: t.rooms.manageRoom("Room 12") }).click();
    const part = page.getByRole("region", { name: t.rooms.feedsHeading });
    await part.getByText(t.rooms.feedsEmpty).waitFor();
    // Not a web address: the appliance's sentence beside the field.
    await part.getByLabel(t.rooms.feedUrl).fill("webcal://www.airbnb.com/calendar/ical/123.ics");
    await part.getByRole("button", { name: t.rooms.addFeed }).click();
    await part.getByText("must be an http:// or https:// address").waitFor();

    await part.getByLabel(t.rooms.feedUrl).fill(feeds.url("/airbnb.ics"));
    await part.getByRole("button", { name: t.rooms.addFeed }).click();
    await part.getByRole("status").filter({ hasText: t.rooms.feedAdded("Airbnb") }).waitFor();
    const airbnb = part.getByRole("listitem").filter({ hasText: "Airbnb" });
    await airbnb.getByText(t.rooms.feedStatus.ok).waitFor();
    await airbnb.getByText(t.rooms.feedCounts(1, 1)).waitFor();
    await airbnb.getByText(feeds.url("/airbnb.ics")).waitFor();
    await expect(airbnb.innerText()).resolves.toContain(t.rooms.feedNextSync);
    await expect(part.getByLabel(t.rooms.feedUrl).inputValue()).resolves.toBe("");

    // On the timeline: the stay as a bar, the closed nights shaded.
    await bar(page, "Room 12", "Airbnb guest").waitFor();
    await timelineRow(page, "Room 12").getByRole("button", { name: t.rooms.barLabel("Airbnb guest", "Sun 12 Jul", "Wed 15 Jul"), exact: true }).waitFor();
    await timelineRow(page, "Room 12").getByText(t.rooms.blockLabel("Airbnb", "Mon 20 Jul", "Wed 22 Jul")).waitFor({ state: "attached" });

    // Vrbo sold 14 July too: both stays say so.
    await part.getByLabel(t.rooms.feedUrl).fill(feeds.url("/vrbo.ics"));
    await part.getByRole("button", { name: t.rooms.addFeed }).click();
    await part.getByRole("status").filter({ hasText: t.rooms.feedAdded("Vrbo") }).waitFor();
    const vrboBar = bar(page, "Room 12", "María González");
    await vrboBar.waitFor();
    await timelineRow(page, "Room 12").getByRole("button", { name: `${t.rooms.barLabel(t.rooms.barText("María González", "Vrbo"), "Tue 14 Jul", "Fri 17 Jul")}, ${t.rooms.barConflict}: Airbnb guest`, exact: true }).waitFor();
    await timelineRow(page, "Room 12").getByRole("button", { name: `${t.rooms.barLabel("Airbnb guest", "Sun 12 Jul", "Wed 15 Jul")}, ${t.rooms.barConflict}: María González`, exact: true }).waitFor();
    await page.getByRole("region", { name: t.rooms.listHeading }).getByRole("listitem").filter({ hasText: "María González" }).getByText(t.rooms.conflictShort).waitFor();

    // An imported stay: where it came from, read-only but for email and notes.
    await vrboBar.click();
    const dialog = bookingDialog(page);
    await dialog.getByText(t.rooms.importedFrom("Vrbo")).waitFor();
    await dialog.getByText(t.rooms.conflictWarning("Airbnb guest (Airbnb, Sun 12 Jul – Wed 15 Jul)")).waitFor();
    await screenshot(page, "rooms-imported-booking", "desktop");
    await expect(dialog.getByLabel(t.rooms.checkIn).count()).resolves.toBe(0);
    await expect(dialog.getByRole("button", { name: t.rooms.cancelBooking }).count()).resolves.toBe(0);
    await expect(dialog.getByRole("button", { name: t.rooms.delete, exact: true }).count()).resolves.toBe(0);
    await fillBooking(page, { email: "maria@example.com", notes: "Sold twice: call Vrbo." });
    await dialog.getByRole("button", { name: t.rooms.save }).click();
    await page.getByRole("status").filter({ hasText: t.rooms.saved("María González") }).waitFor();
    const stays = (await manager.get("/api/bookings")).body.bookings as Array<{ guestName: string; notes?: string; guestEmail?: string }>;
    expect(stays.find((stay) => stay.guestName === "María González")).toMatchObject({ notes: "Sold twice: call Vrbo.", guestEmail: "maria@example.com" });
    await bar(page, "Room 12", "Airbnb guest").click();
    await dialog.getByText("4821").waitFor();
    await page.keyboard.press("Escape");
    await dialog.waitFor({ state: "detached" });

    // A failing fetch says why and changes nothing.
    feeds.serve("/airbnb.ics", { kind: "status", status: 404, body: "Not found" });
    await page.getByRole("button", { name: t.rooms.syncNowLabel("Airbnb") }).click();
    await airbnb.getByText(t.rooms.feedStatus.error).waitFor();
    await airbnb.getByText(/answered 404/).waitFor();
    await bar(page, "Room 12", "Airbnb guest").waitFor();

    // Removing Vrbo's calendar cancels its stay here.
    await page.getByRole("button", { name: t.rooms.removeFeedLabel("Vrbo") }).click();
    const confirm = page.getByRole("dialog", { name: t.rooms.removeFeedTitle("Vrbo") });
    await confirm.getByText(t.rooms.removeFeedBody).waitFor();
    await confirm.getByRole("button", { name: t.rooms.removeFeed }).click();
    await part.getByRole("status").filter({ hasText: t.rooms.feedRemoved("Vrbo") }).waitFor();
    await vrboBar.waitFor({ state: "detached" });
    await timelineRow(page, "Room 12").getByRole("button", { name: t.rooms.barLabel("Airbnb guest", "Sun 12 Jul", "Wed 15 Jul"), exact: true }).waitFor();
    await screenshot(page, "rooms-feeds", "desktop");
    expect(await seriousAccessibilityProblems(page)).toEqual([]);
    expect(problems()).toEqual([]);

    // Staff see the imported stays, never the feeds' addresses.
    const { password } = await addMemberWithLogin(manager, "staff", "tomas", "Tomás Reyes");
    const staff = await openAt("phone");
    await signIn(staff.page, app.url, "tomas", password);
    await staff.page.goto(`${app.url}/admin/rooms`);
    await bar(staff.page, "Room 12", "Airbnb guest").waitFor();
    expect(await staff.page.content()).not.toContain(feeds.url(""));
    await expect(staff.page.locator("main").innerText()).resolves.not.toContain(t.rooms.feedsHeading);
    expect(staff.problems()).toEqual([]);
  });
});
