// The modes, as in Home Assistant: what a trigger does while a run of the same scenario is
// under way. A real SQLite file with the scenarios' tables; time on the test clock.
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pino from "pino";
import { afterEach, describe, expect, it } from "vitest";
import type { ScenarioMode, ScenarioRun } from "@innbox/protocol";
import { createTestClock, type TestClock } from "../../../test/helpers/test-clock.js";
import { roomStay } from "../bookings/index.js";
import { migrate, openDatabase, type OpenedDatabase } from "../db/index.js";
import { scenariosMigrations } from "./migrations.js";
import { scenariosRepository as repo } from "./repository.js";
import { ScenarioRunner } from "./runner.js";

let opened: OpenedDatabase | undefined;
afterEach(async () => {
  await opened?.close();
  opened = undefined;
});

async function setUp(mode: ScenarioMode, failing = 0) {
  opened = openDatabase(join(mkdtempSync(join(tmpdir(), "innbox-scenarios-")), "innbox.sqlite"));
  const db = opened.db;
  await migrate(db, [scenariosMigrations]);
  const clock = createTestClock(Date.parse("2026-07-10T06:00:00Z"));
  const finished: ScenarioRun[] = [];
  const commands: string[] = [];
  let failures = failing;
  const runner = new ScenarioRunner({
    db,
    log: pino({ level: "silent" }),
    timers: clock,
    place: { get: async () => ({ timeZone: "Europe/Rome", latitude: null, longitude: null, checkInTime: "15:00", checkOutTime: "11:00" }) },
    rooms: { rooms: async () => [], stays: async () => [], stayState: (stays, t, times) => roomStay(stays, t, times).stay },
    devices: {
      list: async () => [{ id: "d1", name: "Lamp", protocol: "tuya", kind: "light", online: true, state: { on: false } }],
      setState: async (id) => {
        commands.push(id);
        if (failures-- > 0) throw new Error("The device did not answer within 15 s.");
        return { id, name: "Lamp", protocol: "tuya", kind: "light", online: true, state: { on: true } };
      },
    },
    weather: { current: () => undefined },
    staff: { notify: async () => true },
    finished: (run) => finished.push(run),
    changed: () => undefined,
  });
  const at = new Date(clock.now()).toISOString();
  await repo.insert(db, {
    id: "sc_1",
    name: "Hall",
    enabled: 1,
    mode,
    definition: JSON.stringify({ triggers: [{ type: "manual" }], conditions: [], actions: [{ type: "device", deviceId: "d1", set: { on: true } }, { type: "wait", minutes: 10 }] }),
    created_at: at,
    updated_at: at,
  });
  return { runner, clock, finished, commands };
}

const manual = { scenarioId: "sc_1", trigger: { type: "manual" as const } };
async function until(clock: TestClock, check: () => boolean) {
  await clock.advanceUntil(check, { stepMs: 30_000, maxMs: 60 * 60_000 });
}

describe("scenario modes", () => {
  it("single: a trigger while it runs is skipped, saying why", async () => {
    const { runner, clock, finished } = await setUp("single");
    runner.start(manual);
    await until(clock, () => runner.running("sc_1") === 1);
    runner.start(manual);
    await until(clock, () => finished.length === 2);
    expect(finished.map((r) => [r.outcome, r.reason])).toEqual([
      ["skipped", "Skipped: it was already running (mode single)."],
      ["acted", undefined],
    ]);
  });

  it("restart: a new run stops the one under way", async () => {
    const { runner, clock, finished } = await setUp("restart");
    runner.start(manual);
    await until(clock, () => runner.running("sc_1") === 1);
    runner.start(manual);
    await until(clock, () => finished.length === 2);
    expect(finished.map((r) => [r.outcome, r.reason])).toEqual([
      ["stopped", "Stopped: a new run replaced it (mode restart)."],
      ["acted", undefined],
    ]);
  });

  it("queued: runs one after the other; parallel: side by side", async () => {
    const queued = await setUp("queued");
    queued.runner.start(manual);
    await until(queued.clock, () => queued.runner.running("sc_1") === 1);
    queued.runner.start(manual);
    await until(queued.clock, () => queued.finished.length === 2);
    expect(queued.finished.map((r) => r.outcome)).toEqual(["acted", "acted"]);
    expect(Date.parse(queued.finished[1]!.startedAt)).toBeGreaterThanOrEqual(Date.parse(queued.finished[0]!.finishedAt));
    await opened?.close();

    const parallel = await setUp("parallel");
    parallel.runner.start(manual);
    parallel.runner.start(manual);
    await until(parallel.clock, () => parallel.runner.running("sc_1") === 2);
    await until(parallel.clock, () => parallel.finished.length === 2);
    // Side by side: each started before the other finished (not one after the other).
    const [a, b] = parallel.finished.map((r) => ({ started: Date.parse(r.startedAt), finished: Date.parse(r.finishedAt) }));
    expect(a!.started).toBeLessThan(b!.finished);
    expect(b!.started).toBeLessThan(a!.finished);
  });

  it("retries a device command that failed, recording the attempts", async () => {
    const { runner, clock, finished, commands } = await setUp("single", 2);
    runner.start(manual);
    await until(clock, () => finished.length === 1);
    expect(commands).toEqual(["d1", "d1", "d1"]);
    expect(finished[0]!.actions[0]).toMatchObject({ result: "confirmed", attempts: 3 });
  });

  it("stops a run under way when the appliance stops, logged as stopped", async () => {
    const { runner, clock, finished } = await setUp("single");
    runner.start(manual);
    await until(clock, () => runner.running("sc_1") === 1);
    await runner.stop();
    expect(finished.map((r) => [r.outcome, r.reason])).toEqual([["stopped", "Stopped: the appliance was shutting down."]]);
  });
});
