import { describe, expect, it } from "vitest";
import type { Weather } from "@innbox/protocol";
import { roomStay } from "../bookings/index.js";
import { evaluate, weatherValue, type ConditionWorld } from "./conditions.js";

const at = (iso: string) => Date.parse(iso);
const world = (overrides: Partial<ConditionWorld> = {}): ConditionWorld => ({
  at: at("2026-07-10T21:30:00Z"), // 23:30 in Rome
  now: at("2026-07-10T21:30:00Z"),
  timeZone: "Europe/Rome",
  latitude: 41.9,
  longitude: 12.5,
  checkInTime: "15:00",
  checkOutTime: "11:00",
  rooms: [{ id: "r1" }, { id: "r2" }],
  stays: [{ id: "b1", roomId: "r1", checkIn: "2026-07-10", checkOut: "2026-07-12" }],
  stayState: (stays, t, times) => roomStay(stays, t, times).stay,
  weather: undefined,
  devices: [],
  triggerRoom: undefined,
  ...overrides,
});

const weather: Weather = {
  current: { time: "2026-07-10T21:15:00Z", temperature: 24, weatherCode: 0, cloudCover: 10, precipitation: 0, windSpeed: 5, isDay: false },
  hourly: [
    { time: "2026-07-10T21:00:00Z", temperature: 24, weatherCode: 0, precipitationProbability: 0, cloudCover: 10 },
    { time: "2026-07-10T22:00:00Z", temperature: 23, weatherCode: 3, precipitationProbability: 40, cloudCover: 90 },
    { time: "2026-07-10T23:00:00Z", temperature: 22, weatherCode: 61, precipitationProbability: 80, cloudCover: null },
  ],
  daily: [],
  fetchedAt: "2026-07-10T21:00:00Z",
  stale: false,
};

describe("scenario conditions", () => {
  it("read a time window on the property's wall clock, across midnight", () => {
    expect(evaluate({ type: "time", after: "22:00", before: "06:00" }, world())).toBe(true);
    expect(evaluate({ type: "time", after: "22:00", before: "06:00" }, world({ at: at("2026-07-10T10:00:00Z") }))).toBe(false);
    expect(evaluate({ type: "time", after: "08:00", before: "12:00" }, world())).toBe(false);
    expect(evaluate({ type: "time", before: "23:31" }, world())).toBe(true);
  });

  it("read the sun with an offset, and say null without the property's position", () => {
    expect(evaluate({ type: "sun", after: "sunset" }, world())).toBe(true);
    expect(evaluate({ type: "sun", before: "sunrise", offsetMinutes: 60 }, world())).toBe(false);
    expect(evaluate({ type: "sun", after: "sunset", offsetMinutes: 240 }, world())).toBe(false);
    expect(evaluate({ type: "sun", after: "sunset" }, world({ latitude: null, longitude: null }))).toBeNull();
  });

  it("read stay states of a room, any or all rooms, and the triggering room", () => {
    expect(evaluate({ type: "stay", roomId: "r1", state: "occupied" }, world())).toBe(true);
    expect(evaluate({ type: "stay", state: "occupied" }, world())).toBe(true);
    expect(evaluate({ type: "stay", scope: "all", state: "occupied" }, world())).toBe(false);
    expect(evaluate({ type: "stay", scope: "all", state: "vacant" }, world({ stays: [] }))).toBe(true);
    expect(evaluate({ type: "stay", roomId: "trigger", state: "vacant" }, world({ triggerRoom: "r2" }))).toBe(true);
    expect(evaluate({ type: "stay", roomId: "trigger", state: "vacant" }, world())).toBeNull();
    // Before the check-in time the guest is awaited.
    expect(evaluate({ type: "stay", roomId: "r1", state: "awaiting-checkin" }, world({ at: at("2026-07-10T10:00:00Z") }))).toBe(true);
  });

  it("read the weather now and hours ahead from the forecast; unknown is null, and null is not met", () => {
    expect(evaluate({ type: "weather", field: "temperature", above: 20 }, world({ weather }))).toBe(true);
    expect(evaluate({ type: "weather", field: "cloudCover", above: 50, forecastHours: 1 }, world({ weather }))).toBe(true);
    expect(evaluate({ type: "weather", field: "cloudCover", above: 50, forecastHours: 2 }, world({ weather }))).toBeNull();
    expect(evaluate({ type: "weather", field: "temperature", below: 30, forecastHours: 6 }, world({ weather }))).toBeNull();
    expect(evaluate({ type: "weather", field: "temperature", above: 20 }, world())).toBeNull();
    expect(weatherValue(weather, "condition", at("2026-07-10T23:30:00Z"), at("2026-07-10T21:30:00Z"))).toBe(61);
  });

  it("combine with and, or and not, keeping what cannot be known", () => {
    const unknown = { type: "weather" as const, field: "temperature" as const, above: 20 };
    const yes = { type: "time" as const, after: "22:00" };
    const no = { type: "time" as const, before: "06:00" };
    expect(evaluate({ and: [yes, unknown] }, world())).toBeNull();
    expect(evaluate({ and: [no, unknown] }, world())).toBe(false);
    expect(evaluate({ or: [yes, unknown] }, world())).toBe(true);
    expect(evaluate({ or: [no, unknown] }, world())).toBeNull();
    expect(evaluate({ not: unknown }, world())).toBeNull();
    expect(evaluate({ not: no }, world())).toBe(true);
  });

  it("read a device's state, null when it is offline or cannot be known", () => {
    const device = { id: "d1", name: "Lamp", protocol: "tuya", kind: "light", online: true, state: { on: true } } as const;
    expect(evaluate({ type: "device", deviceId: "d1", state: { on: true } }, world({ devices: [device] }))).toBe(true);
    expect(evaluate({ type: "device", deviceId: "d1", state: { on: false } }, world({ devices: [device] }))).toBe(false);
    expect(evaluate({ type: "device", deviceId: "d1", state: { on: true } }, world({ devices: [{ ...device, online: false }] }))).toBeNull();
    expect(evaluate({ type: "device", deviceId: "d1", state: { on: true } }, world({ devices: undefined }))).toBeNull();
  });
});
