import type { CreateScenarioBody, Scenario, ScenarioRun, UpdateScenarioBody } from "@innbox/protocol";
import { newId, nowIso, type Db } from "../db/index.js";
import { AppError, type ErrorDetail } from "../http/index.js";
import { localDate } from "../time/index.js";
import { scenariosTexts as texts } from "./messages.js";
import { definitionOf, fromRow, leaves, referencesOf, scheduledTriggers, toView, type Definition, type StoredScenario } from "./model.js";
import { previewRuns } from "./preview.js";
import { scenariosRepository as repo } from "./repository.js";
import type { ScenarioRunner } from "./runner.js";
import { nextRun, type ScheduleContext } from "./schedule.js";
import type { DevicesSource, PlaceSource, RoomsSource, WeatherSource } from "./sources.js";
import type { ScenarioRunRow } from "./tables.js";

export interface ScenariosServiceDeps {
  db: Db;
  clock: () => number;
  place: PlaceSource;
  rooms: RoomsSource;
  devices: DevicesSource;
  weather: WeatherSource;
  runner: ScenarioRunner;
  context: () => Promise<ScheduleContext>;
  /** A disabled scenario is enabled again: its time-driven runs start from now. */
  enabledAgain: (id: string) => Promise<void>;
  /** A scenario was added, changed or removed: the scheduler plans again, staff see it. */
  changed: (id: string) => void;
}

function toRun(row: ScenarioRunRow): ScenarioRun {
  return {
    id: row.id,
    scenarioId: row.scenario_id,
    scenarioName: row.scenario_name,
    trigger: JSON.parse(row.trigger) as ScenarioRun["trigger"],
    ...(row.planned_at ? { plannedAt: row.planned_at } : {}),
    startedAt: row.started_at,
    finishedAt: row.finished_at,
    outcome: row.outcome as ScenarioRun["outcome"],
    ...(row.reason ? { reason: row.reason } : {}),
    conditions: JSON.parse(row.conditions) as ScenarioRun["conditions"],
    actions: JSON.parse(row.actions) as ScenarioRun["actions"],
  };
}

