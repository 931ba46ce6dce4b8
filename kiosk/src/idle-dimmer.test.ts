import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { mkdir, mkdtemp, readFile, readdir, rm, writeFile, access, chmod } from "node:fs/promises";
import { constants } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createIdleDimmer, dimmedLevel, findBacklight, type BacklightFs } from "./idle-dimmer.js";
import { realTimers } from "./timers.js";

describe("idle dimmer", () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it("dims after N minutes without a touch, each touch starting the count again, and wakes on the next touch", async () => {
    const dim = vi.fn();
    const wake = vi.fn();
    const dimmer = createIdleDimmer({ timers: realTimers, idleMs: 10 * 60_000, dim, wake });
    dimmer.start();
    await vi.advanceTimersByTimeAsync(9 * 60_000);
    expect(dimmer.activity()).toBe(false);
    await vi.advanceTimersByTimeAsync(9 * 60_000);
    expect(dim).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(60_000);
    expect(dim).toHaveBeenCalledTimes(1);
    expect(dimmer.isDimmed()).toBe(true);
    await vi.advanceTimersByTimeAsync(60 * 60_000);
    expect(dim).toHaveBeenCalledTimes(1);

    expect(dimmer.activity()).toBe(true);
    expect(wake).toHaveBeenCalledTimes(1);
    expect(dimmer.activity()).toBe(false);
    expect(wake).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(10 * 60_000);
    expect(dim).toHaveBeenCalledTimes(2);
  });

  it("never dims when set to 0 minutes, and wakes the screen when stopped", async () => {
    const off = createIdleDimmer({ timers: realTimers, idleMs: 0, dim: vi.fn(), wake: vi.fn() });
    off.start();
    await vi.advanceTimersByTimeAsync(24 * 3_600_000);
    expect(off.isDimmed()).toBe(false);

    const wake = vi.fn();
    const dimmer = createIdleDimmer({ timers: realTimers, idleMs: 1_000, dim: vi.fn(), wake });
    dimmer.start();
    await vi.advanceTimersByTimeAsync(1_000);
    dimmer.stop();
    expect(wake).toHaveBeenCalledTimes(1);
    expect(dimmer.activity()).toBe(false);
  });
});

describe("Linux backlight", () => {
  let root: string;
  const fs: BacklightFs = {
    readdir: (p) => readdir(p),
    readFile: (p) => readFile(p, "utf8"),
    writeFile: (p, t) => writeFile(p, t),
    access: (p, m) => access(p, m),
  };
  const device = async (name: string, max: string, current: string, writable: boolean) => {
    const dir = join(root, "class", "backlight", name);
    await mkdir(dir, { recursive: true });
    await writeFile(join(dir, "max_brightness"), `${max}\n`);
    await writeFile(join(dir, "brightness"), `${current}\n`);
    await chmod(join(dir, "brightness"), writable ? 0o644 : 0o444);
    return join(dir, "brightness");
  };

  beforeEach(async () => {
    root = await mkdtemp(join(tmpdir(), "innbox-kiosk-sys-"));
  });
  afterEach(async () => {
    await rm(root, { recursive: true, force: true });
  });

  it("dims the first writable backlight and restores its brightness on wake", async () => {
    // Running as root makes every file writable; the read-only device then simply comes first.
    const readOnly = await device("acpi_video0", "100", "80", false);
    const panel = await device("intel_backlight", "1000", "700", true);
    const backlight = await findBacklight(fs, root, constants.W_OK);
    expect(backlight).toBeDefined();
    await backlight!.dim(0.1);
    const touched = process.getuid?.() === 0 ? readOnly : panel;
    expect((await readFile(touched, "utf8")).trim()).toBe(touched === panel ? "100" : "10");
    await backlight!.dim(0.1); // dimming twice keeps the first saved level
    await backlight!.wake();
    expect((await readFile(touched, "utf8")).trim()).toBe(touched === panel ? "700" : "80");
  });

  it("finds nothing without a backlight folder, or with a broken max_brightness", async () => {
    expect(await findBacklight(fs, root, constants.W_OK)).toBeUndefined();
    await device("broken", "zero", "5", true);
    expect(await findBacklight(fs, root, constants.W_OK)).toBeUndefined();
  });

  it("never dims to black", () => {
    expect(dimmedLevel(1000, 0)).toBe(1);
    expect(dimmedLevel(7, 0.1)).toBe(1);
    expect(dimmedLevel(255, 0.2)).toBe(51);
    expect(dimmedLevel(100, 2)).toBe(100);
  });
});
