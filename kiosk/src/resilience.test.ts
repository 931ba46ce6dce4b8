import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { createBackoff, createReloader, createWatchdog } from "./resilience.js";
import { realTimers } from "./timers.js";

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

describe("backoff", () => {
  it("waits 2 s, doubling to at most 60 s, and starts again at 2 s after a success", () => {
    const backoff = createBackoff();
    expect(Array.from({ length: 8 }, () => backoff.next())).toEqual([2_000, 4_000, 8_000, 16_000, 32_000, 60_000, 60_000, 60_000]);
    backoff.reset();
    expect(backoff.next()).toBe(2_000);
  });
});

describe("reloader", () => {
  it("reloads after the backoff's delay, one pending reload at a time, and resets when the page loads", async () => {
    const reload = vi.fn();
    const reloader = createReloader({ timers: realTimers, reload });
    expect(reloader.failed()).toBe(2_000);
    expect(reloader.failed()).toBeUndefined(); // renderer gone and load failed together: one reload
    await vi.advanceTimersByTimeAsync(1_999);
    expect(reload).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(1);
    expect(reload).toHaveBeenCalledTimes(1);
    expect(reloader.failed()).toBe(4_000);
    await vi.advanceTimersByTimeAsync(4_000);
    expect(reloader.failed()).toBe(8_000);
    await vi.advanceTimersByTimeAsync(8_000);
    expect(reload).toHaveBeenCalledTimes(3);
    reloader.loaded();
    expect(reloader.failed()).toBe(2_000);
    reloader.stop();
    await vi.advanceTimersByTimeAsync(10_000);
    expect(reload).toHaveBeenCalledTimes(3);
  });

  it("reloads at once when asked (the admin page's remote reload), cancelling a pending retry", async () => {
    const reload = vi.fn();
    const reloader = createReloader({ timers: realTimers, reload });
    reloader.failed();
    reloader.failed();
    reloader.reloadNow();
    expect(reload).toHaveBeenCalledTimes(1);
    expect(reloader.isPending()).toBe(false);
    await vi.advanceTimersByTimeAsync(60_000);
    expect(reload).toHaveBeenCalledTimes(1);
    expect(reloader.failed()).toBe(2_000);
  });
});

describe("watchdog", () => {
  it("says nothing while the page answers and reports it stuck when an answer does not come in time", async () => {
    let answer: "yes" | "hang" | "fail" = "yes";
    const onStuck = vi.fn();
    const ping = vi.fn(() => (answer === "yes" ? Promise.resolve(1) : answer === "fail" ? Promise.reject(new Error("gone")) : new Promise(() => {})));
    const watchdog = createWatchdog({ timers: realTimers, ping, onStuck, intervalMs: 30_000, timeoutMs: 10_000 });
    watchdog.start();
    await vi.advanceTimersByTimeAsync(90_000);
    expect(ping).toHaveBeenCalledTimes(3);
    expect(onStuck).not.toHaveBeenCalled();

    answer = "hang";
    await vi.advanceTimersByTimeAsync(30_000 + 9_999);
    expect(onStuck).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(1);
    expect(onStuck).toHaveBeenCalledTimes(1);

    answer = "fail";
    await vi.advanceTimersByTimeAsync(30_000);
    expect(onStuck).toHaveBeenCalledTimes(2);

    answer = "yes";
    await vi.advanceTimersByTimeAsync(30_000);
    expect(onStuck).toHaveBeenCalledTimes(2);

    watchdog.stop();
    await vi.advanceTimersByTimeAsync(120_000);
    expect(ping).toHaveBeenCalledTimes(6);
  });

  it("ignores a late answer after being stopped mid-check", async () => {
    let resolvePing: (() => void) | undefined;
    const onStuck = vi.fn();
    const watchdog = createWatchdog({ timers: realTimers, ping: () => new Promise<void>((r) => (resolvePing = r)), onStuck, intervalMs: 1_000, timeoutMs: 500 });
    watchdog.start();
    await vi.advanceTimersByTimeAsync(1_000);
    watchdog.stop();
    resolvePing?.();
    await vi.advanceTimersByTimeAsync(10_000);
    expect(onStuck).not.toHaveBeenCalled();
  });
});
