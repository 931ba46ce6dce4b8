// What a simulated Sonoff holds and how its zeroconf commands change it, as plain data:
// the JSON shapes are the devices' own (switch "on"/"off", switches[] with outlet numbers,
// brightness 0–100), so announcements and answers carry exactly what real ones do.

export type EwelinkKind = "switch" | "switches" | "light";

export interface EwelinkParams {
  switch?: "on" | "off";
  switches?: Array<{ switch: "on" | "off"; outlet: number }>;
  brightness?: number;
  startup?: string;
  pulse?: string;
  pulseWidth?: number;
  sledOnline?: "on" | "off";
  fwVersion: string;
  rssi: number;
}

/** A change made at the device (a button pressed by hand): `on` for the device or for `outlet` only; `brightness` for a light. */
export interface EwelinkPress {
  on?: boolean;
  outlet?: number;
  brightness?: number;
}

/** The mDNS `type` of a device of this kind (DIY devices announce `diy_*`). */
export function localType(kind: EwelinkKind, diy: boolean): string {
  const base = kind === "switches" ? "strip" : kind === "light" ? "light" : "plug";
  return diy ? `diy_${base}` : base;
}

export function initialParams(kind: EwelinkKind, outlets: number): EwelinkParams {
  const common = { startup: "off", pulse: "off", pulseWidth: 500, sledOnline: "on" as const, fwVersion: "3.7.0", rssi: -52 };
  if (kind === "switches") {
    // Strips always report four outlets, whatever number of gangs they wire.
    return { ...common, switches: Array.from({ length: Math.max(4, outlets) }, (_, outlet) => ({ switch: "off" as const, outlet })) };
  }
  if (kind === "light") return { ...common, switch: "off", brightness: 100 };
  return { ...common, switch: "off" };
}

export type CommandResult = { ok: true; changed: boolean } | { ok: false; error: 400 | 422 };

const isSwitchValue = (v: unknown): v is "on" | "off" => v === "on" || v === "off";

/** Applies a zeroconf command's `data` to the params (in place); 422 for values the device cannot take. */
export function applyCommand(params: EwelinkParams, kind: EwelinkKind, outlets: number, command: string, data: unknown): CommandResult {
  if (typeof data !== "object" || data === null) return { ok: false, error: 400 };
  const d = data as Record<string, unknown>;
  const before = JSON.stringify(params);
  switch (command) {
    case "switch":
      if (kind === "switches" || !isSwitchValue(d.switch)) return { ok: false, error: 422 };
      params.switch = d.switch;
      break;
    case "switches": {
      if (kind !== "switches" || !Array.isArray(d.switches) || d.switches.length === 0) return { ok: false, error: 422 };
      const changes = d.switches as Array<Record<string, unknown>>;
      for (const c of changes) {
        if (typeof c !== "object" || c === null || !isSwitchValue(c.switch)) return { ok: false, error: 422 };
        if (typeof c.outlet !== "number" || !Number.isInteger(c.outlet) || c.outlet < 0 || c.outlet >= outlets) return { ok: false, error: 422 };
      }
      for (const c of changes) {
        const entry = params.switches?.find((s) => s.outlet === c.outlet);
        if (entry) entry.switch = c.switch as "on" | "off";
      }
      break;
    }
    case "dimmable": {
      if (kind !== "light") return { ok: false, error: 422 };
      if (d.switch !== undefined && !isSwitchValue(d.switch)) return { ok: false, error: 422 };
      const b = d.brightness;
      if (b !== undefined && (typeof b !== "number" || !Number.isInteger(b) || b < 0 || b > 100)) return { ok: false, error: 422 };
      if (d.switch === undefined && b === undefined) return { ok: false, error: 422 };
      if (d.switch !== undefined) params.switch = d.switch as "on" | "off";
      if (typeof b === "number") params.brightness = b;
      break;
    }
    case "startups":
    case "startup":
      if (typeof d.startup !== "string") return { ok: false, error: 422 };
      params.startup = d.startup;
      break;
    case "sledonline":
      if (!isSwitchValue(d.sledOnline)) return { ok: false, error: 422 };
      params.sledOnline = d.sledOnline;
      break;
    default:
      return { ok: false, error: 400 };
  }
  return { ok: true, changed: JSON.stringify(params) !== before };
}

export function applyPress(params: EwelinkParams, kind: EwelinkKind, press: EwelinkPress): void {
  if (kind === "switches") {
    for (const s of params.switches ?? []) {
      if (press.on !== undefined && (press.outlet === undefined || press.outlet === s.outlet)) s.switch = press.on ? "on" : "off";
    }
    return;
  }
  if (press.on !== undefined) params.switch = press.on ? "on" : "off";
  if (kind === "light" && press.brightness !== undefined) params.brightness = Math.max(0, Math.min(100, Math.round(press.brightness)));
}
