// Rooms & bookings in the admin page, in headless Chromium against the real appliance:
// the manager adds rooms and stays, the front desk sees today's arrivals and departures,
// the timeline and the bookings list, overlaps are refused with the appliance's sentence,
// and staff never see the rooms' secret calendar addresses. The appliance's clock and the
// browser's are both fixed, so "today" is 10 July 2026 in Rome.
import { describe, expect, it } from "vitest";
import { en as t } from "../../admin-ui/src/messages/en/index.js";
import { addMemberWithLogin } from "../helpers/app.js";
import { startCalendarServer } from "../helpers/calendar-server.js";
import { VIEWPORTS, browserSuite, buildUi, navigation, screenshot, seriousAccessibilityProblems, signIn, type ViewportName } from "./browser-kit.js";
import { AIRBNB, VRBO, addBooking, addRoom, bar, bookingDialog, fillBooking, openAt as openAtNow, startRoomsApp, timelineRow } from "./rooms-kit.js";

const suite = browserSuite({ name: "rooms and bookings", tests: "rooms and bookings", build: () => buildUi("admin-ui"), timeout: 120_000 });
const start = () => startRoomsApp(suite);
const openAt = (viewport?: ViewportName) => openAtNow(suite, viewport);

describe.skipIf(suite.skip)("rooms and bookings", () => {
  it("lets the manager add rooms and a booking, then shows it on the timeline, in today's arrivals and on the home page", async () => {
    const { app, manager } = await start();
    const { page, problems } = await openAt();
    await signIn(page, app.url);

    // With no rooms yet, the home page says what to do.
    await page.getByRole("heading", { name: t.rooms.summaryHeading }).waitFor();
    await page.getByText(t.rooms.summaryNoRooms).waitFor();
    await navigation(page).getByRole("link", { name: t.nav.rooms }).click();
    await page.getByRole("heading", { name: t.rooms.title, level: 1 }).waitFor();
    await page.getByText(t.rooms.noRooms).waitFor();

    const addForm = page.locator("form", { has: page.getByRole("heading", { name: t.rooms.addRoomHeading }) });
    for (const [name, tag] of [["Room 12", ""], ["Room 14", "R14"], ["Garden Suite", ""]] as const) {
      await addForm.getByLabel(t.rooms.roomName).fill(name);
      await addForm.getByLabel(t.rooms.roomTag).fill(tag);
      await addForm.getByRole("button", { name: t.rooms.addRoom }).click();
      await page.getByRole("status").filter({ hasText: t.rooms.roomAdded(name) }).waitFor();
    }
    // A tag another room has: the appliance's sentence beside the tag, nothing stored.
    await addForm.getByLabel(t.rooms.roomName).fill("Room 14 bis");
    await addForm.getByLabel(t.rooms.roomTag).fill("r14");
    await addForm.getByRole("button", { name: t.rooms.addRoom }).click();
    await addForm.getByText('Another room already has the tag "r14"').waitFor();
    expect((await manager.get("/api/rooms")).body.rooms.map((room: { name: string }) => room.name)).toEqual(["Garden Suite", "Room 12", "Room 14"]);

    // The rooms now, in words.
    const roomsNow = page.getByRole("list", { name: t.rooms.roomsNow });
    await expect(roomsNow.getByRole("listitem").allInnerTexts()).resolves.toHaveLength(3);

    await page.getByRole("button", { name: t.rooms.newBooking }).click();
    const dialog = bookingDialog(page);
    await dialog.getByRole("heading", { name: t.rooms.addHeading }).waitFor();
    await fillBooking(page, { room: "Room 12", guest: "Anna Rossi", checkIn: "2026-07-10", checkOut: "2026-07-12", email: "anna@example.com", notes: "Late arrival, around 22:00." });
    await dialog.getByText(t.rooms.stayLength(2, "15:00", "11:00")).waitFor();
    await dialog.getByRole("button", { name: t.rooms.add }).click();
    await page.getByRole("status").filter({ hasText: t.rooms.added("Anna Rossi", "Room 12") }).waitFor();
    await dialog.waitFor({ state: "detached" });

    // Today's arrivals, with the room and the property's check-in time.
    const arrivals = page.getByRole("list", { name: t.rooms.arrivals });
    await expect(arrivals.innerText()).resolves.toMatch(/Anna Rossi\s+Room 12\s+from 15:00$/);
    await page.getByText(t.rooms.noDepartures).waitFor();
    await expect(roomsNow.getByRole("listitem").filter({ hasText: "Room 12" }).innerText()).resolves.toContain(t.rooms.stay["awaiting-checkin"]);
    await expect(roomsNow.getByRole("listitem").filter({ hasText: "Room 14" }).innerText()).resolves.toContain(t.rooms.stay.vacant);

    // The timeline: a bar in Room 12's row, today marked.
    await bar(page, "Room 12", "Anna Rossi").waitFor();
    await timelineRow(page, "Room 12").getByRole("button", { name: t.rooms.barLabel("Anna Rossi", "Fri 10 Jul", "Sun 12 Jul"), exact: true }).waitFor();
    await expect(timelineRow(page, "Room 14").getByRole("button").count()).resolves.toBe(0);
    await expect(page.locator(".timeline-day.is-today").innerText()).resolves.toMatch(/today\s+fri\s+10/i);
    await page.getByRole("region", { name: t.rooms.timelineRegion("Tue 7 Jul", "Mon 3 Aug") }).waitFor();
    await page.getByText(t.rooms.range("Tue 7 Jul", "Mon 3 Aug")).waitFor();

    // Later and back: the weeks move, today comes back.
    await page.getByRole("button", { name: t.rooms.laterLabel }).click();
    await page.getByText(t.rooms.range("Tue 21 Jul", "Mon 17 Aug")).waitFor();
    await bar(page, "Room 12", "Anna Rossi").waitFor({ state: "detached" });
    await page.getByRole("button", { name: t.rooms.showToday }).click();
    await bar(page, "Room 12", "Anna Rossi").waitFor();

    // The home page's summary.
    await navigation(page).getByRole("link", { name: t.nav.home }).click();
    const summary = page.getByRole("region", { name: t.rooms.summaryHeading });
    await summary.getByText(t.rooms.summaryOccupied(0, 3)).waitFor();
    await expect(summary.innerText()).resolves.toContain(`${t.rooms.summaryArrivals(1)}: Anna Rossi (Room 12)`);
    await expect(summary.innerText()).resolves.toContain(t.rooms.summaryDepartures(0));
    await summary.getByRole("link", { name: t.rooms.summaryOpen }).click();
    await page.getByRole("heading", { name: t.rooms.title, level: 1 }).waitFor();
    expect(problems()).toEqual([]);
  });

  it("shows the appliance's sentence beside the dates for a stay that overlaps another, and stores nothing", async () => {
    const { app, manager } = await start();
    const r12 = await addRoom(manager, "Room 12");
    await addRoom(manager, "Room 14");
    await addBooking(manager, r12.id, "Anna Rossi", "2026-07-10", "2026-07-12");
    const { page, problems } = await openAt();
    await signIn(page, app.url);
    await page.goto(`${app.url}/admin/rooms`);

    await page.getByRole("button", { name: t.rooms.newBooking }).click();
    const dialog = bookingDialog(page);
    // The page's own checks first.
    await dialog.getByRole("button", { name: t.rooms.add }).click();
    await dialog.getByText(t.validation.required(t.rooms.guestName)).waitFor();
    await dialog.getByText(t.rooms.datesRequired(t.rooms.checkIn)).waitFor();
    await fillBooking(page, { room: "Room 12", guest: "Ben Vogel", checkIn: "2026-07-11", checkOut: "2026-07-11" });
    await dialog.getByRole("button", { name: t.rooms.add }).click();
    await dialog.getByText(t.rooms.checkOutAfter).waitFor();

    await fillBooking(page, { checkOut: "2026-07-13" });
    await dialog.getByRole("button", { name: t.rooms.add }).click();
    const sentence = "The room is taken then: Anna Rossi stays from 2026-07-10 to 2026-07-12. Choose other dates or another room, or cancel that stay first.";
    await dialog.getByRole("alert").filter({ hasText: sentence }).waitFor();
    // Beside the dates: right under them, inside the form.
    const checkOutBox = (await dialog.getByLabel(t.rooms.checkOut).boundingBox())!;
    const sentenceBox = (await dialog.getByRole("alert").filter({ hasText: sentence }).boundingBox())!;
    expect(sentenceBox.y).toBeGreaterThan(checkOutBox.y);
    expect(sentenceBox.y - (checkOutBox.y + checkOutBox.height)).toBeLessThan(80);
    expect((await manager.get("/api/bookings")).body.bookings).toHaveLength(1);

    // Another room is free then.
    await fillBooking(page, { room: "Room 14" });
    await dialog.getByRole("button", { name: t.rooms.add }).click();
    await page.getByRole("status").filter({ hasText: t.rooms.added("Ben Vogel", "Room 14") }).waitFor();
    await bar(page, "Room 14", "Ben Vogel").waitFor();
    expect((await manager.get("/api/bookings")).body.bookings).toHaveLength(2);
    expect(problems()).toEqual([]);
  });

  it("opens a booking from its bar to change it, cancels it, confirms it again and deletes it", async () => {
    const { app, manager } = await start();
    const r12 = await addRoom(manager, "Room 12");
    const anna = await addBooking(manager, r12.id, "Anna Rossi", "2026-07-10", "2026-07-12", { guestEmail: "anna@example.com" });
    const { page, problems } = await openAt();
    await signIn(page, app.url);
    await page.goto(`${app.url}/admin/rooms`);

    await bar(page, "Room 12", "Anna Rossi").click();
    const dialog = bookingDialog(page);
    await dialog.getByRole("heading", { name: t.rooms.editHeading("Anna Rossi") }).waitFor();
    await expect(dialog.getByLabel(t.rooms.guestEmail).inputValue()).resolves.toBe("anna@example.com");
    await dialog.getByText(anna.code).waitFor();
    await fillBooking(page, { checkOut: "2026-07-13", notes: "Needs a cot." });
    await dialog.getByRole("button", { name: t.rooms.save }).click();
    await page.getByRole("status").filter({ hasText: t.rooms.saved("Anna Rossi") }).waitFor();
    await timelineRow(page, "Room 12").getByRole("button", { name: t.rooms.barLabel("Anna Rossi", "Fri 10 Jul", "Mon 13 Jul"), exact: true }).waitFor();
    expect((await manager.get(`/api/bookings?roomId=${r12.id}`)).body.bookings[0]).toMatchObject({ checkOut: "2026-07-13", notes: "Needs a cot." });

    // Cancelled: gone from the timeline and today's arrivals, kept in the list as cancelled.
    await bar(page, "Room 12", "Anna Rossi").click();
    await dialog.getByRole("button", { name: t.rooms.cancelBooking }).click();
    await page.getByRole("status").filter({ hasText: t.rooms.cancelled("Anna Rossi") }).waitFor();
    await bar(page, "Room 12", "Anna Rossi").waitFor({ state: "detached" });
    await page.getByText(t.rooms.noArrivals).waitFor();
    const listed = page.getByRole("region", { name: t.rooms.listHeading }).getByRole("listitem").filter({ hasText: "Anna Rossi" });
    await listed.getByText(t.rooms.statusCancelled).waitFor();

    // Confirmed again from the list.
    await listed.getByRole("button", { name: t.rooms.openBooking("Anna Rossi") }).click();
    await dialog.getByText(t.rooms.cancelledNote).waitFor();
    await dialog.getByRole("button", { name: t.rooms.confirmAgain }).click();
    await page.getByRole("status").filter({ hasText: t.rooms.confirmed("Anna Rossi") }).waitFor();
    await bar(page, "Room 12", "Anna Rossi").waitFor();

    // Deleted, after saying what that means; Escape and "Keep it" change nothing.
    await bar(page, "Room 12", "Anna Rossi").click();
    await dialog.getByRole("button", { name: t.rooms.delete, exact: true }).click();
    await dialog.getByText(t.rooms.deleteQuestion).waitFor();
    await dialog.getByRole("button", { name: t.rooms.deleteKeep }).click();
    await dialog.getByRole("button", { name: t.rooms.delete, exact: true }).click();
    await dialog.getByRole("button", { name: t.rooms.deleteConfirm }).click();
    await page.getByRole("status").filter({ hasText: t.rooms.deleted("Anna Rossi") }).waitFor();
    await page.getByText(t.rooms.listEmpty).waitFor();
    expect((await manager.get("/api/bookings")).body.bookings).toEqual([]);
    expect(problems()).toEqual([]);
  });

  it("lets the manager rename a room, copy its calendar address and delete it, saying why one with bookings stays", async () => {
    const { app, manager } = await start();
    const r12 = await addRoom(manager, "Room 12");
    await addRoom(manager, "Room 14");
    await addBooking(manager, r12.id, "Anna Rossi", "2026-07-20", "2026-07-22");
    const { page, context, problems } = await openAt();
    await context.grantPermissions(["clipboard-read", "clipboard-write"], { origin: app.url });
    await signIn(page, app.url);
    await page.goto(`${app.url}/admin/rooms`);

    await page.getByRole("button", { name: t.rooms.manageRoom("Room 12") }).click();
    const address = page.getByLabel(t.rooms.exportLabel("Room 12"), { exact: true });
    await expect(address.inputValue()).resolves.toBe(r12.exportUrl);
    await page.getByText(t.rooms.exportLead).waitFor();
    await page.getByRole("button", { name: t.rooms.copyLabel("Room 12") }).click();
    await page.getByText(t.rooms.copied).waitFor();
    await expect(page.evaluate(() => navigator.clipboard.readText())).resolves.toBe(r12.exportUrl);

    // A room with a booking stays: the appliance says why.
    await page.getByRole("button", { name: t.rooms.roomDelete }).click();
    const confirm = page.getByRole("dialog", { name: t.rooms.roomDeleteTitle("Room 12") });
    await confirm.getByRole("button", { name: t.rooms.roomDelete }).click();
    await confirm.getByRole("alert").filter({ hasText: "This room has a booking; move or remove it first." }).waitFor();
    await confirm.getByRole("button", { name: t.team.cancel }).click();
    await confirm.waitFor({ state: "detached" });

    // Renamed, with a new tag.
    await page.getByRole("button", { name: `${t.rooms.hideRoom}: Room 12` }).click();
    await page.getByRole("button", { name: t.rooms.manageRoom("Room 14") }).click();
    const details = page.locator("form", { has: page.getByRole("heading", { name: t.rooms.roomDetailsHeading }) });
    await details.getByLabel(t.rooms.roomName).fill("Sea View 14");
    await details.getByLabel(t.rooms.roomTag).fill("SV14");
    await details.getByRole("button", { name: t.rooms.save }).click();
    await page.getByRole("status").filter({ hasText: t.rooms.roomSaved("Sea View 14") }).waitFor();
    await timelineRow(page, "Sea View 14").waitFor();
    expect((await manager.get("/api/rooms")).body.rooms.find((room: { id: string }) => room.id !== r12.id)).toMatchObject({ name: "Sea View 14", tag: "SV14" });

    // One without bookings goes.
    await page.getByRole("button", { name: t.rooms.roomDelete }).click();
    await page.getByRole("dialog", { name: t.rooms.roomDeleteTitle("Sea View 14") }).getByRole("button", { name: t.rooms.roomDelete }).click();
    await page.getByRole("status").filter({ hasText: t.rooms.roomDeleted("Sea View 14") }).waitFor();
    await timelineRow(page, "Sea View 14").waitFor({ state: "detached" });
    expect((await manager.get("/api/rooms")).body.rooms).toHaveLength(1);
    expect(problems()).toEqual([]);
  });

  it("shows staff today, the timeline and the bookings, lets them add one, and never shows them calendar addresses or feeds", async () => {
    const { app, manager } = await start();
    const r12 = await addRoom(manager, "Room 12");
    await addRoom(manager, "Room 14");
    await addBooking(manager, r12.id, "Anna Rossi", "2026-07-07", "2026-07-10");
    const { password } = await addMemberWithLogin(manager, "staff", "tomas", "Tomás Reyes");
    const { page, problems } = await openAt();
    await signIn(page, app.url, "tomas", password);

    // Home: the summary, for staff too.
    const summary = page.getByRole("region", { name: t.rooms.summaryHeading });
    await summary.getByText(t.rooms.summaryOccupied(1, 2)).waitFor();
    await expect(summary.innerText()).resolves.toContain(`${t.rooms.summaryDepartures(1)}: Anna Rossi (Room 12)`);

    await navigation(page).getByRole("link", { name: t.nav.rooms }).click();
    await page.getByText(t.rooms.staffLead).waitFor();
    await expect(page.getByRole("list", { name: t.rooms.departures }).innerText()).resolves.toMatch(/Anna Rossi\s+Room 12\s+by 11:00/);
    await bar(page, "Room 12", "Anna Rossi").waitFor();
    await expect(page.getByRole("heading", { name: t.rooms.roomsHeading, exact: true }).count()).resolves.toBe(0);
    await expect(page.getByRole("button", { name: t.rooms.manageRoom("Room 12") }).count()).resolves.toBe(0);
    const text = await page.locator("main").innerText();
    expect(text).not.toContain(t.rooms.exportHeading);
    expect(text).not.toContain(t.rooms.feedsHeading);
    expect(await page.content()).not.toContain("/api/ical/");
    // What the appliance gave staff has no address either.
    const rooms = await page.evaluate(async () => (await (await fetch("/api/rooms")).json()) as { rooms: Array<Record<string, unknown>> });
    expect(rooms.rooms.every((room) => !("exportUrl" in room))).toBe(true);

    // A click on a free day starts a booking in that room on that day.
    await timelineRow(page, "Room 14").getByTitle(t.rooms.newBookingHere("Room 14", "Wed 15 Jul")).click();
    await bookingDialog(page).getByRole("heading", { name: t.rooms.addHeading }).waitFor();
    await expect(bookingDialog(page).getByLabel(t.rooms.checkIn).inputValue()).resolves.toBe("2026-07-15");
    await expect(bookingDialog(page).getByLabel(t.rooms.room, { exact: true }).locator("option:checked").innerText()).resolves.toBe("Room 14");
    await fillBooking(page, { guest: "Chiara Bianchi", checkOut: "2026-07-18" });
    await bookingDialog(page).getByRole("button", { name: t.rooms.add }).click();
    await page.getByRole("status").filter({ hasText: t.rooms.added("Chiara Bianchi", "Room 14") }).waitFor();
    await bar(page, "Room 14", "Chiara Bianchi").waitFor();
    expect(problems()).toEqual([]);
  });

  it("has no serious accessibility problems and fits phone, tablet and desktop screens (screenshots)", async () => {
    const { app, manager } = await start();
    await manager.patch("/api/property", { name: "Casa Azul Guesthouse" });
    const rooms = [];
    for (const name of ["Room 1", "Room 2", "Room 3", "Garden Suite", "Sea View Apartment", "Attic Room 7"]) rooms.push(await addRoom(manager, name));
    const [r1, r2, r3, garden, sea, attic] = rooms as [typeof rooms[number], typeof rooms[number], typeof rooms[number], typeof rooms[number], typeof rooms[number], typeof rooms[number]];
    await addBooking(manager, r1.id, "Anna Rossi", "2026-07-10", "2026-07-14");
    await addBooking(manager, r1.id, "Lukas Schneider", "2026-07-14", "2026-07-21");
    await addBooking(manager, r2.id, "Maria Garcia López", "2026-07-06", "2026-07-10");
    await addBooking(manager, r2.id, "Yuki Tanaka", "2026-07-12", "2026-07-19");
    await addBooking(manager, r3.id, "Olivia Brown", "2026-07-08", "2026-07-13");
    await addBooking(manager, garden.id, "The Johnson family", "2026-07-10", "2026-07-24", { notes: "Two children, cot needed." });
    await addBooking(manager, sea.id, "Pierre Dubois", "2026-07-16", "2026-07-20");
    const cancelled = await addBooking(manager, attic.id, "Sven Larsen", "2026-07-11", "2026-07-15");
    await manager.patch(`/api/bookings/${cancelled.id}`, { status: "cancelled" });
    await addBooking(manager, attic.id, "Ana Costa", "2026-07-25", "2026-08-02");
    // Airbnb and Vrbo both sold 14 July in the attic, and Airbnb closed 20 and 21 July.
    const feeds = await startCalendarServer();
    suite.stopAfterTest({ stop: () => feeds.close() });
    feeds.serve("/airbnb.ics", AIRBNB);
    feeds.serve("/vrbo.ics", VRBO);
    for (const path of ["/airbnb.ics", "/vrbo.ics"]) expect((await manager.post(`/api/rooms/${attic.id}/calendars`, { url: feeds.url(path) })).status).toBe(201);

    for (const size of Object.keys(VIEWPORTS) as ViewportName[]) {
      const { page, problems } = await openAt(size);
      await signIn(page, app.url);
      await page.getByRole("region", { name: t.rooms.summaryHeading }).getByText(t.rooms.summaryOccupied(2, 6)).waitFor();
      await screenshot(page, "home-today", size);

      await page.goto(`${app.url}/admin/rooms`);
      await bar(page, "Garden Suite", "The Johnson family").waitFor();
      await bar(page, "Attic Room 7", "María González").waitFor();
      await screenshot(page, "rooms", size);
      await screenshot(page, "rooms-full", size, { fullPage: true });
      // The timeline's card at the top, under the sticky top bar.
      await page.evaluate(() => window.scrollTo(0, window.scrollY + document.querySelector(".timeline-card")!.getBoundingClientRect().top - 80));
      await screenshot(page, "rooms-timeline", size);
      expect([size, await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)]).toEqual([size, true]);
      // The timeline scrolls sideways inside its frame where it does not fit.
      const region = page.getByRole("region", { name: t.rooms.timelineRegion("Tue 7 Jul", "Mon 3 Aug") });
      const fits = await region.evaluate((element) => element.scrollWidth <= element.clientWidth);
      if (size === "phone") expect(fits).toBe(false);
      expect(await seriousAccessibilityProblems(page)).toEqual([]);

      await bar(page, "Room 1", "Anna Rossi").click();
      await bookingDialog(page).getByRole("heading", { name: t.rooms.editHeading("Anna Rossi") }).waitFor();
      await screenshot(page, "rooms-booking", size);
      expect(await seriousAccessibilityProblems(page)).toEqual([]);
      await page.keyboard.press("Escape");
      await bookingDialog(page).waitFor({ state: "detached" });

      await page.getByRole("button", { name: t.rooms.manageRoom("Room 1") }).click();
      await page.getByLabel(t.rooms.exportLabel("Room 1"), { exact: true }).scrollIntoViewIfNeeded();
      await screenshot(page, "rooms-manage", size);
      expect(await seriousAccessibilityProblems(page)).toEqual([]);
      expect(problems()).toEqual([]);
    }
  }, 120_000);
});
