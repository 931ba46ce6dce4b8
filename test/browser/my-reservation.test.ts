// My Reservation in headless Chromium: a guest opens the reception with the code the
// property sent (?code=…) and sees their stay on the property's calendar (the property in
// Lisbon, the phone in Los Angeles), a wrong code is said in the page, and a receptionist
// links a booking to a guest's chat in the Team Messenger and the guest's page shows it.
// Screenshots land in test-artifacts/screenshots/.
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { en as t } from "../../admin-ui/src/messages/en/index.js";
import { en as guestText } from "../../guest-ui/src/i18n/en.js";
import { setUpManager } from "../helpers/app.js";
import { OFFLINE_NOISE, REFUSAL_NOISE, browserSuite, buildUi, screenshot, seriousAccessibilityProblems, signIn } from "./browser-kit.js";

const suite = browserSuite({
  name: "my reservation",
  tests: "My Reservation",
  build: async () => buildUi("guest-ui", await buildUi("admin-ui")),
  timeout: 180_000,
  // Wrong codes are refused (404) on purpose; sockets close when a context does.
  noise: [REFUSAL_NOISE, OFFLINE_NOISE],
});
const { open, startApp } = suite;

// Far enough ahead to be an upcoming stay whenever the test runs.
const STAY = { checkIn: "2027-07-10", checkOut: "2027-07-13" };
const ARRIVAL = /Saturday,? 10 July 2027/;
const DEPARTURE = /Tuesday,? 13 July 2027/;

async function startProperty() {
  const app = await startApp();
  const manager = await setUpManager(app, "Hotel Miramar");
  const property = await manager.patch("/api/property", {
    timezone: "Europe/Lisbon",
    checkInTime: "14:00",
    checkOutTime: "10:30",
    arrivalInstructions: "The key box by the blue door opens with **4821**.\n\n- Parking: behind the house\n- Late arrival? Write to us below.",
  });
  expect(property.status, JSON.stringify(property.body)).toBe(200);
  const room = await manager.post("/api/rooms", { name: "Sea View 12", tag: "Room12" });
  expect(room.status).toBe(201);
  const booking = await manager.post("/api/bookings", { roomId: room.body.room.id, guestName: "Anna Rossi", ...STAY });
  expect(booking.status).toBe(201);
  // Another stay, to pick past in the messenger.
  const other = await manager.post("/api/rooms", { name: "Garden 3", tag: "Room3" });
  expect((await manager.post("/api/bookings", { roomId: other.body.room.id, guestName: "Ben Vogel", checkIn: "2027-07-11", checkOut: "2027-07-12" })).status).toBe(201);
  return { app, manager, booking: booking.body as { id: string; code: string } };
}

const reservationBlock = (page: Page) => page.locator('section[data-block="reservation"]');

async function expectStayShown(page: Page) {
  const block = reservationBlock(page);
  await block.getByText("Anna Rossi").waitFor();
  const text = await block.innerText();
  expect(text).toContain("Sea View 12");
  expect(text).toMatch(ARRIVAL);
  expect(text).toContain(guestText.reservation.fromTime("14:00"));
  expect(text).toMatch(DEPARTURE);
  expect(text).toContain(guestText.reservation.untilTime("10:30"));
  expect(await block.locator("strong", { hasText: "4821" }).count()).toBe(1);
  expect(await block.getByRole("listitem").allInnerTexts()).toEqual(["Parking: behind the house", "Late arrival? Write to us below."]);
}

async function guestSend(page: Page, text: string) {
  const box = page.getByRole("textbox", { name: guestText.chat.messageLabel });
  await box.fill(text);
  await box.press("Enter");
  await page.locator('li[data-from="guest"]', { hasText: text }).getByText(new RegExp(`^(${guestText.chat.sent}|${guestText.chat.delivered})$`)).waitFor();
}

async function openMessenger(page: Page, url: string) {
  await signIn(page, url);
  await page.goto(`${url}/admin/messenger`);
}

