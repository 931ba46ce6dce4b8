import { afterEach, describe, expect, it } from "vitest";
import { ApiClient, addMemberWithLogin, setUpManager, startTestApp, type TestApp } from "../helpers/app.js";
import { collect, connectSocket } from "../helpers/sockets.js";
import { createTestClock } from "../helpers/test-clock.js";

let app: TestApp | undefined;
const sockets: Array<{ close(): unknown }> = [];
afterEach(async () => {
  for (const s of sockets.splice(0)) s.close();
  await app?.stop();
  app = undefined;
});

// 10 July 2026, 07:00 in Lisbon (UTC+1).
async function start() {
  const clock = createTestClock(Date.parse("2026-07-10T06:00:00Z"));
  app = await startTestApp({ clock });
  const manager = await setUpManager(app);
  expect((await manager.patch("/api/property", { timezone: "Europe/Lisbon", checkInTime: "14:00", checkOutTime: "10:30" })).status).toBe(200);
  const room = await manager.post("/api/rooms", { name: "Sea View 12", tag: "Room12" });
  expect(room.status).toBe(201);
  const booking = await manager.post("/api/bookings", { roomId: room.body.room.id, guestName: "Anna Rossi", checkIn: "2026-07-10", checkOut: "2026-07-13" });
  expect(booking.status).toBe(201);
  return { app, clock, manager, roomId: room.body.room.id as string, booking: booking.body as { id: string; code: string } };
}

const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

async function guestRequest(method: string, path: string, token: string, body?: unknown) {
  return new ApiClient(app!.url).requestWithHeaders(method, path, body, {}, bearer(token));
}

async function openSession(body: Record<string, unknown> = {}) {
  return new ApiClient(app!.url).post("/api/guest/sessions", { slug: "hotel-miramar", ...body });
}

const spaced = (code: string) => `${code.slice(0, 4).toLowerCase()} ${code.slice(4, 7)}-${code.slice(7).toLowerCase()}`;

