/**
 * The Electron main process: the only file that touches Electron. Every decision
 * (trust, permissions, reload timing, dimming, auto-start, exit) comes from the plain
 * modules next to it, which the root test run covers.
 */
import { app, BrowserWindow, ipcMain, Menu, powerSaveBlocker, session, type IpcMainEvent, type IpcMainInvokeEvent, type WebContents } from "electron";
import { access, mkdir, readdir, readFile, writeFile } from "node:fs/promises";
import { constants } from "node:fs";
import { homedir } from "node:os";
import { dirname, join } from "node:path";
import { checkKioskToken, fetchCaOnFirstUse, KioskSetupError, pairKiosk } from "./appliance-client.js";
import { linuxAutostartEntry, windowsLoginItem } from "./autostart.js";
import { verifyProcResult } from "./cert-trust.js";
import { createIdleDimmer, DIM_OVERLAY_OPACITY, findBacklight, type Backlight } from "./idle-dimmer.js";
import { checkNewPin, isBlockedKey, isExitCombination, kioskWindowOptions, verifyPin } from "./kiosk-mode.js";
import { messages } from "./messages.js";
import { allowNavigation, allowPermission, isKioskPage, windowOpenDecision } from "./permissions.js";
import { createReloader, createWatchdog } from "./resilience.js";
import { forgetToken, kioskPageUrl, loadSettings, parseApplianceAddress, saveSettings, type KioskSettings } from "./settings-store.js";
import { realTimers } from "./timers.js";

const here = import.meta.dirname;
const appRoot = dirname(here);
const production = app.isPackaged || process.env.INNBOX_KIOSK_PRODUCTION === "1";
const setupPage = join(appRoot, "setup", "index.html");
const offlinePage = join(appRoot, "setup", "offline.html");
const DEFAULT_DIM_MINUTES = 10;

let win: BrowserWindow | undefined;
let settings: KioskSettings | undefined;
/** The CA read on first use, waiting for the pairing code before it is saved. */
let pendingSetup: { origin: string; caPem?: string } | undefined;
let mode: "setup" | "kiosk" | "exit" = "setup";
let allowQuit = false;
let backlight: Backlight | undefined;

const reloader = createReloader({ timers: realTimers, reload: () => showKiosk() });
const watchdog = createWatchdog({
  timers: realTimers,
  ping: () => win!.webContents.executeJavaScript("1"),
  onStuck: () => {
    // A wedged renderer does not reload; crash it so render-process-gone brings it back.
    if (win && !win.isDestroyed()) win.webContents.forcefullyCrashRenderer();
  },
});
let dimmer = makeDimmer(DEFAULT_DIM_MINUTES);

function makeDimmer(minutes: number) {
  return createIdleDimmer({
    timers: realTimers,
    idleMs: minutes * 60_000,
    dim: () => {
      // The overlay also swallows the waking touch, so it never presses a button.
      send("kiosk:dim", { opacity: backlight ? 0 : DIM_OVERLAY_OPACITY, dimmed: true });
      void backlight?.dim(0.1).catch(() => undefined);
    },
    wake: () => {
      send("kiosk:dim", { opacity: 0, dimmed: false });
      void backlight?.wake().catch(() => undefined);
    },
  });
}

function send(channel: string, payload: unknown): void {
  if (win && !win.isDestroyed()) win.webContents.send(channel, payload);
}

function applianceUrl(): string | undefined {
  return settings?.token ? settings.applianceUrl : undefined;
}

let exitTimer: ReturnType<typeof setTimeout> | undefined;
const EXIT_PROMPT_MS = 60_000;

function showSetup(query: Record<string, string> = {}): void {
  mode = query.mode === "exit" ? "exit" : "setup";
  watchdog.stop();
  clearTimeout(exitTimer);
  // An exit prompt nobody answers goes back to the kiosk page.
  if (mode === "exit") exitTimer = setTimeout(() => mode === "exit" && showKiosk(), EXIT_PROMPT_MS);
  void win?.loadFile(setupPage, { query });
}

function showKiosk(): void {
  const url = applianceUrl();
  if (!win || !url) return showSetup();
  mode = "kiosk";
  clearTimeout(exitTimer);
  win.loadURL(kioskPageUrl(url)).catch(() => undefined); // did-fail-load handles it
}

function fromKioskPage(event: IpcMainEvent | IpcMainInvokeEvent): boolean {
  const url = applianceUrl();
  return !!url && !!event.senderFrame && isKioskPage(event.senderFrame.url, url);
}

