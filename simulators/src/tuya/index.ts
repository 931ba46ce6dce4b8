// Simulated Tuya devices (protocols 3.1, 3.3, 3.4, 3.5) on loopback.
export { startTuyaDevice, TUYA_PORT, type TuyaDevice, type TuyaDeviceOptions } from "./device.js";
export type { TuyaDeviceKind, Dps, DpValue } from "./data-points.js";
export type { TuyaProtocolVersion } from "./frames.js";
export { LOOPBACK_BROADCAST } from "./broadcast.js";
export { startTuyaFleet, tuyaDeviceSpec, type TuyaDeviceSpec } from "./fleet.js";
