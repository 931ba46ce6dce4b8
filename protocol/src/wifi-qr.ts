// Plain functions of the kiosk without zod, for the pages' bundles
// (`@innbox/protocol/wifi-qr`): the Wi-Fi QR text and the pairing code's forms.

export const KIOSK_NAME_MAX = 60;
/** A pairing code works once, for this long after it was shown. */
export const KIOSK_PAIRING_CODE_TTL_MS = 60 * 60 * 1000;
/** Letters and digits nobody confuses on a tablet keyboard: no 0/O, 1/I/L, 5/S, 8/B, 2/Z. */
export const KIOSK_CODE_ALPHABET = "ACDEFGHJKMNPQRTUVWXY34679";
export const KIOSK_CODE_LENGTH = 8;

/** A code as typed (any case, spaces or dashes) in the form it is stored: "ABCD-EFGH" → "ABCDEFGH". */
export function normalizePairingCode(typed: string): string {
  return typed.replace(/[\s\-–_.]/g, "").toUpperCase();
}

/** A code shown to people: two groups of four, "ACDE-FGHJ". */
export function formatPairingCode(code: string): string {
  const plain = normalizePairingCode(code);
  return plain.length === KIOSK_CODE_LENGTH ? `${plain.slice(0, 4)}-${plain.slice(4)}` : plain;
}

export const WIFI_SECURITY = ["WPA", "WEP", "nopass"] as const;
export type WifiSecurity = (typeof WIFI_SECURITY)[number];

export interface WifiNetwork {
  ssid: string;
  password?: string | undefined;
  security: WifiSecurity;
  hidden?: boolean | undefined;
}

/** `\ ; , : "` are escaped with a backslash in the Wi-Fi QR format (ZXing's MECARD-like syntax). */
export function escapeWifiField(text: string): string {
  return text.replace(/([\\;,:"])/g, "\\$1");
}

/**
 * What a phone's camera reads to join a network: `WIFI:T:WPA;S:<ssid>;P:<password>;;`,
 * with `H:true;` for a hidden network and no password for an open one.
 */
export function wifiQrText(wifi: WifiNetwork): string {
  const parts = [`T:${wifi.security}`, `S:${escapeWifiField(wifi.ssid)}`];
  if (wifi.security !== "nopass") parts.push(`P:${escapeWifiField(wifi.password ?? "")}`);
  if (wifi.hidden) parts.push("H:true");
  return `WIFI:${parts.join(";")};;`;
}