function fromSetupPage(event: IpcMainEvent | IpcMainInvokeEvent): boolean {
  return !!event.senderFrame && event.senderFrame.url.startsWith("file:") && mode !== "kiosk";
}

function wireSession(): void {
  const ses = session.defaultSession;
  ses.setCertificateVerifyProc((request, callback) => {
    callback(settings ? verifyProcResult(request, settings, Date.now()) : -3);
  });
  ses.setPermissionRequestHandler((_contents, permission, callback, details) => {
    const url = applianceUrl();
    const mediaTypes = "mediaTypes" in details ? details.mediaTypes : undefined;
    callback(!!url && allowPermission({ permission, requestingUrl: details.requestingUrl, mediaTypes }, url));
  });
  ses.setPermissionCheckHandler((_contents, permission, requestingOrigin, details) => {
    const url = applianceUrl();
    const mediaTypes = details.mediaType && details.mediaType !== "unknown" ? [details.mediaType] : [];
    return !!url && allowPermission({ permission, requestingUrl: details.requestingUrl ?? requestingOrigin, mediaTypes }, url);
  });
}

function wireContents(contents: WebContents): void {
  const guard = (event: { preventDefault(): void }, url: string) => {
    const appliance = applianceUrl();
    if (mode !== "kiosk" || !appliance || !allowNavigation(url, appliance)) event.preventDefault();
  };
  contents.on("will-navigate", guard);
  contents.on("will-redirect", guard);
  contents.setWindowOpenHandler(() => windowOpenDecision());
  contents.on("will-attach-webview", (event) => event.preventDefault());
  contents.setVisualZoomLevelLimits(1, 1).catch(() => undefined);

  contents.on("did-fail-load", (_event, errorCode, _description, validatedUrl, isMainFrame) => {
    if (!isMainFrame || errorCode === -3 || mode !== "kiosk") return; // -3: aborted by a newer navigation
    const appliance = applianceUrl();
    if (appliance && isKioskPage(validatedUrl, appliance)) {
      void contents.loadFile(offlinePage);
      reloader.failed();
    }
  });
  contents.on("did-finish-load", () => {
    const appliance = applianceUrl();
    if (mode === "kiosk" && appliance && isKioskPage(contents.getURL(), appliance)) {
      reloader.loaded();
      watchdog.start();
    }
  });
  contents.on("render-process-gone", () => {
    watchdog.stop();
    if (mode === "kiosk") reloader.failed();
    else showSetup();
  });
  contents.on("before-input-event", (event, input) => {
    if (isExitCombination(input)) {
      event.preventDefault();
      if (settings?.exitPinHash) showSetup({ mode: "exit" });
      else quit();
      return;
    }
    if (isBlockedKey(input, production)) event.preventDefault();
    else dimmer.activity();
  });
}

function quit(): void {
  allowQuit = true;
  app.quit();
}

