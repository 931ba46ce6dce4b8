// The kiosk API's answers as the page reads them (CONTRACT.md "Kiosk"). Types only: the
// page carries no zod.
import type { Weather } from "@innbox/protocol";

export interface KioskWifi {
  ssid: string;
  security: "WPA" | "WEP" | "nopass";
  hidden?: boolean;
  /** The exact text of the Wi-Fi QR code: `WIFI:T:…;S:…;P:…;;`, escaped. */
  qr: string;
}

/** GET /api/kiosk/screen: the idle screen's content. */
export interface KioskScreen {
  propertyName: string;
  timezone: string;
  weather?: Weather | null;
  wifi?: KioskWifi | null;
  receptionUrl?: string | null;
  phone?: string | null;
  /** Per language code; the page shows the guest's, else the first. */
  emergencyText?: Record<string, string> | null;
  /** The languages the kiosk offers, the first being its default. */
  languages?: string[];
}
