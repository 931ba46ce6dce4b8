// One connection to a Tuya device through tuyapi, opened and proven: TCP connect (and, on
// 3.4/3.5, the session key exchange), one heartbeat answered, and the state read. tuyapi
// sets no timeout on any of these and shows a wrong key differently per version, so each
// step has its own limit and its failure is named here. A link is used until it is lost
// and then thrown away: tuyapi does not reconnect by itself, the adapter opens a new one.
import type { Socket } from "node:net";
import TuyAPI from "tuyapi";
import type { Logger } from "pino";
import { DeviceError, type TuyaVersion } from "../adapter.js";
import type { Timers } from "../../time/index.js";
import type { Dps } from "./data-points.js";
import { tuyaTexts } from "./messages.js";

/** Limits on one step (ms of the app's clock). */
// Devices on the LAN answer in milliseconds; these bound a command to an offline device
// (connect + heartbeat + read + set) to 14.5 s, inside the API's 15 s.
export const LINK_TIMEOUTS = { connect: 4000, heartbeat: 3000, read: 3000, set: 4500 };

export interface LinkTarget {
  deviceId: string;
  ip: string;
  version: TuyaVersion;
  localKey: string;
}

export interface LinkEvents {
  dps(dps: Dps): void;
  heartbeat(): void;
  lost(): void;
}

export interface TuyaLink {
  /** Reads every DP; rejects with a DeviceError. */
  read(): Promise<Dps>;
  /** Sets DPs; resolves with the DPs the device confirmed. */
  set(dps: Dps): Promise<Dps>;
  /** Sends a heartbeat; its answer arrives as the `heartbeat` event. */
  ping(): void;
  /** Whether a heartbeat sent now is answered within `ms`. */
  answers(ms: number): Promise<boolean>;
  close(): void;
}

type TuyaInternals = { client?: Socket; _sendPing(): Promise<void> };

/** Races `promise` against the app's clock; on timeout, rejects with `onTimeout()`. */
export function within<T>(timers: Timers, ms: number, promise: Promise<T>, onTimeout: () => DeviceError): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const timer = timers.setTimeout(() => reject(onTimeout()), ms);
    promise.then(
      (value) => {
        timers.clearTimeout(timer);
        resolve(value);
      },
      (error: unknown) => {
        timers.clearTimeout(timer);
        reject(error);
      },
    );
  });
}

