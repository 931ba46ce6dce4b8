import { z } from "zod";
import { NameText } from "./text.js";

// Smart devices on the LAN: Tuya (SmartLife, Gosund …) and eWeLink (Sonoff …), without a
// vendor cloud. Secrets (Tuya local keys, eWeLink device keys) go in and never come back.

export const DEVICE_PROTOCOLS = ["tuya", "ewelink"] as const;
export const DEVICE_KINDS = ["switch", "light", "heater", "sensor"] as const;
export const TUYA_VERSIONS = ["3.1", "3.3", "3.4", "3.5"] as const;
export const DEVICE_NAME_MAX = 60;
export const DEVICE_GANGS_MAX = 8;
/** setDeviceState answers within this long, whatever the device does. */
export const DEVICE_COMMAND_TIMEOUT_MS = 15_000;

/** A dotted IPv4 address, each part 0–255 without leading zeros. */
export function isIpv4(text: string): boolean {
  const parts = text.split(".");
  return parts.length === 4 && parts.every((p) => /^(0|[1-9]\d{0,2})$/.test(p) && Number(p) <= 255);
}

const Ipv4 = z
  .string({ error: "ip must be the device's IPv4 address, such as 192.168.1.40." })
  .trim()
  .refine(isIpv4, { error: "ip must be the device's IPv4 address, such as 192.168.1.40 (four numbers from 0 to 255)." });
const VendorId = (label: string) =>
  z
    .string({ error: `${label} is required.` })
    .trim()
    .min(1, { error: `${label} is required.` })
    .max(64, { error: `${label} must be at most 64 characters.` })
    .regex(/^[A-Za-z0-9_-]+$/, { error: `${label} holds only letters, digits, - and _ (as the vendor's app shows it).` });
const LocalKey = z
  .string({ error: "localKey is required for a Tuya device: the 16-character key from Tuya's tools (tinytuya wizard, tuya-cli)." })
  .min(1, { error: "localKey is required for a Tuya device: the 16-character key from Tuya's tools (tinytuya wizard, tuya-cli)." })
  .max(64, { error: "localKey must be at most 64 characters." })
  .describe("Any characters, kept exactly as given (no trimming). Never sent back.");
const DeviceKey = z
  .string({ error: "deviceKey must be text (the eWeLink device's API key, a UUID)." })
  .trim()
  .min(1)
  .max(64, { error: "deviceKey must be at most 64 characters." })
  .describe("The eWeLink device key; absent for a device in DIY mode. Never sent back.");
const Version = z.enum(TUYA_VERSIONS, { error: 'version must be "3.1", "3.3", "3.4" or "3.5" (tinytuya and the Smart Life app show it).' });
const Kind = z.enum(DEVICE_KINDS, { error: 'kind must be "switch", "light", "heater" or "sensor".' });
const Port = z.number({ error: "port must be a number." }).int().min(1, { error: "port must be between 1 and 65535." }).max(65535, { error: "port must be between 1 and 65535." });
const Gangs = z
  .number({ error: "gangs must be a number." })
  .int()
  .min(1, { error: `gangs must be between 1 and ${DEVICE_GANGS_MAX}.` })
  .max(DEVICE_GANGS_MAX, { error: `gangs must be between 1 and ${DEVICE_GANGS_MAX}.` })
  .describe("How many separately switched outputs (gangs, outlets) a switch has; 1 when left out.");
const RoomId = z.string().min(1).max(64).nullable().describe("The room the device is in; null: none (garden, lobby).");

const Common = {
  name: NameText("Name", DEVICE_NAME_MAX),
  roomId: RoomId.optional(),
  kind: Kind.optional().describe("What it does; switch when left out."),
  deviceId: VendorId("deviceId"),
  ip: Ipv4,
  gangs: Gangs.optional(),
};

export const CreateTuyaDeviceBody = z.strictObject({
  ...Common,
  protocol: z.literal("tuya"),
  localKey: LocalKey,
  version: Version,
});
export const CreateEwelinkDeviceBody = z.strictObject({
  ...Common,
  protocol: z.literal("ewelink"),
  deviceKey: DeviceKey.optional(),
  port: Port.optional().describe("8081 unless the device says otherwise."),
});
export const CreateDeviceBody = z.discriminatedUnion("protocol", [CreateTuyaDeviceBody, CreateEwelinkDeviceBody], {
  error: 'protocol must be "tuya" or "ewelink".',
});
export type CreateDeviceBody = z.infer<typeof CreateDeviceBody>;

export const UpdateDeviceBody = z.strictObject({
  name: NameText("Name", DEVICE_NAME_MAX).optional(),
  roomId: RoomId.optional(),
  kind: Kind.optional(),
  ip: Ipv4.optional(),
  gangs: Gangs.optional(),
  version: Version.optional().describe("Tuya only."),
  localKey: LocalKey.optional().describe("Tuya only: a new local key (after re-pairing the device)."),
  deviceKey: DeviceKey.nullable().optional().describe("eWeLink only: a new device key; null switches to DIY mode."),
  port: Port.optional().describe("eWeLink only."),
});
export type UpdateDeviceBody = z.infer<typeof UpdateDeviceBody>;