describe("My Reservation", () => {
  it("opens with the reservation code and shows the stay with the property's times and arrival instructions", async () => {
    const { manager, booking } = await start();
    expect((await manager.patch("/api/property", { arrivalInstructions: "The key box code is **4821**.\n\nParking behind the house." })).body).toMatchObject({
      arrivalInstructions: "The key box code is **4821**.\n\nParking behind the house.",
    });

    const session = await openSession({ reservationCode: booking.code, language: "de" });
    expect(session.status, JSON.stringify(session.body)).toBe(201);
    const mine = await guestRequest("GET", "/api/guest/reservation", session.body.token);
    expect(mine.status).toBe(200);
    expect(mine.body).toEqual({
      guestName: "Anna Rossi",
      room: { name: "Sea View 12", tag: "Room12" },
      checkIn: "2026-07-10",
      checkOut: "2026-07-13",
      checkInTime: "14:00",
      checkOutTime: "10:30",
      status: "confirmed",
      timeZone: "Europe/Lisbon",
      instructions: "The key box code is **4821**.\n\nParking behind the house.",
    });

    // Lower case, spaces and dashes do not matter.
    const typed = await openSession({ reservationCode: spaced(booking.code) });
    expect(typed.status, JSON.stringify(typed.body)).toBe(201);
    expect((await guestRequest("GET", "/api/guest/reservation", typed.body.token)).body).toMatchObject({ guestName: "Anna Rossi" });

    // A cancelled stay is still shown, as cancelled; no instructions: none sent.
    await manager.patch("/api/property", { arrivalInstructions: "" });
    expect((await manager.patch(`/api/bookings/${booking.id}`, { status: "cancelled" })).status).toBe(200);
    const cancelled = await guestRequest("GET", "/api/guest/reservation", session.body.token);
    expect(cancelled.body.status).toBe("cancelled");
    expect(cancelled.body.instructions).toBeUndefined();

    // A chat opened without a code has no reservation.
    const plain = await openSession();
    const none = await guestRequest("GET", "/api/guest/reservation", plain.body.token);
    expect(none.status).toBe(404);
    expect(none.body.error).toMatch(/reservation code/);
    expect((await new ApiClient(app!.url).get("/api/guest/reservation")).status).toBe(401);
  });

  it("answers an unknown code with 404 and a sentence, refuses the sixth miss with 429 and Retry-After, and forgives after fifteen minutes", async () => {
    const { clock, booking } = await start();
    const plain = await openSession();
    const token = plain.body.token as string;

    const miss = await openSession({ reservationCode: "ZZZZZZZZZZ" });
    expect(miss.status).toBe(404);
    expect(miss.body.error).toBe("There is no reservation with this code. Check the code in your booking confirmation, or ask the front desk.");
    for (let i = 0; i < 4; i++) expect((await guestRequest("POST", "/api/guest/reservation", token, { reservationCode: `WRONG${i}CODE` })).status).toBe(404);

    const blocked = await guestRequest("POST", "/api/guest/reservation", token, { reservationCode: booking.code });
    expect(blocked.status).toBe(429);
    expect(blocked.headers.get("retry-after")).toBe("900");
    expect(blocked.body.error).toMatch(/Too many wrong reservation codes.*15 minutes/);
    expect((await openSession({ reservationCode: booking.code })).status).toBe(429);
    // Nothing was linked meanwhile.
    expect((await guestRequest("GET", "/api/guest/reservation", token)).status).toBe(404);

    await clock.advance(15 * 60_000 + 1000);
    const linked = await guestRequest("POST", "/api/guest/reservation", token, { reservationCode: booking.code });
    expect(linked.status, JSON.stringify(linked.body)).toBe(200);
    expect(linked.body).toMatchObject({ guestName: "Anna Rossi", room: { tag: "Room12" } });
    // Right codes cost nothing.
    for (let i = 0; i < 6; i++) expect((await guestRequest("POST", "/api/guest/reservation", token, { reservationCode: booking.code })).status).toBe(200);
  });

  it("links a guest who is already chatting: the same conversation, its messages kept, staff told", async () => {
    const { app, manager, booking } = await start();
    const staffSocket = await connectSocket(app.url, "/staff", { cookie: manager.cookie });
    sockets.push(staffSocket);
    const updates = collect(staffSocket, "conversation");

    const session = await openSession({ tag: "Room12", name: "Anna" });
    const token = session.body.token as string;
    expect((await guestRequest("POST", "/api/guest/messages", token, { text: "Where do I park?" })).status).toBe(201);
    const linked = await guestRequest("POST", "/api/guest/reservation", token, { reservationCode: booking.code.toLowerCase() });
    expect(linked.status).toBe(200);

    const item = await updates.waitFor((c) => c.id === session.body.conversationId && c.booking);
    expect(item.booking).toEqual({ id: booking.id, guestName: "Anna Rossi", roomName: "Sea View 12", checkIn: "2026-07-10", checkOut: "2026-07-13", code: booking.code, status: "confirmed" });
    const listed = (await manager.get("/api/conversations")).body.conversations as any[];
    expect(listed).toHaveLength(1);
    expect(listed[0]).toMatchObject({ id: session.body.conversationId, lastMessage: "Where do I park?", booking: { id: booking.id } });
    const detail = await manager.get(`/api/conversations/${session.body.conversationId}`);
    expect(detail.body.conversation.booking).toMatchObject({ code: booking.code });
    expect(detail.body.messages.map((m: any) => m.text)).toEqual(["Where do I park?"]);
    // Still the guest's one chat.
    expect((await guestRequest("GET", "/api/guest/messages", token)).body.messages).toHaveLength(1);
  });

  it("lets staff link and unlink a booking: the guest's page is told and then sees it, or no longer does", async () => {
    const { app, manager, booking } = await start();
    const { client: staff } = await addMemberWithLogin(manager, "staff", "sofia", "Sofia");
    const staffSocket = await connectSocket(app.url, "/staff", { cookie: staff.cookie });
    sockets.push(staffSocket);
    const updates = collect(staffSocket, "conversation");

    const session = await openSession({ tag: "Room12" });
    const token = session.body.token as string;
    const conversationId = session.body.conversationId as string;
    expect((await guestRequest("POST", "/api/guest/messages", token, { text: "Hello" })).status).toBe(201);
    const guestSocket = await connectSocket(app.url, "/guest", { token });
    sockets.push(guestSocket);
    const told = collect(guestSocket, "reservation");

    const put = (id: string, body: unknown) => staff.request("PUT", `/api/conversations/${id}/booking`, body);
    const linked = await put(conversationId, { bookingId: booking.id });
    expect(linked.status, JSON.stringify(linked.body)).toBe(200);
    expect(linked.body).toMatchObject({ id: conversationId, booking: { id: booking.id, guestName: "Anna Rossi", roomName: "Sea View 12", code: booking.code } });
    expect(await told.waitFor((r) => r !== null)).toMatchObject({ guestName: "Anna Rossi", checkIn: "2026-07-10", timeZone: "Europe/Lisbon" });
    await updates.waitFor((c) => c.id === conversationId && c.booking?.id === booking.id);
    expect((await guestRequest("GET", "/api/guest/reservation", token)).body).toMatchObject({ guestName: "Anna Rossi", checkOutTime: "10:30" });

    // The stay moved a day: the guest's page sees the new dates at once.
    const toldMoved = new Promise<any>((resolve) => guestSocket.once("reservation", resolve));
    expect((await manager.patch(`/api/bookings/${booking.id}`, { checkOut: "2026-07-14" })).status).toBe(200);
    expect(await toldMoved).toMatchObject({ checkOut: "2026-07-14", status: "confirmed" });

    // The stay cancelled: both the messenger and the guest's page see it at once.
    const toldCancelled = new Promise<any>((resolve) => guestSocket.once("reservation", resolve));
    expect((await manager.patch(`/api/bookings/${booking.id}`, { status: "cancelled" })).status).toBe(200);
    expect(await toldCancelled).toMatchObject({ guestName: "Anna Rossi", status: "cancelled" });
    await updates.waitFor((c) => c.id === conversationId && c.booking?.status === "cancelled");

    const toldAgain = new Promise((resolve) => guestSocket.once("reservation", resolve));
    const unlinked = await put(conversationId, { bookingId: null });
    expect(unlinked.status).toBe(200);
    expect(unlinked.body.booking).toBeUndefined();
    expect(await toldAgain).toBeNull();
    await updates.waitFor((c) => c.id === conversationId && !c.booking);
    expect((await guestRequest("GET", "/api/guest/reservation", token)).status).toBe(404);

    // Bad bodies: 400 naming the field; unknown ids: 404 with a sentence.
    for (const body of [{}, { bookingId: 5 }, { bookingId: "" }, { bookingId: booking.id, extra: 1 }]) {
      const bad = await put(conversationId, body);
      expect(bad.status, JSON.stringify(body)).toBe(400);
      expect(bad.body.error).toEqual(expect.any(String));
    }
    const noBooking = await put(conversationId, { bookingId: "b_nosuchbooking" });
    expect(noBooking.status).toBe(404);
    expect(noBooking.body.error).toBe("There is no such booking; it may have been removed.");
    const noConversation = await put("c_nosuchconversation", { bookingId: booking.id });
    expect(noConversation.status).toBe(404);
    expect(noConversation.body.error).toBe("There is no conversation with that id.");
    // Signed-in staff only, with the CSRF header.
    expect((await new ApiClient(app.url).request("PUT", `/api/conversations/${conversationId}/booking`, { bookingId: booking.id })).status).toBe(401);
    expect((await staff.request("PUT", `/api/conversations/${conversationId}/booking`, { bookingId: booking.id }, { csrf: null })).status).toBe(403);
  });

  it("refuses bad codes and bodies with 400 and a sentence, and leaves chats without a code as they were", async () => {
    const { manager } = await start();
    const short = await openSession({ reservationCode: "ABC" });
    expect(short.status).toBe(400);
    expect(short.body.error).toEqual(expect.any(String));
    expect(JSON.stringify(short.body)).toMatch(/at least 8 characters/);
    expect((await openSession({ reservationCode: 12345678 })).status).toBe(400);
    expect((await openSession({ reservationCode: "A".repeat(40) })).status).toBe(400);

    const plain = await openSession({ tag: "Room12", name: "Ben" });
    expect(plain.status).toBe(201);
    const token = plain.body.token as string;
    for (const body of [{}, { reservationCode: "short" }, { code: "ABCDEFGHJK" }, { reservationCode: null }]) {
      const bad = await guestRequest("POST", "/api/guest/reservation", token, body);
      expect(bad.status, JSON.stringify(body)).toBe(400);
      expect(bad.body.error).toEqual(expect.any(String));
    }
    expect((await new ApiClient(app!.url).post("/api/guest/reservation", { reservationCode: "ABCDEFGHJK" })).status).toBe(401);

    // Nothing else changed: the chat works and lists without a booking.
    expect((await guestRequest("POST", "/api/guest/messages", token, { text: "Hi" })).status).toBe(201);
    const listed = (await manager.get("/api/conversations")).body.conversations as any[];
    expect(listed).toHaveLength(1);
    expect(listed[0].booking).toBeUndefined();
    expect(listed[0]).toMatchObject({ guestName: "Ben", tag: "Room12", lastMessage: "Hi" });
    const tooLong = await manager.patch("/api/property", { arrivalInstructions: "x".repeat(4001) });
    expect(tooLong.status).toBe(400);
    expect(JSON.stringify(tooLong.body)).toMatch(/at most 4,000 characters/);
  });
});
