// One face for every vendor's device on the LAN: Tuya (tuyapi, protocols 3.1–3.5) and
// eWeLink/Sonoff (DIY and encrypted LAN mode). The devices capability holds one adapter
// per registered device, feeds it commands one at a time, and reads its state and
// availability from the events it emits. An adapter never throws from an event handler
// and never lets a vendor library's `error` event go unhandled: a crashed process is the
// one failure a front desk cannot have.
import type { Logger } from "pino";
import type { Timers } from "../time/index.js";

export type DeviceProtocol = "tuya" | "ewelink";
export type DeviceKind = "switch" | "light" | "heater" | "sensor";
export type TuyaVersion = "3.1" | "3.3" | "3.4" | "3.5";

/** What a device reports: `on` for single switches, heaters and lights; `gangs` for multi-gang switches; `brightness` 0–100 for dimmable lights. */
export interface DeviceState {
  on?: boolean;
  brightness?: number;
  gangs?: Array<{ on: boolean }>;
}

/** A command: `on` for the whole device, or for gang `gang` (0-based) only; `brightness` 0–100. */
export interface DeviceCommand {
  on?: boolean;
  brightness?: number;
  gang?: number;
}

/**
 * Vendor failures in a small fixed set, each with a sentence a manager can act on (like
 * the outbox's delivery errors):
 *   unreachable  nothing answers at the address (powered off, off the Wi-Fi, moved)
 *   bad-key      the device answers but not to this key (Tuya local key, eWeLink device key)
 *   timeout      connected, but no answer in time (busy, or a silent wrong key on Tuya 3.4/3.5)
 *   rejected     the device answered and refused (unknown data point, bad value)
 */
export type DeviceFailure = "unreachable" | "bad-key" | "timeout" | "rejected";

export class DeviceError extends Error {
  constructor(
    readonly failure: DeviceFailure,
    message: string,
  ) {
    super(message);
    this.name = "DeviceError";
  }
}

/** What an adapter needs to reach one device. Secrets are here in clear: only the adapter sees them. */
export interface DeviceConnection {
  /** Innbox's id for the device (for logs). */
  id: string;
  protocol: DeviceProtocol;
  kind: DeviceKind;
  /** The vendor's device id (Tuya devId / eWeLink deviceid). */
  deviceId: string;
  /** IPv4 address on the LAN. */
  ip: string;
  /** eWeLink: 8081 unless told otherwise. Tuya always uses 6668. */
  port?: number;
  /** Tuya only. */
  version?: TuyaVersion;
  /** Tuya only: any characters (16 for real devices). */
  localKey?: string;
  /** eWeLink only: absent for DIY mode. */
  deviceKey?: string;
  /** Multi-gang switches: how many gangs (1 when absent). */
  gangs?: number;
}

export interface DeviceAdapterEvents {
  /** State reported by the device: pushed (a button pressed by hand), confirmed after a command, or read. */
  state: (state: DeviceState) => void;
  /** Reachable or not; `error` says why not. */
  availability: (online: boolean, error?: DeviceError) => void;
  /** The device was found at another address (discovery saw it move): the registry stores it. */
  address: (ip: string, version?: TuyaVersion) => void;
}

export interface DeviceAdapter {
  /** Starts keeping the connection (one per device, with heartbeats and reconnects); returns at once. */
  connect(): void;
  /** Reads the state now. Rejects with a DeviceError. */
  read(): Promise<DeviceState>;
  /** Applies a command and resolves with the state the device confirmed. Rejects with a DeviceError. */
  set(command: DeviceCommand): Promise<DeviceState>;
  on<E extends keyof DeviceAdapterEvents>(event: E, listener: DeviceAdapterEvents[E]): void;
  /** Drops the connection and every timer; no event after it resolves. */
  close(): Promise<void>;
}

export interface AdapterDeps {
  timers: Timers;
  log: Logger;
}

export type AdapterFactory = (connection: DeviceConnection, deps: AdapterDeps) => DeviceAdapter;
