import { z } from "zod";
import { DEVICE_KINDS } from "./devices.js";
import { STAY_STATES } from "./bookings.js";
import { DATE } from "./rules.js";
import { NameText } from "./text.js";

// Scenarios: the property runs itself. A scenario is triggers (when), conditions (only if)
// and actions (what), with a mode saying what a trigger does while a run is under way.
// The plain values (limits, lists) are in scenario-rules.ts so the admin page can check a
// form without bundling zod.
import {
  BOOKING_TRIGGER_EVENTS,
  CONDITION_DEPTH_MAX,
  CONDITIONS_MAX,
  ACTIONS_MAX,
  SCENARIO_MODES,
  SCENARIO_NAME_MAX,
  SUN_EVENTS,
  TRIGGERS_MAX,
  NOTIFY_TEXT_MAX,
  OFFSET_MINUTES,
  WAIT_MINUTES,
  FOR_MINUTES,
  FORECAST_HOURS,
  WEATHER_CONDITION_FIELDS,
  WEATHER_TRIGGER_FIELDS,
  WEATHER_GROUPS,
  SCENARIO_RUN_OUTCOMES,
  ACTION_RESULTS,
  HH_MM,
  RUN_LIMIT,
  PREVIEW_DAYS,
} from "./scenario-rules.js";

export * from "./scenario-rules.js";

const Ref = (label: string) =>
  z
    .string({ error: `${label} must be the id of one (as listed).` })
    .min(1, { error: `${label} cannot be empty.` })
    .max(64, { error: `${label} is too long to be an id.` });

const TimeOfDay = (label: string) =>
  z.string({ error: `${label} must be a time of day such as 07:30.` }).regex(HH_MM, { error: `${label} must be a time of day from 00:00 to 23:59, such as 07:30.` });

const Offset = z
  .number({ error: "offsetMinutes must be a number of minutes." })
  .int({ error: "offsetMinutes must be a whole number of minutes." })
  .min(OFFSET_MINUTES.min, { error: `offsetMinutes must be between ${OFFSET_MINUTES.min} and ${OFFSET_MINUTES.max} (12 hours either way).` })
  .max(OFFSET_MINUTES.max, { error: `offsetMinutes must be between ${OFFSET_MINUTES.min} and ${OFFSET_MINUTES.max} (12 hours either way).` })
  .describe("Minutes after the event; negative is before.");

const Threshold = (label: string) => z.number({ error: `${label} must be a number.` }).finite();

const ForecastHours = z
  .number({ error: "forecastHours must be a number of hours." })
  .int({ error: "forecastHours must be a whole number of hours." })
  .min(FORECAST_HOURS.min, { error: `forecastHours must be between ${FORECAST_HOURS.min} and ${FORECAST_HOURS.max}.` })
  .max(FORECAST_HOURS.max, { error: `forecastHours must be between ${FORECAST_HOURS.min} and ${FORECAST_HOURS.max}.` })
  .describe("0 or absent: the weather now; n: the forecast for n hours ahead.");

const Weekdays = z
  .array(z.number().int().min(1, { error: "weekdays are 1 (Monday) to 7 (Sunday)." }).max(7, { error: "weekdays are 1 (Monday) to 7 (Sunday)." }), {
    error: "weekdays must be a list of days, 1 (Monday) to 7 (Sunday).",
  })
  .min(1, { error: "weekdays needs at least one day; leave it out for every day." })
  .max(7)
  .refine((days) => new Set(days).size === days.length, { error: "weekdays lists a day twice." });

const OnOff = z.strictObject({ on: z.boolean({ error: "on must be true or false." }) });

// ---- triggers ----

export const TimeTrigger = z.strictObject({ type: z.literal("time"), at: TimeOfDay("at"), weekdays: Weekdays.optional() });
export const SunTrigger = z.strictObject({
  type: z.literal("sun"),
  event: z.enum(SUN_EVENTS, { error: 'event must be "sunrise", "sunset", "dawn" or "dusk".' }),
  offsetMinutes: Offset.default(0),
});
export const BookingTrigger = z
  .strictObject({
    type: z.literal("booking"),
    event: z.enum(BOOKING_TRIGGER_EVENTS, { error: 'event must be "checkIn", "checkOut", "created" or "cancelled".' }),
    roomId: Ref("roomId").optional().describe("Absent: any room."),
    offsetMinutes: Offset.default(0),
  })
  .refine((t) => t.offsetMinutes >= 0 || t.event === "checkIn" || t.event === "checkOut", {
    error: "A booking's creation or cancellation cannot be known in advance: use an offset of 0 or more minutes after it.",
    path: ["offsetMinutes"],
  });
