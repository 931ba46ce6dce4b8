// Between Innbox's DeviceState/DeviceCommand and the JSON eWeLink devices speak:
// `switch: "on"|"off"` for one relay, `switches: [{switch, outlet}]` for the gangs of a
// strip (outlet = gang, 0-based), `brightness` 0–100 with /zeroconf/dimmable for lights.
import { DeviceError, type DeviceCommand, type DeviceConnection, type DeviceState } from "../adapter.js";
import { ewelinkTexts } from "./messages.js";

export interface ZeroconfCommand {
  command: "switch" | "switches" | "dimmable";
  data: Record<string, unknown>;
}

const gangCount = (connection: DeviceConnection) => Math.max(1, connection.gangs ?? 1);
const isMulti = (connection: DeviceConnection) => gangCount(connection) > 1;
const onOff = (on: boolean) => (on ? "on" : "off");

/** The state in a device's params (mDNS data or an info answer); undefined when they say nothing we know. */
export function stateFromParams(params: Record<string, unknown>, connection: DeviceConnection): DeviceState | undefined {
  const switches = Array.isArray(params.switches) ? (params.switches as Array<Record<string, unknown>>) : undefined;
  const state: DeviceState = {};
  if (isMulti(connection)) {
    if (!switches) return undefined;
    state.gangs = Array.from({ length: gangCount(connection) }, (_, outlet) => ({ on: switches.find((s) => s.outlet === outlet)?.switch === "on" }));
    return state;
  }
  if (params.switch === "on" || params.switch === "off") state.on = params.switch === "on";
  else if (switches?.[0]) state.on = switches.find((s) => s.outlet === 0)?.switch === "on";
  else return undefined;
  if (connection.kind === "light" && typeof params.brightness === "number") state.brightness = params.brightness;
  return state;
}

/** The request that carries out `command`; a command the device cannot take is refused here, before the wire. */
export function zeroconfCommand(connection: DeviceConnection, command: DeviceCommand): ZeroconfCommand {
  const gangs = gangCount(connection);
  if (command.on === undefined && command.brightness === undefined) throw new DeviceError("rejected", ewelinkTexts.emptyCommand);
  if (command.gang !== undefined && (!Number.isInteger(command.gang) || command.gang < 0 || command.gang >= gangs)) {
    throw new DeviceError("rejected", ewelinkTexts.noSuchGang(command.gang, gangs));
  }
  if (command.brightness !== undefined) {
    if (connection.kind !== "light") throw new DeviceError("rejected", ewelinkTexts.brightnessOnlyLights);
    if (!Number.isInteger(command.brightness) || command.brightness < 0 || command.brightness > 100) throw new DeviceError("rejected", ewelinkTexts.brightnessRange);
  }
  if (connection.kind === "light") {
    return {
      command: "dimmable",
      data: { ...(command.on !== undefined ? { switch: onOff(command.on) } : {}), ...(command.brightness !== undefined ? { brightness: command.brightness } : {}) },
    };
  }
  const on = command.on as boolean;
  if (isMulti(connection)) {
    const outlets = command.gang !== undefined ? [command.gang] : Array.from({ length: gangs }, (_, i) => i);
    return { command: "switches", data: { switches: outlets.map((outlet) => ({ switch: onOff(on), outlet })) } };
  }
  return { command: "switch", data: { switch: onOff(on) } };
}

/** The state after the device accepted `command` (its answer carries no state of its own). */
export function applyCommand(connection: DeviceConnection, known: DeviceState | undefined, command: DeviceCommand): DeviceState {
  const next: DeviceState = structuredClone(known ?? {});
  if (isMulti(connection)) {
    const gangs = next.gangs ?? Array.from({ length: gangCount(connection) }, () => ({ on: false }));
    if (command.on !== undefined) gangs.forEach((g, i) => (command.gang === undefined || command.gang === i ? (g.on = command.on as boolean) : undefined));
    next.gangs = gangs;
    return next;
  }
  if (command.on !== undefined) next.on = command.on;
  if (command.brightness !== undefined) next.brightness = command.brightness;
  return next;
}
