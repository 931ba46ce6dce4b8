// A scenario read as one English sentence, naming rooms, devices and scenarios by their
// names: "10 minutes before sunset, if any room is occupied: switch on Garden lights".
// Pure: the list, the editor's live line and the run log all read scenarios through it.
import type { Action, Condition, ScenarioRun, Trigger } from "@innbox/protocol";
import { TRIGGER_ROOM } from "@innbox/protocol/scenario-rules";
import { t } from "../../messages";

/** What a sentence names things by. */
export interface Names {
  rooms: ReadonlyArray<{ id: string; name: string }>;
  devices: ReadonlyArray<{ id: string; name: string }>;
  scenarios: ReadonlyArray<{ id: string; name: string }>;
}

export interface ScenarioParts {
  triggers: readonly Trigger[];
  conditions: readonly Condition[];
  actions: readonly Action[];
}

const w = () => t.sentence;

/** "10 minutes", "3 hours", "1 hour 30 minutes". */
export function span(minutes: number): string {
  const whole = Math.abs(Math.round(minutes));
  if (whole < 60 || whole % 60 !== 0) {
    if (whole < 60) return w().minutes(whole);
    return w().hoursMinutes(w().hours(Math.floor(whole / 60)), w().minutes(whole % 60));
  }
  return w().hours(whole / 60);
}

/** "at sunset", "10 minutes before sunset", "3 hours after check-in". */
export function offsetFrom(event: string, offsetMinutes: number | undefined): string {
  const offset = offsetMinutes ?? 0;
  if (offset === 0) return w().atEvent(event);
  return offset < 0 ? w().beforeEvent(span(offset), event) : w().afterEvent(span(offset), event);
}

/** "a", "a and b", "a, b and c". */
export function list(items: readonly string[], joiner = w().and): string {
  if (items.length <= 1) return items[0] ?? "";
  return `${items.slice(0, -1).join(", ")} ${joiner} ${items[items.length - 1]}`;
}

/** "" for every day, "on weekdays", "on Saturday and Sunday", "on Monday, Wednesday and Friday". */
export function weekdaysWords(weekdays: readonly number[] | undefined): string {
  if (!weekdays || weekdays.length === 0) return "";
  const days = [...new Set(weekdays)].filter((day) => day >= 1 && day <= 7).sort((a, b) => a - b);
  if (days.length === 7) return "";
  if (days.join() === "1,2,3,4,5") return w().onWeekdays;
  return w().onDays(list(days.map((day) => w().weekday[day - 1]!)));
}

const nameOf = (items: ReadonlyArray<{ id: string; name: string }>, id: string, missing: string) => (id ? (items.find((item) => item.id === id)?.name ?? missing) : w().unchosen);

function roomName(names: Names, roomId: string): string {
  return roomId === TRIGGER_ROOM ? w().thatRoom : nameOf(names.rooms, roomId, w().removedRoom);
}

function weatherValue(field: string, value: number): string {
  return `${value}${w().weatherUnit[field] ?? ""}`;
}

export function triggerWords(trigger: Trigger, names: Names): string {
  switch (trigger.type) {
    case "time":
      return [w().atTime(trigger.at), weekdaysWords(trigger.weekdays)].filter(Boolean).join(" ");
    case "sun":
      return offsetFrom(w().sunEvent[trigger.event] ?? trigger.event, trigger.offsetMinutes);
    case "booking": {
      const where = trigger.roomId ? w().inRoom(roomName(names, trigger.roomId)) : w().inAnyRoom;
      const event = w().bookingEvent[trigger.event] ?? trigger.event;
      const offset = trigger.offsetMinutes ?? 0;
      if (trigger.event === "checkIn" || trigger.event === "checkOut") return `${offsetFrom(event, offset)} ${where}`;
      return offset === 0 ? `${w().whenBooking(event)} ${where}` : `${w().afterEvent(span(offset), event)} ${where}`;
    }
    case "device": {
      const device = nameOf(names.devices, trigger.deviceId, w().removedDevice);
      return trigger.forMinutes ? w().deviceHeld(device, trigger.to.on, span(trigger.forMinutes)) : w().deviceTurns(device, trigger.to.on);
    }
    case "weather": {
      const ahead = trigger.forecastHours ? ` ${w().forecast(trigger.forecastHours)}` : "";
      if (trigger.field === "condition") return `${w().turnsTo(w().weatherGroup[trigger.group ?? ""] ?? String(trigger.group))}${ahead}`;
      const field = w().weatherField[trigger.field] ?? trigger.field;
      if (trigger.above !== undefined) return `${w().risesAbove(field, weatherValue(trigger.field, trigger.above))}${ahead}`;
      return `${w().fallsBelow(field, weatherValue(trigger.field, trigger.below ?? 0))}${ahead}`;
    }
    case "manual":
      return w().byHand;
  }
}

/** A moment of a sun condition: "sunset", "30 minutes after sunset". */
function sunMoment(event: string, offsetMinutes: number | undefined): string {
  const name = w().sunEvent[event] ?? event;
  if (!offsetMinutes) return name;
  return w().sunMoment(span(offsetMinutes), offsetMinutes < 0 ? "before" : "after", name);
}