export const DeviceTrigger = z.strictObject({
  type: z.literal("device"),
  deviceId: Ref("deviceId"),
  to: OnOff,
  forMinutes: z
    .number({ error: "forMinutes must be a number of minutes." })
    .int({ error: "forMinutes must be a whole number of minutes." })
    .min(FOR_MINUTES.min, { error: `forMinutes must be between ${FOR_MINUTES.min} and ${FOR_MINUTES.max}.` })
    .max(FOR_MINUTES.max, { error: `forMinutes must be between ${FOR_MINUTES.min} and ${FOR_MINUTES.max}.` })
    .optional()
    .describe("The state must hold this long before the trigger fires."),
});
export const WeatherTrigger = z
  .strictObject({
    type: z.literal("weather"),
    field: z.enum(WEATHER_TRIGGER_FIELDS, { error: `field must be one of ${WEATHER_TRIGGER_FIELDS.map((f) => `"${f}"`).join(", ")}.` }),
    above: Threshold("above").optional(),
    below: Threshold("below").optional(),
    group: z.enum(WEATHER_GROUPS, { error: `group must be one of ${WEATHER_GROUPS.map((g) => `"${g}"`).join(", ")}.` }).optional().describe('For field "condition": the WMO weather-code group.'),
    forecastHours: ForecastHours.optional(),
  })
  .describe("Fires when the value crosses into the range (or the condition enters the group), on a forecast refresh; not again until it has left it.")
  .refine((t) => (t.field === "condition" ? t.group !== undefined && t.above === undefined && t.below === undefined : t.group === undefined && (t.above !== undefined) !== (t.below !== undefined)), {
    error: 'Say one threshold: above or below (for field "condition": group instead).',
  });
export const ManualTrigger = z.strictObject({ type: z.literal("manual") });

export const Trigger = z.union([TimeTrigger, SunTrigger, BookingTrigger, DeviceTrigger, WeatherTrigger, ManualTrigger], {
  error: 'Each trigger needs a type: "time", "sun", "booking", "device", "weather" or "manual", with its fields.',
});
export type Trigger = z.infer<typeof Trigger>;

// ---- conditions ----

export const StayCondition = z.strictObject({
  type: z.literal("stay"),
  roomId: Ref("roomId").optional().describe('Absent: "scope" decides (any room by default); "trigger": the room of the booking or device that triggered.'),
  scope: z.enum(["any", "all"], { error: 'scope must be "any" or "all".' }).optional(),
  state: z.enum(STAY_STATES, { error: `state must be one of ${STAY_STATES.map((s) => `"${s}"`).join(", ")}.` }),
});
export const TimeCondition = z
  .strictObject({ type: z.literal("time"), after: TimeOfDay("after").optional(), before: TimeOfDay("before").optional() })
  .refine((c) => c.after !== undefined || c.before !== undefined, { error: "A time condition needs after, before or both (after 22:00 and before 06:00 crosses midnight)." });
export const SunCondition = z
  .strictObject({
    type: z.literal("sun"),
    after: z.enum(["sunrise", "sunset"], { error: 'after must be "sunrise" or "sunset".' }).optional(),
    before: z.enum(["sunrise", "sunset"], { error: 'before must be "sunrise" or "sunset".' }).optional(),
    offsetMinutes: Offset.optional(),
  })
  .refine((c) => (c.after !== undefined) !== (c.before !== undefined), { error: "A sun condition needs one of after or before." });
export const WeatherCondition = z
  .strictObject({
    type: z.literal("weather"),
    field: z.enum(WEATHER_CONDITION_FIELDS, { error: `field must be one of ${WEATHER_CONDITION_FIELDS.map((f) => `"${f}"`).join(", ")}.` }),
    above: Threshold("above").optional(),
    below: Threshold("below").optional(),
    forecastHours: ForecastHours.optional(),
  })
  .refine((c) => c.above !== undefined || c.below !== undefined, { error: "A weather condition needs above, below or both." });
export const DeviceCondition = z.strictObject({ type: z.literal("device"), deviceId: Ref("deviceId"), state: OnOff });

export type LeafCondition = z.infer<typeof StayCondition> | z.infer<typeof TimeCondition> | z.infer<typeof SunCondition> | z.infer<typeof WeatherCondition> | z.infer<typeof DeviceCondition>;
export type Condition = LeafCondition | { and: Condition[] } | { or: Condition[] } | { not: Condition };

