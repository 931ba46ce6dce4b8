// How each kind of Tuya device maps to data points (DPs): a switch's gangs are DPs 1..n;
// a (v2) light is DP 20 on and DP 22 brightness 10–1000; a heater is DP 1 on (DP 2, its
// target temperature, is left to the device's own controls).
import { DeviceError, type DeviceCommand, type DeviceKind, type DeviceState } from "../adapter.js";
import { tuyaTexts } from "./messages.js";

export type Dps = Record<string, unknown>;

const LIGHT_ON = "20";
const LIGHT_BRIGHTNESS = "22";

/** 0–100 % ↔ the light's 10–1000 scale. */
export const percentToLevel = (percent: number) => Math.round(10 + (percent * 990) / 100);
export const levelToPercent = (level: number) => Math.max(0, Math.min(100, Math.round(((level - 10) * 100) / 990)));

export function stateFromDps(kind: DeviceKind, gangs: number, dps: Dps): DeviceState {
  const state: DeviceState = {};
  if (kind === "light") {
    if (typeof dps[LIGHT_ON] === "boolean") state.on = dps[LIGHT_ON];
    if (typeof dps[LIGHT_BRIGHTNESS] === "number") state.brightness = levelToPercent(dps[LIGHT_BRIGHTNESS]);
  } else if (kind === "switch" && gangs > 1) {
    const list: Array<{ on: boolean }> = [];
    for (let gang = 1; gang <= gangs; gang++) {
      const value = dps[String(gang)];
      if (typeof value !== "boolean") return state; // not all known yet
      list.push({ on: value });
    }
    state.gangs = list;
  } else if (typeof dps["1"] === "boolean") {
    state.on = dps["1"];
  }
  return state;
}

/** The DPs that carry out `command`; throws a rejected DeviceError for what the kind cannot do. */
export function dpsForCommand(kind: DeviceKind, gangs: number, command: DeviceCommand): Dps {
  if (kind === "sensor") throw new DeviceError("rejected", tuyaTexts.sensorReadOnly);
  if (command.on === undefined && command.brightness === undefined) throw new DeviceError("rejected", tuyaTexts.emptyCommand);
  if (command.brightness !== undefined) {
    if (kind !== "light") throw new DeviceError("rejected", tuyaTexts.notDimmable);
    if (!Number.isFinite(command.brightness) || command.brightness < 0 || command.brightness > 100) {
      throw new DeviceError("rejected", tuyaTexts.brightnessOutOfRange);
    }
  }
  const dps: Dps = {};
  if (kind === "light") {
    if (command.on !== undefined) dps[LIGHT_ON] = command.on;
    if (command.brightness !== undefined) dps[LIGHT_BRIGHTNESS] = percentToLevel(command.brightness);
    return dps;
  }
  if (command.on === undefined) throw new DeviceError("rejected", tuyaTexts.emptyCommand);
  if (command.gang !== undefined) {
    if (!Number.isInteger(command.gang) || command.gang < 0 || command.gang >= gangs) {
      throw new DeviceError("rejected", tuyaTexts.gangOutOfRange(command.gang, gangs));
    }
    dps[String(command.gang + 1)] = command.on;
    return dps;
  }
  const count = kind === "switch" ? gangs : 1;
  for (let gang = 1; gang <= count; gang++) dps[String(gang)] = command.on;
  return dps;
}
