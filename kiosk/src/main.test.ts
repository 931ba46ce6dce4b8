/**
 * main.ts wired to a stand-in for the few Electron objects it uses (Electron's binary
 * is not available here): the setup flow against an HTTPS appliance stub, then the
 * handlers it installs, each driven the way Electron would call it.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { EventEmitter } from "node:events";
import { createServer, type Server } from "node:https";
import { mkdtemp, readFile, rm, stat } from "node:fs/promises";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { applianceStub } from "./test-helpers/appliance-stub.js";
import { makeTestPki, type TestPki } from "./test-helpers/certs.js";

const fake = vi.hoisted(() => {
  const state = {
    userData: "",
    listeners: new Map<string, (...args: any[]) => unknown>(),
    handlers: new Map<string, (...args: any[]) => unknown>(),
    verifyProc: undefined as undefined | ((request: unknown, cb: (n: number) => void) => void),
    permissionRequest: undefined as undefined | ((...args: any[]) => void),
    permissionCheck: undefined as undefined | ((...args: any[]) => boolean),
    windows: [] as any[],
    quit: undefined as unknown as ReturnType<typeof import("vitest").vi.fn>,
  };
  return state;
});

vi.mock("electron", async () => {
  const { EventEmitter: Emitter } = await import("node:events");
  fake.quit = vi.fn();
  class FakeContents extends Emitter {
    url = "";
    loads: Array<{ kind: "url" | "file"; target: string; query?: Record<string, string> }> = [];
    sent: Array<[string, unknown]> = [];
    setWindowOpenHandler = vi.fn();
    setVisualZoomLevelLimits = vi.fn(() => Promise.resolve());
    executeJavaScript = vi.fn(() => Promise.resolve(1));
    forcefullyCrashRenderer = vi.fn();
    loadURL(url: string) {
      this.url = url;
      this.loads.push({ kind: "url", target: url });
      return Promise.resolve();
    }
    loadFile(path: string, options?: { query?: Record<string, string> }) {
      this.url = `file://${path}`;
      this.loads.push({ kind: "file", target: path, query: options?.query });
      return Promise.resolve();
    }
    getURL() {
      return this.url;
    }
    send(channel: string, payload: unknown) {
      this.sent.push([channel, payload]);
    }
  }
  class BrowserWindow extends Emitter {
    webContents = new FakeContents();
    constructor(readonly options: unknown) {
      super();
      fake.windows.push(this);
    }
    // BrowserWindow's own loadURL/loadFile load into its webContents.
    loadURL(target: string) {
      return this.webContents.loadURL(target);
    }
    loadFile(path: string, options?: { query?: Record<string, string> }) {
      return this.webContents.loadFile(path, options);
    }
    show() {}
    focus() {}
    isDestroyed() {
      return false;
    }
  }
  return {
    app: {
      isPackaged: false,
      getPath: () => fake.userData,
      requestSingleInstanceLock: () => true,
      commandLine: { appendSwitch: vi.fn() },
      on: vi.fn(),
      whenReady: () => Promise.resolve(),
      quit: fake.quit,
      setLoginItemSettings: vi.fn(),
    },
    BrowserWindow,
    Menu: { setApplicationMenu: vi.fn() },
    powerSaveBlocker: { start: vi.fn() },
    session: {
      defaultSession: {
        setCertificateVerifyProc: (fn: never) => (fake.verifyProc = fn),
        setPermissionRequestHandler: (fn: never) => (fake.permissionRequest = fn),
        setPermissionCheckHandler: (fn: never) => (fake.permissionCheck = fn),
      },
    },
    ipcMain: {
      on: (channel: string, fn: never) => fake.listeners.set(channel, fn),
      handle: (channel: string, fn: never) => fake.handlers.set(channel, fn),
    },
  };
});

let pki: TestPki;
let server: Server;
let url: string;

async function until(check: () => boolean): Promise<void> {
  for (let i = 0; i < 200 && !check(); i++) await new Promise((resolve) => setTimeout(resolve, 10));
  expect(check()).toBe(true);
}

const contents = () => fake.windows[0].webContents as EventEmitter & { loads: Array<{ kind: string; target: string; query?: Record<string, string> }>; url: string; sent: Array<[string, unknown]> };
const frame = (frameUrl: string) => ({ senderFrame: { url: frameUrl }, returnValue: undefined as unknown });

beforeAll(async () => {
  pki = makeTestPki();
  server = createServer({ key: pki.serverKeyPem, cert: pki.serverPem }, applianceStub(pki.caPem).handler);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  url = `https://127.0.0.1:${(server.address() as AddressInfo).port}`;
  fake.userData = await mkdtemp(join(tmpdir(), "innbox-kiosk-main-"));
  await import("./main.js");
});

afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
  await rm(fake.userData, { recursive: true, force: true });
});

describe("the shell's main process", () => {
  it("opens the setup page on first start, full screen options aside while developing", async () => {
    await until(() => fake.windows.length === 1 && contents().loads.length === 1);
    expect(contents().loads[0]).toMatchObject({ kind: "file", query: { mode: "setup", address: "" } });
    expect(contents().loads[0]!.target).toMatch(/setup[\\/]index\.html$/);
    expect(fake.windows[0].options).toMatchObject({ kiosk: false, webPreferences: { contextIsolation: true, sandbox: true } });
  });

  it("pins the CA, pairs with the code and opens the kiosk page with the token kept 0600", async () => {
    const setup = frame(contents().url);
    expect(await fake.handlers.get("setup:address")!(frame("https://evil.example/"), url)).toMatchObject({ ok: false });
    const checked = (await fake.handlers.get("setup:address")!(setup, url)) as { ok: boolean; fingerprint?: string };
    expect(checked).toMatchObject({ ok: true, origin: url });
    expect(checked.fingerprint).toMatch(/^([0-9A-F]{2}:){31}/);
    expect(await fake.handlers.get("setup:pair")!(setup, { code: "999999", pin: "" })).toMatchObject({ ok: false, error: expect.stringMatching(/unknown, used or expired/) });
    expect(await fake.handlers.get("setup:pair")!(setup, { code: "482913", pin: "2468" })).toEqual({ ok: true });
    await until(() => contents().loads.at(-1)?.target === `${url}/kiosk`);
    const saved = JSON.parse(await readFile(join(fake.userData, "kiosk-settings.json"), "utf8"));
    expect(saved).toMatchObject({ applianceUrl: url, token: "kt_482913", caPem: expect.stringContaining("BEGIN CERTIFICATE"), exitPinHash: expect.stringMatching(/^scrypt:/) });
    expect((await stat(join(fake.userData, "kiosk-settings.json"))).mode & 0o777).toBe(0o600);
  });

  it("hands the token to the kiosk page only", () => {
    const fromKiosk = frame(`${url}/kiosk`);
    fake.listeners.get("kiosk:token")!(fromKiosk);
    expect(fromKiosk.returnValue).toBe("kt_482913");
    const fromAdmin = frame(`${url}/admin`);
    fake.listeners.get("kiosk:token")!(fromAdmin);
    expect(fromAdmin.returnValue).toBe("");
  });

  it("trusts the appliance through the pinned CA and grants media to the kiosk page only", () => {
    const answers: number[] = [];
    fake.verifyProc!({ hostname: "127.0.0.1", certificate: { data: pki.serverPem } }, (n) => answers.push(n));
    fake.verifyProc!({ hostname: "127.0.0.1", certificate: { data: pki.impostorPem } }, (n) => answers.push(n));
    expect(answers).toEqual([0, -2]);
    const granted: boolean[] = [];
    fake.permissionRequest!({}, "media", (ok: boolean) => granted.push(ok), { requestingUrl: `${url}/kiosk`, mediaTypes: ["audio", "video"] });
    fake.permissionRequest!({}, "media", (ok: boolean) => granted.push(ok), { requestingUrl: `${url}/admin`, mediaTypes: ["video"] });
    fake.permissionRequest!({}, "notifications", (ok: boolean) => granted.push(ok), { requestingUrl: `${url}/kiosk` });
    expect(granted).toEqual([true, false, false]);
    expect(fake.permissionCheck!({}, "media", url, { requestingUrl: `${url}/kiosk`, mediaType: "video" })).toBe(true);
    expect(fake.permissionCheck!({}, "media", url, { mediaType: "video" })).toBe(false);
  });

  it("keeps navigation on the appliance", () => {
    const outside = { preventDefault: vi.fn() };
    contents().emit("will-navigate", outside, "https://www.example.com/");
    expect(outside.preventDefault).toHaveBeenCalled();
    const inside = { preventDefault: vi.fn() };
    contents().emit("will-navigate", inside, `${url}/kiosk?lang=fr`);
    expect(inside.preventDefault).not.toHaveBeenCalled();
  });

  it("shows the offline page when the kiosk page fails to load and tries again after 2 s, then 4 s", async () => {
    vi.useFakeTimers({ toFake: ["setTimeout", "clearTimeout"] });
    try {
      const loads = contents().loads;
      const before = loads.length;
      contents().emit("did-fail-load", {}, -106, "ERR_INTERNET_DISCONNECTED", `${url}/kiosk`, true);
      expect(loads.at(-1)!.target).toMatch(/offline\.html$/);
      await vi.advanceTimersByTimeAsync(1_999);
      expect(loads.length).toBe(before + 1);
      await vi.advanceTimersByTimeAsync(1);
      expect(loads.at(-1)!.target).toBe(`${url}/kiosk`);
      contents().emit("did-fail-load", {}, -106, "ERR_INTERNET_DISCONNECTED", `${url}/kiosk`, true);
      await vi.advanceTimersByTimeAsync(3_999);
      expect(loads.at(-1)!.target).toMatch(/offline\.html$/);
      await vi.advanceTimersByTimeAsync(1);
      expect(loads.at(-1)!.target).toBe(`${url}/kiosk`);
      contents().emit("did-finish-load");
      const reloads = loads.length;
      fake.listeners.get("kiosk:reload")!(frame(`${url}/kiosk`));
      expect(loads.length).toBe(reloads + 1);
    } finally {
      vi.useRealTimers();
    }
  });

  it("asks for the PIN on Ctrl+Shift+Alt+Q and quits only with the right one", async () => {
    const event = { preventDefault: vi.fn() };
    contents().emit("before-input-event", event, { type: "keyDown", key: "Q", control: true, shift: true, alt: true, meta: false });
    expect(event.preventDefault).toHaveBeenCalled();
    expect(contents().loads.at(-1)).toMatchObject({ kind: "file", query: { mode: "exit" } });
    const prompt = frame(contents().url);
    expect(await fake.handlers.get("exit:pin")!(prompt, "1111")).toMatchObject({ ok: false, error: "Wrong PIN." });
    expect(fake.quit).not.toHaveBeenCalled();
    expect(await fake.handlers.get("exit:pin")!(prompt, "2468")).toEqual({ ok: true });
    expect(fake.quit).toHaveBeenCalled();
  });
});