export async function openLink(target: LinkTarget, events: LinkEvents, deps: { timers: Timers; log: Logger }): Promise<TuyaLink> {
  const { timers, log } = deps;
  const keyLength = [...target.localKey].length;
  if (keyLength !== 16 || Buffer.byteLength(target.localKey, "utf8") !== 16) {
    throw new DeviceError("bad-key", tuyaTexts.keyLength(keyLength));
  }
  const api = new TuyAPI({ id: target.deviceId, key: target.localKey, ip: target.ip, version: target.version, issueGetOnConnect: false });
  const internals = api as unknown as TuyaInternals;
  let open = true;
  // An unhandled `error` event would crash the process; tuyapi emits one for every
  // dropped socket, timeout and undecryptable packet. The outcome is seen elsewhere.
  api.on("error", (error: unknown) => log.debug({ err: error, ip: target.ip }, "tuyapi error"));
  const onDps = (payload: unknown) => {
    if (!open || typeof payload !== "object" || payload === null) return; // garbage of a wrong key
    const dps = (payload as { dps?: unknown }).dps;
    if (typeof dps === "object" && dps !== null) events.dps(dps as Dps);
  };
  api.on("data", onDps);
  api.on("dp-refresh", onDps);
  api.on("heartbeat", () => open && events.heartbeat());

  const close = () => {
    if (!open) return;
    open = false;
    api.removeAllListeners("data");
    api.removeAllListeners("dp-refresh");
    api.removeAllListeners("heartbeat");
    api.removeAllListeners("disconnected");
    api.disconnect();
    internals.client?.destroy();
  };

  // The socket's fate, watched from the moment tuyapi creates it.
  let tcpConnected = false;
  let established = false;
  let socketClosed = false;
  let onSocketClosed: () => void = () => undefined;
  const connecting = api.connect();
  const socket = internals.client;
  socket?.once("connect", () => (tcpConnected = true));
  socket?.once("close", () => {
    socketClosed = true;
    onSocketClosed();
    if (open && established) {
      close();
      events.lost();
    }
  });
  const closedEarly = new Promise<never>((_, reject) => {
    onSocketClosed = () =>
      reject(
        established
          ? new DeviceError("unreachable", tuyaTexts.linkLost)
          : tcpConnected
            ? new DeviceError("rejected", tuyaTexts.busy(target.ip))
            : new DeviceError("unreachable", tuyaTexts.unreachable(target.ip)),
      );
  });
  closedEarly.catch(() => undefined);

  try {
    await within(
      timers,
      LINK_TIMEOUTS.connect,
      Promise.race([
        connecting.catch(() => {
          throw new DeviceError("unreachable", tuyaTexts.unreachable(target.ip));
        }),
        closedEarly,
      ]),
      () =>
        tcpConnected
          ? target.version === "3.4" || target.version === "3.5"
            ? new DeviceError("bad-key", tuyaTexts.silentKeyExchange(target.version))
            : new DeviceError("timeout", tuyaTexts.noAnswer(target.version))
          : new DeviceError("unreachable", tuyaTexts.connectTimeout(target.ip)),
    );
    if (socketClosed) throw new DeviceError("rejected", tuyaTexts.busy(target.ip));

    const answered = new Promise<void>((resolve) => api.once("heartbeat", () => resolve()));
    internals._sendPing().catch(() => undefined);
    await within(timers, LINK_TIMEOUTS.heartbeat, Promise.race([answered, closedEarly]), () => new DeviceError("timeout", tuyaTexts.noHeartbeat(target.version)));
  } catch (error) {
    close();
    throw error;
  }
  established = true;

  const link: TuyaLink = {
    async read() {
      const answer = await within(
        timers,
        LINK_TIMEOUTS.read,
        Promise.race([api.get({ schema: true }), closedEarly]),
        () => new DeviceError("timeout", tuyaTexts.noAnswer(target.version)),
      ).catch((error: unknown) => {
        throw error instanceof DeviceError ? error : new DeviceError("timeout", tuyaTexts.noAnswer(target.version));
      });
      // A wrong key on 3.3 shows as an answer that does not decrypt: tuyapi hands it over as a string.
      const dps = typeof answer === "object" && answer !== null ? (answer as { dps?: unknown }).dps : undefined;
      if (typeof dps !== "object" || dps === null) throw new DeviceError("bad-key", tuyaTexts.unreadableAnswer(target.version));
      return dps as Dps;
    },
    async set(dps) {
      const answer = await within(
        timers,
        LINK_TIMEOUTS.set,
        Promise.race([api.set({ multiple: true, data: dps as never }), closedEarly]),
        () => new DeviceError("timeout", tuyaTexts.notConfirmed),
      ).catch((error: unknown) => {
        throw error instanceof DeviceError ? error : new DeviceError("timeout", tuyaTexts.notConfirmed);
      });
      const confirmed = typeof answer === "object" && answer !== null ? (answer as { dps?: unknown }).dps : undefined;
      if (typeof confirmed !== "object" || confirmed === null) throw new DeviceError("bad-key", tuyaTexts.unreadableAnswer(target.version));
      return confirmed as Dps;
    },
    ping() {
      if (open) internals._sendPing().catch(() => undefined);
    },
    answers(ms) {
      if (!open) return Promise.resolve(false);
      const answered = new Promise<boolean>((resolve) => api.once("heartbeat", () => resolve(true)));
      internals._sendPing().catch(() => undefined);
      return within(timers, ms, answered, () => new DeviceError("timeout", tuyaTexts.noHeartbeat(target.version))).catch(() => false);
    },
    close,
  };
  return link;
}
