// The editor's checks before saving, with the appliance's own limits (scenario-rules), keyed
// by the API's path of each field ("triggers.0.at", "actions.1.deviceId") so the page's
// sentences and the appliance's 400 `details` land beside the same fields.
import type { Action, Condition, Trigger } from "@innbox/protocol";
import {
  ACTIONS_MAX,
  CONDITION_DEPTH_MAX,
  CONDITIONS_MAX,
  FOR_MINUTES,
  FORECAST_HOURS,
  HH_MM,
  NOTIFY_TEXT_MAX,
  OFFSET_MINUTES,
  SCENARIO_NAME_MAX,
  TRIGGER_ROOM,
  TRIGGERS_MAX,
  WAIT_MINUTES,
} from "@innbox/protocol/scenario-rules";
import { t } from "../../messages";
import type { Draft } from "./draft";
import type { Names } from "./sentence";

type Problems = Record<string, string>;

const c = () => t.scenarios.check;
const isNumber = (value: unknown): value is number => typeof value === "number" && Number.isFinite(value);
const inRange = (value: unknown, range: { min: number; max: number }) => isNumber(value) && Number.isInteger(value) && value >= range.min && value <= range.max;
const known = (items: Names["rooms"], id: string) => items.some((item) => item.id === id);

/** Every problem of the draft by its field's path; empty when it can be saved. */
export function checkDraft(draft: Draft, names: Names): Problems {
  const found: Problems = {};
  const name = draft.name.trim();
  if (!name) found.name = c().name;
  else if (name.length > SCENARIO_NAME_MAX) found.name = c().nameLong(SCENARIO_NAME_MAX);
  if (draft.triggers.length === 0) found.triggers = c().noTrigger;
  else if (draft.triggers.length > TRIGGERS_MAX) found.triggers = c().tooMany("triggers", TRIGGERS_MAX);
  if (draft.conditions.length > CONDITIONS_MAX) found.conditions = c().tooMany("conditions", CONDITIONS_MAX);
  if (draft.actions.length === 0) found.actions = c().noAction;
  else if (draft.actions.length > ACTIONS_MAX) found.actions = c().tooMany("actions", ACTIONS_MAX);
  draft.triggers.forEach((trigger, index) => checkTrigger(trigger, `triggers.${index}`, names, found));
  draft.conditions.forEach((condition, index) => checkCondition(condition, `conditions.${index}`, names, found, 1));
  draft.actions.forEach((action, index) => checkAction(action, `actions.${index}`, names, found));
  return found;
}

/** Only what the preview needs: the triggers, conditions and actions can be worked out. */
export function previewable(draft: Draft, names: Names): boolean {
  return Object.keys(checkDraft(draft, names)).every((key) => key === "name");
}

function checkRoom(roomId: string | undefined, at: string, names: Names, found: Problems) {
  if (roomId && roomId !== TRIGGER_ROOM && !known(names.rooms, roomId)) found[at] = c().roomGone;
}

function checkDevice(deviceId: string, at: string, names: Names, found: Problems) {
  if (!deviceId) found[at] = c().device;
  else if (!known(names.devices, deviceId)) found[at] = c().deviceGone;
}

function checkOffset(value: unknown, at: string, found: Problems) {
  if (!inRange(value, OFFSET_MINUTES)) found[at] = c().offset(OFFSET_MINUTES.min, OFFSET_MINUTES.max);
}

function checkForecast(value: unknown, at: string, found: Problems) {
  if (value !== undefined && !inRange(value, FORECAST_HOURS)) found[at] = c().hours(FORECAST_HOURS.min, FORECAST_HOURS.max);
}

