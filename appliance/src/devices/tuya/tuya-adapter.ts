// Innbox's Tuya adapter: keeps one connection per device open (devices serve only a few
// LAN clients), proves it alive with heartbeats, reconnects with backoff when it is lost,
// and reports state from the device's pushes and confirmations (on 3.5 tuyapi's get()
// after a push can hang, its issue #634, so a push is never re-read).
//
// Timings (the app's clock):
//   heartbeat every 10 s; a heartbeat unanswered by the next one (≤ 20 s of silence)
//   drops the link; offline is reported 15 s after the link was lost unless it came back
//   (so ≤ 35 s after the device fell silent, within the contract's 45 s); reconnects
//   after 0, 1, 2, 4, 8, 10, 10… s, so a device answering again is back within ~10 s
//   plus one handshake (contract: 20 s). Each step (connect, heartbeat, read, set) has
//   its own limit: see LINK_TIMEOUTS.
import { DeviceError, type AdapterDeps, type AdapterFactory, type DeviceAdapter, type DeviceAdapterEvents, type DeviceCommand, type DeviceConnection, type DeviceState, type TuyaVersion } from "../adapter.js";
import type { TimerHandle } from "../../time/index.js";
import { dpsForCommand, stateFromDps, type Dps } from "./data-points.js";
import { tuyaTexts } from "./messages.js";
import { openLink, type TuyaLink } from "./tuya-link.js";

export const TUYA_TIMINGS = { heartbeatEvery: 10_000, offlineAfterLost: 15_000, backoff: [0, 1000, 2000, 4000, 8000, 10_000] };

/** The Tuya adapter also takes a new address (from discovery) and reconnects there. */
export interface TuyaAdapter extends DeviceAdapter {
  setAddress(ip: string, version?: TuyaVersion): void;
}

type Listeners = { [E in keyof DeviceAdapterEvents]: Array<DeviceAdapterEvents[E]> };

export const createTuyaAdapter: AdapterFactory = (connection, deps) => createTuyaDeviceAdapter(connection, deps);

