import type { TimerHandle, Timers } from "../../appliance/src/time/index.js";

interface Entry {
  due: number;
  fn: () => void;
  every?: number;
  native?: ReturnType<typeof setTimeout>;
}

/**
 * The app's clock for tests: it runs with real time, and `advance(ms)` jumps it forward;
 * every timer whose moment the jump passed fires at once, in order. So a test waits out
 * 15 minutes or a 429's retry_after in no time, and code that waits on I/O keeps working.
 */
export interface TestClock extends Timers {
  /** Moves time forward by `ms` and lets what became due run. */
  advance(ms: number): Promise<void>;
  /** Sets the time (forward or back); what became due runs. */
  set(time: number): Promise<void>;
  /**
   * Moves time on in steps of `stepMs` (each followed by a short real pause for I/O) until
   * `check` holds; fails after `maxMs` of app time.
   */
  advanceUntil(check: () => boolean | Promise<boolean>, options?: { stepMs?: number; maxMs?: number; what?: string }): Promise<void>;
}

export function createTestClock(start = Date.now()): TestClock {
  let offset = start - Date.now();
  const entries = new Set<Entry>();
  const now = () => Date.now() + offset;

  const arm = (entry: Entry) => {
    if (entry.native) clearTimeout(entry.native);
    entry.native = setTimeout(() => fire(entry), Math.max(0, entry.due - now()));
  };
  const fire = (entry: Entry) => {
    if (!entries.has(entry)) return;
    if (entry.every !== undefined) {
      entry.due = Math.max(entry.due + entry.every, now());
      arm(entry);
    } else entries.delete(entry);
    entry.fn();
  };
  const add = (fn: () => void, ms: number, every?: number): TimerHandle => {
    const entry: Entry = { due: now() + Math.max(0, ms), fn, ...(every !== undefined ? { every: Math.max(1, every) } : {}) };
    entries.add(entry);
    arm(entry);
    return entry as unknown as TimerHandle;
  };
  const clear = (handle: TimerHandle | undefined) => {
    const entry = handle as unknown as Entry | undefined;
    if (!entry || !entries.delete(entry)) return;
    if (entry.native) clearTimeout(entry.native);
  };

  return {
    now,
    setTimeout: (fn, ms) => add(fn, ms),
    setInterval: (fn, ms) => add(fn, ms, ms),
    clearTimeout: clear,
    clearInterval: clear,
    async advance(ms) {
      offset += ms;
      // Set back, timers keep what they had left to wait, as the machine's do.
      if (ms < 0) for (const entry of entries) entry.due += ms;
      const due = [...entries].filter((e) => e.due <= now()).sort((a, b) => a.due - b.due);
      for (const entry of due) {
        if (entry.native) clearTimeout(entry.native);
        fire(entry);
      }
      for (const entry of entries) arm(entry);
      // Let what the timers started take its first steps.
      await new Promise((resolve) => setImmediate(resolve));
    },
    set(time) {
      return this.advance(time - now());
    },
    async advanceUntil(check, { stepMs = 1000, maxMs = 600_000, what = "condition" } = {}) {
      for (let moved = 0; ; moved += stepMs) {
        if (await check()) return;
        if (moved >= maxMs) throw new Error(`${what} did not happen within ${maxMs / 1000} s of app time`);
        await this.advance(stepMs);
        await new Promise((resolve) => setTimeout(resolve, 30));
      }
    },
  };
}
