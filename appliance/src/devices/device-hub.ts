// The devices at run time: one adapter (one connection) per device, its state and
// availability as the device last told them, and one command queue per device. Real
// devices choke on bursts and serve a request at a time, so commands to one device run one
// after another in the order received, spaced, each retried once when the connection was
// reset. Every request is answered within 15 s (504 when the device did not confirm in
// time), yet a command whose caller was told so still runs in its turn: after a burst the
// device ends in the last request's state.
import type { Logger } from "pino";
import { DEVICE_COMMAND_TIMEOUT_MS } from "@innbox/protocol";
import type { EventBus } from "../events/index.js";
import { AppError } from "../http/index.js";
import type { Timers } from "../time/index.js";
import { DeviceError, type AdapterFactory, type DeviceAdapter, type DeviceCommand, type DeviceConnection, type DeviceProtocol, type DeviceState, type TuyaVersion } from "./adapter.js";
import { devicesTexts as texts } from "./messages.js";

/** Pause between two commands to one device (eWeLink's web server needs 200 ms). */
const SPACING_MS: Record<DeviceProtocol, number> = { tuya: 50, ewelink: 200 };
/** More waiting than this for one device is a client gone wrong. */
const QUEUE_MAX = 100;

export interface LiveDevice {
  connection: DeviceConnection;
  roomId: string | null;
  online: boolean;
  state: DeviceState;
  lastError?: string;
  /** What kind of failure lastError is. */
  problem?: DeviceError["failure"];
  lastSeenAt?: number;
}

interface Entry extends LiveDevice {
  adapter: DeviceAdapter | undefined;
  removed: boolean;
}

/** A device's commands in order; it outlives a reconnect with a new address or key. */
interface Queue {
  tail: Promise<void>;
  pending: number;
}

export interface DeviceHubDeps {
  factories: Partial<Record<DeviceProtocol, AdapterFactory>>;
  timers: Timers;
  log: Logger;
  bus: EventBus;
  /** The device's state or availability changed: announce it (the /staff socket). */
  changed: (id: string) => void;
  /** The device answered or announced itself. */
  seen: (id: string, at: number) => void;
  /** Discovery found the device at another address (or version). */
  moved: (id: string, ip: string, version?: TuyaVersion) => void;
}

function httpError(err: unknown): AppError {
  if (err instanceof AppError) return err;
  if (err instanceof DeviceError) return new AppError(err.failure === "timeout" || err.failure === "unreachable" ? 504 : 502, err.message);
  return new AppError(502, err instanceof Error ? err.message : String(err));
}

export class DeviceHub {
  private readonly entries = new Map<string, Entry>();
  private readonly queues = new Map<string, Queue>();

  constructor(private readonly deps: DeviceHubDeps) {}

  live(id: string): LiveDevice | undefined {
    return this.entries.get(id);
  }

  /** Starts keeping a device's connection (a new one, or after its address, version or key changed). */
  add(connection: DeviceConnection, roomId: string | null): void {
    const previous = this.entries.get(connection.id);
    if (previous) this.retire(previous);
    const entry: Entry = {
      connection,
      roomId,
      online: false,
      state: previous?.state ?? {},
      adapter: undefined,
      removed: false,
      ...(previous?.lastSeenAt !== undefined ? { lastSeenAt: previous.lastSeenAt } : {}),
    };
    this.entries.set(connection.id, entry);
    const factory = this.deps.factories[connection.protocol];
    if (!factory) {
      entry.lastError = `Innbox cannot talk to ${connection.protocol} devices yet.`;
      return;
    }
    try {
      entry.adapter = factory(connection, { timers: this.deps.timers, log: this.deps.log.child({ device: connection.id }) });
    } catch (err) {
      entry.lastError = err instanceof Error ? err.message : String(err);
      this.deps.log.error({ err, device: connection.id }, "device adapter could not be made");
      return;
    }
    const adapter = entry.adapter;
    const current = () => this.entries.get(connection.id) === entry && !entry.removed;
    adapter.on("state", (state) => {
      if (!current()) return;
      this.observe(entry, state, "device");
    });
    adapter.on("availability", (online, error) => {
      if (!current()) return;
      const lastError = online ? undefined : error?.message;
      if (entry.online === online && entry.lastError === lastError) return;
      entry.online = online;
      if (lastError) {
        entry.lastError = lastError;
        if (error) entry.problem = error.failure;
      } else {
        delete entry.lastError;
        delete entry.problem;
      }
      if (online) this.touch(entry);
      this.deps.log.info({ device: connection.id, online, reason: lastError }, online ? "device answers" : "device does not answer");
      this.deps.bus.emit("device.availabilityChanged", { id: connection.id, roomId: entry.roomId, online, ...(lastError ? { error: lastError } : {}) });
      this.deps.changed(connection.id);
    });
    adapter.on("address", (ip, version) => {
      if (!current()) return;
      this.deps.moved(connection.id, ip, version);
    });
    adapter.connect();
  }

