import type { ShellTimers } from "./timers.js";

/** Reload delays: 2 s, doubling, at most 60 s; back to 2 s once a load succeeds. */
export function createBackoff(options: { initialMs?: number; maxMs?: number } = {}) {
  const initial = options.initialMs ?? 2_000;
  const max = options.maxMs ?? 60_000;
  let next = initial;
  return {
    next(): number {
      const delay = next;
      next = Math.min(next * 2, max);
      return delay;
    },
    reset(): void {
      next = initial;
    },
  };
}

/**
 * Reloads the page after a failure (load failed, renderer gone, unresponsive, watchdog),
 * waiting the backoff's delay; several failures while one reload is pending schedule
 * nothing more. A successful load resets the delay.
 */
export function createReloader(deps: { timers: ShellTimers; reload: () => void; initialMs?: number; maxMs?: number }) {
  const backoff = createBackoff({ initialMs: deps.initialMs, maxMs: deps.maxMs });
  let pending: unknown;
  let stopped = false;
  return {
    /** Returns the delay scheduled, or undefined when a reload is already pending. */
    failed(): number | undefined {
      if (stopped || pending !== undefined) return undefined;
      const delay = backoff.next();
      pending = deps.timers.setTimeout(() => {
        pending = undefined;
        if (!stopped) deps.reload();
      }, delay);
      return delay;
    },
    loaded(): void {
      backoff.reset();
    },
    /** A reload asked for (admin page, the page itself): now, and no pending retry. */
    reloadNow(): void {
      if (pending !== undefined) deps.timers.clearTimeout(pending);
      pending = undefined;
      backoff.reset();
      if (!stopped) deps.reload();
    },
    isPending(): boolean {
      return pending !== undefined;
    },
    stop(): void {
      stopped = true;
      if (pending !== undefined) deps.timers.clearTimeout(pending);
      pending = undefined;
    },
  };
}

/**
 * Asks the page every `intervalMs` whether it still answers (main.ts runs a tiny
 * script in it); no answer within `timeoutMs`, or a failed answer, reports it stuck.
 * Chromium's own `unresponsive` event misses a page whose script loop still spins but
 * whose renderer is wedged behind a dead GPU process; this catches both.
 */
export function createWatchdog(deps: {
  timers: ShellTimers;
  ping: () => Promise<unknown>;
  onStuck: () => void;
  intervalMs?: number;
  timeoutMs?: number;
}) {
  const intervalMs = deps.intervalMs ?? 30_000;
  const timeoutMs = deps.timeoutMs ?? 10_000;
  let timer: unknown;
  let running = false;
  let round = 0;

  const schedule = () => {
    timer = deps.timers.setTimeout(check, intervalMs);
  };
  const check = () => {
    if (!running) return;
    const myRound = ++round;
    let settled = false;
    const finish = (ok: boolean) => {
      if (settled || !running || myRound !== round) return;
      settled = true;
      deps.timers.clearTimeout(deadline);
      if (!ok) deps.onStuck();
      schedule();
    };
    const deadline = deps.timers.setTimeout(() => finish(false), timeoutMs);
    timer = deadline;
    deps.ping().then(
      () => finish(true),
      () => finish(false),
    );
  };
  return {
    start(): void {
      if (running) return;
      running = true;
      schedule();
    },
    stop(): void {
      running = false;
      round++;
      if (timer !== undefined) deps.timers.clearTimeout(timer);
      timer = undefined;
    },
  };
}
