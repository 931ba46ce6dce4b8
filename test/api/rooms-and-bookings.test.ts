import { afterEach, describe, expect, it } from "vitest";
import { ApiClient, addMemberWithLogin, setUpManager, startTestApp, type TestApp } from "../helpers/app.js";
import { createTestClock } from "../helpers/test-clock.js";

let app: TestApp | undefined;
afterEach(async () => {
  await app?.stop();
  app = undefined;
});

// 10 July 2026, 08:00 in Rome (UTC+2).
async function start(iso = "2026-07-10T06:00:00Z") {
  const clock = createTestClock(Date.parse(iso));
  app = await startTestApp({ clock });
  const manager = await setUpManager(app);
  expect((await manager.patch("/api/property", { timezone: "Europe/Rome" })).status).toBe(200);
  return { app, clock, manager };
}

const room = async (manager: ApiClient, body: object) => {
  const res = await manager.post("/api/rooms", body);
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body.room as { id: string; name: string; tag: string };
};

describe("rooms and bookings", () => {
  it("keeps rooms with their QR tags, and each room's stay state moves with the property's clock and times", async () => {
    const { clock, manager } = await start();
    const r12 = await room(manager, { name: "Room 12" });
    const suite = await room(manager, { name: "Suite <Mare>", tag: "Suite 1" });
    expect(r12.tag).toBe("Room 12");
    expect(suite.tag).toBe("Suite 1");
    expect((await manager.post("/api/rooms", { name: "Other", tag: "room 12" })).status).toBe(409);

    const anna = await manager.post("/api/bookings", { roomId: r12.id, guestName: "Anna Rossi", checkIn: "2026-07-10", checkOut: "2026-07-12", guestEmail: "anna@example.com" });
    expect(anna.status, JSON.stringify(anna.body)).toBe(201);
    expect(anna.body).toMatchObject({ roomId: r12.id, guestName: "Anna Rossi", source: "manual", status: "confirmed", guestEmail: "anna@example.com" });
    expect(anna.body.code).toMatch(/^[A-HJ-NP-Z2-9]{10}$/);

    const stateOf = async (id: string) => ((await manager.get("/api/rooms")).body.rooms as any[]).find((r) => r.id === id);
    expect(await stateOf(r12.id)).toMatchObject({ stay: "awaiting-checkin", booking: { id: anna.body.id } });
    expect((await stateOf(suite.id)).stay).toBe("vacant");
    clock.set(Date.parse("2026-07-10T13:00:00Z")); // 15:00 in Rome: check-in time
    expect((await stateOf(r12.id)).stay).toBe("occupied");
    await manager.patch("/api/property", { checkOutTime: "10:00" });
    clock.set(Date.parse("2026-07-12T08:30:00Z")); // 10:30 on departure day
    expect((await stateOf(r12.id)).stay).toBe("checked-out");
    clock.set(Date.parse("2026-07-12T22:00:00Z")); // midnight
    expect(await stateOf(r12.id)).toMatchObject({ stay: "vacant" });
    expect((await stateOf(r12.id)).booking).toBeUndefined();
  });

  it("refuses a stay that shares a night with another confirmed one in the room, naming it, and takes back-to-back stays", async () => {
    const { manager } = await start();
    const r12 = await room(manager, { name: "Room 12" });
    const r14 = await room(manager, { name: "Room 14" });
    const first = await manager.post("/api/bookings", { roomId: r12.id, guestName: "Anna Rossi", checkIn: "2026-08-01", checkOut: "2026-08-05" });
    expect(first.status).toBe(201);
    const clash = await manager.post("/api/bookings", { roomId: r12.id, guestName: "Ben Vogel", checkIn: "2026-08-04", checkOut: "2026-08-06" });
    expect(clash.status).toBe(409);
    expect(clash.body.error).toBe("The room is taken then: Anna Rossi stays from 2026-08-01 to 2026-08-05. Choose other dates or another room, or cancel that stay first.");
    expect((await manager.post("/api/bookings", { roomId: r12.id, guestName: "Ben Vogel", checkIn: "2026-08-05", checkOut: "2026-08-06" })).status).toBe(201);
    expect((await manager.post("/api/bookings", { roomId: r14.id, guestName: "Carla Diaz", checkIn: "2026-08-04", checkOut: "2026-08-06" })).status).toBe(201);
    // Moving into a taken room is refused; cancelling frees the nights.
    const carla = (await manager.get(`/api/bookings?roomId=${r14.id}`)).body.bookings[0];
    expect((await manager.patch(`/api/bookings/${carla.id}`, { roomId: r12.id })).status).toBe(409);
    expect((await manager.patch(`/api/bookings/${first.body.id}`, { status: "cancelled" })).body.status).toBe("cancelled");
    expect((await manager.patch(`/api/bookings/${carla.id}`, { roomId: r12.id, checkOut: "2026-08-05" })).status).toBe(200);
  });

  it("lists the stays overlapping a range, and answers bad input with sentences", async () => {
    const { manager } = await start();
    const r12 = await room(manager, { name: "Room 12" });
    for (const [checkIn, checkOut] of [["2026-08-01", "2026-08-03"], ["2026-08-03", "2026-08-05"], ["2026-08-10", "2026-08-12"]]) {
      expect((await manager.post("/api/bookings", { roomId: r12.id, guestName: "Guest", checkIn, checkOut })).status).toBe(201);
    }
    const range = async (q: string) => ((await manager.get(`/api/bookings?${q}`)).body.bookings as any[]).map((b) => `${b.checkIn}/${b.checkOut}`);
    expect(await range("from=2026-08-03&to=2026-08-09")).toEqual(["2026-08-03/2026-08-05"]);
    expect(await range("from=2026-08-02&to=2026-08-10")).toEqual(["2026-08-01/2026-08-03", "2026-08-03/2026-08-05", "2026-08-10/2026-08-12"]);
    const bad: Array<[object, RegExp]> = [
      [{ roomId: r12.id, guestName: "G", checkIn: "2026-08-20", checkOut: "2026-08-20" }, /at least one day after check-in/],
      [{ roomId: r12.id, guestName: "G", checkIn: "2026-02-30", checkOut: "2026-03-02" }, /real date/],
      [{ roomId: r12.id, guestName: "G", checkIn: "20.08.2026", checkOut: "2026-08-22" }, /real date/],
      [{ roomId: r12.id, guestName: "", checkIn: "2026-08-20", checkOut: "2026-08-22" }, /Guest name cannot be empty/],
      [{ roomId: r12.id, guestName: "G", checkIn: "2026-08-20", checkOut: "2026-08-22", guestEmail: "nope" }, /email address/],
    ];
    for (const [body, message] of bad) {
      const res = await manager.post("/api/bookings", body);
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(JSON.stringify(res.body)).toMatch(message);
    }
    const unknownRoom = await manager.post("/api/bookings", { roomId: "r_nope", guestName: "G", checkIn: "2026-08-20", checkOut: "2026-08-22" });
    expect(unknownRoom.status).toBe(404);
    expect((await manager.patch("/api/property", { checkInTime: "25:00" })).status).toBe(400);
    expect((await manager.get("/api/bookings")).body.bookings).toHaveLength(3);
  });

  it("keeps a room with bookings, lets staff enter stays but not rooms, and shows My Reservation once bookings exist", async () => {
    const { app, manager } = await start();
    const { client: staff } = await addMemberWithLogin(manager, "staff", "sam");
    expect((await staff.post("/api/rooms", { name: "Room 9" })).status).toBe(403);
    const r12 = await room(manager, { name: "Room 12" });
    const guest = new ApiClient(app.url);
    expect((await guest.get("/api/guest/reception/hotel-miramar")).body.reservation).toEqual({ available: false });
    const booking = await staff.post("/api/bookings", { roomId: r12.id, guestName: "Walk-in", checkIn: "2026-07-10", checkOut: "2026-07-11" });
    expect(booking.status).toBe(201);
    expect((await guest.get("/api/guest/reception/hotel-miramar")).body.reservation).toEqual({ available: true });
    const removal = await manager.delete(`/api/rooms/${r12.id}`);
    expect(removal.status).toBe(409);
    expect(removal.body.error).toMatch(/has a booking/);
    expect((await manager.delete(`/api/bookings/${booking.body.id}`)).status).toBe(204);
    expect((await manager.delete(`/api/rooms/${r12.id}`)).status).toBe(204);
    expect((await manager.get("/api/rooms")).body.rooms).toEqual([]);
  });
});

