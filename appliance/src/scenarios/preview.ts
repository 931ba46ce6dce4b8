import type { CreateScenarioBody, Trigger } from "@innbox/protocol";
import { addDays, instantsOf, localDate } from "../time/index.js";
import { evaluate, type ConditionWorld } from "./conditions.js";
import { scheduledTriggers } from "./model.js";
import { runsBetween, type ScheduleContext } from "./schedule.js";

export interface PreviewRun {
  at: string;
  trigger: Trigger;
  triggerIndex: number;
  bookingId?: string;
  roomId?: string;
  conditionsMet: boolean | null;
}

/**
 * The runs a scenario's time, sun and booking check-in/out triggers plan from 00:00 local
 * on `from` to 00:00 local on `from + days`, by the scheduler's own code, each with whether
 * its conditions would hold then (null where that cannot be known: a device's state later,
 * weather beyond the forecast).
 */
export function previewRuns(
  scenario: Pick<CreateScenarioBody, "triggers" | "conditions">,
  from: string,
  days: number,
  context: ScheduleContext,
  world: Omit<ConditionWorld, "at" | "triggerRoom" | "devices">,
): PreviewRun[] {
  const start = instantsOf(from, "00:00", context.timeZone)[0]!;
  const end = instantsOf(addDays(from, days), "00:00", context.timeZone)[0]!;
  const runs: PreviewRun[] = [];
  for (const { index, trigger } of scheduledTriggers(scenario.triggers)) {
    for (const run of runsBetween(trigger, start, end, context)) {
      const roomId = run.bookingId ? context.stays.find((s) => s.id === run.bookingId)?.roomId : undefined;
      const at: ConditionWorld = { ...world, at: run.at, triggerRoom: roomId, devices: undefined };
      const values = scenario.conditions.map((c) => evaluate(c, at));
      runs.push({
        at: new Date(run.at).toISOString(),
        trigger: scenario.triggers[index]!,
        triggerIndex: index,
        ...(run.bookingId ? { bookingId: run.bookingId } : {}),
        ...(roomId ? { roomId } : {}),
        conditionsMet: values.includes(false) ? false : values.includes(null) ? null : true,
      });
    }
  }
  return runs.sort((a, b) => a.at.localeCompare(b.at) || a.triggerIndex - b.triggerIndex);
}

export const today = (now: number, timeZone: string) => localDate(now, timeZone);
