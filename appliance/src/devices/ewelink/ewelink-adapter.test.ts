// The eWeLink adapter against simulated Sonoffs speaking the real LAN protocols on
// loopback (DIY and encrypted), with their mDNS announcements heard by the real browser.
import mdns from "multicast-dns";
import { pino } from "pino";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { startEwelinkDevice, type EwelinkDevice, type EwelinkDeviceOptions } from "../../../../simulators/src/ewelink/index.js";
import { createTestClock, type TestClock } from "../../../../test/helpers/test-clock.js";
import type { DeviceAdapter, DeviceConnection, DeviceError, DeviceState } from "../adapter.js";
import { createEwelinkAdapter, createEwelinkBrowser, type EwelinkBrowser } from "./index.js";

const log = pino({ level: "silent" });
// A port of this file's own, so announcements from other test files running alongside stay theirs.
const mdnsPort = 20000 + Math.floor(Math.random() * 20000);
let browser: EwelinkBrowser;
let nextHost = 60;
const freshIp = () => `127.0.0.${nextHost++}`;

let devices: EwelinkDevice[] = [];
let adapters: DeviceAdapter[] = [];

beforeAll(async () => {
  browser = createEwelinkBrowser({ interface: "127.0.0.1", port: mdnsPort });
  await browser.start();
});
afterAll(() => browser.stop());
afterEach(async () => {
  await Promise.all(adapters.map((a) => a.close()));
  await Promise.all(devices.map((d) => d.stop()));
  adapters = [];
  devices = [];
});

async function device(options: EwelinkDeviceOptions = {}): Promise<EwelinkDevice> {
  const d = await startEwelinkDevice({ ip: freshIp(), port: 0, mdns: { port: mdnsPort }, ...options });
  devices.push(d);
  return d;
}

interface Watched {
  adapter: DeviceAdapter;
  states: DeviceState[];
  availability: Array<{ online: boolean; error?: DeviceError }>;
  addresses: string[];
}

function adapterFor(d: EwelinkDevice, clock: TestClock, extra: Partial<DeviceConnection> = {}, withBrowser = true): Watched {
  const connection: DeviceConnection = {
    id: `dev-${d.deviceId}`,
    protocol: "ewelink",
    kind: d.kind === "light" ? "light" : "switch",
    deviceId: d.deviceId,
    ip: d.ip,
    port: d.port,
    ...(d.deviceKey ? { deviceKey: d.deviceKey } : {}),
    ...(d.kind === "switches" ? { gangs: 4 } : {}),
    ...extra,
  };
  const adapter = createEwelinkAdapter(connection, { timers: clock, log, ...(withBrowser ? { announcements: browser } : {}) });
  adapters.push(adapter);
  const watched: Watched = { adapter, states: [], availability: [], addresses: [] };
  adapter.on("state", (s) => watched.states.push(s));
  adapter.on("availability", (online, error) => watched.availability.push({ online, ...(error ? { error } : {}) }));
  adapter.on("address", (ip) => watched.addresses.push(ip));
  return watched;
}

/** Waits (in real time, the clock running with it) until `check` holds. */
async function until(check: () => boolean): Promise<void> {
  while (!check()) await new Promise((resolve) => setTimeout(resolve, 10));
}
const lastAvailability = (w: Watched) => w.availability.at(-1)?.online;
const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

