// The Tuya adapter against simulated devices speaking the real protocol on loopback, for
// every protocol version; long waits run on the injected clock.
import pino from "pino";
import TuyAPI from "tuyapi";
import { afterEach, describe, expect, it } from "vitest";
import { startTuyaDevice, type TuyaDevice, type TuyaDeviceOptions } from "../../../../simulators/src/tuya/index.js";
import { createTestClock, type TestClock } from "../../../../test/helpers/test-clock.js";
import { DeviceError, type DeviceKind, type DeviceState, type TuyaVersion } from "../adapter.js";
import { createTuyaDeviceAdapter, startTuyaDiscovery, type FoundTuyaDevice, type TuyaAdapter, type TuyaDiscovery } from "./index.js";

const KEY = "0123456789abcdef";
const log = pino({ level: process.env.TUYA_TEST_LOG ?? "silent" });
const VERSIONS = ["3.1", "3.3", "3.4", "3.5"] as const;

const cleanups: Array<() => Promise<void> | void> = [];
// Each simulated device has its own loopback address; this file keeps to 127.0.1.x (the
// simulator's own tests use 127.0.2.x), so the two can run side by side.
let nextHost = 10;
const newHost = () => `127.0.1.${nextHost++}`;

afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function simulator(options: Partial<TuyaDeviceOptions> & { version: TuyaVersion }): Promise<TuyaDevice> {
  const host = newHost();
  const sim = await startTuyaDevice({ host, devId: `bfadapter${host.replaceAll(".", "")}`, localKey: KEY, broadcastIntervalMs: 0, ...options });
  cleanups.push(() => sim.stop());
  return sim;
}

interface Watched {
  adapter: TuyaAdapter;
  clock: TestClock;
  states: DeviceState[];
  availability: Array<{ online: boolean; error?: DeviceError }>;
  addresses: string[];
  online(): boolean | undefined;
}

function adapterFor(sim: TuyaDevice, options: { kind?: DeviceKind; gangs?: number; localKey?: string; version?: TuyaVersion; clock?: TestClock } = {}): Watched {
  const clock = options.clock ?? createTestClock();
  const adapter = createTuyaDeviceAdapter(
    {
      id: `dev-${sim.devId}`,
      protocol: "tuya",
      kind: options.kind ?? "switch",
      deviceId: sim.devId,
      ip: sim.host,
      version: options.version ?? sim.version,
      localKey: options.localKey ?? KEY,
      ...(options.gangs ? { gangs: options.gangs } : {}),
    },
    { timers: clock, log },
  );
  const watched: Watched = {
    adapter,
    clock,
    states: [],
    availability: [],
    addresses: [],
    online: () => watched.availability.at(-1)?.online,
  };
  adapter.on("state", (state) => watched.states.push(state));
  adapter.on("availability", (online, error) => watched.availability.push({ online, ...(error ? { error } : {}) }));
  adapter.on("address", (ip) => watched.addresses.push(ip));
  cleanups.push(() => adapter.close());
  return watched;
}

