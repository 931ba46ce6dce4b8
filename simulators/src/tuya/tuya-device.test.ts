// The simulator checked against the unmodified tuyapi client, for every protocol version.
import { once } from "node:events";
import { createSocket } from "node:dgram";
import { createDecipheriv } from "node:crypto";
import TuyAPI from "tuyapi";
import { afterEach, describe, expect, it } from "vitest";
import { startTuyaDevice, type TuyaDevice, type TuyaDeviceOptions } from "./index.js";
import { UDP_KEY, type TuyaProtocolVersion } from "./frames.js";

const KEY = "0123456789abcdef";
const WRONG_KEY = "fedcba9876543210";
const started: TuyaDevice[] = [];
const clients: TuyAPI[] = [];
// This file keeps to 127.0.2.x (the adapter's tests use 127.0.1.x), so both can run at once.
let nextHost = 10;

async function device(options: Partial<TuyaDeviceOptions> & { version: TuyaProtocolVersion }): Promise<TuyaDevice> {
  const host = `127.0.2.${nextHost++}`;
  const sim = await startTuyaDevice({ host, devId: `bfsim${host.replaceAll(".", "")}`, localKey: KEY, broadcastIntervalMs: 0, ...options });
  started.push(sim);
  return sim;
}

function client(sim: TuyaDevice, key = KEY): TuyAPI {
  const api = new TuyAPI({ id: sim.devId, key, ip: sim.host, version: sim.version, issueGetOnConnect: false });
  api.on("error", () => undefined); // tuyapi emits its failures; the test looks at results
  clients.push(api);
  return api;
}

/** tuyapi's own heartbeat (it sends one every 10 s; the test does not wait for the period). */
function ping(api: TuyAPI): void {
  (api as unknown as { _sendPing(): Promise<void> })._sendPing();
}

/** events.once would reject on tuyapi's `error` event, which comes with every dropped link. */
function disconnected(api: TuyAPI): Promise<void> {
  return new Promise((resolve) => api.once("disconnected", () => resolve()));
}

afterEach(async () => {
  for (const api of clients.splice(0)) api.disconnect();
  await Promise.all(started.splice(0).map((sim) => sim.stop()));
});

describe.each(["3.1", "3.3", "3.4", "3.5"] as const)("a simulated Tuya %s device with tuyapi", (version) => {
  it("answers get and set, and pushes a change pressed by hand as a data event", async () => {
    const sim = await device({ version, kind: "switch", gangs: 2 });
    const api = client(sim);
    await api.connect();
    expect(await api.get({ schema: true })).toMatchObject({ dps: { "1": false, "2": false } });
    expect(await api.set({ dps: 2, set: true })).toMatchObject({ dps: { "2": true } });
    expect(sim.dps).toEqual({ "1": false, "2": true });

    const pushed = once(api, "data");
    sim.press({ "1": true });
    const [data] = (await pushed) as [{ dps: Record<string, unknown> }];
    expect(data.dps).toEqual({ "1": true });
  });

  it("serves a light's DP 20 and brightness DP 22", async () => {
    const sim = await device({ version, kind: "light" });
    const api = client(sim);
    await api.connect();
    await api.set({ multiple: true, data: { "20": true, "22": 550 } });
    expect(sim.dps).toMatchObject({ "20": true, "22": 550 });
    expect(await api.get({ dps: 22 })).toBe(550);
  });

  it("answers heartbeats, and tuyapi drops the link when they stop", async () => {
    const sim = await device({ version });
    const api = client(sim);
    await api.connect();
    const pong = once(api, "heartbeat");
    ping(api);
    await pong;

    sim.dropHeartbeats();
    // tuyapi drops the link only when the unanswered ping is later (in ms) than the last pong.
    await new Promise((resolve) => setTimeout(resolve, 5));
    const dropped = disconnected(api);
    ping(api);
    await dropped; // tuyapi's own 2 s wait for the answer
    expect(api.isConnected()).toBe(false);
  });

  it("closes connections beyond its client limit", async () => {
    const sim = await device({ version, maxClients: 1 });
    const first = client(sim);
    await first.connect();
    const second = client(sim);
    void second.connect().catch(() => undefined);
    const socket = (second as unknown as { client: import("node:net").Socket }).client;
    await once(socket, "close");
    expect(sim.clients).toBe(1);
    expect(await first.get({ dps: 1 })).toBe(false);
  });

  it("can answer queries out of sequence, so tuyapi's get() never resolves (its issue #634)", async () => {
    const sim = await device({ version });
    const api = client(sim);
    await api.connect();
    sim.misnumberAnswers();
    const answer = new Promise((resolve) => api.once("data", resolve));
    let resolved = false;
    void api.get({ schema: true }).then(() => (resolved = true));
    expect(await answer).toMatchObject({ dps: { "1": false } });
    await new Promise((resolve) => setImmediate(resolve));
    expect(resolved).toBe(false);
  });

  it("drops every client on resetConnections and serves them again afterwards", async () => {
    const sim = await device({ version });
    const api = client(sim);
    await api.connect();
    const gone = disconnected(api);
    sim.resetConnections();
    await gone;
    await api.connect();
    expect(await api.get({ dps: 1 })).toBe(false);
  });

  it("listens on its new address after a reboot", async () => {
    const sim = await device({ version });
    const newHost = `127.0.2.${nextHost++}`;
    await sim.reboot({ host: newHost });
    expect(sim.host).toBe(newHost);
    const api = new TuyAPI({ id: sim.devId, key: KEY, ip: newHost, version, issueGetOnConnect: false });
    api.on("error", () => undefined);
    clients.push(api);
    await api.connect();
    expect(await api.get({ dps: 1 })).toBe(false);
  });
});