export const SetDeviceStateBody = z
  .strictObject({
    on: z.boolean({ error: "on must be true or false." }).optional(),
    brightness: z
      .number({ error: "brightness must be a number from 0 to 100." })
      .int({ error: "brightness must be a whole number from 0 to 100." })
      .min(0, { error: "brightness must be from 0 to 100 (percent)." })
      .max(100, { error: "brightness must be from 0 to 100 (percent)." })
      .optional(),
    gang: z
      .number({ error: "gang must be a number." })
      .int()
      .min(0, { error: "gang counts from 0 (the first gang)." })
      .max(DEVICE_GANGS_MAX - 1)
      .optional()
      .describe("0-based index into state.gangs: `on` then applies to that gang only."),
  })
  .refine((b) => b.on !== undefined || b.brightness !== undefined, { error: "Say what to change: on (true or false) and/or brightness (0–100)." })
  .refine((b) => b.gang === undefined || b.on !== undefined, { error: "gang needs on: which way to switch that gang.", path: ["gang"] });
export type SetDeviceStateBody = z.infer<typeof SetDeviceStateBody>;

export const DeviceState = z.object({
  on: z.boolean().optional(),
  brightness: z.number().optional(),
  gangs: z.array(z.object({ on: z.boolean() })).optional(),
});

export const Device = z
  .object({
    id: z.string(),
    name: z.string(),
    roomId: z.string().optional(),
    protocol: z.enum(DEVICE_PROTOCOLS),
    kind: z.enum(DEVICE_KINDS),
    online: z.boolean(),
    state: DeviceState,
    lastError: z.string().optional().describe("Why the device is offline or refused the last command, in words a manager can act on."),
    problem: z
      .enum(["unreachable", "bad-key", "timeout", "rejected"])
      .optional()
      .describe("The kind of failure lastError is: unreachable (powered off, off the Wi-Fi, moved), bad-key (wrong local or device key, or wrong version), timeout (busy, or silent to a wrong key), rejected (refused the value, or too many apps connected)."),
    deviceId: z.string().describe("The vendor's device id."),
    ip: z.string(),
    port: z.number().optional(),
    version: z.enum(TUYA_VERSIONS).optional(),
    gangs: z.number().int().optional(),
    encrypted: z.boolean().describe("A key is stored for it (never sent back): Tuya always; eWeLink outside DIY mode."),
    lastSeenAt: z.string().optional().describe("When the device last answered or announced itself."),
  })
  .meta({ id: "Device" });
export type Device = z.infer<typeof Device>;
export const DeviceList = z.object({ devices: z.array(Device) });
export const DeviceAnswer = z.object({ device: Device });

/** A device that answered on the LAN (`discoverDevices`). */
export const DiscoveredDevice = z.object({
  protocol: z.enum(DEVICE_PROTOCOLS),
  deviceId: z.string(),
  ip: z.string(),
  version: z.enum(TUYA_VERSIONS).optional(),
  encrypted: z.boolean().optional(),
  knownAs: z.string().optional().describe("The id of the registered device it is, if any."),
});
export const DiscoveryAnswer = z.object({ devices: z.array(DiscoveredDevice), seconds: z.number() });

export const ImportAnswer = z.object({
  devices: z.array(Device).describe("The devices added."),
  skipped: z.array(z.object({ name: z.string(), reason: z.string() })).describe("Entries not added, each with why."),
});

/**
 * An entry of a device list exported by the vendors' tools: Tuya's (tinytuya's
 * devices.json / snapshot.json, tuya-cli's list: id, key, ip?, version?) or an eWeLink
 * account's device list (deviceid, devicekey, name, params): the device key is taken once,
 * and control needs no cloud afterwards.
 */
export const TuyaExportEntry = z.looseObject({
  name: z.string().optional(),
  id: z.string().optional(),
  key: z.string().optional(),
  ip: z.string().optional(),
  version: z.union([z.string(), z.number()]).optional(),
  ver: z.union([z.string(), z.number()]).optional(),
  category: z.string().optional(),
  deviceid: z.string().optional(),
  devicekey: z.string().optional(),
});
export const ImportDevicesBody = z.union(
  [z.array(TuyaExportEntry).max(500, { error: "At most 500 devices at once." }), z.looseObject({ devices: z.array(TuyaExportEntry).max(500, { error: "At most 500 devices at once." }) })],
  {
    error:
      "Send the device list as the vendor's tools export it: tinytuya's devices.json or snapshot.json, tuya-cli's list (a JSON array of {name, id, key, ip?, version?}), or an eWeLink account's device list ({deviceid, devicekey, name}).",
  },
);
export type ImportDevicesBody = z.infer<typeof ImportDevicesBody>;
