// Talking to one eWeLink device over HTTP through ewelink-api-next's Lan client: one
// request at a time, at least `spacingMs` after the previous answer (the device's web
// server resets a connection that comes too soon), each bounded by `timeoutMs`, retried
// once when the device resets the connection, and every failure mapped to a DeviceError.
import eWeLink from "ewelink-api-next";
import { randomBytes } from "node:crypto";
import type { Timers } from "../../time/index.js";
import { DeviceError } from "../adapter.js";
import { decryptLan, lanKeyHex } from "./lan-crypto.js";
import { createLanTransport, type TransportFailure } from "./lan-transport.js";
import { ewelinkTexts } from "./messages.js";

/** Something answers at the address, but it is another device (it refused our device id): ours is not there. */
export class StrangerError extends DeviceError {}

export interface LinkTiming {
  spacingMs: number;
  timeoutMs: number;
}

export interface ZeroconfAnswer {
  seq: number | undefined;
  /** The params the answer carried (info; some devices' command answers), decrypted. */
  params: Record<string, unknown> | undefined;
}

export interface DeviceLink {
  /** Where requests go; the adapter moves it when the device is announced elsewhere. */
  address: { ip: string; port: number };
  send(command: string, data: Record<string, unknown>): Promise<ZeroconfAnswer>;
  /** Refuses what is queued and anything later. */
  close(): void;
}

export function createDeviceLink(
  target: { deviceId: string; ip: string; port: number; deviceKey?: string },
  timers: Timers,
  timing: LinkTiming,
): DeviceLink {
  const keyHex = target.deviceKey !== undefined ? lanKeyHex(target.deviceKey) : undefined;
  const transport = createLanTransport(timers, timing.timeoutMs);
  const lan = new eWeLink.Lan({ selfApikey: "innbox" });
  lan.request = transport;
  const address = { ip: target.ip, port: target.port };
  const where = () => `${address.ip}:${address.port}`;
  let readyAt = 0;
  let tail: Promise<unknown> = Promise.resolve();
  let closed = false;

  const wait = (ms: number) => new Promise<void>((resolve) => (ms > 0 ? timers.setTimeout(resolve, ms) : resolve()));

  const failure = (kind: TransportFailure | undefined): DeviceError => {
    switch (kind) {
      case "refused":
        return new DeviceError("unreachable", ewelinkTexts.unreachable(where()));
      case "reset":
        return new DeviceError("timeout", ewelinkTexts.resetTwice(where()));
      case "not-zeroconf":
        return new DeviceError("rejected", ewelinkTexts.notZeroconf(where()));
      case "garbled":
        return new DeviceError("rejected", ewelinkTexts.garbledAnswer(where()));
      default:
        return new DeviceError("timeout", ewelinkTexts.timeout(where(), timing.timeoutMs / 1000));
    }
  };

  const judge = (answer: Record<string, unknown>): ZeroconfAnswer => {
    const code = typeof answer.error === "number" ? answer.error : Number(answer.error);
    const seq = typeof answer.seq === "number" ? answer.seq : undefined;
    if (code === 401) throw new DeviceError("bad-key", keyHex ? ewelinkTexts.wrongKey(where()) : ewelinkTexts.needsKey(where()));
    // Our requests are always well-formed JSON: an encrypted device that cannot read one could not decrypt it.
    if (code === 400) throw keyHex ? new DeviceError("bad-key", ewelinkTexts.wrongKey(where())) : new DeviceError("rejected", ewelinkTexts.unreadableCommand(where()));
    if (code === 404) throw new StrangerError("rejected", ewelinkTexts.otherDevice(where(), target.deviceId));
    if (code === 422) throw new DeviceError("rejected", ewelinkTexts.refusedValue(where()));
    if (code !== 0) throw new DeviceError("rejected", ewelinkTexts.refusedCode(where(), code));
    let params: Record<string, unknown> | undefined;
    if (typeof answer.iv === "string" && typeof answer.data === "string" && answer.data !== "") {
      if (!keyHex) throw new DeviceError("bad-key", ewelinkTexts.needsKey(where()));
      params = decryptLan(answer.data, answer.iv, keyHex);
      if (!params) throw new DeviceError("bad-key", ewelinkTexts.wrongKey(where()));
    } else if (typeof answer.data === "object" && answer.data !== null) {
      params = answer.data as Record<string, unknown>;
    } else if (typeof answer.data === "string" && answer.data !== "") {
      try {
        params = JSON.parse(answer.data) as Record<string, unknown>;
      } catch {
        params = undefined;
      }
    }
    return { seq, params };
  };

  const attempt = async (command: string, data: Record<string, unknown>): Promise<Record<string, unknown>> => {
    await wait(readyAt - timers.now());
    if (closed) throw new DeviceError("unreachable", ewelinkTexts.closed);
    const base = { ip: address.ip, port: String(address.port), deviceId: target.deviceId, data, method: "post" };
    const options = keyHex ? { ...base, encrypt: true, secretKey: keyHex, iv: randomBytes(16).toString("base64") } : { ...base, encrypt: false };
    try {
      // generalRequest is what the library's zeroconf.switch/switches/dimmable wrap; its typings of those
      // wrappers fix a strip at four outlets and a dimmer to the B1 bulb's fields, so we call it directly.
      return (await lan.generalRequest({ ...options, path: `/zeroconf/${command}` })) as Record<string, unknown>;
    } finally {
      readyAt = timers.now() + timing.spacingMs;
    }
  };

  const exchange = async (command: string, data: Record<string, unknown>): Promise<ZeroconfAnswer> => {
    try {
      return judge(await attempt(command, data));
    } catch (error) {
      if (error instanceof DeviceError) throw error;
      // Its web server serves one request at a time and resets the rest: once more, after the rest it needs.
      if (transport.lastFailure !== "reset") throw failure(transport.lastFailure);
    }
    try {
      return judge(await attempt(command, data));
    } catch (error) {
      if (error instanceof DeviceError) throw error;
      throw failure(transport.lastFailure);
    }
  };

  return {
    address,
    send(command, data) {
      const run = tail.then(() => exchange(command, data));
      tail = run.catch(() => undefined);
      return run;
    },
    close() {
      closed = true;
    },
  };
}
