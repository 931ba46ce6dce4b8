import type { Logger } from "pino";
import { RUN_DEPTH_MAX, TRIGGER_ROOM, type Action, type Device, type ScenarioRun } from "@innbox/protocol";
import { newId, type Db } from "../db/index.js";
import type { Timers } from "../time/index.js";
import { evaluate, type ConditionWorld } from "./conditions.js";
import { scenariosTexts as texts } from "./messages.js";
import { fromRow, type StoredScenario } from "./model.js";
import { scenariosRepository as repo } from "./repository.js";
import type { DevicesSource, PlaceSource, RoomsSource, StaffSource, WeatherSource } from "./sources.js";

export type RunTrigger = ScenarioRun["trigger"];
type ActionResult = ScenarioRun["actions"][number];

export interface RunRequest {
  scenarioId: string;
  trigger: RunTrigger;
  plannedAt?: number;
  /** The room of the booking or device that triggered. */
  triggerRoom?: string | undefined;
  depth?: number;
  /** A run restored after downtime: device actions only, on these devices. */
  restoreDevices?: ReadonlySet<string>;
  runId?: string;
}

export interface RunnerDeps {
  db: Db;
  log: Logger;
  timers: Timers;
  place: PlaceSource;
  rooms: RoomsSource;
  devices: DevicesSource;
  weather: WeatherSource;
  staff: StaffSource;
  /** A run ended (the run log, the socket). */
  finished(run: ScenarioRun): void;
  /** A scenario's running count changed. */
  changed(scenarioId: string): void;
}

/** Queued and parallel runs of one scenario: at most this many waiting or under way. */
const MODE_LIMIT = 10;
/** A device command that failed is tried this many more times, this far apart. */
const RETRIES = 2;
const RETRY_PAUSE_MS = 2_000;

interface ActiveRun {
  id: string;
  stopped?: string;
  /** Ends a wait early (the run was stopped). */
  wake?: () => void;
  done: Promise<unknown>;
}

const errorText = (err: unknown) => (err instanceof Error ? err.message : String(err));

/** Runs scenarios: conditions, then actions in order, with the mode deciding about runs that overlap. */
export class ScenarioRunner {
  private readonly active = new Map<string, Set<ActiveRun>>();
  private readonly queues = new Map<string, Array<() => void>>();
  private stopping = false;
  private shared: Promise<[Awaited<ReturnType<PlaceSource["get"]>>, Awaited<ReturnType<RoomsSource["rooms"]>>, Awaited<ReturnType<RoomsSource["stays"]>>, Device[]]> | undefined;

  constructor(private readonly deps: RunnerDeps) {}

  running(scenarioId: string): number {
    return this.active.get(scenarioId)?.size ?? 0;
  }

  /** Starts a run without waiting for it; its id at once. */
  start(request: RunRequest): string {
    const runId = request.runId ?? newId("run_");
    void this.run({ ...request, runId }).catch((err: unknown) => this.deps.log.error({ err, scenario: request.scenarioId }, "scenario run failed to complete"));
    return runId;
  }

  /** Runs a scenario and resolves with its run as logged (undefined when the scenario is gone). */
  async run(request: RunRequest): Promise<ScenarioRun | undefined> {
    const runId = request.runId ?? newId("run_");
    const row = await repo.scenario(this.deps.db, request.scenarioId);
    if (!row || this.stopping) return undefined;
    const scenario = fromRow(row);
    const startedAt = this.deps.timers.now();
    const base = { runId, scenario, request, startedAt };
    const depth = request.depth ?? 0;
    if (depth > RUN_DEPTH_MAX) return this.record(base, "stopped", texts.tooDeep(RUN_DEPTH_MAX), [], []);

    const active = this.active.get(scenario.id) ?? new Set<ActiveRun>();
    this.active.set(scenario.id, active);
    if (active.size) {
      if (scenario.mode === "single") return this.record(base, "skipped", texts.alreadyRunning, [], []);
      if (scenario.mode === "parallel" && active.size >= MODE_LIMIT) return this.record(base, "skipped", texts.tooManyParallel, [], []);
      if (scenario.mode === "restart") for (const other of active) this.halt(other, texts.replaced);
      if (scenario.mode === "queued") {
        const queue = this.queues.get(scenario.id) ?? [];
        this.queues.set(scenario.id, queue);
        if (queue.length >= MODE_LIMIT) return this.record(base, "skipped", texts.queueFull, [], []);
        await new Promise<void>((resolve) => queue.push(resolve));
        if (this.stopping) return undefined;
        // A queued run starts when its turn comes.
        base.startedAt = this.deps.timers.now();
      }
    }

    const me: ActiveRun = { id: runId, done: Promise.resolve() };
    let finish!: () => void;
    me.done = new Promise<void>((resolve) => (finish = resolve));
    active.add(me);
    this.deps.changed(scenario.id);
    try {
      return await this.execute(base, me, depth);
    } finally {
      active.delete(me);
      finish();
      if (!active.size) this.queues.get(scenario.id)?.shift()?.();
      this.deps.changed(scenario.id);
    }
  }