function checkTrigger(trigger: Trigger, path: string, names: Names, found: Problems) {
  switch (trigger.type) {
    case "time":
      if (!HH_MM.test(trigger.at)) found[`${path}.at`] = c().time;
      return;
    case "sun":
      checkOffset(trigger.offsetMinutes, `${path}.offsetMinutes`, found);
      return;
    case "booking":
      checkOffset(trigger.offsetMinutes, `${path}.offsetMinutes`, found);
      if (!found[`${path}.offsetMinutes`] && trigger.offsetMinutes < 0 && trigger.event !== "checkIn" && trigger.event !== "checkOut") found[`${path}.offsetMinutes`] = c().offsetAfter;
      checkRoom(trigger.roomId, `${path}.roomId`, names, found);
      return;
    case "device":
      checkDevice(trigger.deviceId, `${path}.deviceId`, names, found);
      if (trigger.forMinutes !== undefined && !inRange(trigger.forMinutes, FOR_MINUTES)) found[`${path}.forMinutes`] = c().minutes(FOR_MINUTES.min, FOR_MINUTES.max);
      return;
    case "weather": {
      if (trigger.field !== "condition") {
        const value = trigger.above ?? trigger.below;
        if (!isNumber(value)) found[`${path}.${trigger.above !== undefined ? "above" : "below"}`] = c().number;
      }
      checkForecast(trigger.forecastHours, `${path}.forecastHours`, found);
      return;
    }
    case "manual":
      return;
  }
}

function checkCondition(condition: Condition, path: string, names: Names, found: Problems, depth: number) {
  if (depth > CONDITION_DEPTH_MAX) {
    found[path] = c().depth(CONDITION_DEPTH_MAX);
    return;
  }
  if ("and" in condition || "or" in condition) {
    const key = "and" in condition ? "and" : "or";
    const inner = "and" in condition ? condition.and : (condition as { or: Condition[] }).or;
    if (inner.length === 0) found[`${path}.${key}`] = c().emptyGroup;
    inner.forEach((each, index) => checkCondition(each, `${path}.${key}.${index}`, names, found, depth + 1));
    return;
  }
  if ("not" in condition) {
    checkCondition(condition.not, `${path}.not`, names, found, depth + 1);
    return;
  }
  switch (condition.type) {
    case "stay":
      checkRoom(condition.roomId, `${path}.roomId`, names, found);
      return;
    case "time":
      if (condition.after === undefined && condition.before === undefined) found[path] = c().timeBounds;
      if (condition.after !== undefined && !HH_MM.test(condition.after)) found[`${path}.after`] = c().time;
      if (condition.before !== undefined && !HH_MM.test(condition.before)) found[`${path}.before`] = c().time;
      return;
    case "sun":
      if (condition.offsetMinutes !== undefined) checkOffset(condition.offsetMinutes, `${path}.offsetMinutes`, found);
      return;
    case "weather":
      if (condition.above === undefined && condition.below === undefined) found[path] = c().weatherBounds;
      if (condition.above !== undefined && !isNumber(condition.above)) found[`${path}.above`] = c().number;
      if (condition.below !== undefined && !isNumber(condition.below)) found[`${path}.below`] = c().number;
      checkForecast(condition.forecastHours, `${path}.forecastHours`, found);
      return;
    case "device":
      checkDevice(condition.deviceId, `${path}.deviceId`, names, found);
      return;
  }
}

function checkAction(action: Action, path: string, names: Names, found: Problems) {
  switch (action.type) {
    case "device":
      if (action.deviceId !== undefined) checkDevice(action.deviceId, `${path}.deviceId`, names, found);
      else if (action.roomId === undefined && action.kind === undefined) found[path] = c().whichDevices;
      checkRoom(action.roomId, `${path}.roomId`, names, found);
      if (action.set.on === undefined && action.set.brightness === undefined) found[`${path}.set`] = c().setNothing;
      if (action.set.brightness !== undefined && !inRange(action.set.brightness, { min: 0, max: 100 })) found[`${path}.set.brightness`] = c().brightness;
      return;
    case "wait":
      if (!isNumber(action.minutes) || action.minutes < WAIT_MINUTES.min || action.minutes > WAIT_MINUTES.max) found[`${path}.minutes`] = c().minutes(WAIT_MINUTES.min, WAIT_MINUTES.max);
      return;
    case "notify": {
      const text = action.text.trim();
      if (!text || text.length > NOTIFY_TEXT_MAX) found[`${path}.text`] = c().text(NOTIFY_TEXT_MAX);
      return;
    }
    case "scenario":
      if (!action.scenarioId) found[`${path}.scenarioId`] = c().scenario;
      return;
  }
}
