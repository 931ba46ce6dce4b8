// What the kiosk keeps across reloads: its token, and the last idle screen so a reload
// while the appliance is down still shows it.
import type { KioskScreen } from "./kiosk-types";

const TOKEN = "innbox.kiosk.token";
const SCREEN = "innbox.kiosk.screen";

function read(key: string): string | null {
  try {
    return localStorage.getItem(key);
  } catch {
    return null;
  }
}

function write(key: string, value: string | null): void {
  try {
    if (value === null) localStorage.removeItem(key);
    else localStorage.setItem(key, value);
  } catch {
    // Private mode or a full disk: the kiosk still works until the next reload.
  }
}

export const storedToken = () => read(TOKEN);
export const storeToken = (token: string | null) => write(TOKEN, token);

export function storedScreen(): KioskScreen | null {
  const text = read(SCREEN);
  if (!text) return null;
  try {
    return JSON.parse(text) as KioskScreen;
  } catch {
    return null;
  }
}
export const storeScreen = (screen: KioskScreen | null) => write(SCREEN, screen ? JSON.stringify(screen) : null);
