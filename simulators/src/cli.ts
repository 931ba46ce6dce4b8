#!/usr/bin/env node
// `npm run simulate:devices -- --tuya 6 --ewelink 3`: simulated devices on loopback, for
// trying Innbox without hardware. Prints one JSON line per device with what createDevice
// needs (paste it into the admin page's Add device, or POST it to /api/devices), then
// keeps them running until Ctrl+C. Tuya devices take the protocol versions 3.1, 3.3, 3.4
// and 3.5 in turn and the kinds switch, light, heater and two-gang switch; eWeLink devices
// alternate DIY and encrypted LAN mode.
import { parseArgs } from "node:util";
import { startEwelinkDevice, type EwelinkDevice, type EwelinkKind } from "./ewelink/index.js";
import { startTuyaDevice, type TuyaDevice } from "./tuya/index.js";

const USAGE = `Usage: npm run simulate:devices -- [--tuya N] [--ewelink N] [--first 127.0.0.21]

Starts N simulated Tuya devices and N eWeLink devices, each on its own loopback address
from --first on (Linux answers on all of 127.0.0.0/8), and prints one JSON line per device:
the body of POST /api/devices. Tuya devices listen on 6668 and broadcast their presence to
127.255.255.255; eWeLink devices listen on 8081 and announce themselves by mDNS on the
loopback interface. Ctrl+C stops them.`;

function fail(message: string): never {
  process.stderr.write(`simulate:devices: ${message}\n\n${USAGE}\n`);
  process.exit(2);
}

function whole(value: string | undefined, name: string, max: number): number {
  if (value === undefined) return 0;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0 || n > max) fail(`--${name} must be a whole number from 0 to ${max}, not "${value}".`);
  return n;
}

let parsed;
try {
  parsed = parseArgs({ options: { tuya: { type: "string" }, ewelink: { type: "string" }, first: { type: "string", default: "127.0.0.21" }, help: { type: "boolean" } } });
} catch (err) {
  fail(err instanceof Error ? err.message : String(err));
}
if (parsed.values.help) {
  process.stdout.write(`${USAGE}\n`);
  process.exit(0);
}
const tuyaCount = whole(parsed.values.tuya, "tuya", 200);
const ewelinkCount = whole(parsed.values.ewelink, "ewelink", 200);
if (tuyaCount + ewelinkCount === 0) fail("say how many devices: --tuya N and/or --ewelink N.");
const first = /^127\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(parsed.values.first ?? "");
if (!first || first.slice(1).some((p) => Number(p) > 255)) fail(`--first must be a loopback address such as 127.0.0.21, not "${parsed.values.first}".`);
const base = (Number(first[1]) << 16) + (Number(first[2]) << 8) + Number(first[3]);
const address = (i: number) => {
  const n = base + i;
  if (n >= 1 << 24) fail("not enough loopback addresses after --first.");
  return `127.${(n >> 16) & 255}.${(n >> 8) & 255}.${n & 255}`;
};

const VERSIONS = ["3.1", "3.3", "3.4", "3.5"] as const;
const TUYA_KINDS = [
  { kind: "switch", gangs: 1 },
  { kind: "light", gangs: 1 },
  { kind: "heater", gangs: 1 },
  { kind: "switch", gangs: 2 },
] as const;
const EWELINK_KINDS: Array<{ kind: EwelinkKind; outlets?: number; apiKind: string; gangs?: number }> = [
  { kind: "switch", apiKind: "switch" },
  { kind: "switches", outlets: 2, apiKind: "switch", gangs: 2 },
  { kind: "light", apiKind: "light" },
];
const hex = (n: number, width: number) => n.toString(16).padStart(width, "0");

const running: Array<TuyaDevice | EwelinkDevice> = [];
let slot = 0;
try {
  for (let i = 0; i < tuyaCount; i++) {
    const version = VERSIONS[i % VERSIONS.length]!;
    const { kind, gangs } = TUYA_KINDS[i % TUYA_KINDS.length]!;
    const host = address(slot++);
    const devId = `bfsim${hex(i, 4)}${hex(Math.floor(Math.random() * 0xffffffff), 8)}abc`;
    const localKey = `sim${hex(i, 4)}key${hex(Math.floor(Math.random() * 0xfffff), 5)}!`;
    running.push(await startTuyaDevice({ host, devId, localKey, version, kind, gangs }));
    console.log(JSON.stringify({ name: `Simulated Tuya ${kind}${gangs > 1 ? ` (${gangs} gangs)` : ""} ${i + 1}`, protocol: "tuya", kind, ...(gangs > 1 ? { gangs } : {}), deviceId: devId, ip: host, localKey, version }));
  }
  for (let i = 0; i < ewelinkCount; i++) {
    const flavour = EWELINK_KINDS[i % EWELINK_KINDS.length]!;
    const encrypted = i % 2 === 1;
    const ip = address(slot++);
    const deviceId = `1000${hex(Math.floor(Math.random() * 0xffffff), 6)}`;
    const deviceKey = encrypted ? crypto.randomUUID() : undefined;
    running.push(await startEwelinkDevice({ ip, port: 8081, deviceId, kind: flavour.kind, ...(flavour.outlets ? { outlets: flavour.outlets } : {}), ...(deviceKey ? { deviceKey } : {}) }));
    console.log(
      JSON.stringify({
        name: `Simulated Sonoff ${flavour.kind} ${i + 1}${encrypted ? "" : " (DIY)"}`,
        protocol: "ewelink",
        kind: flavour.apiKind,
        ...(flavour.gangs ? { gangs: flavour.gangs } : {}),
        deviceId,
        ip,
        ...(deviceKey ? { deviceKey } : {}),
      }),
    );
  }
} catch (err) {
  process.stderr.write(`simulate:devices: could not start a device: ${err instanceof Error ? err.message : String(err)}\n`);
  await Promise.all(running.map((d) => d.stop().catch(() => undefined)));
  process.exit(1);
}
process.stderr.write(`simulate:devices: ${running.length} devices running; Ctrl+C stops them.\n`);
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.once(signal, () => {
    void Promise.all(running.map((d) => d.stop().catch(() => undefined))).then(() => process.exit(0));
  });
}
