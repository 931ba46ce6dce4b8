// A set of simulated Tuya devices for `npm run simulate:devices` and benchmarks: mixed
// versions and kinds, each on its own loopback address, each described with what the
// admin page's "add device" (createDevice) needs.
import { startTuyaDevice, type TuyaDevice } from "./device.js";
import type { TuyaDeviceKind } from "./data-points.js";
import type { TuyaProtocolVersion } from "./frames.js";

export interface TuyaDeviceSpec {
  name: string;
  protocol: "tuya";
  kind: TuyaDeviceKind;
  deviceId: string;
  ip: string;
  localKey: string;
  version: TuyaProtocolVersion;
  gangs?: number;
}

const VERSIONS: TuyaProtocolVersion[] = ["3.3", "3.4", "3.5", "3.1"];
const KINDS: Array<{ kind: TuyaDeviceKind; gangs?: number; name: string }> = [
  { kind: "switch", name: "Plug" },
  { kind: "light", name: "Lamp" },
  { kind: "switch", gangs: 2, name: "Wall switch" },
  { kind: "heater", name: "Heater" },
];

/** What createDevice needs to add `device`. */
export function tuyaDeviceSpec(device: TuyaDevice, name: string, gangs?: number): TuyaDeviceSpec {
  return { name, protocol: "tuya", kind: device.kind, deviceId: device.devId, ip: device.host, localKey: device.localKey, version: device.version, ...(gangs ? { gangs } : {}) };
}

/**
 * Starts `count` devices on 127.0.<block>.1, .2, … (block 20 unless told), cycling through
 * versions and kinds; local keys are random 16-character strings.
 */
export async function startTuyaFleet(count: number, options: { block?: number; broadcastIntervalMs?: number } = {}): Promise<Array<{ device: TuyaDevice; spec: TuyaDeviceSpec }>> {
  const block = options.block ?? 20;
  const fleet: Array<{ device: TuyaDevice; spec: TuyaDeviceSpec }> = [];
  for (let i = 0; i < count; i++) {
    const version = VERSIONS[i % VERSIONS.length]!;
    const shape = KINDS[i % KINDS.length]!;
    const host = `127.0.${block + Math.floor(i / 250)}.${(i % 250) + 1}`;
    const localKey = Math.random().toString(36).slice(2, 10).padEnd(8, "x") + Math.random().toString(36).slice(2, 10).padEnd(8, "y");
    const device = await startTuyaDevice({
      host,
      devId: `bfinnbox${String(block).padStart(3, "0")}${String(i + 1).padStart(5, "0")}`,
      localKey,
      version,
      kind: shape.kind,
      ...(shape.gangs ? { gangs: shape.gangs } : {}),
      ...(options.broadcastIntervalMs !== undefined ? { broadcastIntervalMs: options.broadcastIntervalMs } : {}),
    });
    fleet.push({ device, spec: tuyaDeviceSpec(device, `${shape.name} ${i + 1} (Tuya ${version})`, shape.gangs) });
  }
  return fleet;
}
