// Tuya (SmartLife, Gosund…) devices on the LAN through tuyapi: the adapter and discovery.
export { createTuyaAdapter, createTuyaDeviceAdapter, TUYA_TIMINGS, type TuyaAdapter } from "./tuya-adapter.js";
export { startTuyaDiscovery, TUYA_DISCOVERY_PORTS, type FoundTuyaDevice, type TuyaDiscovery, type TuyaDiscoveryOptions } from "./discovery.js";
export { LINK_TIMEOUTS } from "./tuya-link.js";
export { tuyaTexts } from "./messages.js";
