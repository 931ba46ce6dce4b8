import { TRIGGER_ROOM, type Condition, type Device, type LeafCondition, type StayState, type Weather } from "@innbox/protocol";
import { localDate, localTime } from "../time/index.js";
import { sunTimes } from "../weather/index.js";
import type { Stay } from "./sources.js";

/**
 * What conditions are evaluated against, at one instant: now for a run, a planned instant
 * for the preview (then devices are unknown, and the weather only within the forecast).
 */
export interface ConditionWorld {
  at: number;
  /** When the evaluation happens (the forecast's hours count from here). */
  now: number;
  timeZone: string;
  latitude: number | null;
  longitude: number | null;
  checkInTime: string;
  checkOutTime: string;
  rooms: ReadonlyArray<{ id: string }>;
  stays: readonly Stay[];
  stayState: (stays: readonly Stay[], at: number, times: { timeZone: string; checkInTime: string; checkOutTime: string }) => StayState;
  weather: Weather | undefined;
  /** Undefined: device states cannot be known (the preview of a later run). */
  devices: readonly Device[] | undefined;
  /** The room of the booking or device that triggered. */
  triggerRoom: string | undefined;
}

const HOUR = 3_600_000;

/** true, false, or null when it cannot be known (no forecast, a device's unknown state). */
export function evaluate(condition: Condition, world: ConditionWorld): boolean | null {
  if ("and" in condition) {
    const values = condition.and.map((c) => evaluate(c, world));
    return values.includes(false) ? false : values.includes(null) ? null : true;
  }
  if ("or" in condition) {
    const values = condition.or.map((c) => evaluate(c, world));
    return values.includes(true) ? true : values.includes(null) ? null : false;
  }
  if ("not" in condition) {
    const value = evaluate(condition.not, world);
    return value === null ? null : !value;
  }
  return leaf(condition, world);
}

function leaf(c: LeafCondition, world: ConditionWorld): boolean | null {
  switch (c.type) {
    case "stay": {
      const stateOf = (roomId: string) => world.stayState(world.stays.filter((s) => s.roomId === roomId), world.at, world);
      if (c.roomId === TRIGGER_ROOM) return world.triggerRoom ? stateOf(world.triggerRoom) === c.state : null;
      if (c.roomId) return stateOf(c.roomId) === c.state;
      if (!world.rooms.length) return false;
      return c.scope === "all" ? world.rooms.every((r) => stateOf(r.id) === c.state) : world.rooms.some((r) => stateOf(r.id) === c.state);
    }
    case "time": {
      const time = localTime(new Date(world.at), world.timeZone).time;
      const after = c.after === undefined || time >= c.after;
      const before = c.before === undefined || time < c.before;
      // after 22:00 and before 06:00 crosses midnight.
      if (c.after !== undefined && c.before !== undefined && c.after > c.before) return after || before;
      return after && before;
    }
    case "sun": {
      if (world.latitude === null || world.longitude === null) return null;
      const event = (c.after ?? c.before)!;
      const iso = sunTimes(localDate(world.at, world.timeZone), world.latitude, world.longitude, world.timeZone)[event];
      if (!iso) return null;
      const instant = Date.parse(iso) + (c.offsetMinutes ?? 0) * 60_000;
      return c.after !== undefined ? world.at >= instant : world.at < instant;
    }
    case "weather": {
      const value = weatherValue(world.weather, c.field, world.at + (c.forecastHours ?? 0) * HOUR, world.now);
      if (value === null) return null;
      return (c.above === undefined || value > c.above) && (c.below === undefined || value < c.below);
    }
    case "device": {
      if (!world.devices) return null;
      const device = world.devices.find((d) => d.id === c.deviceId);
      if (!device || !device.online || device.state.on === undefined) return null;
      return device.state.on === c.state.on;
    }
  }
}

/**
 * A weather value at an instant: the current conditions within the current hour, else the
 * forecast hour holding it; null beyond the forecast or when the model has no value.
 */
export function weatherValue(weather: Weather | undefined, field: string, at: number, now: number): number | null {
  if (!weather) return null;
  if (Math.abs(at - now) < HOUR / 2) {
    const current = weather.current as unknown as Record<string, number | null>;
    if (field === "condition") return weather.current.weatherCode;
    if (field in current) return current[field] ?? null;
  }
  const hour = weather.hourly.find((h) => Date.parse(h.time) <= at && at < Date.parse(h.time) + HOUR);
  if (!hour) return null;
  const values: Record<string, number | null | undefined> = { temperature: hour.temperature, cloudCover: hour.cloudCover, condition: hour.weatherCode };
  return values[field] ?? null;
}
