import { describe, expect, it } from "vitest";
import { formatPairingCode, KioskSettings, normalizePairingCode, wifiQrText } from "./kiosk.js";

describe("wifiQrText", () => {
  it("writes a WPA network", () => {
    expect(wifiQrText({ ssid: "Miramar Guests", password: "sunny-days", security: "WPA" })).toBe("WIFI:T:WPA;S:Miramar Guests;P:sunny-days;;");
  });

  it("escapes backslash, semicolon, comma, colon and double quote in the password and the name", () => {
    expect(wifiQrText({ ssid: 'Bar;"Lido"', password: 'a;b,c:d\\e"f', security: "WPA" })).toBe('WIFI:T:WPA;S:Bar\\;\\"Lido\\";P:a\\;b\\,c\\:d\\\\e\\"f;;');
  });

  it("leaves the password out of an open network and marks a hidden one", () => {
    expect(wifiQrText({ ssid: "Lobby", security: "nopass", hidden: true })).toBe("WIFI:T:nopass;S:Lobby;H:true;;");
    expect(wifiQrText({ ssid: "Lobby", password: "12345", security: "WEP", hidden: false })).toBe("WIFI:T:WEP;S:Lobby;P:12345;;");
  });

  it("keeps letters of any script as they are", () => {
    expect(wifiQrText({ ssid: "Café Ø", password: "pässwörd", security: "WPA" })).toBe("WIFI:T:WPA;S:Café Ø;P:pässwörd;;");
  });
});

describe("pairing codes", () => {
  it("ignore case, spaces and dashes, and show in two groups", () => {
    expect(normalizePairingCode(" acde-fghj ")).toBe("ACDEFGHJ");
    expect(normalizePairingCode("AC DE FG HJ")).toBe("ACDEFGHJ");
    expect(formatPairingCode("acdefghj")).toBe("ACDE-FGHJ");
  });
});

describe("KioskSettings", () => {
  it("keeps a tricky password exactly", () => {
    const parsed = KioskSettings.parse({ wifi: { ssid: "Guests", password: ' ;,:\\"x ', security: "WPA" } });
    expect(parsed.wifi?.password).toBe(' ;,:\\"x ');
  });

  it("names the field of a short WPA password and of a password on an open network", () => {
    const short = KioskSettings.safeParse({ wifi: { ssid: "Guests", password: "short", security: "WPA" } });
    expect(short.success).toBe(false);
    expect(short.error?.issues[0]?.path).toEqual(["wifi", "password"]);
    expect(KioskSettings.safeParse({ wifi: { ssid: "Guests", password: "something", security: "nopass" } }).success).toBe(false);
  });
});