  /** The room changed: nothing to reconnect. */
  setRoom(id: string, roomId: string | null): void {
    const entry = this.entries.get(id);
    if (entry) entry.roomId = roomId;
  }

  /** Stops a device; commands still queued for it are answered 404. */
  remove(id: string): void {
    const entry = this.entries.get(id);
    if (!entry) return;
    this.entries.delete(id);
    this.queues.delete(id);
    this.retire(entry);
  }

  private retire(entry: Entry): void {
    entry.removed = true;
    const adapter = entry.adapter;
    entry.adapter = undefined;
    adapter?.close().catch((err: unknown) => this.deps.log.warn({ err, device: entry.connection.id }, "device connection did not close cleanly"));
  }

  private touch(entry: Entry): void {
    const at = this.deps.timers.now();
    entry.lastSeenAt = at;
    this.deps.seen(entry.connection.id, at);
  }

  private observe(entry: Entry, state: DeviceState, source: "command" | "device"): void {
    const wasOffline = !entry.online;
    entry.state = { ...entry.state, ...state };
    this.touch(entry);
    if (wasOffline) {
      entry.online = true;
      delete entry.lastError;
      delete entry.problem;
      this.deps.bus.emit("device.availabilityChanged", { id: entry.connection.id, roomId: entry.roomId, online: true });
    }
    this.deps.bus.emit("device.stateChanged", { id: entry.connection.id, roomId: entry.roomId, kind: entry.connection.kind, state: entry.state, source });
    this.deps.changed(entry.connection.id);
  }

  /**
   * Queues a command; resolves once the device confirmed it, rejects with an AppError (504
   * not confirmed in time, 502 refused, 404 removed first). Always settles within 15 s.
   */
  command(id: string, command: DeviceCommand): Promise<LiveDevice> {
    const entry = this.entries.get(id);
    if (!entry) return Promise.reject(AppError.notFound(texts.notFound));
    let queue = this.queues.get(id);
    if (!queue) this.queues.set(id, (queue = { tail: Promise.resolve(), pending: 0 }));
    if (queue.pending >= QUEUE_MAX) return Promise.reject(new AppError(429, texts.queueFull));
    queue.pending++;
    const q = queue;
    const { timers } = this.deps;
    return new Promise<LiveDevice>((resolve, reject) => {
      let answered = false;
      const answer = (fn: () => void) => {
        if (answered) return;
        answered = true;
        timers.clearTimeout(deadline);
        fn();
      };
      const deadline = timers.setTimeout(
        () => answer(() => reject(new AppError(504, texts.timedOut(DEVICE_COMMAND_TIMEOUT_MS / 1000)))),
        DEVICE_COMMAND_TIMEOUT_MS,
      );
      const run = async () => {
        const current = this.entries.get(id);
        if (!current || current.removed) {
          answer(() => reject(AppError.notFound(texts.removedWhileQueued)));
          return;
        }
        try {
          const state = await this.attempt(current, command);
          this.observe(current, state, "command");
          answer(() => resolve(current));
        } catch (err) {
          const failure = httpError(err);
          if (err instanceof DeviceError && current.lastError !== err.message) {
            current.lastError = err.message;
            current.problem = err.failure;
            this.deps.changed(id);
          }
          answer(() => reject(failure));
        }
        await new Promise<void>((done) => timers.setTimeout(done, SPACING_MS[current.connection.protocol]));
      };
      q.tail = q.tail.then(run, run).finally(() => {
        q.pending--;
      });
    });
  }

  private async attempt(entry: Entry, command: DeviceCommand): Promise<DeviceState> {
    const adapter = entry.adapter;
    if (!adapter) throw new DeviceError("unreachable", entry.lastError ?? texts.notFound);
    try {
      return await adapter.set(command);
    } catch (err) {
      // A reset connection is worth one more try; anything else is the answer.
      if (!(err instanceof DeviceError) || err.failure !== "unreachable" || entry.adapter !== adapter) throw err;
      this.deps.log.info({ device: entry.connection.id }, "device command retried after a connection failure");
      return adapter.set(command);
    }
  }

  async stop(): Promise<void> {
    const all = [...this.entries.values()];
    this.entries.clear();
    this.queues.clear();
    await Promise.all(
      all.map(async (entry) => {
        entry.removed = true;
        await entry.adapter?.close().catch(() => undefined);
      }),
    );
  }
}