function wireIpc(): void {
  // The kiosk page (through the preload): its token, remote reload, touches, revocation.
  ipcMain.on("kiosk:token", (event) => {
    event.returnValue = fromKioskPage(event) ? settings?.token ?? "" : "";
  });
  ipcMain.on("kiosk:reload", (event) => {
    if (fromKioskPage(event)) reloader.reloadNow();
  });
  ipcMain.on("kiosk:activity", (event) => {
    if (fromKioskPage(event)) dimmer.activity();
  });
  ipcMain.on("kiosk:unpaired", (event) => {
    if (!fromKioskPage(event)) return;
    void forgetToken(app.getPath("userData")).then((next) => {
      settings = next;
      showSetup({ mode: "setup", message: messages.revoked, address: next?.applianceUrl ?? "" });
    });
  });

  // The setup page: address → CA fingerprint, then the code (and an optional exit PIN).
  ipcMain.handle("setup:address", async (event, address: unknown) => {
    if (!fromSetupPage(event)) return { ok: false, error: messages.badAddress };
    const parsed = parseApplianceAddress(String(address ?? ""));
    if (!parsed.ok) return parsed;
    if (parsed.origin.startsWith("http:")) {
      pendingSetup = { origin: parsed.origin };
      return { ok: true, origin: parsed.origin };
    }
    try {
      const ca = await fetchCaOnFirstUse(parsed.origin, Date.now());
      pendingSetup = { origin: parsed.origin, caPem: ca.caPem };
      return { ok: true, origin: parsed.origin, fingerprint: ca.fingerprint };
    } catch (err) {
      return { ok: false, error: err instanceof KioskSetupError ? err.message : messages.unreachable };
    }
  });
  ipcMain.handle("setup:pair", async (event, input: unknown) => {
    if (!fromSetupPage(event) || !pendingSetup) return { ok: false, error: messages.badAddress };
    const { code, pin } = (input ?? {}) as { code?: unknown; pin?: unknown };
    const newPin = checkNewPin(String(pin ?? ""));
    if (!newPin.ok) return newPin;
    try {
      const token = await pairKiosk(pendingSetup.origin, String(code ?? ""), pendingSetup.caPem);
      const next: KioskSettings = { ...settings, applianceUrl: pendingSetup.origin, token, caPem: pendingSetup.caPem };
      if (newPin.hash) next.exitPinHash = newPin.hash;
      if (!pendingSetup.caPem) delete next.caPem;
      await saveSettings(app.getPath("userData"), next);
      settings = next;
      pendingSetup = undefined;
      await enableAutostart().catch(() => undefined); // pairing stands even if the entry cannot be written
      setTimeout(showKiosk, 0);
      return { ok: true };
    } catch (err) {
      return { ok: false, error: err instanceof KioskSetupError ? err.message : messages.serverError };
    }
  });
  ipcMain.handle("exit:pin", (event, pin: unknown) => {
    if (!fromSetupPage(event) || !settings?.exitPinHash) return { ok: false, error: messages.badPin };
    if (!verifyPin(String(pin ?? ""), settings.exitPinHash)) return { ok: false, error: messages.badPin };
    quit();
    return { ok: true };
  });
  ipcMain.on("exit:cancel", (event) => {
    if (fromSetupPage(event)) showKiosk();
  });
}

async function enableAutostart(): Promise<void> {
  if (!production) return;
  if (process.platform === "win32") {
    app.setLoginItemSettings(windowsLoginItem(process.execPath));
  } else if (process.platform === "linux") {
    const entry = linuxAutostartEntry({ execPath: process.env.APPIMAGE ?? process.execPath, homeDir: homedir(), xdgConfigHome: process.env.XDG_CONFIG_HOME });
    await mkdir(dirname(entry.path), { recursive: true });
    await writeFile(entry.path, entry.text, { mode: 0o644 });
  }
}

async function start(): Promise<void> {
  Menu.setApplicationMenu(null);
  settings = await loadSettings(app.getPath("userData"));
  dimmer = makeDimmer(settings?.dimAfterMinutes ?? DEFAULT_DIM_MINUTES);
  if (process.platform === "linux") {
    backlight = await findBacklight({
      readdir: (p) => readdir(p),
      readFile: (p) => readFile(p, "utf8"),
      writeFile: (p, t) => writeFile(p, t),
      access: (p, m) => access(p, m),
    }, "/sys", constants.W_OK);
  }
  wireSession();
  wireIpc();
  win = new BrowserWindow(kioskWindowOptions({ production, preloadPath: join(here, "preload.cjs") }));
  win.on("close", (event) => {
    if (production && !allowQuit) event.preventDefault();
  });
  win.once("ready-to-show", () => win?.show());
  win.on("unresponsive", () => {
    if (mode === "kiosk") win?.webContents.forcefullyCrashRenderer();
  });
  wireContents(win.webContents);
  powerSaveBlocker.start("prevent-display-sleep"); // the shell dims by itself
  dimmer.start();

  const url = applianceUrl();
  if (!url || !settings) return showSetup({ mode: "setup", address: settings?.applianceUrl ?? "" });
  await enableAutostart().catch(() => undefined);
  const state = await checkKioskToken(url, settings.token, settings.caPem);
  if (state === "revoked") {
    settings = await forgetToken(app.getPath("userData"));
    return showSetup({ mode: "setup", message: messages.revoked, address: url });
  }
  if (state === "ca-changed") return showSetup({ mode: "setup", message: messages.caChanged, address: url });
  showKiosk(); // "unreachable" too: the offline page and the backoff take over
}

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.commandLine.appendSwitch("touch-events", "enabled");
  app.on("second-instance", () => win?.focus());
  app.on("window-all-closed", () => {
    if (allowQuit || !production) app.quit();
  });
  app.on("web-contents-created", (_event, contents) => {
    contents.setWindowOpenHandler(() => windowOpenDecision());
  });
  void app.whenReady().then(start);
}
