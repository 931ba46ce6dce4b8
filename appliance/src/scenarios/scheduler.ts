import type { Logger } from "pino";
import { weatherGroupOf, type Trigger } from "@innbox/protocol";
import { newId, type Db } from "../db/index.js";
import type { BookingEvent, DeviceStatePayload, EventBus } from "../events/index.js";
import type { TimerHandle, Timers } from "../time/index.js";
import { weatherValue } from "./conditions.js";
import { fromRow, scheduledTriggers, triggerKey, type StoredScenario } from "./model.js";
import { scenariosRepository as repo } from "./repository.js";
import type { RunRequest, ScenarioRunner } from "./runner.js";
import { nextRun, runsBetween, type ScheduleContext } from "./schedule.js";
import type { DevicesSource, PlaceSource, RoomsSource, WeatherSource } from "./sources.js";

export interface SchedulerDeps {
  db: Db;
  bus: EventBus;
  log: Logger;
  timers: Timers;
  place: PlaceSource;
  rooms: RoomsSource;
  devices: DevicesSource;
  weather: WeatherSource;
  runner: ScenarioRunner;
}

/** The scheduler never sleeps longer than this: each tick re-reads the clock, so a jump or a sleeping machine cannot make a run be missed or doubled. */
const TICK_MAX_MS = 60_000;
const HEARTBEAT_MS = 60_000;
/** A scenario without a run soon is looked at again after this long anyway. */
const PLAN_MAX_MS = 10 * 60_000;
/** A run noted as handled further ahead of the clock than this was noted on a wrong clock. */
const WRONG_CLOCK_MS = 24 * 3_600_000;
const HEARTBEAT = "heartbeat";
const iso = (t: number) => new Date(t).toISOString();

/**
 * Starts runs when triggers fire: time, sun and booking check-in/out on the property's wall
 * clock (schedule.ts, the same code as the preview), booking creations and cancellations,
 * device states (held for a while, when asked) and weather crossing into a range.
 */
export class ScenarioScheduler {
  private timer: TimerHandle | undefined;
  private ticking: Promise<void> | undefined;
  private again = false;
  private stopped = true;
  private lastBeat = 0;
  /** When the previous tick looked at the clock (this process). */
  private lastTickAt: number | undefined;
  private timeZone: string | undefined;
  /**
   * Per enabled scenario, when the scheduler must look at it again: its next planned run, or
   * a while later when it has none soon. Ticks skip the scenarios not due, so a tick costs
   * little however many there are; anything that moves runs (an edit, a stay, the property,
   * the clock going back) forgets the plans concerned.
   */
  private readonly plans = new Map<string, { updatedAt: string; lookAgainAt: number }>();
  private loaded: Promise<StoredScenario[]> | undefined;
  private readonly holds = new Map<string, TimerHandle>();
  private readonly lastOn = new Map<string, boolean | undefined>();
  private readonly unsubscribe: Array<() => void> = [];

  constructor(private readonly deps: SchedulerDeps) {}

  start(): void {
    this.stopped = false;
    const { bus } = this.deps;
    this.unsubscribe.push(
      bus.on("booking.created", (e) => this.bookingEvent("created", e)),
      bus.on("booking.cancelled", (e) => this.bookingEvent("cancelled", e)),
      bus.on("booking.updated", () => this.replan()),
      bus.on("property.updated", (p) => this.propertyUpdated(p.timezone)),
      bus.on("device.stateChanged", (e) => this.deviceChanged(e.id, e.roomId, e.state)),
      bus.on("weather.updated", () => this.weatherUpdated()),
    );
  }

  /** Once everything has started: runs missed while the box was down, then the first tick. */
  async resume(): Promise<void> {
    if (this.stopped) return;
    try {
      await this.restore();
    } catch (err) {
      this.deps.log.error({ err }, "could not restore the scenarios' missed runs");
    }
    this.poke();
  }

  stop(): void {
    this.stopped = true;
    for (const off of this.unsubscribe.splice(0)) off();
    this.deps.timers.clearTimeout(this.timer);
    for (const handle of this.holds.values()) this.deps.timers.clearTimeout(handle);
    this.holds.clear();
  }

  /** Scenarios' runs may have moved (one scenario's, or all of them: a stay, the property): plan again now. */
  replan(scenarioId?: string): void {
    if (scenarioId) {
      this.plans.delete(scenarioId);
      this.loaded = undefined;
    }
    else this.plans.clear();
    this.poke();
  }

