import { TRIGGER_ROOM, type Action, type Condition, type CreateScenarioBody, type LeafCondition, type Scenario, type ScenarioMode, type Trigger } from "@innbox/protocol";
import type { ScheduledTrigger } from "./schedule.js";
import type { ScenarioRow } from "./tables.js";

/** A scenario as stored, its definition parsed. */
export interface StoredScenario {
  id: string;
  name: string;
  enabled: boolean;
  mode: ScenarioMode;
  triggers: Trigger[];
  conditions: Condition[];
  actions: Action[];
  createdAt: string;
  updatedAt: string;
}

export type Definition = Pick<CreateScenarioBody, "triggers" | "conditions" | "actions">;

export function fromRow(row: ScenarioRow): StoredScenario {
  const definition = JSON.parse(row.definition) as Definition;
  return {
    id: row.id,
    name: row.name,
    enabled: row.enabled === 1,
    mode: row.mode as ScenarioMode,
    triggers: definition.triggers,
    conditions: definition.conditions,
    actions: definition.actions,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

export const definitionOf = (s: Definition) => JSON.stringify({ triggers: s.triggers, conditions: s.conditions, actions: s.actions });

/** The triggers the scheduler plans (time, sun, booking check-in/out), with their index. */
export function scheduledTriggers(triggers: readonly Trigger[]): Array<{ index: number; trigger: ScheduledTrigger }> {
  const out: Array<{ index: number; trigger: ScheduledTrigger }> = [];
  triggers.forEach((t, index) => {
    if (t.type === "time" || t.type === "sun") out.push({ index, trigger: t as ScheduledTrigger });
    else if (t.type === "booking" && (t.event === "checkIn" || t.event === "checkOut")) out.push({ index, trigger: t as ScheduledTrigger });
  });
  return out;
}

/** A trigger's key in the scheduler's memory: an edited trigger starts afresh. */
export const triggerKey = (index: number, trigger: Trigger) => `${index}:${JSON.stringify(trigger)}`;

export function leaves(c: Condition): LeafCondition[] {
  if ("and" in c) return c.and.flatMap(leaves);
  if ("or" in c) return c.or.flatMap(leaves);
  if ("not" in c) return leaves(c.not);
  return [c];
}

/** Every id a scenario names, with where (for error sentences). */
export function referencesOf(s: Definition) {
  const devices: Array<{ where: string; id: string }> = [];
  const rooms: Array<{ where: string; id: string }> = [];
  const scenarios: Array<{ where: string; id: string }> = [];
  s.triggers.forEach((t, i) => {
    if (t.type === "device") devices.push({ where: `triggers.${i}`, id: t.deviceId });
    if (t.type === "booking" && t.roomId) rooms.push({ where: `triggers.${i}`, id: t.roomId });
  });
  s.conditions.forEach((c, i) => {
    for (const leaf of leaves(c)) {
      if (leaf.type === "device") devices.push({ where: `conditions.${i}`, id: leaf.deviceId });
      if (leaf.type === "stay" && leaf.roomId) rooms.push({ where: `conditions.${i}`, id: leaf.roomId });
    }
  });
  s.actions.forEach((a, i) => {
    if (a.type === "device" && a.deviceId) devices.push({ where: `actions.${i}`, id: a.deviceId });
    if (a.type === "device" && a.roomId) rooms.push({ where: `actions.${i}`, id: a.roomId });
    if (a.type === "scenario") scenarios.push({ where: `actions.${i}`, id: a.scenarioId });
  });
  return { devices, rooms: rooms.filter((r) => r.id !== TRIGGER_ROOM), triggerRooms: rooms.filter((r) => r.id === TRIGGER_ROOM), scenarios };
}

export function toView(s: StoredScenario, extra: Pick<Scenario, "running"> & Partial<Pick<Scenario, "nextRunAt" | "lastRun" | "problem">>): Scenario {
  return {
    id: s.id,
    name: s.name,
    enabled: s.enabled,
    mode: s.mode,
    triggers: s.triggers,
    conditions: s.conditions,
    actions: s.actions,
    createdAt: s.createdAt,
    updatedAt: s.updatedAt,
    ...(extra.nextRunAt ? { nextRunAt: extra.nextRunAt } : {}),
    ...(extra.lastRun ? { lastRun: extra.lastRun } : {}),
    running: extra.running,
    ...(extra.problem ? { problem: extra.problem } : {}),
  };
}