export function createTuyaDeviceAdapter(connection: DeviceConnection, deps: AdapterDeps): TuyaAdapter {
  const { timers } = deps;
  const log = deps.log.child({ device: connection.id });
  const gangs = connection.gangs ?? 1;
  let ip = connection.ip;
  let version: TuyaVersion = connection.version ?? "3.3";
  const listeners: Listeners = { state: [], availability: [], address: [] };

  let started = false;
  let closed = false;
  let link: TuyaLink | undefined;
  let attempt: Promise<TuyaLink> | undefined;
  let generation = 0; // moves on with each new address and on close: older links are ignored
  let failures = 0;
  let online: boolean | undefined;
  let lastError: DeviceError | undefined;
  let dps: Dps = {};
  let lastStateJson = "";
  let lastPong = 0;
  let lastPing = 0;
  let reconnectTimer: TimerHandle | undefined;
  let offlineTimer: TimerHandle | undefined;
  let heartbeatTimer: TimerHandle | undefined;
  let queue: Promise<unknown> = Promise.resolve();

  const emit = <E extends keyof DeviceAdapterEvents>(event: E, ...args: Parameters<DeviceAdapterEvents[E]>) => {
    if (closed) return;
    for (const listener of listeners[event]) {
      try {
        (listener as (...a: unknown[]) => void)(...args);
      } catch (error) {
        log.error({ err: error, event }, "device listener failed");
      }
    }
  };

  const state = (): DeviceState => stateFromDps(connection.kind, gangs, dps);
  const absorb = (changed: Dps) => {
    dps = { ...dps, ...changed };
    const now = state();
    const json = JSON.stringify(now);
    if (json !== lastStateJson && Object.keys(now).length > 0) {
      lastStateJson = json;
      emit("state", now);
    }
  };

  const setOnline = (value: boolean, error?: DeviceError) => {
    if (value) timers.clearTimeout(offlineTimer), (offlineTimer = undefined);
    if (online === value) return;
    online = value;
    if (value) emit("availability", true);
    else emit("availability", false, error ?? new DeviceError("unreachable", tuyaTexts.unreachable(ip)));
  };

  const dropLink = () => {
    timers.clearInterval(heartbeatTimer);
    heartbeatTimer = undefined;
    link?.close();
    link = undefined;
  };

  /** Reports offline after a grace, unless a link is back by then (a Wi-Fi blip is not an outage). */
  const armOffline = () => {
    if (online === false || offlineTimer) return;
    offlineTimer = timers.setTimeout(() => {
      offlineTimer = undefined;
      if (!link) setOnline(false, lastError);
    }, TUYA_TIMINGS.offlineAfterLost);
  };

  const lost = () => {
    if (closed) return;
    log.info({ ip }, "tuya link lost");
    dropLink();
    lastError = new DeviceError("unreachable", tuyaTexts.unreachable(ip));
    armOffline();
    scheduleReconnect();
  };

  const scheduleReconnect = () => {
    if (closed || reconnectTimer || attempt) return;
    const delay = TUYA_TIMINGS.backoff[Math.min(failures, TUYA_TIMINGS.backoff.length - 1)] ?? 10_000;
    reconnectTimer = timers.setTimeout(() => {
      reconnectTimer = undefined;
      void establish().catch(() => undefined);
    }, delay);
  };

  const heartbeat = () => {
    if (!link) return;
    if (lastPing > lastPong) return lost(); // the previous heartbeat went unanswered
    lastPing = timers.now();
    link.ping();
  };

  /** One attempt to open and prove a link; concurrent callers share it. */
  const establish = (): Promise<TuyaLink> => {
    if (link) return Promise.resolve(link);
    if (attempt) return attempt;
    timers.clearTimeout(reconnectTimer);
    reconnectTimer = undefined;
    const mine = generation;
    const current = (fn: () => void) => () => mine === generation && !closed && fn();
    const thisAttempt = (async () => {
      const opened = await openLink(
        { deviceId: connection.deviceId, ip, version, localKey: connection.localKey ?? "" },
        {
          dps: (changed) => current(() => absorb(changed))(),
          heartbeat: current(() => (lastPong = timers.now())),
          lost: current(lost),
        },
        { timers, log },
      );
      if (mine !== generation || closed) {
        opened.close();
        throw lastError ?? new DeviceError("unreachable", tuyaTexts.closed);
      }
      try {
        absorb(await opened.read()); // resync: what changed while we were away
      } catch (error) {
        opened.close();
        throw error;
      }
      return opened;
    })();
    attempt = thisAttempt;
    thisAttempt.then(
      (opened) => {
        if (attempt === thisAttempt) attempt = undefined;
        if (mine !== generation || closed) return;
        link = opened;
        failures = 0;
        lastError = undefined;
        lastPong = lastPing = timers.now();
        heartbeatTimer = timers.setInterval(heartbeat, TUYA_TIMINGS.heartbeatEvery);
        log.info({ ip, version }, "tuya device connected");
        setOnline(true);
      },
      (error: unknown) => {
        if (attempt === thisAttempt) attempt = undefined;
        if (mine !== generation || closed) return;
        failures++;
        const previous = lastError?.message;
        lastError = error instanceof DeviceError ? error : new DeviceError("unreachable", tuyaTexts.unreachable(ip));
        // Once per new reason: a device off for a night retries every 10 s.
        (lastError.message === previous ? log.debug : log.info).call(log, { ip, version, failure: lastError.failure, reason: lastError.message }, "tuya connect failed");
        // Never seen online, or already offline: say so now. Online: after the grace.
        if (online !== true) setOnline(false, lastError);
        else armOffline();
        scheduleReconnect();
      },
    );
    return thisAttempt;
  };

  /** Runs `job` after every earlier command (devices choke on overlapping ones). */
  const serial = <T>(job: () => Promise<T>): Promise<T> => {
    const run = queue.then(job, job);
    queue = run.catch(() => undefined);
    return run;
  };

  const usable = async (): Promise<TuyaLink> => {
    for (;;) {
      if (closed) throw new DeviceError("unreachable", tuyaTexts.closed);
      if (link) return link;
      const before = generation;
      try {
        return await establish();
      } catch (error) {
        if (generation === before || closed) throw error; // the device moved meanwhile: try the new address
      }
    }
  };

  return {
    connect() {
      if (started || closed) return;
      started = true;
      void establish().catch(() => undefined);
    },
    read() {
      return serial(async () => {
        const current = await usable();
        try {
          absorb(await current.read());
        } catch (error) {
          // 3.5: a get() after a push can hang in tuyapi (#634); the pushed state stands.
          if (version === "3.5" && error instanceof DeviceError && error.failure === "timeout" && link === current && lastStateJson) return state();
          throw error;
        }
        return state();
      });
    },
    set(command: DeviceCommand) {
      return serial(async () => {
        const wanted = dpsForCommand(connection.kind, gangs, command);
        const current = await usable();
        try {
          absorb(await current.set(wanted));
        } catch (error) {
          // 3.1 reads are in clear, so a wrong key shows only as ignored commands: a
          // device that still answers heartbeats at once is ignoring, not busy.
          if (version === "3.1" && error instanceof DeviceError && error.failure === "timeout" && link === current && (await current.answers(1500))) {
            throw new DeviceError("bad-key", tuyaTexts.ignoredCommand31);
          }
          throw error;
        }
        return state();
      });
    },
    setAddress(newIp, newVersion) {
      if (closed || (newIp === ip && (!newVersion || newVersion === version))) return;
      log.info({ from: ip, to: newIp }, "tuya device moved");
      ip = newIp;
      if (newVersion) version = newVersion;
      emit("address", ip, version);
      generation++;
      attempt = undefined;
      dropLink();
      failures = 0;
      timers.clearTimeout(reconnectTimer);
      reconnectTimer = undefined;
      if (started) void establish().catch(() => undefined);
    },
    on(event, listener) {
      (listeners[event] as unknown[]).push(listener);
    },
    async close() {
      closed = true;
      generation++;
      timers.clearTimeout(reconnectTimer);
      timers.clearTimeout(offlineTimer);
      dropLink();
    },
  };
}