  /** Stops every run (the appliance is shutting down); waits a little for them to log it. */
  async stop(): Promise<void> {
    this.stopping = true;
    const all = [...this.active.values()].flatMap((s) => [...s]);
    for (const run of all) this.halt(run, texts.shutdown);
    for (const queue of this.queues.values()) for (const resolve of queue.splice(0)) resolve();
    let handle: ReturnType<Timers["setTimeout"]> | undefined;
    await Promise.race([Promise.all(all.map((r) => r.done)), new Promise<void>((resolve) => (handle = this.deps.timers.setTimeout(resolve, 3_000)))]);
    this.deps.timers.clearTimeout(handle);
  }

  private halt(run: ActiveRun, reason: string) {
    run.stopped ??= reason;
    run.wake?.();
  }

  /**
   * The world conditions are evaluated in, now. Runs started together (a hundred scenarios
   * due at 01:00) share one reading of it, taken once in that turn of the event loop.
   */
  async world(triggerRoom: string | undefined): Promise<ConditionWorld> {
    if (!this.shared) {
      const reading = Promise.all([this.deps.place.get(), this.deps.rooms.rooms(), this.deps.rooms.stays(), this.deps.devices.list()]);
      this.shared = reading;
      setImmediate(() => {
        if (this.shared === reading) this.shared = undefined;
      });
    }
    const [place, rooms, stays, devices] = await this.shared;
    const now = this.deps.timers.now();
    return { ...place, at: now, now, rooms, stays, stayState: this.deps.rooms.stayState, weather: this.deps.weather.current(), devices, triggerRoom };
  }

  private async execute(base: RunBase, me: ActiveRun, depth: number): Promise<ScenarioRun> {
    const { scenario, request } = base;
    const world = await this.world(request.triggerRoom);
    const conditions = scenario.conditions.map((condition) => ({ condition, value: evaluate(condition, world) }));
    if (conditions.some((c) => c.value !== true)) return this.record(base, "skipped", texts.conditionsNotMet, conditions, []);

    const results: ActionResult[] = [];
    let stopped: string | undefined;
    for (const action of scenario.actions) {
      if (me.stopped) break;
      if (request.restoreDevices && action.type !== "device") {
        results.push({ action, result: "skipped", error: texts.notReplayed });
        continue;
      }
      switch (action.type) {
        case "device":
          results.push(...(await this.device(action, world, me, request.restoreDevices)));
          break;
        case "wait":
          await this.wait(me, action.minutes * 60_000);
          results.push({ action, result: me.stopped ? "skipped" : "confirmed" });
          break;
        case "notify": {
          const sent = await this.deps.staff.notify(texts.notify(scenario.name, action.text)).catch(() => false);
          results.push(sent ? { action, result: "confirmed" } : { action, result: "skipped", error: texts.nobodyOnDuty });
          break;
        }
        case "scenario": {
          const nested = await this.run({ scenarioId: action.scenarioId, trigger: { type: "scenario", scenarioId: scenario.id, runId: base.runId }, depth: depth + 1, triggerRoom: request.triggerRoom });
          if (!nested) results.push({ action, result: "failed", error: texts.scenarioGone });
          else if (nested.outcome === "failed") results.push({ action, result: "failed", error: texts.nestedFailed(nested.scenarioName) });
          else if (nested.outcome === "stopped" && nested.reason === texts.tooDeep(RUN_DEPTH_MAX)) {
            results.push({ action, result: "skipped", error: nested.reason });
            stopped = nested.reason;
          } else results.push({ action, result: "confirmed" });
          break;
        }
      }
      if (stopped) break;
    }
    stopped ??= me.stopped;
    if (stopped) return this.record(base, "stopped", stopped, conditions, results);
    const failed = results.filter((r) => r.result === "failed");
    if (failed.length) return this.record(base, "failed", texts.failed(failed.length), conditions, results);
    const restoredReason = request.trigger.type === "restore" ? texts.restored(request.trigger.missedAt) : undefined;
    return this.record(base, "acted", restoredReason, conditions, results);
  }