describe("a wrong local key", () => {
  it("3.1: reads still succeed (they travel in clear) but a set is ignored", async () => {
    const sim = await device({ version: "3.1" });
    const api = client(sim, WRONG_KEY);
    await api.connect();
    expect(await api.get({ dps: 1 })).toBe(false);
    await expect(api.set({ dps: 1, set: true })).rejects.toThrow(/Timeout/); // tuyapi's own 5 s
    expect(sim.dps["1"]).toBe(false);
  });

  it("3.3: get answers a string tuyapi cannot decrypt", async () => {
    const sim = await device({ version: "3.3" });
    const api = client(sim, WRONG_KEY);
    await api.connect();
    const answer = await api.get({ schema: true });
    expect(typeof answer).toBe("string");
  });

  it.each(["3.4", "3.5"] as const)("%s: the device stays silent and no session starts", async (version) => {
    const sim = await device({ version });
    const api = client(sim, WRONG_KEY);
    const received: Buffer[] = [];
    void api.connect().catch(() => undefined);
    const socket = (api as unknown as { client: import("node:net").Socket }).client;
    socket.on("data", (chunk: Buffer) => received.push(chunk));
    await once(socket, "connect");
    // The key exchange went out; the device would answer within milliseconds if it could.
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(received).toEqual([]);
    expect(api.isConnected()).toBe(false);
  });
});

describe("presence broadcasts on loopback", () => {
  it.each(["3.1", "3.3", "3.4"] as const)("tuyapi's find() locates a %s device by id", async (version) => {
    const sim = await device({ version, broadcastIntervalMs: 200 });
    const api = new TuyAPI({ id: sim.devId, key: KEY, version, issueGetOnConnect: false });
    api.on("error", () => undefined);
    await api.find({ timeout: 5 });
    expect((api as unknown as { device: { ip: string } }).device.ip).toBe(sim.host);
  });

  // tuyapi 7.7 listens on 6666 and 6667 only; 3.5 devices announce on 7000 (see the
  // adapter's discovery test for the decoded announcement).
  it("a 3.5 device announces itself on UDP 7000 in a GCM frame with the well-known key", async () => {
    const listener = createSocket({ type: "udp4", reuseAddr: true });
    await new Promise<void>((resolve) => listener.bind(7000, resolve));
    try {
      const sim = await device({ version: "3.5", broadcastIntervalMs: 200 });
      const seen = new Promise<Record<string, unknown>>((resolve) => {
        listener.on("message", (msg: Buffer) => {
          if (msg.readUInt32BE(0) !== 0x6699) return;
          const iv = msg.subarray(18, 30);
          const decipher = createDecipheriv("aes-128-gcm", UDP_KEY, iv);
          decipher.setAAD(msg.subarray(4, 18));
          decipher.setAuthTag(msg.subarray(msg.length - 20, msg.length - 4));
          const plain = Buffer.concat([decipher.update(msg.subarray(30, msg.length - 20)), decipher.final()]);
          const body = JSON.parse(plain.subarray(4).toString("utf8")) as Record<string, unknown>;
          if (body.gwId === sim.devId) resolve(body);
        });
      });
      expect(await seen).toMatchObject({ ip: sim.host, version: "3.5" });
    } finally {
      listener.close();
    }
  });
});

describe("a fleet for simulate:devices", () => {
  it("starts mixed versions and kinds, each described with what createDevice needs", async () => {
    const { startTuyaFleet } = await import("./index.js");
    const fleet = await startTuyaFleet(4, { block: 30, broadcastIntervalMs: 0 });
    started.push(...fleet.map((entry) => entry.device));
    expect(fleet.map((entry) => entry.spec.version)).toEqual(["3.3", "3.4", "3.5", "3.1"]);
    for (const { spec } of fleet) {
      const api = new TuyAPI({ id: spec.deviceId, key: spec.localKey, ip: spec.ip, version: spec.version, issueGetOnConnect: false });
      api.on("error", () => undefined);
      clients.push(api);
      await api.connect();
      expect(await api.get({ schema: true })).toMatchObject({ devId: spec.deviceId });
    }
  });
});