/** Resolves when `check` holds, looking again at every event loop turn (no clock involved). */
async function until(check: () => boolean, what: string): Promise<void> {
  for (let turns = 0; !check(); turns++) {
    if (turns > 2000) throw new Error(`${what} never happened`);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

/** Settles `promise` while moving the injected clock on, for waits that are long on purpose. */
async function settle<T>(clock: TestClock, promise: Promise<T>): Promise<{ value?: T; error?: unknown }> {
  let outcome: { value?: T; error?: unknown } | undefined;
  promise.then(
    (value) => (outcome = { value }),
    (error: unknown) => (outcome = { error }),
  );
  await clock.advanceUntil(() => outcome !== undefined, { stepMs: 500, maxMs: 60_000, what: "the command to settle" });
  return outcome!;
}

describe.each(VERSIONS)("the Tuya adapter with a %s device", (version) => {
  it("switches a plug on and off, with the state the device confirmed", async () => {
    const sim = await simulator({ version });
    const { adapter, online } = adapterFor(sim);
    adapter.connect();
    await until(() => online() === true, "online");
    expect(await adapter.set({ on: true })).toEqual({ on: true });
    expect(sim.dps["1"]).toBe(true);
    expect(await adapter.set({ on: false })).toEqual({ on: false });
    expect(sim.dps["1"]).toBe(false);
    expect(await adapter.read()).toEqual({ on: false });
  });

  it("switches one gang of a three-gang switch, then all of them", async () => {
    const sim = await simulator({ version, kind: "switch", gangs: 3 });
    const { adapter } = adapterFor(sim, { gangs: 3 });
    adapter.connect();
    expect(await adapter.set({ on: true, gang: 1 })).toEqual({ gangs: [{ on: false }, { on: true }, { on: false }] });
    expect(sim.dps).toEqual({ "1": false, "2": true, "3": false });
    expect(await adapter.set({ on: true })).toEqual({ gangs: [{ on: true }, { on: true }, { on: true }] });
    await expect(adapter.set({ on: true, gang: 3 })).rejects.toMatchObject({ failure: "rejected" });
  });

  it("dims a light: 0–100 % on the device's 10–1000 scale", async () => {
    const sim = await simulator({ version, kind: "light" });
    const { adapter } = adapterFor(sim, { kind: "light" });
    adapter.connect();
    expect(await adapter.set({ on: true, brightness: 50 })).toEqual({ on: true, brightness: 50 });
    expect(sim.dps).toMatchObject({ "20": true, "22": 505 });
    expect(await adapter.set({ brightness: 0 })).toEqual({ on: true, brightness: 0 });
    expect(sim.dps["22"]).toBe(10);
    await expect(adapter.set({ brightness: 140 })).rejects.toMatchObject({ failure: "rejected" });
  });

  it("turns a heater on (DP 1) and leaves its target temperature alone", async () => {
    const sim = await simulator({ version, kind: "heater" });
    const { adapter } = adapterFor(sim, { kind: "heater" });
    adapter.connect();
    expect(await adapter.set({ on: true })).toEqual({ on: true });
    expect(sim.dps).toMatchObject({ "1": true, "2": 21 });
  });

  it("reports a button pressed by hand as a state event", async () => {
    const sim = await simulator({ version, kind: "light" });
    const { adapter, states, online } = adapterFor(sim, { kind: "light" });
    adapter.connect();
    await until(() => online() === true, "online");
    sim.press({ "20": true, "22": 1000 });
    await until(() => states.at(-1)?.on === true, "the pushed state");
    expect(states.at(-1)).toEqual({ on: true, brightness: 100 });
  });

  it("goes offline when heartbeats stop, and back online with the state read again", async () => {
    const sim = await simulator({ version });
    const { adapter, clock, states, online, availability } = adapterFor(sim);
    adapter.connect();
    await until(() => online() === true, "online");
    sim.dropHeartbeats();
    // maxMs holds the adapter to the contract's limits, on the app's clock.
    await clock.advanceUntil(() => online() === false, { stepMs: 1000, maxMs: 45_000, what: "offline" });
    expect(availability.at(-1)?.error).toBeInstanceOf(DeviceError);

    sim.press({ "1": true }); // changed while the adapter could not listen
    sim.dropHeartbeats(false);
    await clock.advanceUntil(() => online() === true, { stepMs: 1000, maxMs: 20_000, what: "online again" });
    expect(states.at(-1)).toEqual({ on: true });
    expect(await adapter.set({ on: false })).toEqual({ on: false });
  });

  it("is offline while the device is powered off and back when it is on again", async () => {
    const sim = await simulator({ version });
    const { adapter, clock, online, availability } = adapterFor(sim);
    adapter.connect();
    await until(() => online() === true, "online");
    await sim.stop();
    await clock.advanceUntil(() => online() === false, { stepMs: 1000, maxMs: 45_000, what: "offline" });
    expect(availability.at(-1)?.error).toMatchObject({ failure: "unreachable" });
    await expect(adapter.set({ on: true })).rejects.toMatchObject({ failure: "unreachable" });
    await sim.start();
    await clock.advanceUntil(() => online() === true, { stepMs: 1000, maxMs: 20_000, what: "online again" });
    expect(await adapter.set({ on: true })).toEqual({ on: true });
  });

  it("reconnects by itself after the device drops every connection", async () => {
    const sim = await simulator({ version });
    const { adapter, clock, online, states } = adapterFor(sim);
    adapter.connect();
    await until(() => online() === true, "online");
    sim.resetConnections();
    sim.press({ "1": true }); // nobody is listening right now
    await clock.advanceUntil(() => states.at(-1)?.on === true, { stepMs: 500, maxMs: 20_000, what: "the state resynced" });
    expect(online()).toBe(true);
    expect(await adapter.set({ on: false })).toEqual({ on: false });
  });

  it("says a command was not confirmed in time when the device answers too slowly", async () => {
    const sim = await simulator({ version });
    const { adapter, clock, online } = adapterFor(sim);
    adapter.connect();
    await until(() => online() === true, "online");
    sim.slow(60_000);
    const { error } = await settle(clock, adapter.set({ on: true }));
    expect(error).toMatchObject({ failure: "timeout", message: expect.stringMatching(/did not confirm/) });
  });

  it("ends a burst of 20 commands in the last command's state", async () => {
    const sim = await simulator({ version, gangs: 2 });
    const { adapter } = adapterFor(sim, { gangs: 2 });
    adapter.connect();
    const commands = Array.from({ length: 20 }, (_, i) => ({ on: i % 3 !== 0, gang: i % 2 }));
    const results = await Promise.all(commands.map((command) => adapter.set(command)));
    expect(results).toHaveLength(20);
    expect(sim.dps).toEqual({ "1": commands[18]!.on, "2": commands[19]!.on });
    expect(results.at(-1)).toEqual({ gangs: [{ on: commands[18]!.on }, { on: commands[19]!.on }] });
  });

  it("says the device is busy when it already serves as many apps as it can", async () => {
    const sim = await simulator({ version, maxClients: 1 });
    const other = new TuyAPI({ id: sim.devId, key: KEY, ip: sim.host, version, issueGetOnConnect: false });
    other.on("error", () => undefined);
    await other.connect();
    cleanups.push(() => other.disconnect());
    const { adapter } = adapterFor(sim);
    const error = await adapter.set({ on: true }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DeviceError);
    expect(error).toMatchObject({ failure: "rejected", message: expect.stringMatching(/Smart Life app or any other hub/) });
    expect(sim.dps["1"]).toBe(false);
  });

  it("follows the device to its new address after a reboot", async () => {
    const sim = await simulator({ version });
    const { adapter, online, addresses } = adapterFor(sim);
    const moves: FoundTuyaDevice[] = [];
    const discovery: TuyaDiscovery = await startTuyaDiscovery({
      timers: createTestClock(),
      log,
      bindAddress: "127.255.255.255",
      onDevice: (found) => {
        if (found.deviceId !== sim.devId) return;
        moves.push(found);
        // What the devices registry does with a discovered move.
        adapter.setAddress(found.ip, found.version);
      },
    });
    cleanups.push(() => discovery.stop());
    adapter.connect();
    await until(() => online() === true, "online");
    const moved = newHost();
    await sim.reboot({ host: moved });
    await until(() => addresses.includes(moved), "the new address");
    expect(moves.at(-1)).toMatchObject({ ip: moved, version });
    expect(await adapter.set({ on: true })).toEqual({ on: true });
    expect(sim.dps["1"]).toBe(true);
  });
});

describe("a wrong local key", () => {
  it("3.1: reads work (they are in clear), a command is ignored and named as a key problem", async () => {
    const sim = await simulator({ version: "3.1" });
    const { adapter, clock, online } = adapterFor(sim, { localKey: "fedcba9876543210" });
    adapter.connect();
    await until(() => online() === true, "online");
    expect(await adapter.read()).toEqual({ on: false });
    const { error } = await settle(clock, adapter.set({ on: true }));
    expect(error).toMatchObject({ failure: "bad-key", message: expect.stringMatching(/local key/) });
    expect(sim.dps["1"]).toBe(false);
  });

  it.each(["3.3", "3.4", "3.5"] as const)("%s: bad-key, with a sentence naming the local key and the version", async (version) => {
    const sim = await simulator({ version });
    const { adapter, clock, availability } = adapterFor(sim, { localKey: "fedcba9876543210" });
    adapter.connect();
    const { error } = await settle(clock, adapter.set({ on: true }));
    expect(error).toBeInstanceOf(DeviceError);
    expect(error).toMatchObject({ failure: "bad-key", message: expect.stringMatching(new RegExp(`local key.*version ${version.replace(".", "\\.")}`)) });
    expect(availability[0]).toMatchObject({ online: false, error: { failure: "bad-key" } });
    expect(sim.dps["1"]).toBe(false);
  });

  it("a key that is not 16 characters is named before anything is sent", async () => {
    const sim = await simulator({ version: "3.3" });
    const { adapter } = adapterFor(sim, { localKey: "short" });
    await expect(adapter.set({ on: true })).rejects.toMatchObject({ failure: "bad-key", message: expect.stringMatching(/5 characters/) });
  });
});

describe("3.5 reads that tuyapi never resolves (its issue #634)", () => {
  it("answer from the state the device pushed and confirmed", async () => {
    const sim = await simulator({ version: "3.5" });
    const { adapter, clock, online, states } = adapterFor(sim);
    adapter.connect();
    await until(() => online() === true, "online");
    sim.press({ "1": true });
    await until(() => states.at(-1)?.on === true, "the pushed state");
    sim.misnumberAnswers();
    expect(await settle(clock, adapter.read())).toEqual({ value: { on: true } });
    expect(await adapter.set({ on: false })).toEqual({ on: false });
  });

  it("on 3.3 the same silence is a timeout", async () => {
    const sim = await simulator({ version: "3.3" });
    const { adapter, clock, online } = adapterFor(sim);
    adapter.connect();
    await until(() => online() === true, "online");
    sim.misnumberAnswers();
    const { error } = await settle(clock, adapter.read());
    expect(error).toMatchObject({ failure: "timeout" });
  });
});

describe("a wrong version", () => {
  it.each([
    ["3.4", "3.3"],
    ["3.3", "3.5"],
  ] as const)("a %s device entered as %s is offline with a sentence naming the version", async (actual, entered) => {
    const sim = await simulator({ version: actual });
    const { adapter, clock } = adapterFor(sim, { version: entered });
    const { error } = await settle(clock, adapter.set({ on: true }));
    expect(error).toBeInstanceOf(DeviceError);
    expect((error as DeviceError).message).toMatch(new RegExp(`version.*${entered.replace(".", "\\.")}`));
    expect(sim.dps["1"]).toBe(false);
  });
});

describe("an address where nothing answers", () => {
  it("is unreachable, and commands say so", async () => {
    const sim = await simulator({ version: "3.3" });
    await sim.stop();
    const { adapter, clock } = adapterFor(sim);
    const { error } = await settle(clock, adapter.set({ on: true }));
    expect(error).toMatchObject({ failure: "unreachable", message: expect.stringMatching(/Nothing answers at/) });
  });
});

describe("Tuya discovery", () => {
  it("hears devices of every version on UDP 6666, 6667 and 7000", async () => {
    const found = new Map<string, FoundTuyaDevice>();
    const discovery = await startTuyaDiscovery({ timers: createTestClock(), log, bindAddress: "127.255.255.255", onDevice: (d) => found.set(d.deviceId, d) });
    cleanups.push(() => discovery.stop());
    const sims = await Promise.all(VERSIONS.map((version) => simulator({ version })));
    await until(() => sims.every((sim) => found.has(sim.devId)), "every device heard");
    for (const sim of sims) expect(found.get(sim.devId)).toMatchObject({ ip: sim.host, version: sim.version });
  });
});
