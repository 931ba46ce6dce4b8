/** A timer handle from a `Timers`; opaque to callers. */
export interface TimerHandle {
  readonly __timer: unknown;
}

/**
 * The app's time: what time it is and how to wait. Everything time-driven takes it from
 * the app (overrides.timers), so tests move time forward instead of sleeping.
 */
export interface Timers {
  now(): number;
  setTimeout(fn: () => void, ms: number): TimerHandle;
  clearTimeout(handle: TimerHandle | undefined): void;
  setInterval(fn: () => void, ms: number): TimerHandle;
  clearInterval(handle: TimerHandle | undefined): void;
}

/** Waits `ms` on the given timers. */
export function sleep(timers: Timers, ms: number): Promise<void> {
  return new Promise<void>((resolve) => timers.setTimeout(resolve, ms));
}

type Native = ReturnType<typeof setTimeout>;

/**
 * The machine's clock. Timers are unref'd: the server keeps the process alive, a pending
 * retry or sweep should never hold a stopping process open.
 */
export const systemTimers: Timers = {
  now: () => Date.now(),
  setTimeout(fn, ms) {
    const t = setTimeout(fn, ms);
    t.unref();
    return t as unknown as TimerHandle;
  },
  clearTimeout(handle) {
    if (handle) clearTimeout(handle as unknown as Native);
  },
  setInterval(fn, ms) {
    const t = setInterval(fn, ms);
    t.unref();
    return t as unknown as TimerHandle;
  },
  clearInterval(handle) {
    if (handle) clearInterval(handle as unknown as Native);
  },
};