const LeafCondition = z.union([StayCondition, TimeCondition, SunCondition, WeatherCondition, DeviceCondition]);
function depthOf(c: Condition): number {
  if ("and" in c) return 1 + Math.max(0, ...c.and.map(depthOf));
  if ("or" in c) return 1 + Math.max(0, ...c.or.map(depthOf));
  if ("not" in c) return 1 + depthOf(c.not);
  return 1;
}
export const Condition: z.ZodType<Condition> = z
  .lazy(() =>
    z.union([LeafCondition, z.strictObject({ and: z.array(Condition).min(1, { error: "and needs at least one condition." }) }), z.strictObject({ or: z.array(Condition).min(1, { error: "or needs at least one condition." }) }), z.strictObject({ not: Condition })], {
      error: 'Each condition needs a type ("stay", "time", "sun", "weather", "device") with its fields, or is {and: […]}, {or: […]} or {not: …}.',
    }),
  )
  .refine((c) => depthOf(c) <= CONDITION_DEPTH_MAX, { error: `Conditions nest at most ${CONDITION_DEPTH_MAX} deep.` })
  .meta({ id: "ScenarioCondition" }) as z.ZodType<Condition>;

// ---- actions ----

export const DeviceAction = z
  .strictObject({
    type: z.literal("device"),
    deviceId: Ref("deviceId").optional(),
    roomId: Ref("roomId").optional().describe('Every device in the room (of `kind` when given); "trigger": the room of the booking or device that triggered.'),
    kind: z.enum(DEVICE_KINDS, { error: `kind must be one of ${DEVICE_KINDS.map((k) => `"${k}"`).join(", ")}.` }).optional(),
    roomState: z.enum(STAY_STATES).optional().describe("With kind and no room: only in rooms in this stay state now."),
    set: z
      .strictObject({
        on: z.boolean({ error: "on must be true or false." }).optional(),
        brightness: z.number({ error: "brightness must be a number from 0 to 100." }).int().min(0, { error: "brightness must be from 0 to 100." }).max(100, { error: "brightness must be from 0 to 100." }).optional(),
      })
      .refine((s) => s.on !== undefined || s.brightness !== undefined, { error: "set needs on (true or false) and/or brightness (0–100)." }),
  })
  .refine((a) => (a.deviceId !== undefined ? a.roomId === undefined && a.kind === undefined && a.roomState === undefined : a.roomId !== undefined || a.kind !== undefined), {
    error: "Say which devices: a deviceId, or a roomId and/or a kind.",
  })
  .refine((a) => a.roomState === undefined || (a.kind !== undefined && a.roomId === undefined), { error: "roomState picks rooms for a kind: give kind and no roomId.", path: ["roomState"] });
export const WaitAction = z.strictObject({
  type: z.literal("wait"),
  minutes: z
    .number({ error: "minutes must be a number." })
    .min(WAIT_MINUTES.min, { error: `A wait is ${WAIT_MINUTES.min} to ${WAIT_MINUTES.max} minutes.` })
    .max(WAIT_MINUTES.max, { error: `A wait is ${WAIT_MINUTES.min} to ${WAIT_MINUTES.max} minutes.` }),
});
export const NotifyAction = z.strictObject({
  type: z.literal("notify"),
  text: z.string({ error: "text must be text." }).trim().min(1, { error: "A message to the staff cannot be empty." }).max(NOTIFY_TEXT_MAX, { error: `A message to the staff is at most ${NOTIFY_TEXT_MAX} characters.` }),
});
export const ScenarioAction = z.strictObject({ type: z.literal("scenario"), scenarioId: Ref("scenarioId") });

export const Action = z.union([DeviceAction, WaitAction, NotifyAction, ScenarioAction], {
  error: 'Each action needs a type: "device", "wait", "notify" or "scenario", with its fields.',
});
export type Action = z.infer<typeof Action>;

// ---- scenarios ----

const Fields = {
  name: NameText("Name", SCENARIO_NAME_MAX),
  enabled: z.boolean({ error: "enabled must be true or false." }),
  mode: z.enum(SCENARIO_MODES, { error: 'mode must be "single", "restart", "queued" or "parallel".' }),
  triggers: z.array(Trigger, { error: "triggers must be a list." }).min(1, { error: "Add a trigger: when should the scenario run?" }).max(TRIGGERS_MAX, { error: `At most ${TRIGGERS_MAX} triggers.` }),
  conditions: z.array(Condition, { error: "conditions must be a list (empty: always)." }).max(CONDITIONS_MAX, { error: `At most ${CONDITIONS_MAX} conditions.` }),
  actions: z.array(Action, { error: "actions must be a list." }).min(1, { error: "Add an action: what should the scenario do?" }).max(ACTIONS_MAX, { error: `At most ${ACTIONS_MAX} actions.` }),
};

export const CreateScenarioBody = z.strictObject({
  name: Fields.name,
  enabled: Fields.enabled.default(true),
  mode: Fields.mode.default("single"),
  triggers: Fields.triggers,
  conditions: Fields.conditions.default([]),
  actions: Fields.actions,
});
export type CreateScenarioBody = z.infer<typeof CreateScenarioBody>;
export type ScenarioDraft = z.input<typeof CreateScenarioBody>;

