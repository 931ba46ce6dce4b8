import type { Logger } from "pino";
import type { Db } from "../db/index.js";
import type { TimerHandle, Timers } from "../time/index.js";
import { energyRepository as repo } from "./repository.js";
import type { PowerChangeRow } from "./tables.js";

const MINUTE_MS = 60_000;
const DAY_MS = 86_400_000;
/** How long the history is kept. */
export const KEEP_DAYS = 400;

interface Counted {
  on: boolean | null;
  online: boolean;
  at: string;
}

export interface PowerRecorderDeps {
  db: Db;
  timers: Timers;
  log: Logger;
}

/**
 * Writes a device's on/off and online/offline changes, only when one of them changes, and
 * a heartbeat at most once a minute: after the box was off, what was on is closed at the
 * last heartbeat, so the time the box was down never counts as on-time.
 */
export class PowerRecorder {
  private readonly last = new Map<string, Counted>();
  private readonly handles: TimerHandle[] = [];
  /** Writes one after another, in the order the changes happened. */
  private writing: Promise<unknown> = Promise.resolve();

  constructor(private readonly deps: PowerRecorderDeps) {}

  /** Loads what each device counts as and closes what the last run left open at its last heartbeat. */
  async start(): Promise<void> {
    const { db, timers } = this.deps;
    const [latest, heartbeat] = await Promise.all([repo.latest(db), repo.heartbeat(db)]);
    const closing: PowerChangeRow[] = [];
    for (const row of latest) {
      const counted: Counted = { on: row.on === null ? null : row.on === 1, online: row.online === 1, at: row.at };
      if (counted.online) {
        // Not heard since the box stopped: unknown from its last heartbeat (or its last change, if later) on.
        const at = heartbeat && heartbeat > row.at ? heartbeat : row.at;
        closing.push({ device_id: row.device_id, at, on: row.on, online: 0 });
        counted.online = false;
        counted.at = at;
      }
      this.last.set(row.device_id, counted);
    }
    if (closing.length) await repo.insert(db, closing);
    await this.beat();
    this.handles.push(timers.setInterval(() => void this.beat(), MINUTE_MS));
    this.handles.push(timers.setInterval(() => void this.sweep(), DAY_MS));
    this.handles.push(timers.setTimeout(() => void this.sweep(), 0));
  }

  /** Notes what a device counts as now; writes only a change. `on` left out keeps what was known. */
  note(deviceId: string, change: { on?: boolean | null; online?: boolean }): void {
    const before = this.last.get(deviceId);
    const on = change.on !== undefined ? change.on : (before?.on ?? null);
    const online = change.online ?? before?.online ?? true;
    if (before && before.on === on && before.online === online) return;
    const at = new Date(this.deps.timers.now()).toISOString();
    this.last.set(deviceId, { on, online, at });
    this.write(() => repo.insert(this.deps.db, [{ device_id: deviceId, at, on: on === null ? null : on ? 1 : 0, online: online ? 1 : 0 }]), "could not record a device's change");
  }

  async stop(): Promise<void> {
    for (const handle of this.handles.splice(0)) this.deps.timers.clearInterval(handle);
    await this.beat();
    await this.writing;
  }

  /** Rows older than KEEP_DAYS go; each device keeps its latest. */
  sweep(): Promise<void> {
    const before = new Date(this.deps.timers.now() - KEEP_DAYS * DAY_MS).toISOString();
    return this.write(async () => {
      const result = await repo.sweep(this.deps.db, before);
      if (result.numDeletedRows > 0n) this.deps.log.debug({ removed: Number(result.numDeletedRows) }, "old energy history swept");
    }, "could not sweep old energy history");
  }

  private beat(): Promise<void> {
    return this.write(() => repo.beat(this.deps.db, new Date(this.deps.timers.now()).toISOString()), "could not note the heartbeat");
  }

  private write(fn: () => Promise<unknown>, what: string): Promise<void> {
    const next = this.writing.then(fn).then(
      () => undefined,
      (err: unknown) => this.deps.log.warn({ err }, what),
    );
    this.writing = next;
    return next;
  }
}
