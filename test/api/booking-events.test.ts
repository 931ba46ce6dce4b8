// booking.created, .cancelled, .checkedIn and .checkedOut on the bus: each once, at its
// moment on the property's wall clock (the app's injected clock, never real sleeping),
// across a restart, and caught up late after downtime.
import { afterEach, describe, expect, it } from "vitest";
import type { BookingEvent, Events } from "../../appliance/src/events/index.js";
import { setUpManager, startTestApp, tempDataDir, type TestApp } from "../helpers/app.js";
import { createTestClock, type TestClock } from "../helpers/test-clock.js";

let app: TestApp | undefined;
afterEach(async () => {
  await app?.stop();
  app = undefined;
});

type Kind = "booking.created" | "booking.cancelled" | "booking.checkedIn" | "booking.checkedOut";
const KINDS: Kind[] = ["booking.created", "booking.cancelled", "booking.checkedIn", "booking.checkedOut"];

async function start(clock: TestClock, dataDir: string) {
  app = await startTestApp({ clock, dataDir });
  const seen: Array<{ kind: Kind } & BookingEvent> = [];
  for (const kind of KINDS) app.bus().on(kind, (e: Events[Kind]) => void seen.push({ kind, ...e }));
  return { app, seen };
}

const MINUTE = 60_000;

describe("booking events", () => {
  it("fires each stay's moments once, at the property's check-in and check-out times", async () => {
    const dataDir = tempDataDir();
    const clock = createTestClock(Date.parse("2026-07-10T06:00:00Z")); // 08:00 in Rome
    const { app, seen } = await start(clock, dataDir);
    const manager = await setUpManager(app);
    await manager.patch("/api/property", { timezone: "Europe/Rome" });
    const roomId = (await manager.post("/api/rooms", { name: "Room 12" })).body.room.id;
    const booking = (await manager.post("/api/bookings", { roomId, guestName: "Anna", checkIn: "2026-07-10", checkOut: "2026-07-11" })).body;
    await expect.poll(() => seen.map((e) => e.kind)).toEqual(["booking.created"]);

    // Near the moment in large jumps (no timer waits longer than five minutes), then minute by minute.
    await clock.set(Date.parse("2026-07-10T12:50:00Z"));
    expect(seen).toHaveLength(1);
    await clock.advanceUntil(() => seen.length === 2, { stepMs: MINUTE, maxMs: 30 * MINUTE, what: "check-in" });
    expect(seen[1]).toMatchObject({ kind: "booking.checkedIn", bookingId: booking.id, roomId, at: "2026-07-10T13:00:00.000Z", late: false });
    expect(clock.now() - Date.parse("2026-07-10T13:00:00Z")).toBeLessThan(2 * MINUTE);

    await clock.set(Date.parse("2026-07-11T08:50:00Z"));
    await clock.advanceUntil(() => seen.length === 3, { stepMs: MINUTE, maxMs: 30 * MINUTE, what: "check-out" });
    expect(seen[2]).toMatchObject({ kind: "booking.checkedOut", at: "2026-07-11T09:00:00.000Z", late: false });
    await clock.advance(24 * 60 * MINUTE);
    await new Promise((r) => setTimeout(r, 50));
    expect(seen).toHaveLength(3);
  });

  it("fires what was missed while the box was off once, late, after a restart, and never twice", async () => {
    const dataDir = tempDataDir();
    const clock = createTestClock(Date.parse("2026-07-10T06:00:00Z"));
    const first = await start(clock, dataDir);
    const manager = await setUpManager(first.app);
    await manager.patch("/api/property", { timezone: "Europe/Rome" });
    const roomId = (await manager.post("/api/rooms", { name: "Room 12" })).body.room.id;
    await manager.post("/api/bookings", { roomId, guestName: "Anna", checkIn: "2026-07-10", checkOut: "2026-07-12" });
    const cancelled = (await manager.post("/api/bookings", { roomId: (await manager.post("/api/rooms", { name: "Room 14" })).body.room.id, guestName: "Ben", checkIn: "2026-07-10", checkOut: "2026-07-12" })).body;
    await manager.patch(`/api/bookings/${cancelled.id}`, { status: "cancelled" });
    await expect.poll(() => first.seen.map((e) => e.kind)).toEqual(["booking.created", "booking.created", "booking.cancelled"]);
    await first.app.stop();
    app = undefined;

    // Off from 08:00 until 17:00: the check-in at 15:00 passed meanwhile.
    await clock.set(Date.parse("2026-07-10T15:00:00Z"));
    const second = await start(clock, dataDir);
    await expect.poll(() => second.seen.length).toBe(1);
    expect(second.seen[0]).toMatchObject({ kind: "booking.checkedIn", at: "2026-07-10T13:00:00.000Z", late: true });
    await second.app.stop();
    app = undefined;

    // Another restart: nothing again.
    const third = await start(clock, dataDir);
    await new Promise((r) => setTimeout(r, 100));
    expect(third.seen).toEqual([]);
  });

  it("fires nothing for a moment that passed before the stay was entered", async () => {
    const clock = createTestClock(Date.parse("2026-07-10T16:00:00Z")); // 18:00 in Rome
    const { app, seen } = await start(clock, tempDataDir());
    const manager = await setUpManager(app);
    await manager.patch("/api/property", { timezone: "Europe/Rome" });
    const roomId = (await manager.post("/api/rooms", { name: "Room 12" })).body.room.id;
    await manager.post("/api/bookings", { roomId, guestName: "Late walk-in", checkIn: "2026-07-10", checkOut: "2026-07-11" });
    await expect.poll(() => seen.map((e) => e.kind)).toEqual(["booking.created"]);
    await clock.set(Date.parse("2026-07-11T08:55:00Z"));
    await clock.advanceUntil(() => seen.length === 2, { stepMs: MINUTE, maxMs: 30 * MINUTE, what: "check-out" });
    expect(seen.map((e) => e.kind)).toEqual(["booking.created", "booking.checkedOut"]);
  });
});
