// Scenarios' plain values: the appliance's zod schemas are built from them, and the admin
// page checks its editor with the same values without bundling zod.

export const SCENARIO_MODES = ["single", "restart", "queued", "parallel"] as const;
export type ScenarioMode = (typeof SCENARIO_MODES)[number];
export const SUN_EVENTS = ["sunrise", "sunset", "dawn", "dusk"] as const;
export const BOOKING_TRIGGER_EVENTS = ["checkIn", "checkOut", "created", "cancelled"] as const;
/** What a weather trigger watches: numbers crossing a threshold, or the WMO code's group. */
export const WEATHER_TRIGGER_FIELDS = ["temperature", "cloudCover", "precipitation", "windSpeed", "condition"] as const;
export const WEATHER_CONDITION_FIELDS = ["cloudCover", "temperature", "precipitation"] as const;
/** WMO weather-code groups (Open-Meteo's codes). */
export const WEATHER_GROUPS = ["clear", "cloudy", "fog", "drizzle", "rain", "snow", "thunderstorm"] as const;
export type WeatherGroup = (typeof WEATHER_GROUPS)[number];
export function weatherGroupOf(code: number): WeatherGroup {
  if (code <= 1) return "clear";
  if (code <= 3) return "cloudy";
  if (code === 45 || code === 48) return "fog";
  if (code >= 51 && code <= 57) return "drizzle";
  if ((code >= 61 && code <= 67) || (code >= 80 && code <= 82)) return "rain";
  if ((code >= 71 && code <= 77) || code === 85 || code === 86) return "snow";
  if (code >= 95) return "thunderstorm";
  return "cloudy";
}

export const SCENARIO_RUN_OUTCOMES = ["acted", "skipped", "failed", "stopped"] as const;
export type ScenarioRunOutcome = (typeof SCENARIO_RUN_OUTCOMES)[number];
export const ACTION_RESULTS = ["confirmed", "failed", "skipped"] as const;

export const SCENARIO_NAME_MAX = 80;
export const TRIGGERS_MAX = 10;
export const CONDITIONS_MAX = 20;
export const ACTIONS_MAX = 30;
export const CONDITION_DEPTH_MAX = 5;
export const NOTIFY_TEXT_MAX = 1000;
/** A trigger's or condition's offset from its event, in minutes (12 hours either way). */
export const OFFSET_MINUTES = { min: -720, max: 720 } as const;
export const WAIT_MINUTES = { min: 1, max: 1440 } as const;
export const FOR_MINUTES = { min: 1, max: 1440 } as const;
export const FORECAST_HOURS = { min: 0, max: 48 } as const;
/** A run never nests deeper than this many scenarios running each other. */
export const RUN_DEPTH_MAX = 8;
export const RUN_LIMIT = { default: 50, max: 500 } as const;
export const PREVIEW_DAYS = { min: 1, max: 31 } as const;
/** How long the run log keeps a run. */
export const RUN_LOG_DAYS = 30;
/** A time of day a scenario names: 00:00 to 23:59. */
export const HH_MM = /^([01]\d|2[0-3]):[0-5]\d$/;
/** The room of the booking or device that triggered a run, where a roomId is taken. */
export const TRIGGER_ROOM = "trigger";
