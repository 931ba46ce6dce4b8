// Calendar import from the platforms' exports, served by a local HTTP server in their real
// formats (test/fixtures/calendars: CRLF, folded lines, Airbnb's "Reserved" and "Airbnb
// (Not available)", Booking.com's "CLOSED - Not available", Vrbo's "Reserved - Name" and
// "Blocked"). The process runs in Tokyo and the property is in Lisbon: all-day dates read
// through the machine's timezone would land on the wrong day.
process.env.TZ = "Asia/Tokyo";

import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { BookingEvent, Events } from "../../appliance/src/events/index.js";
import { addMemberWithLogin, ApiClient, MANAGER, setUpManager, startTestApp, tempDataDir, type TestApp } from "../helpers/app.js";
import { fixture, startCalendarServer, type CalendarServer } from "../helpers/calendar-server.js";
import { createTestClock, type TestClock } from "../helpers/test-clock.js";

type Kind = "booking.created" | "booking.cancelled" | "booking.checkedIn" | "booking.checkedOut";
const KINDS: Kind[] = ["booking.created", "booking.cancelled", "booking.checkedIn", "booking.checkedOut"];
const MINUTE = 60_000;

let app: TestApp;
let server: CalendarServer;
let clock: TestClock;
let manager: ApiClient;
let roomId: string;
let seen: Array<{ kind: Kind } & BookingEvent>;
let dataDir: string;

async function boot() {
  app = await startTestApp({ clock, dataDir });
  seen = [];
  for (const kind of KINDS) app.bus().on(kind, (e: Events[Kind]) => void seen.push({ kind, ...e }));
}

beforeEach(async () => {
  server = await startCalendarServer();
  // Saturday 20 March 2027, 10:00 in Lisbon (WET, UTC+0); Lisbon moves to summer time on 28 March.
  clock = createTestClock(Date.parse("2027-03-20T10:00:00Z"));
  dataDir = tempDataDir();
  await boot();
  manager = await setUpManager(app);
  await manager.patch("/api/property", { timezone: "Europe/Lisbon" });
  roomId = (await manager.post("/api/rooms", { name: "Sea View 1" })).body.room.id;
});

afterEach(async () => {
  await app.stop();
  await server.close();
});

const booking = { STAY_START: "20270319", STAY_UID: "4f1e2d3c4b5a69788796a5b4c3d2e1f0" };
const vrbo = { MARIA_START: "20270322", MARIA_END: "20270325" };

async function bookingsOf(room = roomId) {
  const res = await manager.get(`/api/bookings?roomId=${room}`);
  expect(res.status).toBe(200);
  return res.body.bookings as any[];
}

async function addFeed(path: string, body: string, room = roomId) {
  server.serve(path, body);
  const res = await manager.post(`/api/rooms/${room}/calendars`, { url: server.url(path) });
  expect(res.status).toBe(201);
  return res.body;
}