/** One condition without the leading "if"; `nested` puts groups of several in brackets. */
export function conditionWords(condition: Condition, names: Names, nested = false): string {
  if ("and" in condition) return group(condition.and.map((inner) => conditionWords(inner, names, true)), w().and, nested);
  if ("or" in condition) return group(condition.or.map((inner) => conditionWords(inner, names, true)), w().or, nested);
  if ("not" in condition) return w().not(conditionWords(condition.not, names));
  switch (condition.type) {
    case "stay": {
      const state = w().stayWord[condition.state] ?? condition.state;
      if (condition.roomId) return w().roomIs(roomName(names, condition.roomId), state);
      return condition.scope === "all" ? w().everyRoomIs(state) : w().anyRoomIs(state);
    }
    case "time": {
      const { after, before } = condition;
      if (after && before) return after > before ? w().overnight(after, before) : w().betweenTimes(after, before);
      return after ? w().afterTime(after) : w().beforeTime(before ?? "");
    }
    case "sun":
      return condition.after ? w().afterSun(sunMoment(condition.after, condition.offsetMinutes)) : w().beforeSun(sunMoment(condition.before ?? "", condition.offsetMinutes));
    case "weather": {
      const field = w().weatherField[condition.field] ?? condition.field;
      const { above, below } = condition;
      let words: string;
      if (above !== undefined && below !== undefined) words = w().isBetween(field, weatherValue(condition.field, above), weatherValue(condition.field, below));
      else if (above !== undefined) words = w().isAbove(field, weatherValue(condition.field, above));
      else words = w().isBelow(field, weatherValue(condition.field, below ?? 0));
      return `${words} ${condition.forecastHours ? w().forecast(condition.forecastHours) : w().now}`;
    }
    case "device":
      return w().deviceIs(nameOf(names.devices, condition.deviceId, w().removedDevice), condition.state.on);
  }
}

function group(parts: string[], joiner: string, nested: boolean): string {
  const joined = list(parts, joiner);
  return nested && parts.length > 1 ? w().group(joined) : joined;
}

/** Which devices a device action names: "Garden lights", "every light", "the heaters in that room". */
function targetWords(action: Extract<Action, { type: "device" }>, names: Names): string {
  if (action.deviceId !== undefined) return nameOf(names.devices, action.deviceId, w().removedDevice);
  const kinds = action.kind ? (w().kindPlural[action.kind] ?? action.kind) : undefined;
  if (action.roomId) {
    const room = action.roomId === TRIGGER_ROOM ? w().theTriggerRoom : nameOf(names.rooms, action.roomId, w().removedRoom);
    return kinds ? w().theKindIn(kinds, room) : w().everyDeviceIn(room);
  }
  const every = kinds ? w().everyKind(kinds) : w().everyDevice;
  return action.roomState ? `${every} ${w().inRoomsThatAre(w().stayWord[action.roomState] ?? action.roomState)}` : every;
}

export function actionWords(action: Action, names: Names): string {
  switch (action.type) {
    case "device": {
      const what = targetWords(action, names);
      const { on, brightness } = action.set;
      if (brightness !== undefined) return on === false ? w().switchOff(what) : on === true ? w().switchOnAt(what, brightness) : w().setBrightness(what, brightness);
      return on ? w().switchOn(what) : w().switchOff(what);
    }
    case "wait":
      return w().wait(span(action.minutes));
    case "notify":
      return w().notify(action.text);
    case "scenario":
      return w().runScenario(nameOf(names.scenarios, action.scenarioId, w().removedScenario));
  }
}

/** The whole scenario as one sentence, starting with a capital. */
export function scenarioSentence(scenario: ScenarioParts, names: Names): string {
  if (scenario.triggers.length === 0 && scenario.actions.length === 0) return w().nothingYet;
  const when = scenario.triggers.length ? list(scenario.triggers.map((trigger) => triggerWords(trigger, names)), w().or) : w().noTrigger;
  const only = scenario.conditions.length ? `, ${w().ifWord} ${list(scenario.conditions.map((condition) => conditionWords(condition, names, scenario.conditions.length > 1)))}` : "";
  const what = scenario.actions.length ? scenario.actions.map((action) => actionWords(action, names)).join(`, ${w().then} `) : w().noAction;
  const words = `${when}${only}: ${what}`;
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** Where a run came from: its trigger, by hand, another scenario, or a run restored after downtime (`when` writes the missed time). */
export function runTriggerWords(trigger: ScenarioRun["trigger"], names: Names, when: (at: string) => string): string {
  const capital = (words: string) => words.charAt(0).toUpperCase() + words.slice(1);
  if (trigger.type === "restore") return `${t.scenarios.restored(when(trigger.missedAt))} ${capital(triggerWords(trigger.trigger, names))}.`;
  if (trigger.type === "scenario") return t.scenarios.byScenario(nameOf(names.scenarios, trigger.scenarioId, w().removedScenario));
  if (trigger.type === "manual") return t.scenarios.manual;
  return capital(triggerWords(trigger, names));
}