for (const mode of ["DIY", "encrypted"] as const) {
  const key = mode === "encrypted" ? { deviceKey: "0c7a1b2d-5e6f-4a8b-9c0d-e1f2a3b4c5d6" } : {};

  describe(`eWeLink adapter, ${mode} mode`, () => {
    it("switches a plug on and off, each state confirmed", async () => {
      const clock = createTestClock();
      const plug = await device(key);
      const w = adapterFor(plug, clock);
      w.adapter.connect();
      await until(() => lastAvailability(w) === true);
      expect(await w.adapter.set({ on: true })).toEqual({ on: true });
      expect(plug.params().switch).toBe("on");
      expect(await w.adapter.set({ on: false })).toEqual({ on: false });
      expect(plug.params().switch).toBe("off");
      expect(await w.adapter.read()).toEqual({ on: false });
      expect(w.states.at(-1)).toEqual({ on: false });
    });

    it("switches one gang of a four-gang strip and reports all four", async () => {
      const clock = createTestClock();
      const strip = await device({ ...key, kind: "switches", outlets: 4 });
      const w = adapterFor(strip, clock);
      w.adapter.connect();
      expect(await w.adapter.set({ on: true, gang: 2 })).toEqual({ gangs: [{ on: false }, { on: false }, { on: true }, { on: false }] });
      expect(strip.params().switches?.map((s) => s.switch)).toEqual(["off", "off", "on", "off"]);
      expect(await w.adapter.set({ on: true })).toEqual({ gangs: [{ on: true }, { on: true }, { on: true }, { on: true }] });
      expect(strip.params().switches?.map((s) => s.switch)).toEqual(["on", "on", "on", "on"]);
    });

    it("shows a button pressed by hand as a state event, from the device's announcement", async () => {
      const clock = createTestClock();
      const strip = await device({ ...key, kind: "switches", outlets: 4 });
      const w = adapterFor(strip, clock);
      w.adapter.connect();
      await until(() => w.states.length > 0);
      // Requests to a device go one at a time, in order: once this read is answered, whatever
      // the adapter asked on connecting has been answered too, and the device is quiet.
      await w.adapter.read();
      const requestsBefore = strip.served().length;
      strip.press({ on: true, outlet: 1 });
      await until(() => w.states.at(-1)?.gangs?.[1]?.on === true);
      expect(w.states.at(-1)).toEqual({ gangs: [{ on: false }, { on: true }, { on: false }, { on: false }] });
      // Heard, not polled.
      expect(strip.served().length).toBe(requestsBefore);
    });

    it("dims a light and reads its brightness back", async () => {
      const clock = createTestClock();
      const light = await device({ ...key, kind: "light" });
      const w = adapterFor(light, clock);
      w.adapter.connect();
      expect(await w.adapter.set({ on: true, brightness: 35 })).toEqual({ on: true, brightness: 35 });
      expect(await w.adapter.read()).toEqual({ on: true, brightness: 35 });
      await expect(w.adapter.set({ brightness: 140 })).rejects.toMatchObject({ failure: "rejected", message: expect.stringMatching(/0 to 100/) });
    });

    it("turns offline within 45 s of silence and online within 20 s of answering again (polling alone)", async () => {
      const clock = createTestClock();
      const plug = await device(key);
      const w = adapterFor(plug, clock, {}, false);
      w.adapter.connect();
      await until(() => lastAvailability(w) === true);
      await plug.goOffline();
      await clock.advanceUntil(() => lastAvailability(w) === false, { stepMs: 1000, maxMs: 45_000, what: "offline" });
      expect(w.availability.at(-1)?.error?.failure).toBe("unreachable");
      expect(w.availability.at(-1)?.error?.message).toMatch(/power/);
      await plug.comeBack();
      await clock.advanceUntil(() => lastAvailability(w) === true, { stepMs: 1000, maxMs: 20_000, what: "online again" });
      expect(await w.adapter.set({ on: true })).toEqual({ on: true });
    });

    it("is online again at once when the device comes back and announces itself", async () => {
      const clock = createTestClock();
      const plug = await device(key);
      const w = adapterFor(plug, clock);
      w.adapter.connect();
      await until(() => lastAvailability(w) === true);
      await plug.goOffline();
      await clock.advanceUntil(() => lastAvailability(w) === false, { stepMs: 1000, maxMs: 45_000, what: "offline" });
      await plug.comeBack();
      await until(() => lastAvailability(w) === true);
      expect(w.availability.map((a) => a.online)).toEqual([true, false, true]);
    });

    it("follows a device that reboots on a new address, from its announcement", async () => {
      const clock = createTestClock();
      const plug = await device(key);
      const w = adapterFor(plug, clock);
      w.adapter.connect();
      await w.adapter.set({ on: true });
      const newIp = freshIp();
      await plug.reboot({ ip: newIp });
      await until(() => w.addresses.includes(newIp));
      await pause(250);
      plug.press({ on: false });
      await until(() => w.states.at(-1)?.on === false);
      expect(await w.adapter.set({ on: true })).toEqual({ on: true });
      expect(plug.served().at(-1)?.outcome).toBe("answered");
      expect(plug.params().switch).toBe("on");
    });

    it("ends a burst of 20 commands in the last one's state, requests at least 200 ms apart", async () => {
      const clock = createTestClock();
      const plug = await device(key);
      const w = adapterFor(plug, clock);
      const commands = Array.from({ length: 20 }, (_, i) => ({ on: i % 3 === 0 }));
      const results = await Promise.all(commands.map((c) => w.adapter.set(c)));
      expect(results.map((r) => r.on)).toEqual(commands.map((c) => c.on));
      expect(plug.params().switch).toBe(commands.at(-1)!.on ? "on" : "off");
      const served = plug.served();
      expect(served.map((s) => s.outcome).every((o) => o === "answered")).toBe(true);
      expect(served).toHaveLength(20);
      for (let i = 1; i < served.length; i++) expect(served[i]!.at - served[i - 1]!.at).toBeGreaterThanOrEqual(200);
    });

    it("retries once when the device resets the connection, and reports a busy device after two", async () => {
      const clock = createTestClock();
      const plug = await device(key);
      const w = adapterFor(plug, clock);
      plug.faults.resetNext(1);
      expect(await w.adapter.set({ on: true })).toEqual({ on: true });
      expect(plug.served().map((s) => s.outcome)).toEqual(["reset", "answered"]);
      await pause(250);
      plug.faults.resetNext(2);
      await expect(w.adapter.set({ on: false })).rejects.toMatchObject({ failure: "timeout", message: expect.stringMatching(/one request at a time/) });
      expect(plug.params().switch).toBe("on");
    });

    it("times out on a device that takes the connection and never answers", async () => {
      const clock = createTestClock();
      const plug = await device(key);
      const w = adapterFor(plug, clock);
      plug.faults.silent(true);
      const pending = w.adapter.set({ on: true });
      pending.catch(() => undefined);
      await until(() => plug.served().length === 1);
      await clock.advance(5000);
      await expect(pending).rejects.toMatchObject({ failure: "timeout" });
    });
  });
}

