/**
 * The bridge between a page and the shell. Sandboxed preloads are CommonJS and may
 * require only "electron"; nothing here decides anything, main.ts checks who is asking.
 *
 * On the kiosk page: the token is put in localStorage under `innbox.kioskToken` before
 * the page's scripts run (the same key the page uses after pairing in a plain browser),
 * and `window.innboxKiosk` offers reload(), unpaired() and activity().
 * On the shell's own setup page (file:): `window.innboxSetup`.
 */
import { contextBridge, ipcRenderer } from "electron";

const TOKEN_KEY = "innbox.kioskToken";

if (location.protocol === "file:") {
  contextBridge.exposeInMainWorld("innboxSetup", {
    checkAddress: (address: string) => ipcRenderer.invoke("setup:address", address),
    pair: (code: string, pin: string) => ipcRenderer.invoke("setup:pair", { code, pin }),
    exitWithPin: (pin: string) => ipcRenderer.invoke("exit:pin", pin),
    cancelExit: () => ipcRenderer.send("exit:cancel"),
  });
} else {
  const token = ipcRenderer.sendSync("kiosk:token") as string;
  if (token) {
    try {
      localStorage.setItem(TOKEN_KEY, token);
    } catch {
      // storage refused: the page still gets the token from window.innboxKiosk
    }
  }
  if (token) {
    contextBridge.exposeInMainWorld("innboxKiosk", {
      shell: "electron",
      token,
      reload: () => ipcRenderer.send("kiosk:reload"),
      unpaired: () => ipcRenderer.send("kiosk:unpaired"),
      activity: () => ipcRenderer.send("kiosk:activity"),
    });
    installActivityAndDimming();
  }
}

function installActivityAndDimming(): void {
  let dimmed = false;
  let lastReport = 0;
  const report = () => {
    const now = Date.now();
    if (now - lastReport < 1_000 && !dimmed) return;
    lastReport = now;
    ipcRenderer.send("kiosk:activity");
  };
  const onInput = (event: Event) => {
    if (dimmed) {
      // The waking touch only wakes: it must not press "Call reception".
      event.preventDefault();
      event.stopImmediatePropagation();
    }
    report();
  };
  for (const type of ["pointerdown", "touchstart", "keydown", "wheel"]) {
    window.addEventListener(type, onInput, { capture: true, passive: false });
  }
  let overlay: HTMLDivElement | undefined;
  ipcRenderer.on("kiosk:dim", (_event, state: { opacity: number; dimmed: boolean }) => {
    dimmed = state.dimmed;
    if (!overlay) {
      overlay = document.createElement("div");
      overlay.setAttribute("aria-hidden", "true");
      overlay.style.cssText = "position:fixed;inset:0;z-index:2147483647;background:#000;transition:opacity .8s;pointer-events:none;opacity:0";
      document.documentElement.appendChild(overlay);
    }
    overlay.style.opacity = String(state.opacity);
    overlay.style.pointerEvents = state.dimmed ? "auto" : "none";
  });
}