  /** Looks at the clock now (plans kept). */
  poke(): void {
    if (this.stopped) return;
    if (this.ticking) {
      this.again = true;
      return;
    }
    this.deps.timers.clearTimeout(this.timer);
    this.ticking = this.tick()
      .catch((err: unknown) => {
        // Stopping closes the database under a tick in flight: nothing to report then.
        if (!this.stopped) this.deps.log.error({ err }, "scenario scheduler tick failed");
      })
      .finally(() => {
        this.ticking = undefined;
        if (this.again) {
          this.again = false;
          this.poke();
        }
      });
  }

  async context(): Promise<ScheduleContext> {
    const [place, stays] = await Promise.all([this.deps.place.get(), this.deps.rooms.stays()]);
    return { ...place, stays };
  }

  /**
   * Nothing before now is due for this scenario's time-driven triggers: a scenario enabled
   * again does not make up for the runs it had while disabled.
   */
  async skipToNow(scenarioId: string): Promise<void> {
    const row = await repo.scenario(this.deps.db, scenarioId);
    if (!row) return;
    const scenario = fromRow(row);
    const now = iso(this.deps.timers.now());
    for (const { index } of scheduledTriggers(scenario.triggers)) await repo.setHandled(this.deps.db, scenario.id, triggerKey(index, scenario.triggers[index]!), now);
  }

  /** A new timezone: triggers follow its wall clock from the next run on, and nothing is replayed. */
  private async propertyUpdated(timeZone: string): Promise<void> {
    if (this.timeZone !== undefined && this.timeZone !== timeZone) {
      for (const scenario of await this.enabled()) await this.skipToNow(scenario.id);
    }
    this.timeZone = timeZone;
    this.replan();
  }

  /**
   * The enabled scenarios, read and parsed once and kept until one changes (every change
   * goes through the service, which calls replan): device pushes and booking events ask
   * for them often.
   */
  private enabled(): Promise<StoredScenario[]> {
    this.loaded ??= repo.scenarios(this.deps.db).then(
      (rows) => rows.map(fromRow).filter((s) => s.enabled),
      (err: unknown) => {
        this.loaded = undefined;
        throw err;
      },
    );
    return this.loaded;
  }

  /** The runs of each time-driven trigger due now and not handled yet: only the latest (a clock jump forwards runs once). */
  private dueRuns(scenario: StoredScenario, now: number, context: ScheduleContext, states: ReadonlyMap<string, string | null>) {
    const due: Array<{ key: string; trigger: Trigger; at: number; bookingId?: string | undefined }> = [];
    for (const { index, trigger } of scheduledTriggers(scenario.triggers)) {
      const key = triggerKey(index, scenario.triggers[index]!);
      const handledAt = states.get(`${scenario.id} ${key}`);
      let handled = handledAt ? Date.parse(handledAt) : Date.parse(scenario.updatedAt);
      // Handled more than a day ahead of the clock: it was noted while the clock was wrong
      // (a box that booted with its clock in the future). Waiting for that moment would
      // silence the scenario for as long: run what came since the last check instead (at
      // most a tick ago when the clock was set back since).
      if (handled > now + WRONG_CLOCK_MS) handled = this.lastTickAt !== undefined && this.lastTickAt <= now ? this.lastTickAt : now - TICK_MAX_MS;
      if (handled >= now) continue; // the clock went back a little: nothing is due twice
      const runs = runsBetween(trigger, handled + 1, now + 1, context);
      const latest = runs.at(-1);
      if (!latest) continue;
      for (const run of runs.filter((r) => r.at === latest.at)) due.push({ key, trigger: scenario.triggers[index]!, at: run.at, bookingId: run.bookingId });
    }
    return due;
  }

  private roomOf(context: ScheduleContext, bookingId: string | undefined) {
    return bookingId ? context.stays.find((s) => s.id === bookingId)?.roomId : undefined;
  }

  /** Every trigger's last handled run, keyed "scenarioId triggerKey". */
  private async handledRuns(): Promise<Map<string, string | null>> {
    return new Map((await repo.triggerStates(this.deps.db)).map((row) => [`${row.scenario_id} ${row.trigger_key}`, row.handled_at]));
  }