describe("eWeLink adapter, keys and refusals", () => {
  it("names the device key when the key is wrong, and marks the device", async () => {
    const clock = createTestClock();
    const plug = await device({ deviceKey: "the-right-key" });
    const w = adapterFor(plug, clock, { deviceKey: "a-wrong-key" });
    await expect(w.adapter.set({ on: true })).rejects.toMatchObject({ failure: "bad-key", message: expect.stringMatching(/device key/) });
    expect(w.availability.at(-1)).toMatchObject({ online: false, error: { failure: "bad-key" } });
    expect(plug.params().switch).toBe("off");
  });

  it("says a device key is needed when a DIY request reaches an encrypted device", async () => {
    const clock = createTestClock();
    const plug = await device({ deviceKey: "k" });
    const w = adapterFor(plug, clock, { deviceKey: undefined });
    await expect(w.adapter.read()).rejects.toMatchObject({ failure: "bad-key", message: expect.stringMatching(/needs its device key/) });
  });

  it("notices from its next announcement that a device was paired again with a new key", async () => {
    const clock = createTestClock();
    const plug = await device({ deviceKey: "the-first-key" });
    const w = adapterFor(plug, clock);
    w.adapter.connect();
    await until(() => lastAvailability(w) === true && w.states.length > 0);
    plug.faults.changeKey("the-new-key");
    plug.press({ on: true });
    await until(() => lastAvailability(w) === false);
    expect(w.availability.at(-1)).toMatchObject({ online: false, error: { failure: "bad-key", message: expect.stringMatching(/device key/) } });
    expect(w.states).toEqual([{ on: false }]);
  });

  it("reports a refused value as rejected, and a stranger at the address as rejected", async () => {
    const clock = createTestClock();
    const plug = await device();
    const asStrip = adapterFor(plug, clock, { gangs: 2 });
    await expect(asStrip.adapter.set({ on: true })).rejects.toMatchObject({ failure: "rejected", message: expect.stringMatching(/422/) });
    await pause(250);
    const other = adapterFor(plug, clock, { deviceId: "10000fffff" });
    await expect(other.adapter.set({ on: true })).rejects.toMatchObject({ failure: "rejected", message: expect.stringMatching(/10000fffff/) });
    // Another device at the address is not ours answering.
    expect(other.availability).toEqual([{ online: false, error: expect.objectContaining({ failure: "rejected" }) }]);
  });

  it("reports nothing at the address as unreachable", async () => {
    const clock = createTestClock();
    const plug = await device();
    await plug.goOffline();
    const w = adapterFor(plug, clock);
    await expect(w.adapter.set({ on: true })).rejects.toMatchObject({ failure: "unreachable" });
    expect(w.availability.at(-1)).toMatchObject({ online: false, error: { failure: "unreachable" } });
  });

  it("keeps a device whose firmware does not answer info online, its state from announcements", async () => {
    const clock = createTestClock();
    const plug = await device({ deviceKey: "k", answersInfo: false });
    const w = adapterFor(plug, clock);
    w.adapter.connect();
    await until(() => lastAvailability(w) === true);
    await clock.advanceUntil(() => plug.served().length >= 4, { stepMs: 1000, maxMs: 60_000, what: "four polls" });
    expect(w.availability).toEqual([{ online: true }]);
    plug.press({ on: true });
    await until(() => w.states.at(-1)?.on === true);
    expect(await w.adapter.read()).toEqual({ on: true });
  });

  it("starts from what the device last announced before the adapter was made", async () => {
    const clock = createTestClock();
    const plug = await device({ kind: "switches", deviceKey: "k", answersInfo: false });
    plug.press({ on: true, outlet: 0 });
    await until(() => browser.latest(plug.deviceId)?.seq === 2);
    const w = adapterFor(plug, clock);
    w.adapter.connect();
    expect(w.states).toEqual([{ gangs: [{ on: true }, { on: false }, { on: false }, { on: false }] }]);
    expect(w.availability).toEqual([{ online: true }]);
  });

  it("drops an old announcement and asks the device, and still hears changes after a restart counts seq from 1", async () => {
    const clock = createTestClock();
    const plug = await device();
    const w = adapterFor(plug, clock);
    w.adapter.connect();
    await until(() => w.states.length > 0);
    plug.press({ on: true });
    await until(() => w.states.at(-1)?.on === true);
    plug.press({ on: false });
    await until(() => w.states.at(-1)?.on === false);
    const statesBefore = w.states.length;
    const infoBefore = plug.served().length;
    // A late copy of the seq 2 announcement ("on").
    const sender = mdns({ interface: "127.0.0.1", bind: "0.0.0.0", port: mdnsPort, loopback: true, reuseAddr: true });
    await new Promise((resolve) => sender.once("ready", resolve));
    const instance = `eWeLink_${plug.deviceId}._ewelink._tcp.local`;
    sender.respond({
      answers: [
        { name: instance, type: "SRV", data: { port: plug.port, target: `eWeLink_${plug.deviceId}.local` } },
        { name: instance, type: "TXT", data: [`id=${plug.deviceId}`, "type=diy_plug", "seq=2", `data1=${JSON.stringify({ switch: "on" })}`] },
        { name: `eWeLink_${plug.deviceId}.local`, type: "A", data: plug.ip },
      ],
    });
    await until(() => plug.served().length > infoBefore);
    await until(() => plug.served().at(-1)?.outcome === "answered");
    sender.destroy();
    expect(w.states.slice(statesBefore).some((s) => s.on === true)).toBe(false);
    await plug.reboot();
    await pause(250);
    plug.press({ on: true });
    await until(() => w.states.at(-1)?.on === true);
    expect(plug.seq).toBe(2);
  });

  it("refuses a gang the switch does not have before sending anything", async () => {
    const clock = createTestClock();
    const strip = await device({ kind: "switches" });
    const w = adapterFor(strip, clock);
    await expect(w.adapter.set({ on: true, gang: 4 })).rejects.toMatchObject({ failure: "rejected", message: expect.stringMatching(/no gang 4/) });
    expect(strip.served()).toEqual([]);
  });
});
