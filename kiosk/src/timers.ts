/**
 * The shell's time, injected so the schedulers run on fake timers in tests. main.ts
 * passes the real globals; nothing in these modules reads the clock by itself.
 */
export interface ShellTimers {
  now(): number;
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

export const realTimers: ShellTimers = {
  now: () => Date.now(),
  setTimeout: (fn, ms) => setTimeout(fn, ms),
  clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};
