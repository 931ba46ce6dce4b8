import { randomBytes } from "node:crypto";
import { mkdir, open, readFile, rename, rm } from "node:fs/promises";
import { dirname, join } from "node:path";
import { messages } from "./messages.js";

/** What the kiosk remembers between starts: entered once at setup. */
export interface KioskSettings {
  /** The appliance's origin, e.g. `https://innbox.local:8443` (no path, no slash). */
  applianceUrl: string;
  /** The kiosk's own credential from `POST /api/kiosk/pair`. */
  token: string;
  /** The appliance's local CA, pinned on first use; absent for a plain-HTTP address. */
  caPem?: string;
  /** scrypt hash of the manager's exit PIN, when one was set. */
  exitPinHash?: string;
  /** Minutes without a touch before the screen dims (0: never). */
  dimAfterMinutes?: number;
}

export const SETTINGS_FILE = "kiosk-settings.json";

export function settingsPath(userDataDir: string): string {
  return join(userDataDir, SETTINGS_FILE);
}

/** The saved settings, or undefined when the kiosk has not been set up (or the file is unreadable). */
export async function loadSettings(userDataDir: string): Promise<KioskSettings | undefined> {
  let text: string;
  try {
    text = await readFile(settingsPath(userDataDir), "utf8");
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === "ENOENT") return undefined;
    throw err;
  }
  try {
    const parsed = JSON.parse(text) as Partial<KioskSettings>;
    if (typeof parsed.applianceUrl !== "string" || typeof parsed.token !== "string") return undefined;
    return parsed as KioskSettings;
  } catch {
    // A half-written file cannot happen (atomic rename); a hand-edited broken one means setup again.
    return undefined;
  }
}

/**
 * Writes the settings so a power cut leaves either the old file or the new one: a
 * temporary file in the same folder, created 0600 (the token is a credential), flushed,
 * then renamed over the old one.
 */
export async function saveSettings(userDataDir: string, settings: KioskSettings): Promise<void> {
  const target = settingsPath(userDataDir);
  await mkdir(dirname(target), { recursive: true, mode: 0o700 });
  const temp = `${target}.${randomBytes(6).toString("hex")}.tmp`;
  const handle = await open(temp, "wx", 0o600);
  try {
    await handle.writeFile(JSON.stringify(settings, null, 2) + "\n", "utf8");
    await handle.chmod(0o600); // open's mode is masked by the umask
    await handle.sync();
  } catch (err) {
    await handle.close();
    await rm(temp, { force: true });
    throw err;
  }
  await handle.close();
  try {
    await rename(temp, target);
  } catch (err) {
    await rm(temp, { force: true });
    throw err;
  }
}

/** Forgets the pairing (a revoked kiosk) while keeping the address, the CA and the PIN. */
export async function forgetToken(userDataDir: string): Promise<KioskSettings | undefined> {
  const current = await loadSettings(userDataDir);
  if (!current) return undefined;
  const next = { ...current, token: "" };
  await saveSettings(userDataDir, next);
  return next;
}

export type ParsedAddress = { ok: true; origin: string } | { ok: false; error: string };

/**
 * The origin of what the installer typed: `innbox.local:8443` becomes
 * `https://innbox.local:8443`; a path, query or credentials are refused.
 */
export function parseApplianceAddress(input: string): ParsedAddress {
  const trimmed = input.trim();
  if (!trimmed) return { ok: false, error: messages.badAddress };
  const withScheme = /^[a-z][a-z0-9+.-]*:\/\//i.test(trimmed) ? trimmed : `https://${trimmed}`;
  let url: URL;
  try {
    url = new URL(withScheme);
  } catch {
    return { ok: false, error: messages.badAddress };
  }
  if (url.protocol !== "https:" && url.protocol !== "http:") return { ok: false, error: messages.badAddress };
  if (url.username || url.password || url.search || url.hash || (url.pathname !== "/" && url.pathname !== "")) {
    return { ok: false, error: messages.badAddress };
  }
  return { ok: true, origin: url.origin };
}

/** The page the kiosk shows. */
export function kioskPageUrl(applianceUrl: string): string {
  return `${applianceUrl}/kiosk`;
}
