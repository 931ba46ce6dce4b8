// An eWeLink/Sonoff device behind Innbox's DeviceAdapter: DIY mode without a device key,
// the encrypted LAN mode with one. State comes from the device's mDNS announcements
// (pushed on every change, so a button pressed by hand shows at once) and from command
// answers; a poll of /zeroconf/info every `pollMs` of silence is the fallback and the
// heartbeat: online turns false once a request fails after `silenceMs` without a word
// from the device (polls at 10 and 20 s of silence: offline by 25 s, within the
// contract's 45 s), and true on the first answer or announcement (the next poll, within
// pollMs = 10 s of the device answering again; an announcement at once).
import { DeviceError, type AdapterDeps, type DeviceAdapter, type DeviceAdapterEvents, type DeviceCommand, type DeviceConnection, type DeviceState } from "../adapter.js";
import type { TimerHandle } from "../../time/index.js";
import { applyCommand, stateFromParams, zeroconfCommand } from "./device-params.js";
import { createDeviceLink, StrangerError, type ZeroconfAnswer } from "./device-link.js";
import { decryptLan, lanKeyHex } from "./lan-crypto.js";
import type { EwelinkAnnouncement, EwelinkAnnouncements } from "./mdns-browser.js";
import { ewelinkTexts } from "./messages.js";

export interface EwelinkTiming {
  /** Rest between two requests to one device (≥ 200 ms: its web server needs it). */
  spacingMs: number;
  /** Bound on each request. */
  timeoutMs: number;
  /** Poll after this long without hearing from the device. */
  pollMs: number;
  /** Silence after which a failed request marks the device offline. */
  silenceMs: number;
}

export const EWELINK_TIMING: EwelinkTiming = { spacingMs: 220, timeoutMs: 5000, pollMs: 10_000, silenceMs: 20_000 };

export interface EwelinkAdapterDeps extends AdapterDeps {
  /** The mDNS browser's announcements; without them the adapter polls only. */
  announcements?: EwelinkAnnouncements;
  timing?: Partial<EwelinkTiming>;
}

type Listeners = { [E in keyof DeviceAdapterEvents]: Set<DeviceAdapterEvents[E]> };