describe("calendar import", () => {
  it("runs in a timezone far from the property's", () => {
    expect(new Date(2027, 0, 1).getTimezoneOffset()).toBe(-540);
  });

  it("imports Airbnb's reservations with their codes and phone digits, and keeps its closed nights apart from the stays", async () => {
    const calendar = await addFeed("/airbnb.ics", fixture("airbnb.ics"));
    expect(calendar).toMatchObject({ roomId, url: server.url("/airbnb.ics"), source: "airbnb", status: "ok", stays: 2, blocks: 2 });
    expect(Date.parse(calendar.lastSyncAt) - Date.parse("2027-03-20T10:00:00Z")).toBeLessThan(5000);
    expect(calendar.lastError).toBeUndefined();

    const stays = await bookingsOf();
    expect(stays.map((b) => [b.checkIn, b.checkOut, b.guestName, b.source, b.status])).toEqual([
      ["2027-03-14", "2027-03-18", "Airbnb guest", "airbnb", "confirmed"],
      ["2027-03-27", "2027-03-29", "Airbnb guest", "airbnb", "confirmed"],
      ["2027-04-04", "2027-04-08", "Airbnb guest", "airbnb", "confirmed"],
    ]);
    // The guest's own Airbnb code opens My Reservation; the phone's last digits help the desk.
    expect(stays[1]).toMatchObject({ code: "HMQ8ZK2XWA", phoneLast4: "4821", calendarId: calendar.id });

    const blocks = (await manager.get(`/api/calendar-blocks?from=2027-03-20&roomId=${roomId}`)).body.blocks;
    expect(blocks.map((b: any) => [b.start, b.end, b.summary, b.source])).toEqual([
      ["2027-04-12", "2027-04-15", "Airbnb (Not available)", "airbnb"],
      ["2027-09-20", "2028-03-20", "Airbnb (Not available)", "airbnb"],
    ]);
    // A stay that ended before the import is history, not a booking made now.
    await expect.poll(() => seen.filter((e) => e.kind === "booking.created").map((e) => e.checkIn)).toEqual(["2027-03-27", "2027-04-04"]);

    // Imported stays are the platforms' own: the room's export for the platforms leaves them out.
    const exportUrl = (await manager.get("/api/rooms")).body.rooms[0].exportUrl as string;
    const exported = await (await fetch(exportUrl.replace(app.publicUrl, app.url))).text();
    expect(exported).not.toContain("20270327");
  });

  it("reads Booking.com's closed ranges as stays, and its daily re-issue of a stay in progress as the same booking", async () => {
    const calendar = await addFeed("/booking.ics", fixture("booking.ics", booking));
    expect(calendar).toMatchObject({ source: "booking", status: "ok", stays: 2, blocks: 1 });
    const [inProgress, later] = await bookingsOf();
    expect(inProgress).toMatchObject({ checkIn: "2027-03-19", checkOut: "2027-03-23", guestName: "Booking.com guest", source: "booking" });
    expect(later).toMatchObject({ checkIn: "2027-04-01", checkOut: "2027-04-03" });
    // 45 nights closed is the owner's closure, not a stay.
    const blocks = (await manager.get(`/api/calendar-blocks?roomId=${roomId}`)).body.blocks;
    expect(blocks.map((b: any) => [b.start, b.end])).toEqual([["2027-05-01", "2027-06-15"]]);
    expect((await manager.get("/api/rooms")).body.rooms[0]).toMatchObject({ stay: "occupied", booking: { id: inProgress.id } });

    // The next morning Booking.com shows the stay from today, under a new UID.
    await clock.set(Date.parse("2027-03-21T08:00:00Z"));
    seen.length = 0;
    server.serve("/booking.ics", fixture("booking.ics", { STAY_START: "20270321", STAY_UID: "9c8b7a6f5e4d3c2b1a0f9e8d7c6b5a49" }));
    const synced = await manager.post(`/api/calendars/${calendar.id}/sync`);
    expect(synced.status).toBe(200);
    expect(synced.body).toMatchObject({ status: "ok", stays: 2 });
    const after = await bookingsOf();
    expect(after).toHaveLength(2);
    expect(after[0]).toMatchObject({ id: inProgress.id, checkIn: "2027-03-19", checkOut: "2027-03-23", status: "confirmed" });
    // Nothing was cancelled or created, and the guest is not checked in a second time, though
    // the feed is fetched again and again through the day.
    const hits = server.hits("/booking.ics");
    await clock.advanceUntil(() => server.hits("/booking.ics") >= hits + 3, { stepMs: 5 * MINUTE, maxMs: 12 * 60 * MINUTE, what: "three more fetches" });
    await clock.set(Date.parse("2027-03-21T16:00:00Z"));
    await new Promise((r) => setTimeout(r, 50));
    expect((await bookingsOf())[0]).toMatchObject({ id: inProgress.id, checkIn: "2027-03-19" });
    expect(seen.filter((e) => e.bookingId === inProgress.id).map((e) => JSON.stringify(e))).toEqual([]);
  });

  it("follows Vrbo's guests, a changed stay and a cancellation, and never cancels a stay that has ended", async () => {
    const calendar = await addFeed("/vrbo.ics", fixture("vrbo.ics", vrbo));
    expect(calendar).toMatchObject({ source: "vrbo", status: "ok", stays: 2, blocks: 1 });
    const [maria, oliver] = await bookingsOf();
    expect(maria).toMatchObject({ guestName: "María González", checkIn: "2027-03-22", checkOut: "2027-03-25", source: "vrbo" });
    expect(oliver).toMatchObject({ guestName: "Oliver Brown", checkIn: "2027-04-25", checkOut: "2027-04-30" });

    // Maria moves her stay a day later: the same booking, new dates, said on the bus.
    const updated: BookingEvent[] = [];
    app.bus().on("booking.updated", (e) => void updated.push(e));
    server.serve("/vrbo.ics", fixture("vrbo.ics", { MARIA_START: "20270323", MARIA_END: "20270326" }));
    await manager.post(`/api/calendars/${calendar.id}/sync`);
    expect((await bookingsOf())[0]).toMatchObject({ id: maria.id, checkIn: "2027-03-23", checkOut: "2027-03-26", status: "confirmed" });
    expect(updated).toMatchObject([{ bookingId: maria.id, checkIn: "2027-03-23", checkOut: "2027-03-26" }]);

    // Oliver cancels: his event leaves the feed.
    const withoutOliver = fixture("vrbo.ics", { MARIA_START: "20270323", MARIA_END: "20270326" }).replace(/BEGIN:VEVENT\r\nUID:5a7d9c1e[\s\S]*?END:VEVENT\r\n/, "");
    server.serve("/vrbo.ics", withoutOliver);
    seen.length = 0;
    await manager.post(`/api/calendars/${calendar.id}/sync`);
    expect((await bookingsOf()).find((b) => b.id === oliver.id)).toMatchObject({ status: "cancelled" });
    expect(seen.map((e) => [e.kind, e.bookingId])).toEqual([["booking.cancelled", oliver.id]]);

    // After Maria's stay, Vrbo drops it from the feed: it stays in the books as it was.
    await clock.set(Date.parse("2027-03-27T09:00:00Z"));
    seen.length = 0;
    server.serve("/vrbo.ics", withoutOliver.replace(/BEGIN:VEVENT\r\nUID:0e3c8a52[\s\S]*?END:VEVENT\r\n/, ""));
    expect((await manager.post(`/api/calendars/${calendar.id}/sync`)).body).toMatchObject({ status: "ok", stays: 0 });
    expect((await bookingsOf()).find((b) => b.id === maria.id)).toMatchObject({ status: "confirmed", checkOut: "2027-03-26" });
    expect(seen.filter((e) => e.kind === "booking.cancelled")).toEqual([]);
  });

  it("changes nothing when a feed fails, answers a web page, is cut off mid-event, comes back empty or hangs, says why, and recovers", async () => {
    const calendar = await addFeed("/airbnb.ics", fixture("airbnb.ics"));
    const before = await bookingsOf();
    const sync = async () => {
      const res = await manager.post(`/api/calendars/${calendar.id}/sync`);
      expect(res.status).toBe(200);
      return res.body;
    };
    const expectUnchanged = async () => expect(await bookingsOf()).toEqual(before);

    server.serve("/airbnb.ics", { kind: "status", status: 503, body: "Service Unavailable" });
    let state = await sync();
    expect(state).toMatchObject({ status: "error", lastSyncAt: calendar.lastSyncAt });
    expect(state.lastError).toMatch(/answered 503/);
    // Backoff: the first retry comes about five minutes later, not fifteen.
    const wait = Date.parse(state.nextSyncAt) - Date.parse(state.lastAttemptAt);
    expect(wait).toBeGreaterThanOrEqual(4 * MINUTE);
    expect(wait).toBeLessThanOrEqual(6 * MINUTE);
    await expectUnchanged();

    server.serve("/airbnb.ics", { kind: "html" });
    state = await sync();
    expect(state.lastError).toMatch(/web page, not a calendar/);
    expect(Date.parse(state.nextSyncAt) - Date.parse(state.lastAttemptAt)).toBeGreaterThanOrEqual(8 * MINUTE);

    const full = fixture("airbnb.ics");
    server.serve("/airbnb.ics", { kind: "cut", body: full, at: full.indexOf("HMQ8ZK2XWA") });
    state = await sync();
    expect(state.lastError).toMatch(/cut off/);
    await expectUnchanged();
    // Cut off between two events: parses, yet lacks END:VCALENDAR, so still nothing is acted on.
    server.serve("/airbnb.ics", { kind: "cut", body: full, at: full.indexOf("BEGIN:VEVENT", full.indexOf("HMQ8ZK2XWA")) });
    expect((await sync()).lastError).toMatch(/cut off/);
    await expectUnchanged();

    server.serve("/airbnb.ics", { kind: "calendar", body: "" });
    expect((await sync()).lastError).toMatch(/did not answer with an iCalendar file/);

    server.serve("/airbnb.ics", { kind: "hang" });
    const pending = manager.post(`/api/calendars/${calendar.id}/sync`);
    await clock.advanceUntil(async () => server.hits("/airbnb.ics") >= 7, { stepMs: 100, maxMs: 10_000, what: "the hanging fetch" });
    await clock.advance(16_000);
    const hung = await pending;
    expect(hung.status).toBe(200);
    expect(hung.body.lastError).toMatch(/did not answer within 15 seconds/);
    await expectUnchanged();
    expect(seen.filter((e) => e.kind === "booking.cancelled")).toEqual([]);

    server.serve("/airbnb.ics", full);
    state = await sync();
    expect(state).toMatchObject({ status: "ok", stays: 2 });
    expect(state.lastError).toBeUndefined();
    expect(Date.parse(state.lastSyncAt)).toBeGreaterThan(Date.parse("2027-03-20T10:00:10Z"));
    await expectUnchanged();
  });

  it("says so when the address cannot be reached", async () => {
    const res = await manager.post(`/api/rooms/${roomId}/calendars`, { url: "http://127.0.0.1:9/calendar.ics" });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ status: "error", source: "ical" });
    expect(res.body.lastError).toMatch(/could not be reached/);
    expect(await bookingsOf()).toEqual([]);
  });

  it("fetches each feed again about every 15 minutes, and goes on after a restart", async () => {
    await addFeed("/airbnb.ics", fixture("airbnb.ics"));
    expect(server.hits("/airbnb.ics")).toBe(1);
    await clock.advanceUntil(() => server.hits("/airbnb.ics") === 2, { stepMs: MINUTE, maxMs: 20 * MINUTE, what: "the second fetch" });
    const elapsed = clock.now() - Date.parse("2027-03-20T10:00:00Z");
    expect(elapsed).toBeGreaterThanOrEqual(13 * MINUTE);
    expect(elapsed).toBeLessThanOrEqual(18 * MINUTE);

    await app.stop();
    await clock.advance(60 * MINUTE); // the box was off for an hour
    await boot();
    manager = new ApiClient(app.url);
    await manager.login(MANAGER.username, MANAGER.password);
    // Overdue while the box was off: fetched as soon as it is serving again.
    await clock.advanceUntil(() => server.hits("/airbnb.ics") === 3, { stepMs: 1000, maxMs: 60_000, what: "the fetch after the restart" });
    const calendars = (await manager.get(`/api/rooms/${roomId}/calendars`)).body.calendars;
    expect(calendars).toHaveLength(1);
    expect(calendars[0]).toMatchObject({ status: "ok", stays: 2 });
  });

  it("flags two platforms selling the same nights instead of merging them, and keeps imported stays for their feed to change", async () => {
    const flagged: Array<Events["booking.conflictFound"]> = [];
    app.bus().on("booking.conflictFound", (e) => void flagged.push(e));
    await addFeed("/airbnb.ics", fixture("airbnb.ics"));
    expect(flagged).toEqual([]);
    await addFeed("/vrbo.ics", fixture("vrbo.ics", { MARIA_START: "20270406", MARIA_END: "20270409" }));
    const stays = await bookingsOf();
    const airbnb = stays.find((b) => b.checkIn === "2027-04-04")!;
    const maria = stays.find((b) => b.guestName === "María González")!;
    expect(airbnb.conflictsWith).toEqual([maria.id]);
    expect(maria.conflictsWith).toEqual([airbnb.id]);
    expect(stays.find((b) => b.guestName === "Oliver Brown")!.conflictsWith).toBeUndefined();
    expect(flagged).toEqual([{ roomId, bookingId: maria.id, conflictsWith: [airbnb.id] }]);

    // A stay typed in over an imported one is refused, naming it.
    const typed = await manager.post("/api/bookings", { roomId, guestName: "Walk-in", checkIn: "2027-04-05", checkOut: "2027-04-06" });
    expect(typed.status).toBe(409);
    expect(typed.body.error).toMatch(/Airbnb guest stays from 2027-04-04 to 2027-04-08/);

    // Notes are the desk's; dates, room, guest and status are the platform's.
    expect((await manager.patch(`/api/bookings/${airbnb.id}`, { notes: "Late arrival, key in the box" })).status).toBe(200);
    const moved = await manager.patch(`/api/bookings/${airbnb.id}`, { checkIn: "2027-04-05" });
    expect(moved.status).toBe(409);
    expect(moved.body.error).toMatch(/comes from the Airbnb calendar/);
    expect((await manager.delete(`/api/bookings/${airbnb.id}`)).status).toBe(409);
    expect((await bookingsOf()).find((b) => b.id === airbnb.id)).toMatchObject({ checkIn: "2027-04-04", notes: "Late arrival, key in the box" });
  });

  it("refuses addresses that are not http(s), unknown rooms and duplicates, and keeps feeds from staff", async () => {
    for (const url of ["file:///etc/passwd", "not a url", "ftp://example.com/cal.ics", "javascript:alert(1)", ""]) {
      const res = await manager.post(`/api/rooms/${roomId}/calendars`, { url });
      expect(res.status, url).toBe(400);
      expect(res.body.error).toMatch(/http/);
    }
    expect((await manager.post(`/api/rooms/${roomId}/calendars`, {})).status).toBe(400);
    expect((await manager.post("/api/rooms/r_nope/calendars", { url: server.url("/a.ics") })).status).toBe(404);
    expect((await manager.post("/api/calendars/cal_nope/sync")).status).toBe(404);
    expect((await manager.delete("/api/calendars/cal_nope")).status).toBe(404);
    await addFeed("/airbnb.ics", fixture("airbnb.ics"));
    const again = await manager.post(`/api/rooms/${roomId}/calendars`, { url: server.url("/airbnb.ics") });
    expect(again.status).toBe(409);
    expect(again.body.error).toMatch(/already has this calendar/);

    const staff = (await addMemberWithLogin(manager, "staff", "desk")).client;
    expect((await staff.get(`/api/rooms/${roomId}/calendars`)).status).toBe(403);
    expect((await staff.post(`/api/rooms/${roomId}/calendars`, { url: server.url("/b.ics") })).status).toBe(403);
    // Staff still see the stays and the closed nights.
    expect((await staff.get(`/api/bookings?roomId=${roomId}`)).body.bookings).toHaveLength(3);
    expect((await staff.get("/api/calendar-blocks")).body.blocks).toHaveLength(2);
    expect(JSON.stringify((await staff.get("/api/rooms")).body)).not.toContain("/api/ical/");
  });

  it("disconnecting a feed cancels its stays to come and keeps the ended ones", async () => {
    const calendar = await addFeed("/airbnb.ics", fixture("airbnb.ics"));
    seen.length = 0;
    expect((await manager.delete(`/api/calendars/${calendar.id}`)).status).toBe(204);
    const stays = await bookingsOf();
    expect(stays.map((b) => [b.checkIn, b.status])).toEqual([
      ["2027-03-14", "confirmed"],
      ["2027-03-27", "cancelled"],
      ["2027-04-04", "cancelled"],
    ]);
    expect(seen.map((e) => e.kind)).toEqual(["booking.cancelled", "booking.cancelled"]);
    expect((await manager.get(`/api/calendar-blocks?roomId=${roomId}`)).body.blocks).toEqual([]);
    expect((await manager.get(`/api/rooms/${roomId}/calendars`)).body.calendars).toEqual([]);
  });

  it("checks the guest in and out at the property's times across the spring-forward weekend", async () => {
    await addFeed("/airbnb.ics", fixture("airbnb.ics"));
    const stay = (await bookingsOf()).find((b) => b.checkIn === "2027-03-27")!;
    const mine = () => seen.filter((e) => e.bookingId === stay.id && e.kind !== "booking.created");
    await clock.set(Date.parse("2027-03-27T14:50:00Z"));
    await clock.advanceUntil(() => mine().length === 1, { stepMs: MINUTE, maxMs: 30 * MINUTE, what: "check-in" });
    // 15:00 in Lisbon on Saturday is still winter time (UTC+0)…
    expect(mine()[0]).toMatchObject({ kind: "booking.checkedIn", at: "2027-03-27T15:00:00.000Z", late: false });
    await clock.set(Date.parse("2027-03-29T09:50:00Z"));
    await clock.advanceUntil(() => mine().length === 2, { stepMs: MINUTE, maxMs: 30 * MINUTE, what: "check-out" });
    // …and 11:00 on Monday is summer time (UTC+1).
    expect(mine()[1]).toMatchObject({ kind: "booking.checkedOut", at: "2027-03-29T10:00:00.000Z", late: false });
  });
});