  private async tick(): Promise<void> {
    const { db, timers, runner } = this.deps;
    const now = timers.now();
    // Set back: what was planned may now be further away than runs to come.
    if (this.lastTickAt !== undefined && now < this.lastTickAt) this.plans.clear();
    const scenarios = await this.enabled();
    const enabledIds = new Set(scenarios.map((s) => s.id));
    for (const id of this.plans.keys()) if (!enabledIds.has(id)) this.plans.delete(id);
    const toLook = scenarios.filter((s) => {
      const plan = this.plans.get(s.id);
      return !plan || plan.updatedAt !== s.updatedAt || plan.lookAgainAt <= now;
    });
    if (toLook.length) {
      const [context, states] = await Promise.all([this.context(), this.handledRuns()]);
      this.timeZone ??= context.timeZone;
      const starts: RunRequest[] = [];
      for (const scenario of toLook) {
        for (const run of this.dueRuns(scenario, now, context, states)) {
          await repo.setHandled(db, scenario.id, run.key, iso(run.at));
          // Check-in and check-out come from the stays as they are now: a stay cancelled meanwhile has no run.
          starts.push({ scenarioId: scenario.id, trigger: run.trigger, plannedAt: run.at, triggerRoom: this.roomOf(context, run.bookingId) });
        }
        let lookAgainAt = now + PLAN_MAX_MS;
        for (const { trigger } of scheduledTriggers(scenario.triggers)) {
          const next = nextRun(trigger, now, context, 2);
          if (next) lookAgainAt = Math.min(lookAgainAt, next.at);
        }
        this.plans.set(scenario.id, { updatedAt: scenario.updatedAt, lookAgainAt });
      }
      // All together, once each is noted as handled: runs due at the same minute start at once.
      for (const start of starts) runner.start(start);
    }
    let earliest = Infinity;
    for (const plan of this.plans.values()) earliest = Math.min(earliest, plan.lookAgainAt);
    const byId = new Map(scenarios.map((s) => [s.id, s]));
    for (const due of await repo.due(db)) {
      const at = Date.parse(due.due_at);
      if (at > now) {
        earliest = Math.min(earliest, at);
        continue;
      }
      await repo.deleteDue(db, due.id);
      const scenario = byId.get(due.scenario_id);
      const trigger = scenario?.triggers[due.trigger_index];
      if (scenario && trigger) runner.start({ scenarioId: scenario.id, trigger, plannedAt: at, triggerRoom: due.room_id ?? undefined });
    }
    this.lastTickAt = now;
    if (now - this.lastBeat >= HEARTBEAT_MS || now < this.lastBeat) {
      await repo.putState(db, HEARTBEAT, iso(now));
      this.lastBeat = now;
    }
    if (this.stopped) return;
    const wait = Math.max(0, Math.min(TICK_MAX_MS, earliest - timers.now()));
    this.timer = timers.setTimeout(() => this.poke(), wait);
  }

  /**
   * After downtime: per scenario only its latest missed run, and per device only the latest
   * of those among scenarios, replayed with device actions only; every missed run is marked
   * handled.
   */
  private async restore(): Promise<void> {
    const { db, timers, runner } = this.deps;
    const beat = await repo.getState(db, HEARTBEAT);
    const now = timers.now();
    const [context, states] = await Promise.all([this.context(), this.handledRuns()]);
    const missed: Array<{ scenario: StoredScenario; at: number; trigger: Trigger; triggerRoom: string | undefined }> = [];
    for (const scenario of await this.enabled()) {
      const due = this.dueRuns(scenario, now, context, states);
      for (const run of due) await repo.setHandled(db, scenario.id, run.key, iso(run.at));
      const latest = due.sort((a, b) => b.at - a.at)[0];
      if (latest && beat) missed.push({ scenario, at: latest.at, trigger: latest.trigger, triggerRoom: this.roomOf(context, latest.bookingId) });
    }
    if (!missed.length) return;
    const devices = await this.deps.devices.list();
    const winner = new Map<string, (typeof missed)[number]>();
    for (const run of missed) {
      for (const id of targetedDevices(run.scenario, devices, run.triggerRoom)) {
        const held = winner.get(id);
        if (!held || held.at < run.at) winner.set(id, run);
      }
    }
    for (const run of missed) {
      const won = new Set([...winner].filter(([, w]) => w === run).map(([id]) => id));
      if (!won.size) continue;
      const missedAt = iso(run.at);
      this.deps.log.info({ scenario: run.scenario.name, missedAt }, "replaying a scenario's run missed while the appliance was down");
      runner.start({ scenarioId: run.scenario.id, trigger: { type: "restore", missedAt, trigger: run.trigger }, plannedAt: run.at, triggerRoom: run.triggerRoom, restoreDevices: won });
    }
  }

