import { describe, expect, it } from "vitest";
import { checkNewPin, hashPin, isBlockedKey, isExitCombination, kioskWindowOptions, verifyPin, type KeyInput } from "./kiosk-mode.js";

const key = (k: string, mods: Partial<KeyInput> = {}): KeyInput => ({ type: "keyDown", key: k, control: false, shift: false, alt: false, meta: false, ...mods });

describe("kiosk window", () => {
  it("is full screen kiosk mode with no DevTools and an isolated, sandboxed page in production", () => {
    const options = kioskWindowOptions({ production: true, preloadPath: "/app/dist/preload.cjs" });
    expect(options).toMatchObject({ kiosk: true, fullscreen: true, autoHideMenuBar: true });
    expect(options.webPreferences).toMatchObject({ preload: "/app/dist/preload.cjs", contextIsolation: true, sandbox: true, nodeIntegration: false, devTools: false });
  });

  it("keeps DevTools and a normal window while developing", () => {
    const options = kioskWindowOptions({ production: false, preloadPath: "p" });
    expect(options.kiosk).toBe(false);
    expect(options.webPreferences.devTools).toBe(true);
  });
});

describe("leaving the kiosk", () => {
  it("is Ctrl+Shift+Alt+Q only", () => {
    expect(isExitCombination(key("Q", { control: true, shift: true, alt: true }))).toBe(true);
    expect(isExitCombination(key("q", { control: true, shift: true }))).toBe(false);
    expect(isExitCombination({ ...key("q", { control: true, shift: true, alt: true }), type: "keyUp" })).toBe(false);
  });

  it("swallows reload, close, zoom, DevTools and history keys in production only", () => {
    for (const input of [key("F5"), key("F11"), key("F12"), key("r", { control: true }), key("w", { control: true }), key("q", { meta: true }), key("F4", { alt: true }), key("ArrowLeft", { alt: true }), key("+", { control: true })]) {
      expect(isBlockedKey(input, true), JSON.stringify(input)).toBe(true);
      expect(isBlockedKey(input, false)).toBe(false);
    }
    expect(isBlockedKey(key("a"), true)).toBe(false);
    expect(isBlockedKey(key("Enter"), true)).toBe(false);
  });

  it("checks the manager's PIN against its salted hash", () => {
    const stored = hashPin("2468");
    expect(stored).toMatch(/^scrypt:[0-9a-f]{32}:[0-9a-f]{64}$/);
    expect(hashPin("2468")).not.toBe(stored);
    expect(verifyPin("2468", stored)).toBe(true);
    expect(verifyPin("2469", stored)).toBe(false);
    expect(verifyPin("2468", "plain:2468")).toBe(false);
    expect(verifyPin("2468", "scrypt:00:00")).toBe(false);
  });

  it("accepts no PIN or 4 to 12 digits at setup", () => {
    expect(checkNewPin("  ")).toEqual({ ok: true });
    const set = checkNewPin(" 13579 ");
    expect(set.ok && set.hash && verifyPin("13579", set.hash)).toBe(true);
    expect(checkNewPin("12")).toMatchObject({ ok: false, error: expect.stringMatching(/at least 4 digits/) });
    expect(checkNewPin("12ab")).toMatchObject({ ok: false });
  });
});