export const UpdateScenarioBody = z
  .strictObject({
    name: Fields.name.optional(),
    enabled: Fields.enabled.optional(),
    mode: Fields.mode.optional(),
    triggers: Fields.triggers.optional(),
    conditions: Fields.conditions.optional(),
    actions: Fields.actions.optional(),
  })
  .refine((b) => Object.keys(b).length > 0, { error: "Say what to change: name, enabled, mode, triggers, conditions or actions." });
export type UpdateScenarioBody = z.infer<typeof UpdateScenarioBody>;

export const Scenario = z
  .object({
    id: z.string(),
    name: z.string(),
    enabled: z.boolean(),
    mode: z.enum(SCENARIO_MODES),
    triggers: z.array(Trigger),
    conditions: z.array(Condition),
    actions: z.array(Action),
    createdAt: z.string(),
    updatedAt: z.string(),
    nextRunAt: z.string().optional().describe("The next time-driven run (time, sun, booking triggers), if enabled and there is one."),
    lastRun: z.object({ id: z.string(), startedAt: z.string(), outcome: z.enum(SCENARIO_RUN_OUTCOMES) }).optional(),
    running: z.number().int().describe("Runs under way now."),
    problem: z.string().optional().describe("Why the scenario cannot run as written (a device or room it names is gone), in words; absent when fine."),
  })
  .meta({ id: "Scenario" });
export type Scenario = z.infer<typeof Scenario>;
export const ScenarioList = z.object({ scenarios: z.array(Scenario) });
export const ScenarioAnswer = z.object({ scenario: Scenario });
export const RunStarted = z.object({ runId: z.string() });

export const PreviewQuery = z.object({
  from: z.string().regex(DATE, { error: "from must be a date, YYYY-MM-DD." }).optional().describe("Today in the property's timezone when absent."),
  days: z.coerce
    .number({ error: `days must be a number from ${PREVIEW_DAYS.min} to ${PREVIEW_DAYS.max}.` })
    .int({ error: `days must be a whole number from ${PREVIEW_DAYS.min} to ${PREVIEW_DAYS.max}.` })
    .min(PREVIEW_DAYS.min, { error: `days must be from ${PREVIEW_DAYS.min} to ${PREVIEW_DAYS.max}.` })
    .max(PREVIEW_DAYS.max, { error: `days must be from ${PREVIEW_DAYS.min} to ${PREVIEW_DAYS.max}.` })
    .default(7),
});
export const PreviewBody = z.strictObject({
  scenario: CreateScenarioBody.describe("The scenario as edited, saved or not."),
  from: PreviewQuery.shape.from,
  days: z.number().int().min(PREVIEW_DAYS.min).max(PREVIEW_DAYS.max).default(7),
});
export const PreviewRun = z.object({
  at: z.string(),
  trigger: Trigger,
  triggerIndex: z.number().int(),
  bookingId: z.string().optional(),
  roomId: z.string().optional(),
  conditionsMet: z.boolean().nullable().describe("null where it cannot be known yet (weather beyond the forecast, a device's state later)."),
});
export const PreviewAnswer = z.object({ runs: z.array(PreviewRun), timeZone: z.string(), from: z.string(), days: z.number() });

export const RunsQuery = z.object({
  scenarioId: z.string().min(1).max(64).optional(),
  limit: z.coerce.number({ error: `limit must be a number from 1 to ${RUN_LIMIT.max}.` }).int().min(1, { error: `limit must be from 1 to ${RUN_LIMIT.max}.` }).max(RUN_LIMIT.max, { error: `limit must be from 1 to ${RUN_LIMIT.max}.` }).default(RUN_LIMIT.default),
});

export const ScenarioRun = z
  .object({
    id: z.string(),
    scenarioId: z.string(),
    scenarioName: z.string(),
    trigger: z.union([Trigger, z.object({ type: z.literal("restore"), missedAt: z.string(), trigger: Trigger }), z.object({ type: z.literal("scenario"), scenarioId: z.string(), runId: z.string() })]),
    plannedAt: z.string().optional(),
    startedAt: z.string(),
    finishedAt: z.string(),
    outcome: z.enum(SCENARIO_RUN_OUTCOMES),
    reason: z.string().optional(),
    conditions: z.array(z.object({ condition: Condition, value: z.boolean().nullable() })),
    actions: z.array(
      z.object({
        action: Action,
        result: z.enum(ACTION_RESULTS),
        error: z.string().optional(),
        attempts: z.number().int().optional(),
        deviceId: z.string().optional().describe("For a device action that named a room or kind: one entry per device."),
      }),
    ),
  })
  .meta({ id: "ScenarioRun" });
export type ScenarioRun = z.infer<typeof ScenarioRun>;
export const ScenarioRunList = z.object({ runs: z.array(ScenarioRun) });
