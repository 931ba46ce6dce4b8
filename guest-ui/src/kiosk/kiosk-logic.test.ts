import { afterEach, describe, expect, it, vi } from "vitest";
import { createIdleTimer } from "./idle-timer";
import { propertyTime } from "./kiosk-time";
import { KioskApiError } from "./kiosk-api";
import { PAIRING_WORDS } from "./kiosk-words";
import { codeInAddress, normalizeCode } from "./pairing-code";
import { pairingError } from "./pairing-error";

describe("the pairing code", () => {
  it("ignores spaces, dashes and case", () => {
    expect(normalizeCode(" ab12-cd 34 ")).toBe("AB12CD34");
    expect(normalizeCode("AB12–CD34")).toBe("AB12CD34");
    expect(normalizeCode("")).toBe("");
  });

  it("is taken out of the address, the rest kept", () => {
    expect(codeInAddress("http://box.local/kiosk?code=ab-12")).toEqual({ code: "AB12", cleaned: "/kiosk" });
    expect(codeInAddress("http://box.local/kiosk?lang=de&code=x1#top")).toEqual({ code: "X1", cleaned: "/kiosk?lang=de#top" });
    expect(codeInAddress("http://box.local/kiosk")).toEqual({ code: null, cleaned: "/kiosk" });
  });
});

describe("the idle timer", () => {
  afterEach(() => vi.useRealTimers());

  it("goes idle after a quiet minute, each touch starting the minute again", () => {
    vi.useFakeTimers();
    const onIdle = vi.fn();
    const timer = createIdleTimer(onIdle, 60_000);
    vi.advanceTimersByTime(59_000);
    timer.touched();
    vi.advanceTimersByTime(59_000);
    expect(onIdle).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1_000);
    expect(onIdle).toHaveBeenCalledTimes(1);
    vi.advanceTimersByTime(120_000);
    expect(onIdle).toHaveBeenCalledTimes(1);
  });

  it("does nothing once stopped", () => {
    vi.useFakeTimers();
    const onIdle = vi.fn();
    createIdleTimer(onIdle, 1_000).stop();
    vi.advanceTimersByTime(5_000);
    expect(onIdle).not.toHaveBeenCalled();
  });
});

describe("the property's time", () => {
  const at = Date.parse("2026-11-30T23:40:00Z");

  it("is the property's wall clock, not the tablet's", () => {
    expect(propertyTime(at, "Europe/Lisbon", "en-GB")).toMatchObject({ time: "23:40", day: "2026-11-30" });
    expect(propertyTime(at, "Asia/Tokyo", "en-GB")).toMatchObject({ time: "08:40", day: "2026-12-01" });
    expect(propertyTime(at, "America/New_York", "en-US")).toMatchObject({ time: "6:40 PM", day: "2026-11-30" });
  });

  it("writes the date in the guest's language", () => {
    expect(propertyTime(at, "Asia/Tokyo", "de").date).toBe("Dienstag, 1. Dezember");
  });
});

describe("what a refused pairing says", () => {
  it("gives one sentence for a wrong, used or expired code", () => {
    expect(pairingError(new KioskApiError(404, "This pairing code is unknown, used or expired."))).toBe(PAIRING_WORDS.wrongCode);
  });

  it("says how long to wait after too many tries", () => {
    expect(pairingError(new KioskApiError(429, "Too many", 42))).toBe("Too many wrong codes. Wait 42 seconds and try again.");
    expect(pairingError(new KioskApiError(429, "Too many", 300))).toBe("Too many wrong codes. Wait 5 minutes and try again.");
    expect(pairingError(new KioskApiError(429, "Too many"))).toBe(PAIRING_WORDS.tooManyTriesNoWait);
  });

  it("says the appliance cannot be reached when nothing answers", () => {
    expect(pairingError(new KioskApiError(0, "Failed to fetch"))).toBe(PAIRING_WORDS.unreachable);
    expect(pairingError(new KioskApiError(502, "HTTP 502"))).toBe(PAIRING_WORDS.unreachable);
    expect(pairingError(new TypeError("x"))).toBe(PAIRING_WORDS.unreachable);
  });

  it("passes on the appliance's own sentence for anything else", () => {
    expect(pairingError(new KioskApiError(400, "code must be the pairing code."))).toBe("code must be the pairing code.");
  });
});
