import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pino from "pino";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { migrate, openDatabase, type OpenedDatabase } from "../db/index.js";
import type { TimerHandle, Timers } from "../time/index.js";
import { energyMigrations } from "./migrations.js";
import { PowerRecorder } from "./recorder.js";
import { energyReport, type ReportSources } from "./report.js";

/** Timers that move only when told: a run of the box that can be cut off (a power cut) at any moment. */
function manualTimers(start: number) {
  let now = start;
  const entries = new Set<{ due: number; every?: number; fn: () => void }>();
  const add = (fn: () => void, ms: number, every?: number) => {
    const entry = { due: now + ms, fn, ...(every ? { every } : {}) };
    entries.add(entry);
    return entry as unknown as TimerHandle;
  };
  const clear = (h: TimerHandle | undefined) => void entries.delete(h as never);
  const timers: Timers & { advance(ms: number): Promise<void>; jump(ms: number): void; cut(): void } = {
    now: () => now,
    setTimeout: (fn, ms) => add(fn, ms),
    setInterval: (fn, ms) => add(fn, ms, ms),
    clearTimeout: clear,
    clearInterval: clear,
    async advance(ms) {
      const target = now + ms;
      for (;;) {
        const next = [...entries].filter((e) => e.due <= target).sort((a, b) => a.due - b.due)[0];
        if (!next) break;
        now = next.due;
        if (next.every) next.due += next.every;
        else entries.delete(next);
        next.fn();
        await new Promise((r) => setImmediate(r));
      }
      now = target;
    },
    /** Moves the clock without firing what fell due (a long time, quickly). */
    jump(ms) {
      now += ms;
      for (const e of entries) e.due = Math.max(e.due, now);
    },
    cut: () => entries.clear(),
  };
  return timers;
}

const log = pino({ level: "silent" });
const at = (iso: string) => Date.parse(iso);
let dir: string;
let opened: OpenedDatabase;

beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), "innbox-energy-"));
  opened = openDatabase(join(dir, "innbox.sqlite"));
  await migrate(opened.db, [energyMigrations]);
});
afterEach(async () => {
  await opened.close();
  rmSync(dir, { recursive: true, force: true });
});

function report(timers: Timers, from: string, days = 1) {
  const sources: ReportSources = {
    db: opened.db,
    clock: () => timers.now(),
    devices: async () => [{ id: "d1", name: "Lamp", roomId: "r1", kind: "light" }],
    rooms: async () => [{ id: "r1", name: "Room 1" }],
    stays: async () => [],
    times: async () => ({ timeZone: "Europe/Lisbon", checkInTime: "15:00", checkOutTime: "11:00" }),
  };
  return energyReport(sources, { from, days });
}

const rows = () => opened.sqlite.prepare("select device_id, at, \"on\", online from energy_power_changes order by seq").all();

describe("the device state history", () => {
  it("records only changes: the same state pushed again writes nothing", async () => {
    const timers = manualTimers(at("2026-02-02T08:00:00Z"));
    const recorder = new PowerRecorder({ db: opened.db, timers, log });
    await recorder.start();
    recorder.note("d1", { on: true, online: true });
    await timers.advance(60_000);
    recorder.note("d1", { on: true, online: true });
    recorder.note("d1", { online: true });
    await timers.advance(60_000);
    recorder.note("d1", { on: false, online: true });
    await recorder.stop();
    expect(rows()).toEqual([
      { device_id: "d1", at: "2026-02-02T08:00:00.000Z", on: 1, online: 1 },
      { device_id: "d1", at: "2026-02-02T08:02:00.000Z", on: 0, online: 1 },
    ]);
  });

  it("closes a device left on at the last heartbeat when the box lost power, so the downtime is not on-time", async () => {
    const first = manualTimers(at("2026-02-02T09:00:00Z"));
    const run1 = new PowerRecorder({ db: opened.db, timers: first, log });
    await run1.start();
    run1.note("d1", { on: true, online: true });
    // Heartbeats each minute until 10:42; the power goes at 10:42:30 (no stop()).
    await first.advance(102 * 60_000 + 30_000);
    first.cut();

    const second = manualTimers(at("2026-02-02T14:00:00Z"));
    const run2 = new PowerRecorder({ db: opened.db, timers: second, log });
    await run2.start();
    expect(rows().at(-1)).toEqual({ device_id: "d1", at: "2026-02-02T10:42:00.000Z", on: 1, online: 0 });
    // The lamp answers again, still on, and is switched off an hour later.
    run2.note("d1", { on: true, online: true });
    await second.advance(3_600_000);
    run2.note("d1", { on: false, online: true });
    await run2.stop();
    const answer = await report(second, "2026-02-02");
    expect(answer.rooms[0]!.devices[0]!.onHours).toEqual([2.7]);
  });

  it("keeps 400 days: older changes are swept daily, but each device's latest stays", async () => {
    const timers = manualTimers(at("2026-01-01T00:00:00Z"));
    const recorder = new PowerRecorder({ db: opened.db, timers, log });
    await recorder.start();
    recorder.note("d1", { on: true, online: true });
    recorder.note("d2", { on: true, online: true });
    await timers.advance(3_600_000);
    recorder.note("d1", { on: false, online: true });
    timers.jump(401 * 86_400_000 - 60_000);
    // The daily sweep falls due within the next day.
    await timers.advance(86_400_000);
    await recorder.stop();
    expect(rows()).toEqual([
      { device_id: "d2", at: "2026-01-01T00:00:00.000Z", on: 1, online: 1 },
      { device_id: "d1", at: "2026-01-01T01:00:00.000Z", on: 0, online: 1 },
    ]);
  });
});
