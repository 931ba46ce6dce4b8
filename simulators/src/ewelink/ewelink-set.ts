// A set of simulated eWeLink devices for `simulate:devices` and benchmarks: a mix of DIY
// and encrypted plugs, strips and lights, each on its own loopback address, with the body
// `POST /api/devices` (createDevice) needs to add it.
import { randomBytes } from "node:crypto";
import type { EwelinkKind } from "./device-state.js";
import { startEwelinkDevice, type EwelinkDevice, type EwelinkDeviceOptions } from "./ewelink-device.js";

export interface EwelinkSetOptions {
  count: number;
  /** Last byte of the first device's 127.0.0.x address (41); the others follow. */
  firstHost?: number;
  port?: number;
  mdns?: EwelinkDeviceOptions["mdns"];
}

const KINDS: EwelinkKind[] = ["switch", "switches", "light"];

export async function startEwelinkSet(options: EwelinkSetOptions): Promise<EwelinkDevice[]> {
  const first = options.firstHost ?? 41;
  if (first + options.count - 1 > 254) throw new Error(`${options.count} devices from 127.0.0.${first} do not fit in 127.0.0.x`);
  const devices: EwelinkDevice[] = [];
  try {
    for (let i = 0; i < options.count; i++) {
      devices.push(
        await startEwelinkDevice({
          ip: `127.0.0.${first + i}`,
          port: options.port ?? 8081,
          kind: KINDS[i % KINDS.length]!,
          // Every other device is an ordinary eWeLink device in encrypted LAN mode.
          ...(i % 2 === 1 ? { deviceKey: randomBytes(16).toString("hex").replace(/^(.{8})(.{4})(.{4})(.{4})/, "$1-$2-$3-$4-") } : {}),
          ...(options.mdns !== undefined ? { mdns: options.mdns } : {}),
        }),
      );
    }
  } catch (error) {
    await Promise.all(devices.map((d) => d.stop()));
    throw error;
  }
  return devices;
}

/** What createDevice needs to add this device (the device key included: the manager would type it in). */
export function ewelinkCreateBody(device: EwelinkDevice, name = `Sonoff ${device.deviceId}`): Record<string, unknown> {
  return {
    name,
    protocol: "ewelink",
    kind: device.kind === "light" ? "light" : "switch",
    deviceId: device.deviceId,
    ip: device.ip,
    port: device.port,
    ...(device.deviceKey !== undefined ? { deviceKey: device.deviceKey } : {}),
    ...(device.kind === "switches" ? { gangs: device.outlets } : {}),
  };
}
