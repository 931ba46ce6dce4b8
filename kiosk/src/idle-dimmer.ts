import type { ShellTimers } from "./timers.js";

/**
 * Dims after `idleMs` without a touch and wakes on the next one. The page has its own
 * idle screen (after a minute or so); dimming comes later and saves the panel at night.
 * `activity()` is called for every touch, click or key the preload reports.
 */
export function createIdleDimmer(deps: { timers: ShellTimers; idleMs: number; dim: () => void; wake: () => void }) {
  let timer: unknown;
  let dimmed = false;
  let running = false;

  const arm = () => {
    if (timer !== undefined) deps.timers.clearTimeout(timer);
    timer = deps.timers.setTimeout(() => {
      timer = undefined;
      if (!running || dimmed) return;
      dimmed = true;
      deps.dim();
    }, deps.idleMs);
  };

  return {
    start(): void {
      if (running || deps.idleMs <= 0) return;
      running = true;
      arm();
    },
    /** A touch: wakes a dimmed screen and starts counting again. Returns true when it woke it. */
    activity(): boolean {
      if (!running) return false;
      const woke = dimmed;
      if (dimmed) {
        dimmed = false;
        deps.wake();
      }
      arm();
      return woke;
    },
    isDimmed(): boolean {
      return dimmed;
    },
    stop(): void {
      running = false;
      if (timer !== undefined) deps.timers.clearTimeout(timer);
      timer = undefined;
      if (dimmed) {
        dimmed = false;
        deps.wake();
      }
    },
  };
}

/** The file-system calls the backlight needs, injected so tests use a temp folder as /sys. */
export interface BacklightFs {
  readdir(path: string): Promise<string[]>;
  readFile(path: string): Promise<string>;
  writeFile(path: string, text: string): Promise<void>;
  access(path: string, mode: number): Promise<void>;
}

export interface Backlight {
  /** Dims to `fraction` of the maximum (kept at least 1 so the panel never goes black). */
  dim(fraction: number): Promise<void>;
  /** Back to the brightness it had before dimming. */
  wake(): Promise<void>;
}

/**
 * The first backlight under `<root>/class/backlight` whose `brightness` this user may
 * write (a udev rule grants it; see the README), or undefined: then the shell dims with
 * an overlay on the page instead.
 */
export async function findBacklight(fs: BacklightFs, sysRoot = "/sys", W_OK = 2): Promise<Backlight | undefined> {
  const base = `${sysRoot}/class/backlight`;
  let names: string[];
  try {
    names = (await fs.readdir(base)).sort();
  } catch {
    return undefined;
  }
  for (const name of names) {
    const dir = `${base}/${name}`;
    try {
      await fs.access(`${dir}/brightness`, W_OK);
      const max = Number.parseInt((await fs.readFile(`${dir}/max_brightness`)).trim(), 10);
      if (!Number.isFinite(max) || max <= 0) continue;
      return backlightAt(fs, `${dir}/brightness`, max);
    } catch {
      continue;
    }
  }
  return undefined;
}

function backlightAt(fs: BacklightFs, path: string, max: number): Backlight {
  let saved: number | undefined;
  return {
    async dim(fraction) {
      if (saved === undefined) {
        const current = Number.parseInt((await fs.readFile(path)).trim(), 10);
        saved = Number.isFinite(current) && current > 0 ? current : max;
      }
      await fs.writeFile(path, String(dimmedLevel(max, fraction)));
    },
    async wake() {
      if (saved === undefined) return;
      const level = saved;
      saved = undefined;
      await fs.writeFile(path, String(level));
    },
  };
}

export function dimmedLevel(max: number, fraction: number): number {
  return Math.max(1, Math.round(max * Math.min(1, Math.max(0, fraction))));
}

/** The overlay the preload draws when no backlight is writable: black at this opacity. */
export const DIM_OVERLAY_OPACITY = 0.75;