export function createEwelinkAdapter(connection: DeviceConnection, deps: EwelinkAdapterDeps): DeviceAdapter {
  const timing = { ...EWELINK_TIMING, ...deps.timing };
  const { timers } = deps;
  const log = deps.log.child({ device: connection.id, protocol: "ewelink" });
  const deviceId = connection.deviceId.toLowerCase();
  const keyHex = connection.deviceKey !== undefined ? lanKeyHex(connection.deviceKey) : undefined;
  const link = createDeviceLink({ deviceId, ip: connection.ip, port: connection.port ?? 8081, deviceKey: connection.deviceKey }, timers, timing);
  const listeners: Listeners = { state: new Set(), availability: new Set(), address: new Set() };

  let known: DeviceState | undefined;
  let lastSeq: number | undefined;
  let online: boolean | undefined;
  let offlineFailure: DeviceError["failure"] | undefined;
  let heardAt: number | undefined;
  let startedAt = timers.now();
  let polling = false;
  let polledAt: number | undefined;
  let pollTimer: TimerHandle | undefined;
  let unsubscribe: (() => void) | undefined;
  let closed = false;

  function emit<E extends keyof DeviceAdapterEvents>(event: E, ...args: Parameters<DeviceAdapterEvents[E]>): void {
    if (closed) return;
    for (const listener of listeners[event]) {
      try {
        (listener as (...a: Parameters<DeviceAdapterEvents[E]>) => void)(...args);
      } catch (error) {
        log.error({ err: error }, "an eWeLink device listener failed");
      }
    }
  }

  const setState = (state: DeviceState, always = false) => {
    const changed = JSON.stringify(state) !== JSON.stringify(known);
    known = state;
    if (changed || always) emit("state", structuredClone(state));
  };

  const heard = () => {
    heardAt = timers.now();
    if (online !== true) {
      online = true;
      offlineFailure = undefined;
      emit("availability", true);
    }
  };

  const failed = (error: DeviceError) => {
    // A wrong key is known at once; otherwise one lost request is not an outage.
    const silentFor = timers.now() - (heardAt ?? startedAt);
    const down = error.failure === "bad-key" || heardAt === undefined || silentFor >= timing.silenceMs;
    // Already offline: said again only when the reason changed (powered off, then back with another key).
    if (down && (online !== false || offlineFailure !== error.failure)) {
      online = false;
      offlineFailure = error.failure;
      log.info({ failure: error.failure }, "eWeLink device offline");
      emit("availability", false, error);
    }
  };

  const request = async (command: string, data: Record<string, unknown>): Promise<ZeroconfAnswer> => {
    try {
      const answer = await link.send(command, data);
      heard();
      return answer;
    } catch (error) {
      const deviceError = error instanceof DeviceError ? error : new DeviceError("timeout", String(error));
      // A refusal is an answer: the device is there (ordinary firmware may not offer /zeroconf/info at all).
      // Unless it is another device's refusal of our device id.
      if (!closed) (deviceError.failure === "rejected" && !(deviceError instanceof StrangerError) ? heard() : failed(deviceError));
      throw deviceError;
    }
  };

  const read = async (): Promise<DeviceState> => {
    let answer: ZeroconfAnswer;
    try {
      answer = await request("info", {});
    } catch (error) {
      // Firmware without /zeroconf/info: what its announcements said is the state.
      if (known && error instanceof DeviceError && error.failure === "rejected" && !(error instanceof StrangerError)) return structuredClone(known);
      throw error;
    }
    const state = answer.params ? stateFromParams(answer.params, connection) : undefined;
    if (!state) throw new DeviceError("rejected", ewelinkTexts.garbledAnswer(`${link.address.ip}:${link.address.port}`));
    // The device's own answer is the truth about seq too (it starts again after a restart).
    if (answer.seq !== undefined) lastSeq = answer.seq;
    setState(state);
    return structuredClone(state);
  };

  const poll = () => {
    if (closed || polling) return;
    // Every pollMs of silence, and no more often while the device stays silent.
    const last = Math.max(heardAt ?? -Infinity, polledAt ?? -Infinity);
    if (timers.now() - last < timing.pollMs) return;
    polling = true;
    polledAt = timers.now();
    read()
      .catch((error: unknown) => log.debug({ err: error }, "eWeLink poll failed"))
      .finally(() => (polling = false));
  };

  const onAnnouncement = (a: EwelinkAnnouncement) => {
    if (closed || a.deviceId !== deviceId) return;
    if (a.ip !== link.address.ip || a.port !== link.address.port) {
      log.info({ from: link.address.ip, to: a.ip }, "eWeLink device announced at a new address");
      link.address.ip = a.ip;
      link.address.port = a.port;
      // Whatever seq the device counts from now, its next answer sets it.
      lastSeq = undefined;
      emit("address", a.ip);
    }
    if (a.seq !== undefined && lastSeq !== undefined && a.seq <= lastSeq) {
      heard();
      // Lower than seen: the device restarted and counts again from 1 (or this is an old packet). Ask it.
      if (a.seq < lastSeq && !polling) {
        polling = true;
        read()
          .catch(() => undefined)
          .finally(() => (polling = false));
      }
      return;
    }
    let params: Record<string, unknown> | undefined;
    if (a.encrypted) {
      if (!keyHex || !a.iv) return;
      params = decryptLan(a.data, a.iv, keyHex);
      if (!params) {
        failed(new DeviceError("bad-key", ewelinkTexts.unreadableAnnouncement));
        return;
      }
    } else {
      try {
        params = a.data ? (JSON.parse(a.data) as Record<string, unknown>) : undefined;
      } catch {
        params = undefined;
      }
    }
    const state = params ? stateFromParams(params, connection) : undefined;
    if (!state) return;
    if (a.seq !== undefined) lastSeq = a.seq;
    heard();
    setState(state);
  };

  return {
    connect() {
      if (closed || pollTimer) return;
      startedAt = timers.now();
      unsubscribe = deps.announcements?.subscribe(onAnnouncement);
      // What the device last said before we listened, then a request for news.
      const last = deps.announcements?.latest?.(deviceId);
      if (last) onAnnouncement(last);
      deps.announcements?.query?.();
      pollTimer = timers.setInterval(poll, 1000);
      poll();
    },
    read,
    async set(command: DeviceCommand) {
      const zc = zeroconfCommand(connection, command);
      // A gang command on a strip needs the other gangs' state to confirm a whole state.
      if (!known && connection.gangs !== undefined && connection.gangs > 1 && command.gang !== undefined) await read();
      const answer = await request(zc.command, zc.data);
      const fromAnswer = answer.params ? stateFromParams(answer.params, connection) : undefined;
      const state = fromAnswer ?? applyCommand(connection, known, command);
      if (answer.seq !== undefined && (lastSeq === undefined || answer.seq > lastSeq)) lastSeq = answer.seq;
      setState(state, true);
      return structuredClone(state);
    },
    on(event, listener) {
      (listeners[event] as Set<typeof listener>).add(listener);
    },
    async close() {
      closed = true;
      link.close();
      unsubscribe?.();
      timers.clearInterval(pollTimer);
      pollTimer = undefined;
      listeners.state.clear();
      listeners.availability.clear();
      listeners.address.clear();
    },
  };
}