  private async bookingEvent(event: "created" | "cancelled", payload: BookingEvent): Promise<void> {
    for (const scenario of await this.enabled()) {
      for (const [index, trigger] of scenario.triggers.entries()) {
        if (trigger.type !== "booking" || trigger.event !== event) continue;
        if (trigger.roomId && trigger.roomId !== payload.roomId) continue;
        if (trigger.offsetMinutes <= 0) {
          this.deps.runner.start({ scenarioId: scenario.id, trigger, plannedAt: this.deps.timers.now(), triggerRoom: payload.roomId });
          continue;
        }
        // Kept on disk: a restart still runs it.
        const due = Date.parse(payload.at) + trigger.offsetMinutes * 60_000;
        await repo.insertDue(this.deps.db, { id: newId("due_"), scenario_id: scenario.id, trigger_index: index, due_at: iso(due), booking_id: payload.bookingId, room_id: payload.roomId });
      }
    }
    // A new or cancelled stay moves check-in and check-out runs.
    this.replan();
  }

  private async deviceChanged(deviceId: string, roomId: string | null, state: DeviceStatePayload): Promise<void> {
    const before = this.lastOn.get(deviceId);
    this.lastOn.set(deviceId, state.on);
    if (state.on === undefined || before === state.on) return;
    for (const scenario of await this.enabled()) {
      for (const [index, trigger] of scenario.triggers.entries()) {
        if (trigger.type !== "device" || trigger.deviceId !== deviceId) continue;
        const key = `${scenario.id} ${index}`;
        if (trigger.to.on !== state.on) {
          // Changed back before the time was up: no run.
          this.deps.timers.clearTimeout(this.holds.get(key));
          this.holds.delete(key);
          continue;
        }
        const fire = () => this.deps.runner.start({ scenarioId: scenario.id, trigger, triggerRoom: roomId ?? undefined });
        if (!trigger.forMinutes) {
          if (before !== undefined) fire();
          continue;
        }
        if (this.holds.has(key)) continue;
        this.holds.set(
          key,
          this.deps.timers.setTimeout(() => {
            this.holds.delete(key);
            fire();
          }, trigger.forMinutes * 60_000),
        );
      }
    }
  }

  private async weatherUpdated(): Promise<void> {
    const weather = this.deps.weather.current();
    if (!weather) return;
    const now = this.deps.timers.now();
    for (const scenario of await this.enabled()) {
      for (const [index, trigger] of scenario.triggers.entries()) {
        if (trigger.type !== "weather") continue;
        const value = weatherValue(weather, trigger.field, now + (trigger.forecastHours ?? 0) * 3_600_000, now);
        if (value === null) continue;
        const inside =
          trigger.field === "condition" ? weatherGroupOf(value) === trigger.group : (trigger.above === undefined || value > trigger.above) && (trigger.below === undefined || value < trigger.below);
        const key = triggerKey(index, trigger);
        const state = await repo.triggerState(this.deps.db, scenario.id, key);
        const was = state?.inside === null || state?.inside === undefined ? undefined : state.inside === 1;
        if (inside !== was) await repo.setInside(this.deps.db, scenario.id, key, inside);
        // As Home Assistant's numeric state trigger: the first reading only says where the value is; crossing in fires.
        if (inside && was === false) this.deps.runner.start({ scenarioId: scenario.id, trigger });
      }
    }
  }
}

/** The devices a scenario's device actions reach now (for choosing which missed run wins a device). */
export function targetedDevices(scenario: StoredScenario, devices: ReadonlyArray<{ id: string; roomId?: string | undefined; kind: string }>, triggerRoom: string | undefined): string[] {
  const ids = new Set<string>();
  for (const action of scenario.actions) {
    if (action.type !== "device") continue;
    const roomId = action.roomId === "trigger" ? triggerRoom : action.roomId;
    for (const d of devices) {
      if (action.deviceId ? d.id === action.deviceId : (!action.roomId || d.roomId === roomId) && (action.kind ? d.kind === action.kind : d.kind !== "sensor")) ids.add(d.id);
    }
  }
  return [...ids];
}
