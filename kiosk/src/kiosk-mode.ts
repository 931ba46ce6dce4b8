import { randomBytes, scryptSync, timingSafeEqual } from "node:crypto";
import { messages } from "./messages.js";

/**
 * The window's options: full screen kiosk mode, no menu, the page isolated from Node,
 * DevTools only in development. main.ts passes them to `new BrowserWindow`.
 */
export function kioskWindowOptions(input: { production: boolean; preloadPath: string }) {
  return {
    kiosk: input.production,
    fullscreen: input.production,
    autoHideMenuBar: true,
    backgroundColor: "#000000",
    show: false,
    webPreferences: {
      preload: input.preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      devTools: !input.production,
      spellcheck: false,
      autoplayPolicy: "no-user-gesture-required" as const,
    },
  };
}

/** The key combination that leaves the kiosk: Ctrl+Shift+Alt+Q (documented in the README). */
export interface KeyInput {
  type: string;
  key: string;
  control: boolean;
  shift: boolean;
  alt: boolean;
  meta: boolean;
}

export function isExitCombination(input: KeyInput): boolean {
  return input.type === "keyDown" && input.control && input.shift && input.alt && input.key.toLowerCase() === "q";
}

/** Keys a kiosk swallows so a keyboard left on the counter cannot leave the page. */
export function isBlockedKey(input: KeyInput, production: boolean): boolean {
  if (!production || input.type !== "keyDown") return false;
  const key = input.key.toLowerCase();
  if (key === "f11" || key === "f12" || key === "f5") return true;
  if ((input.control || input.meta) && ["r", "w", "q", "n", "t", "i", "j", "p", "o", "s", "l", "h", "+", "-", "=", "0"].includes(key)) return true;
  if (input.alt && (key === "f4" || key === "arrowleft" || key === "arrowright" || key === "home")) return true;
  return false;
}

/** scrypt, salted; stored in the settings as `scrypt:<salt>:<hash>` (hex). */
export function hashPin(pin: string): string {
  const salt = randomBytes(16);
  return `scrypt:${salt.toString("hex")}:${scryptSync(pin, salt, 32).toString("hex")}`;
}

export function verifyPin(pin: string, stored: string): boolean {
  const [scheme, saltHex, hashHex] = stored.split(":");
  if (scheme !== "scrypt" || !saltHex || !hashHex) return false;
  const expected = Buffer.from(hashHex, "hex");
  const actual = scryptSync(pin, Buffer.from(saltHex, "hex"), expected.length);
  return expected.length === 32 && timingSafeEqual(actual, expected);
}

/** A PIN set at setup: empty means none (the key combination alone exits). */
export function checkNewPin(pin: string): { ok: true; hash?: string } | { ok: false; error: string } {
  const trimmed = pin.trim();
  if (!trimmed) return { ok: true };
  if (!/^\d{4,12}$/.test(trimmed)) return { ok: false, error: messages.pinTooShort };
  return { ok: true, hash: hashPin(trimmed) };
}
