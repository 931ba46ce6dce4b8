// Simulated eWeLink/Sonoff devices (DIY and encrypted LAN mode, mDNS on loopback).
export { startEwelinkDevice, type EwelinkDevice, type EwelinkDeviceOptions } from "./ewelink-device.js";
export type { EwelinkKind, EwelinkParams, EwelinkPress } from "./device-state.js";
export { decryptLan, encryptLan, lanKey } from "./lan-crypto.js";
export { EWELINK_SERVICE, type MdnsTarget } from "./mdns-announcer.js";
export type { ServedRequest } from "./zeroconf-server.js";
export { ewelinkCreateBody, startEwelinkSet, type EwelinkSetOptions } from "./ewelink-set.js";
