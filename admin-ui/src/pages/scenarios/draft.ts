// The scenario as the editor holds it (the API's shapes, numbers possibly not numbers yet
// while typed), a new row of each kind, and the body sent to the appliance.
import type { Action, Condition, CreateScenarioBody, Scenario, Trigger } from "@innbox/protocol";
import type { ScenarioMode } from "@innbox/protocol/scenario-rules";

export interface Draft {
  name: string;
  enabled: boolean;
  mode: ScenarioMode;
  triggers: Trigger[];
  conditions: Condition[];
  actions: Action[];
}

export type TriggerType = Trigger["type"];
export type LeafConditionType = "stay" | "time" | "sun" | "weather" | "device";
export type ConditionKind = LeafConditionType | "and" | "or" | "not";
export type ActionType = Action["type"];

export const TRIGGER_TYPES: readonly TriggerType[] = ["time", "sun", "booking", "device", "weather", "manual"];
export const CONDITION_KINDS: readonly ConditionKind[] = ["stay", "time", "sun", "weather", "device", "and", "or", "not"];
export const ACTION_TYPES: readonly ActionType[] = ["device", "wait", "notify", "scenario"];

export const emptyDraft = (): Draft => ({ name: "", enabled: true, mode: "single", triggers: [], conditions: [], actions: [] });

export function draftOf(scenario: Scenario): Draft {
  const { name, enabled, mode, triggers, conditions, actions } = scenario;
  return structuredClone({ name, enabled, mode, triggers, conditions, actions });
}

export function newTrigger(type: TriggerType): Trigger {
  switch (type) {
    case "time":
      return { type, at: "08:00" };
    case "sun":
      return { type, event: "sunset", offsetMinutes: 0 };
    case "booking":
      return { type, event: "checkIn", offsetMinutes: 0 };
    case "device":
      return { type, deviceId: "", to: { on: true } };
    case "weather":
      return { type, field: "cloudCover", above: 60 };
    case "manual":
      return { type };
  }
}

export function newCondition(kind: ConditionKind): Condition {
  switch (kind) {
    case "stay":
      return { type: kind, state: "occupied" };
    case "time":
      return { type: kind, after: "22:00", before: "06:00" };
    case "sun":
      return { type: kind, after: "sunset" };
    case "weather":
      return { type: kind, field: "cloudCover", above: 60 };
    case "device":
      return { type: kind, deviceId: "", state: { on: true } };
    case "and":
      return { and: [newCondition("stay")] };
    case "or":
      return { or: [newCondition("stay")] };
    case "not":
      return { not: newCondition("stay") };
  }
}

export function conditionKind(condition: Condition): ConditionKind {
  if ("and" in condition) return "and";
  if ("or" in condition) return "or";
  if ("not" in condition) return "not";
  return condition.type;
}

export function newAction(type: ActionType): Action {
  switch (type) {
    case "device":
      return { type, deviceId: "", set: { on: true } };
    case "wait":
      return { type, minutes: 5 };
    case "notify":
      return { type, text: "" };
    case "scenario":
      return { type, scenarioId: "" };
  }
}

/** What is sent: the draft with the name trimmed. */
export function bodyOf(draft: Draft): CreateScenarioBody {
  return { ...structuredClone(draft), name: draft.name.trim() };
}