  private wait(me: ActiveRun, ms: number): Promise<void> {
    return new Promise<void>((resolve) => {
      const handle = this.deps.timers.setTimeout(() => {
        delete me.wake;
        resolve();
      }, ms);
      me.wake = () => {
        this.deps.timers.clearTimeout(handle);
        delete me.wake;
        resolve();
      };
    });
  }

  /** The devices a device action names, now. */
  private targets(action: Extract<Action, { type: "device" }>, world: ConditionWorld): Device[] {
    const devices = world.devices ?? [];
    if (action.deviceId) return devices.filter((d) => d.id === action.deviceId);
    const roomId = action.roomId === TRIGGER_ROOM ? world.triggerRoom : action.roomId;
    if (action.roomId && !roomId) return [];
    return devices.filter((d) => {
      if (action.kind ? d.kind !== action.kind : d.kind === "sensor") return false;
      if (roomId && d.roomId !== roomId) return false;
      if (action.roomState) {
        if (!d.roomId) return false;
        const stays = world.stays.filter((s) => s.roomId === d.roomId);
        if (world.stayState(stays, world.at, world) !== action.roomState) return false;
      }
      return true;
    });
  }

  private async device(action: Extract<Action, { type: "device" }>, world: ConditionWorld, me: ActiveRun, only?: ReadonlySet<string>): Promise<ActionResult[]> {
    if (action.roomId === TRIGGER_ROOM && !world.triggerRoom) return [{ action, result: "skipped", error: texts.noTriggerRoom }];
    const targets = this.targets(action, world);
    if (!targets.length) return [{ action, result: action.deviceId ? "failed" : "skipped", error: action.deviceId ? `There is no device ${action.deviceId}; it may have been deleted.` : texts.noDevices }];
    const perDevice = !action.deviceId;
    const results: ActionResult[] = [];
    for (const device of targets) {
      const id = perDevice ? { deviceId: device.id } : {};
      if (only && !only.has(device.id)) {
        results.push({ action, result: "skipped", error: texts.laterRunWins, ...id });
        continue;
      }
      let attempts = 0;
      let error = "";
      while (attempts <= RETRIES && !me.stopped) {
        attempts++;
        try {
          await this.deps.devices.setState(device.id, action.set);
          error = "";
          break;
        } catch (err) {
          error = errorText(err);
          if (attempts <= RETRIES) await this.wait(me, RETRY_PAUSE_MS);
        }
      }
      results.push(error ? { action, result: "failed", error: `${device.name}: ${error}`, attempts, ...id } : { action, result: "confirmed", attempts, ...id });
    }
    return results;
  }

  private async record(base: RunBase, outcome: ScenarioRun["outcome"], reason: string | undefined, conditions: ScenarioRun["conditions"], actions: ScenarioRun["actions"]): Promise<ScenarioRun> {
    const { scenario, request } = base;
    const run: ScenarioRun = {
      id: base.runId,
      scenarioId: scenario.id,
      scenarioName: scenario.name,
      trigger: request.trigger,
      ...(request.plannedAt !== undefined ? { plannedAt: new Date(request.plannedAt).toISOString() } : {}),
      startedAt: new Date(base.startedAt).toISOString(),
      finishedAt: new Date(this.deps.timers.now()).toISOString(),
      outcome,
      ...(reason ? { reason } : {}),
      conditions,
      actions,
    };
    await repo.insertRun(this.deps.db, {
      id: run.id,
      scenario_id: run.scenarioId,
      scenario_name: run.scenarioName,
      started_at: run.startedAt,
      finished_at: run.finishedAt,
      planned_at: run.plannedAt ?? null,
      outcome,
      reason: reason ?? null,
      trigger: JSON.stringify(run.trigger),
      conditions: JSON.stringify(conditions),
      actions: JSON.stringify(actions),
    });
    const line = { scenario: scenario.name, trigger: request.trigger.type, outcome, ...(reason ? { reason } : {}) };
    if (outcome === "failed") {
      this.deps.log.warn({ ...line, errors: actions.filter((a) => a.result === "failed").map((a) => a.error) }, "scenario run failed");
      const what = actions.filter((a) => a.result === "failed").map((a) => a.error ?? a.action.type);
      void this.deps.staff.notify(texts.failedAlert(scenario.name, what)).catch((err: unknown) => this.deps.log.warn({ err }, "could not alert the staff about a failed scenario"));
    } else this.deps.log.info(line, "scenario run");
    this.deps.finished(run);
    return run;
  }
}

interface RunBase {
  runId: string;
  scenario: StoredScenario;
  request: RunRequest;
  startedAt: number;
}