describe("a room's calendar export", () => {
  it("gives the manager a secret address serving the stays entered in Innbox as all-day events, without the guest", async () => {
    const { app, manager } = await start();
    const r12 = await room(manager, { name: "Room 12, sea view; top floor" });
    expect(r12).toHaveProperty("exportUrl");
    const exportUrl = ((await manager.get("/api/rooms")).body.rooms[0] as any).exportUrl as string;
    expect(exportUrl).toMatch(new RegExp(`^${app.publicUrl}/api/ical/[A-Za-z0-9_-]{32}\\.ics$`));
    const { client: staff } = await addMemberWithLogin(manager, "staff", "sam");
    expect((await staff.get("/api/rooms")).body.rooms[0].exportUrl).toBeUndefined();

    const keep = await manager.post("/api/bookings", { roomId: r12.id, guestName: "Anna Rossi", checkIn: "2026-07-20", checkOut: "2026-07-23", guestEmail: "anna@example.com", notes: "Late arrival" });
    const gone = await manager.post("/api/bookings", { roomId: r12.id, guestName: "Ben Vogel", checkIn: "2026-08-01", checkOut: "2026-08-02" });
    await manager.post("/api/bookings", { roomId: r12.id, guestName: "Past Guest", checkIn: "2026-07-01", checkOut: "2026-07-05" });
    await manager.patch(`/api/bookings/${gone.body.id}`, { status: "cancelled" });

    const res = await fetch(exportUrl.replace(app.publicUrl, app.url));
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("text/calendar; charset=utf-8");
    const body = await res.text();
    expect(body.split("\r\n").every((line) => Buffer.byteLength(line) <= 75)).toBe(true);
    expect(body).not.toMatch(/Anna|Rossi|anna@example|Late arrival|Ben|Past Guest/);
    const ical = await import("node-ical");
    const events = Object.values(ical.sync.parseICS(body)).filter((e: any) => e.type === "VEVENT") as any[];
    expect(events).toHaveLength(1);
    expect(events[0].uid).toBe(`${keep.body.id}@innbox`);
    expect(events[0].summary).toBe("Reserved");
    expect(events[0].start.dateOnly).toBe(true);
    expect(body).toContain("DTSTART;VALUE=DATE:20260720\r\nDTEND;VALUE=DATE:20260723\r\n");
    expect(body).toContain("X-WR-CALNAME:Room 12\\, sea view\\; top floor\r\n");

    // The same address answers again the same way (stable UID); a wrong one is 404.
    expect((await (await fetch(exportUrl.replace(app.publicUrl, app.url))).text()).match(/UID:.*\r\n/)![0]).toBe(`UID:${keep.body.id}@innbox\r\n`);
    expect((await fetch(`${app.url}/api/ical/not-a-secret.ics`)).status).toBe(404);
  });
});