describe.skipIf(suite.skip)("My Reservation", () => {
  it("opens with ?code= from the property's link: the stay on the property's calendar, the code gone from the address bar, kept on reload, and the chat is the same conversation", async () => {
    const { app, manager, booking } = await startProperty();
    // The phone is in Los Angeles: nine hours behind Lisbon must not move any day.
    const guest = await open("phone", { timezoneId: "America/Los_Angeles" });
    const spaced = `${booking.code.slice(0, 5).toLowerCase()} ${booking.code.slice(5)}`;
    await guest.page.goto(`${app.url}/r/hotel-miramar?t=Room12&code=${encodeURIComponent(spaced)}`);
    await expectStayShown(guest.page);
    const address = new URL(guest.page.url());
    expect(address.searchParams.has("code")).toBe(false);
    expect(address.searchParams.get("t")).toBe("Room12");

    await reservationBlock(guest.page).scrollIntoViewIfNeeded();
    await screenshot(guest.page, "my-reservation-stay", "phone");
    expect(await seriousAccessibilityProblems(guest.page)).toEqual([]);

    await guest.page.reload();
    await expectStayShown(guest.page);

    // The chat the code opened is the guest's chat: staff see the booking beside it.
    await guestSend(guest.page, "We land at midnight, is that all right?");
    const listed = (await manager.get("/api/conversations")).body.conversations as any[];
    expect(listed).toHaveLength(1);
    expect(listed[0]).toMatchObject({ tag: "Room12", lastMessage: "We land at midnight, is that all right?", booking: { id: booking.id, guestName: "Anna Rossi" } });
    expect(guest.problems()).toEqual([]);
  });

  it("says so under the field when the code is wrong, and shows the stay once it is right", async () => {
    const { app, booking } = await startProperty();
    const guest = await open("phone");
    await guest.page.goto(`${app.url}/r/hotel-miramar`);
    const field = guest.page.getByLabel(guestText.reservation.codeLabel);
    await field.fill("WRONGCODE9");
    await guest.page.getByRole("button", { name: guestText.reservation.show }).click();
    await guest.page.getByRole("alert").filter({ hasText: guestText.reservation.unknownCode }).waitFor();
    expect(await field.getAttribute("aria-invalid")).toBe("true");
    await reservationBlock(guest.page).scrollIntoViewIfNeeded();
    await screenshot(guest.page, "my-reservation-wrong-code", "phone");
    expect(await seriousAccessibilityProblems(guest.page)).toEqual([]);

    // Too short to be a code: said without asking the appliance.
    await field.fill("ABC");
    await guest.page.getByRole("button", { name: guestText.reservation.show }).click();
    await guest.page.getByRole("alert").filter({ hasText: guestText.reservation.invalidCode(8) }).waitFor();

    await field.fill(booking.code.toLowerCase());
    await guest.page.getByRole("button", { name: guestText.reservation.show }).click();
    await expectStayShown(guest.page);
    expect(guest.problems()).toEqual([]);
  });

  it("lets a receptionist link a booking to a guest's chat in the Messenger: the guest's page shows the stay at once, and loses it on Unlink", async () => {
    const { app, booking } = await startProperty();
    const guest = await open("phone");
    await guest.page.goto(`${app.url}/r/hotel-miramar?t=Room12`);
    await guest.page.getByLabel(guestText.chat.nameLabel).fill("Anna");
    await guestSend(guest.page, "Can we check in early?");
    await guest.page.getByLabel(guestText.reservation.codeLabel).waitFor();

    const admin = await open("desktop");
    await openMessenger(admin.page, app.url);
    await admin.page.getByRole("list", { name: t.messenger.listLabel }).getByRole("link").filter({ hasText: "Anna" }).click();
    const panel = admin.page.getByRole("complementary", { name: t.messenger.booking.label });
    await panel.getByText(t.messenger.booking.none).waitFor();
    await panel.getByRole("button", { name: t.messenger.booking.link }).click();
    await panel.getByRole("button", { name: t.messenger.booking.choose("Ben Vogel") }).waitFor();
    await panel.getByLabel(t.messenger.booking.searchLabel).fill("ross");
    await expect(panel.getByRole("button", { name: t.messenger.booking.choose("Ben Vogel") }).count()).resolves.toBe(0);
    // The code works too, however it is typed.
    await panel.getByLabel(t.messenger.booking.searchLabel).fill(booking.code.slice(0, 6).toLowerCase());
    await panel.getByRole("button", { name: t.messenger.booking.choose("Anna Rossi") }).click();
    await panel.getByText(booking.code).waitFor();
    const facts = await panel.innerText();
    expect(facts).toContain("Sea View 12");
    expect(facts).toContain(t.messenger.booking.confirmed);
    expect(facts).toContain(t.messenger.booking.nights(3));

    // The guest's open page is told.
    await expectStayShown(guest.page);

    await screenshot(admin.page, "messenger-booking-panel", "desktop");
    expect(await seriousAccessibilityProblems(admin.page)).toEqual([]);

    await panel.getByRole("button", { name: t.messenger.booking.unlink }).click();
    await panel.getByRole("button", { name: t.messenger.booking.link }).waitFor();
    await guest.page.getByLabel(guestText.reservation.codeLabel).waitFor();
    expect(await reservationBlock(guest.page).getByText("Anna Rossi").count()).toBe(0);

    // On a phone the panel sits under the conversation's header.
    const phone = await open("phone");
    await openMessenger(phone.page, app.url);
    await phone.page.getByRole("list", { name: t.messenger.listLabel }).getByRole("link").filter({ hasText: "Anna" }).click();
    const phonePanel = phone.page.getByRole("complementary", { name: t.messenger.booking.label });
    await phonePanel.getByRole("button", { name: t.messenger.booking.link }).click();
    await phonePanel.getByRole("button", { name: t.messenger.booking.choose("Anna Rossi") }).click();
    await phonePanel.getByText(booking.code).waitFor();
    await screenshot(phone.page, "messenger-booking-panel", "phone");
    await expectStayShown(guest.page);
    expect(admin.problems()).toEqual([]);
    expect(phone.problems()).toEqual([]);
    expect(guest.problems()).toEqual([]);
  });

  it("shows a sample stay in the editor's preview and never asks the appliance about a code there", async () => {
    const { app, manager, booking } = await startProperty();
    const admin = await open("desktop");
    const asked: string[] = [];
    admin.context.on("request", (request) => {
      const path = new URL(request.url()).pathname;
      if (path.startsWith("/api/guest/reservation") || path === "/api/guest/sessions") asked.push(`${request.method()} ${path}`);
    });
    await signIn(admin.page, app.url);

    // The manager writes the arrival instructions on the Property page.
    await admin.page.goto(`${app.url}/admin/property`);
    const instructions = admin.page.getByLabel(t.property.arrivalInstructions);
    expect(await instructions.inputValue()).toContain("**4821**");
    await instructions.fill("Ring the bell at the **green gate**; the code is 4821.");
    // Beside them, the check-in and check-out times the stays follow.
    const checkIn = admin.page.getByLabel(t.property.checkInTime);
    expect(await checkIn.inputValue()).toBe((await manager.get("/api/property")).body.checkInTime);
    await checkIn.fill("16:30");
    await admin.page.getByLabel(t.property.checkOutTime).fill("10:00");
    await admin.page.getByRole("button", { name: t.property.save }).click();
    await admin.page.getByRole("status").filter({ hasText: t.property.saved }).waitFor();
    expect((await manager.get("/api/property")).body).toMatchObject({
      arrivalInstructions: "Ring the bell at the **green gate**; the code is 4821.",
      checkInTime: "16:30",
      checkOutTime: "10:00",
    });
    await instructions.scrollIntoViewIfNeeded();
    await screenshot(admin.page, "property-arrival-instructions", "desktop");
    expect(await seriousAccessibilityProblems(admin.page)).toEqual([]);

    await admin.page.goto(`${app.url}/admin/reception/design`);
    const frame = admin.page.frameLocator('iframe[data-device="phone"]');
    const sample = frame.locator('section[data-block="reservation"]');
    await sample.getByText(guestText.reservation.sample).waitFor();
    expect(await sample.innerText()).toContain("Anna Rossi");
    // A preview whose link carries a code still shows the sample only.
    await admin.page.evaluate((code) => {
      const frame = document.createElement("iframe");
      frame.id = "coded-preview";
      frame.title = "Preview with a code";
      frame.src = `/r/hotel-miramar?preview=en&code=${code}`;
      document.body.append(frame);
    }, booking.code);
    await admin.page.frameLocator("#coded-preview").locator('section[data-block="reservation"]').getByText(guestText.reservation.sample).waitFor();
    expect(asked).toEqual([]);
  });
});
