import { describe, expect, it } from "vitest";
import { DeviceError } from "../adapter.js";
import { dpsForCommand, levelToPercent, percentToLevel, stateFromDps } from "./data-points.js";
import { decodeAnnouncement } from "./discovery.js";

describe("Tuya data points", () => {
  it("maps 0–100 % onto a light's 10–1000 and back without drift", () => {
    expect(percentToLevel(0)).toBe(10);
    expect(percentToLevel(100)).toBe(1000);
    for (let percent = 0; percent <= 100; percent++) expect(levelToPercent(percentToLevel(percent))).toBe(percent);
  });

  it("reads a multi-gang switch as gangs and a single one as on", () => {
    expect(stateFromDps("switch", 3, { "1": true, "2": false, "3": true })).toEqual({ gangs: [{ on: true }, { on: false }, { on: true }] });
    expect(stateFromDps("switch", 1, { "1": true, "9": 0 })).toEqual({ on: true });
    expect(stateFromDps("heater", 1, { "1": false, "2": 21 })).toEqual({ on: false });
    expect(stateFromDps("light", 1, { "20": true, "22": 505 })).toEqual({ on: true, brightness: 50 });
  });

  it("turns commands into DPs, and refuses what the kind cannot do", () => {
    expect(dpsForCommand("switch", 3, { on: true })).toEqual({ "1": true, "2": true, "3": true });
    expect(dpsForCommand("switch", 3, { on: false, gang: 2 })).toEqual({ "3": false });
    expect(dpsForCommand("light", 1, { brightness: 100 })).toEqual({ "22": 1000 });
    const refused = [
      () => dpsForCommand("switch", 2, { on: true, gang: 2 }),
      () => dpsForCommand("light", 1, { brightness: 140 }),
      () => dpsForCommand("switch", 1, { brightness: 40 }),
      () => dpsForCommand("sensor", 1, { on: true }),
      () => dpsForCommand("heater", 1, {}),
    ];
    for (const command of refused) expect(command).toThrow(DeviceError);
  });
});

describe("Tuya announcements", () => {
  it("ignores packets that are not a device's announcement", () => {
    expect(decodeAnnouncement(Buffer.from("hello world, not tuya"))).toBeUndefined();
    expect(decodeAnnouncement(Buffer.alloc(40))).toBeUndefined();
  });
});
