// What the Rooms & bookings browser tests share: the app and the browser at a fixed "now"
// (10 July 2026, 08:00 in Rome, on the appliance's clock and the page's), rooms and stays
// made through the API, the page's timeline and booking dialog, and two platforms' exports.
import type { Page } from "playwright-core";
import { expect } from "vitest";
import { en as t } from "../../admin-ui/src/messages/en/index.js";
import { ApiClient, setUpManager, startTestApp } from "../helpers/app.js";
import { createTestClock } from "../helpers/test-clock.js";
import type { browserSuite, ViewportName } from "./browser-kit.js";

type Suite = ReturnType<typeof browserSuite>;

/** 08:00 on Friday 10 July 2026 in Rome. */
export const NOW = Date.parse("2026-07-10T06:00:00Z");

export async function startRoomsApp(suite: Suite) {
  const clock = createTestClock(NOW);
  const app = suite.stopAfterTest(await startTestApp({ uiRoot: suite.uiRoot(), clock }));
  const manager = await setUpManager(app, "Hotel Miramar");
  expect((await manager.patch("/api/property", { timezone: "Europe/Rome" })).status).toBe(200);
  return { app, clock, manager };
}

/** A page whose clock reads the appliance's "now". */
export async function openAt(suite: Suite, viewport: ViewportName = "desktop") {
  const opened = await suite.open(viewport);
  await opened.page.clock.setFixedTime(new Date(NOW));
  return opened;
}

export async function addRoom(manager: ApiClient, name: string, tag?: string) {
  const res = await manager.post("/api/rooms", tag ? { name, tag } : { name });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body.room as { id: string; name: string; tag: string; exportUrl?: string };
}

export async function addBooking(manager: ApiClient, roomId: string, guestName: string, checkIn: string, checkOut: string, more: object = {}) {
  const res = await manager.post("/api/bookings", { roomId, guestName, checkIn, checkOut, ...more });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body as { id: string; code: string };
}

export const bookingDialog = (page: Page) => page.getByRole("dialog");
export const timelineRow = (page: Page, room: string) => page.getByRole("group", { name: room, exact: true });
export const bar = (page: Page, room: string, guest: string) => timelineRow(page, room).getByRole("button", { name: new RegExp(`^${guest}( · [^,]+)?,`) });

export async function fillBooking(page: Page, fields: { room?: string; guest?: string; checkIn?: string; checkOut?: string; email?: string; notes?: string }) {
  const dialog = bookingDialog(page);
  if (fields.room) await dialog.getByLabel(t.rooms.room, { exact: true }).selectOption({ label: fields.room });
  if (fields.guest !== undefined) await dialog.getByLabel(t.rooms.guestName).fill(fields.guest);
  if (fields.checkIn) await dialog.getByLabel(t.rooms.checkIn).fill(fields.checkIn);
  if (fields.checkOut) await dialog.getByLabel(t.rooms.checkOut).fill(fields.checkOut);
  if (fields.email !== undefined) await dialog.getByLabel(t.rooms.guestEmail).fill(fields.email);
  if (fields.notes !== undefined) await dialog.getByLabel(t.rooms.notes).fill(fields.notes);
}

/** An Airbnb export as Airbnb writes it: a reservation (with the phone's last digits) and closed nights. */
export const AIRBNB = [
  "BEGIN:VCALENDAR",
  "PRODID;X-RICAL-TZSOURCE=TZINFO:-//Airbnb Inc//Hosting Calendar 0.8.8//EN",
  "CALSCALE:GREGORIAN",
  "VERSION:2.0",
  "BEGIN:VEVENT",
  "DTEND;VALUE=DATE:20260715",
  "DTSTART;VALUE=DATE:20260712",
  "UID:1418fb94e984-7a1c5f2c8e3d1c7f27f2a1b3c2d4e5f6@airbnb.com",
  "DESCRIPTION:Reservation URL: https://www.airbnb.com/hosting/reservations/de",
  " tails/HMQ8ZK2XWA\\nPhone Number (Last 4 Digits): 4821",
  "SUMMARY:Reserved",
  "END:VEVENT",
  "BEGIN:VEVENT",
  "DTEND;VALUE=DATE:20260722",
  "DTSTART;VALUE=DATE:20260720",
  "UID:1418fb94e984-c4d5e6f7a8b9c0d1e2f3a4b5c6d7e8f9@airbnb.com",
  "SUMMARY:Airbnb (Not available)",
  "END:VEVENT",
  "END:VCALENDAR",
  "",
].join("\r\n");

/** A Vrbo export selling a night Airbnb sold too (14 July). */
export const VRBO = [
  "BEGIN:VCALENDAR",
  "PRODID:-//HomeAway.com, Inc.//EN",
  "VERSION:2.0",
  "CALSCALE:GREGORIAN",
  "BEGIN:VEVENT",
  "UID:0e3c8a52-6b1f-4d7e-9a20-5c4b3d2e1f00",
  "DTSTAMP:20260709T000000Z",
  "DTSTART;VALUE=DATE:20260714",
  "DTEND;VALUE=DATE:20260717",
  "SUMMARY:Reserved - María González",
  "END:VEVENT",
  "END:VCALENDAR",
  "",
].join("\r\n");
