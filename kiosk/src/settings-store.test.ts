import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { mkdtemp, readdir, rm, stat, writeFile, readFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { forgetToken, kioskPageUrl, loadSettings, parseApplianceAddress, saveSettings, settingsPath } from "./settings-store.js";

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), "innbox-kiosk-settings-"));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe("settings store", () => {
  it("has nothing before setup, then keeps the address and token in a file only its owner can read", async () => {
    expect(await loadSettings(dir)).toBeUndefined();
    await saveSettings(dir, { applianceUrl: "https://innbox.local:8443", token: "k_secret" });
    expect(await loadSettings(dir)).toEqual({ applianceUrl: "https://innbox.local:8443", token: "k_secret" });
    expect((await stat(settingsPath(dir))).mode & 0o777).toBe(0o600);
  });

  it("replaces the file whole and leaves no temporary file behind", async () => {
    await saveSettings(dir, { applianceUrl: "https://a.local", token: "one" });
    await saveSettings(dir, { applianceUrl: "https://a.local", token: "two", dimAfterMinutes: 5 });
    expect(await readdir(dir)).toEqual(["kiosk-settings.json"]);
    expect(JSON.parse(await readFile(settingsPath(dir), "utf8"))).toEqual({ applianceUrl: "https://a.local", token: "two", dimAfterMinutes: 5 });
    expect((await stat(settingsPath(dir))).mode & 0o777).toBe(0o600);
  });

  it("keeps the old settings when the write fails (the folder is gone)", async () => {
    await saveSettings(dir, { applianceUrl: "https://a.local", token: "one" });
    const missing = join(dir, "nope", "deeper");
    await saveSettings(missing, { applianceUrl: "https://b.local", token: "two" });
    expect((await loadSettings(missing))?.token).toBe("two");
    expect((await loadSettings(dir))?.token).toBe("one");
  });

  it("treats a broken or incomplete file as not set up", async () => {
    await writeFile(settingsPath(dir), "{ half");
    expect(await loadSettings(dir)).toBeUndefined();
    await writeFile(settingsPath(dir), JSON.stringify({ applianceUrl: "https://a.local" }));
    expect(await loadSettings(dir)).toBeUndefined();
  });

  it("forgets a revoked token but keeps the address, the CA and the PIN", async () => {
    await saveSettings(dir, { applianceUrl: "https://a.local", token: "t", caPem: "PEM", exitPinHash: "scrypt:x:y" });
    expect(await forgetToken(dir)).toEqual({ applianceUrl: "https://a.local", token: "", caPem: "PEM", exitPinHash: "scrypt:x:y" });
    expect((await loadSettings(dir))?.token).toBe("");
  });
});

describe("parseApplianceAddress", () => {
  it("takes the origin of what the installer typed, adding https when the scheme is missing", () => {
    expect(parseApplianceAddress(" https://innbox.local:8443/ ")).toEqual({ ok: true, origin: "https://innbox.local:8443" });
    expect(parseApplianceAddress("innbox.local:8443")).toEqual({ ok: true, origin: "https://innbox.local:8443" });
    expect(parseApplianceAddress("192.168.1.20:8443")).toEqual({ ok: true, origin: "https://192.168.1.20:8443" });
    expect(parseApplianceAddress("http://127.0.0.1:8080")).toEqual({ ok: true, origin: "http://127.0.0.1:8080" });
    expect(kioskPageUrl("https://innbox.local:8443")).toBe("https://innbox.local:8443/kiosk");
  });

  it("refuses empty input, other schemes, paths, queries and credentials with a sentence", () => {
    for (const bad of ["", "ftp://innbox.local", "https://innbox.local/admin", "https://innbox.local/?x=1", "https://u:p@innbox.local", "https://"]) {
      const parsed = parseApplianceAddress(bad);
      expect(parsed.ok, bad).toBe(false);
      if (!parsed.ok) expect(parsed.error).toMatch(/appliance's address/);
    }
  });
});
