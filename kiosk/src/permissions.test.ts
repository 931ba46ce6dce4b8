import { describe, expect, it } from "vitest";
import { allowNavigation, allowPermission, isKioskPage, windowOpenDecision } from "./permissions.js";

const appliance = "https://innbox.local:8443";

describe("permission policy", () => {
  it("grants camera and microphone to the kiosk page", () => {
    expect(allowPermission({ permission: "media", requestingUrl: `${appliance}/kiosk`, mediaTypes: ["audio", "video"] }, appliance)).toBe(true);
    expect(allowPermission({ permission: "media", requestingUrl: `${appliance}/kiosk?lang=de#call`, mediaTypes: ["video"] }, appliance)).toBe(true);
    expect(allowPermission({ permission: "media", requestingUrl: `${appliance}/kiosk`, mediaTypes: [] }, appliance)).toBe(true);
  });

  it("refuses media to other pages of the appliance, other origins and schemes, and look-alike paths", () => {
    for (const url of [`${appliance}/admin`, `${appliance}/r/villa`, `${appliance}/kiosk-evil`, `${appliance}/kiosk/../admin`, "https://innbox.local/kiosk", "http://innbox.local:8443/kiosk", "https://evil.example/kiosk", "file:///kiosk", "not a url"]) {
      expect(allowPermission({ permission: "media", requestingUrl: url, mediaTypes: ["audio"] }, appliance), url).toBe(false);
    }
  });

  it("refuses screen capture and every other permission, even to the kiosk page", () => {
    expect(allowPermission({ permission: "media", requestingUrl: `${appliance}/kiosk`, mediaTypes: ["video", "screen"] }, appliance)).toBe(false);
    for (const permission of ["notifications", "geolocation", "display-capture", "midi", "midiSysex", "clipboard-read", "openExternal", "usb", "serial", "hid", "fullscreen", "pointerLock"]) {
      expect(allowPermission({ permission, requestingUrl: `${appliance}/kiosk` }, appliance), permission).toBe(false);
    }
  });

  it("recognises the kiosk page only", () => {
    expect(isKioskPage(`${appliance}/kiosk/`, appliance)).toBe(true);
    expect(isKioskPage(`${appliance}/kiosk/settings`, appliance)).toBe(false);
  });
});

describe("navigation policy", () => {
  it("stays on the appliance's origin and opens no windows", () => {
    expect(allowNavigation(`${appliance}/kiosk?code=123456`, appliance)).toBe(true);
    expect(allowNavigation(`${appliance}/r/villa`, appliance)).toBe(true);
    expect(allowNavigation("https://www.google.com/", appliance)).toBe(false);
    expect(allowNavigation("https://innbox.local:8444/kiosk", appliance)).toBe(false);
    expect(allowNavigation("javascript:alert(1)", appliance)).toBe(false);
    expect(allowNavigation("garbage", appliance)).toBe(false);
    expect(windowOpenDecision()).toEqual({ action: "deny" });
  });
});
