// Back to the idle screen after a quiet minute: every touch starts the wait again.

export const IDLE_AFTER_MS = 60_000;

export interface IdleTimerClock {
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

export interface IdleTimer {
  /** A touch, a key or a click: the minute starts again. */
  touched(): void;
  stop(): void;
}

/** Calls `onIdle` once `ms` pass without `touched()`; armed from the start. */
export function createIdleTimer(onIdle: () => void, ms = IDLE_AFTER_MS, clock: IdleTimerClock = globalThis as unknown as IdleTimerClock): IdleTimer {
  let handle: unknown;
  const arm = () => {
    clock.clearTimeout(handle);
    handle = clock.setTimeout(onIdle, ms);
  };
  arm();
  return {
    touched: arm,
    stop: () => clock.clearTimeout(handle),
  };
}