export function createScenariosService(deps: ScenariosServiceDeps) {
  const { db } = deps;

  async function stored(from: Db = db): Promise<StoredScenario[]> {
    return (await repo.scenarios(from)).map(fromRow);
  }
  async function one(id: string): Promise<StoredScenario> {
    const row = await repo.scenario(db, id);
    if (!row) throw AppError.notFound(texts.notFound);
    return fromRow(row);
  }
  async function known() {
    const [devices, rooms, scenarios] = await Promise.all([deps.devices.list(), deps.rooms.rooms(), stored()]);
    return { devices: new Set(devices.map((d) => d.id)), rooms: new Set(rooms.map((r) => r.id)), scenarios };
  }

  /** What a scenario names that does not exist (sentences). */
  function missing(s: Definition, have: Awaited<ReturnType<typeof known>>, selfId?: string): ErrorDetail[] {
    const refs = referencesOf(s);
    const ids = new Set(have.scenarios.map((x) => x.id));
    return [
      ...refs.devices.filter((r) => !have.devices.has(r.id)).map((r) => ({ field: r.where, message: texts.noDevice(r.where, r.id) })),
      ...refs.rooms.filter((r) => !have.rooms.has(r.id)).map((r) => ({ field: r.where, message: texts.noRoom(r.where, r.id) })),
      ...refs.scenarios.filter((r) => !ids.has(r.id) && r.id !== selfId).map((r) => ({ field: r.where, message: texts.noScenario(r.where, r.id) })),
    ];
  }

  /** The checks beyond the schema: what it names exists, no cycles, the sun needs a position. */
  async function check(draft: Definition & { name: string }, selfId?: string): Promise<void> {
    const have = await known();
    const details = missing(draft, have, selfId);
    const refs = referencesOf(draft);
    if (refs.triggerRooms.length && !draft.triggers.some((t) => t.type === "booking" || t.type === "device")) {
      for (const r of refs.triggerRooms) details.push({ field: r.where, message: texts.triggerRoom(r.where) });
    }
    const place = await deps.place.get();
    if (place.latitude === null || place.longitude === null) {
      draft.triggers.forEach((t, i) => t.type === "sun" && details.push({ field: `triggers.${i}`, message: texts.noPosition(`triggers.${i}`) }));
      draft.conditions.forEach((c, i) => leaves(c).some((l) => l.type === "sun") && details.push({ field: `conditions.${i}`, message: texts.noPosition(`conditions.${i}`) }));
    }
    const cycle = findCycle(draft, have.scenarios, selfId);
    if (cycle) details.push({ field: "actions", message: texts.cycle(cycle) });
    if (details.length) throw AppError.badRequest(details.length === 1 ? details[0]!.message : `${details[0]!.message} (and ${details.length - 1} more; see details)`, details);
  }

  async function view(s: StoredScenario, context: ScheduleContext, have: Awaited<ReturnType<typeof known>>): Promise<Scenario> {
    const last = await repo.lastRun(db, s.id);
    const now = deps.clock();
    let next: number | undefined;
    if (s.enabled) {
      for (const { trigger } of scheduledTriggers(s.triggers)) {
        const run = nextRun(trigger, now, context, 31);
        if (run && (next === undefined || run.at < next)) next = run.at;
      }
    }
    const gone = missing(s, have, s.id);
    if ((context.latitude === null || context.longitude === null) && (s.triggers.some((t) => t.type === "sun") || s.conditions.some((c) => leaves(c).some((l) => l.type === "sun")))) {
      gone.push({ field: "triggers", message: texts.noPositionNow });
    }
    return toView(s, {
      running: deps.runner.running(s.id),
      ...(next !== undefined ? { nextRunAt: new Date(next).toISOString() } : {}),
      ...(last ? { lastRun: { id: last.id, startedAt: last.started_at, outcome: last.outcome as ScenarioRun["outcome"] } } : {}),
      ...(gone.length ? { problem: gone.map((g) => g.message).join(" ") } : {}),
    });
  }

  async function previewOf(s: Pick<CreateScenarioBody, "triggers" | "conditions">, from: string | undefined, days: number) {
    const [context, rooms] = await Promise.all([deps.context(), deps.rooms.rooms()]);
    const now = deps.clock();
    const day = from ?? localDate(now, context.timeZone);
    const runs = previewRuns(s, day, days, context, { ...context, now, rooms, stays: context.stays, stayState: deps.rooms.stayState, weather: deps.weather.current() });
    return { runs, timeZone: context.timeZone, from: day, days };
  }

  const service = {
    async list(): Promise<Scenario[]> {
      const [context, have] = await Promise.all([deps.context(), known()]);
      return Promise.all(have.scenarios.map((s) => view(s, context, have)));
    },
    /** The views of some scenarios, read together; the ones gone are left out. */
    async viewsOf(ids: readonly string[]): Promise<Map<string, Scenario>> {
      const [context, have] = await Promise.all([deps.context(), known()]);
      const wanted = new Set(ids);
      const views = await Promise.all(have.scenarios.filter((s) => wanted.has(s.id)).map((s) => view(s, context, have)));
      return new Map(views.map((v) => [v.id, v]));
    },
    async view(id: string): Promise<Scenario> {
      const s = await one(id);
      const [context, have] = await Promise.all([deps.context(), known()]);
      return view(s, context, have);
    },
    async create(body: CreateScenarioBody): Promise<Scenario> {
      await check(body);
      const at = nowIso(deps.clock);
      const id = newId("sc_");
      await repo.insert(db, { id, name: body.name, enabled: body.enabled ? 1 : 0, mode: body.mode, definition: definitionOf(body), created_at: at, updated_at: at });
      deps.changed(id);
      return service.view(id);
    },
    async update(id: string, body: UpdateScenarioBody): Promise<Scenario> {
      const current = await one(id);
      const next = {
        name: body.name ?? current.name,
        enabled: body.enabled ?? current.enabled,
        mode: body.mode ?? current.mode,
        triggers: body.triggers ?? current.triggers,
        conditions: body.conditions ?? current.conditions,
        actions: body.actions ?? current.actions,
      };
      await check(next, id);
      await repo.update(db, id, { name: next.name, enabled: next.enabled ? 1 : 0, mode: next.mode, definition: definitionOf(next), updated_at: nowIso(deps.clock) });
      if (!current.enabled && next.enabled) await deps.enabledAgain(id);
      deps.changed(id);
      return service.view(id);
    },
    async remove(id: string): Promise<void> {
      await one(id);
      const callers = (await stored()).filter((s) => s.id !== id && s.actions.some((a) => a.type === "scenario" && a.scenarioId === id));
      if (callers.length) throw AppError.conflict(texts.runByOthers(callers.map((s) => s.name)));
      await repo.delete(db, id);
      deps.changed(id);
    },
    async run(id: string): Promise<string> {
      await one(id);
      return deps.runner.start({ scenarioId: id, trigger: { type: "manual" } });
    },
    /** Enabled scenarios with a manual trigger (the Telegram bot's /run), read through `from` (a transaction under way). */
    async manual(from: Db = db): Promise<Array<{ id: string; name: string }>> {
      return (await stored(from)).filter((s) => s.enabled && s.triggers.some((t) => t.type === "manual")).map((s) => ({ id: s.id, name: s.name }));
    },
    /** Starts a run of a scenario known to exist; its id at once. */
    start: (id: string, trigger: { type: "manual" } = { type: "manual" }) => deps.runner.start({ scenarioId: id, trigger }),
    async preview(id: string, from: string | undefined, days: number) {
      return previewOf(await one(id), from, days);
    },
    previewDraft: (draft: Pick<CreateScenarioBody, "triggers" | "conditions">, from: string | undefined, days: number) => previewOf(draft, from, days),
    async runs(filter: { scenarioId?: string | undefined; limit: number }): Promise<ScenarioRun[]> {
      return (await repo.runs(db, filter)).map(toRun);
    },
    /** The names of the scenarios that name a device or a room (deleting it is refused while any does). */
    async usedBy(kind: "device" | "room", id: string): Promise<string[]> {
      return (await stored())
        .filter((s) => {
          const refs = referencesOf(s);
          return (kind === "device" ? refs.devices : refs.rooms).some((r) => r.id === id);
        })
        .map((s) => s.name);
    },
  };
  return service;
}

/** A path of scenario names that runs back to the edited one, if its scenario actions close a cycle. */
function findCycle(draft: Definition & { name: string }, scenarios: StoredScenario[], selfId: string | undefined): string[] | undefined {
  const self = selfId ?? "\0new";
  const targets = (actions: Definition["actions"]) => actions.flatMap((a) => (a.type === "scenario" ? [a.scenarioId] : []));
  const edges = new Map(scenarios.map((s) => [s.id, targets(s.actions)]));
  edges.set(self, targets(draft.actions));
  const names = new Map(scenarios.map((s) => [s.id, s.name]));
  names.set(self, draft.name);
  const seen = new Set<string>();
  const walk = (node: string, path: string[]): string[] | undefined => {
    for (const next of edges.get(node) ?? []) {
      if (next === self) return [...path, self];
      if (seen.has(next)) continue;
      seen.add(next);
      const found = walk(next, [...path, next]);
      if (found) return found;
    }
    return undefined;
  };
  const cycle = walk(self, [self]);
  return cycle?.map((id) => names.get(id) ?? id);
}

export type ScenariosService = ReturnType<typeof createScenariosService>;
