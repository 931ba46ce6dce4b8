// The simulated Sonoff against the unmodified ewelink-api-next LAN client (DIY and
// encrypted), and its mDNS announcements decoded as a browser on the loopback would.
import { createHash } from "node:crypto";
import eWeLink from "ewelink-api-next";
import mdns from "multicast-dns";
import { afterEach, describe, expect, it } from "vitest";
import { decryptLan, ewelinkCreateBody, startEwelinkDevice, startEwelinkSet, type EwelinkDevice } from "./index.js";

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const md5 = (s: string) => createHash("md5").update(s).digest("hex");
const lan = () => new eWeLink.Lan({ selfApikey: "innbox" });
type LanClient = ReturnType<typeof lan>;
type Answer = Record<string, unknown>;
type Call = (options: Record<string, unknown>) => Promise<Answer>;
// The library's typings fix a strip at exactly four outlets, `dimmable` to the B1 bulb's
// fields and the port to a string; at run time each call is its generalRequest with a path.
const zc = (client: LanClient) => client.zeroconf as unknown as Record<"switch" | "switches" | "dimmable", Call>;
const general = (client: LanClient, options: Record<string, unknown>) => (client.generalRequest as unknown as Call)(options);

let devices: EwelinkDevice[] = [];
afterEach(async () => {
  await Promise.all(devices.map((d) => d.stop()));
  devices = [];
});
async function device(options: Parameters<typeof startEwelinkDevice>[0]) {
  const d = await startEwelinkDevice({ port: 0, ...options });
  devices.push(d);
  return d;
}

describe("eWeLink simulator with ewelink-api-next", () => {
  it("switches a DIY plug on and off and reports it in info", async () => {
    const plug = await device({ ip: "127.0.0.41" });
    const client = lan();
    const on = await zc(client).switch({ ip: plug.ip, port: plug.port, deviceId: plug.deviceId, data: { switch: "on" } });
    expect(on).toMatchObject({ status: 200, error: 0, seq: 2 });
    expect(plug.params().switch).toBe("on");
    await pause(250);
    const info = await general(client, { ip: plug.ip, port: plug.port, path: "/zeroconf/info", method: "post", deviceId: plug.deviceId, data: {} });
    expect(info).toMatchObject({ error: 0, data: { switch: "on", deviceid: plug.deviceId } });
  });

  it("switches one outlet of a DIY strip and refuses a fifth outlet with 422", async () => {
    const strip = await device({ ip: "127.0.0.42", kind: "switches", outlets: 4 });
    const client = lan();
    const res = await zc(client).switches({ ip: strip.ip, port: strip.port, deviceId: strip.deviceId, data: { switches: [{ switch: "on", outlet: 2 }] } });
    expect(res).toMatchObject({ error: 0 });
    expect(strip.params().switches?.map((s) => s.switch)).toEqual(["off", "off", "on", "off"]);
    await pause(250);
    const bad = await zc(client).switches({ ip: strip.ip, port: strip.port, deviceId: strip.deviceId, data: { switches: [{ switch: "on", outlet: 4 }] } });
    expect(bad).toMatchObject({ error: 422 });
  });

  it("obeys an encrypted request made with the device key and refuses a wrong key as a real device does", async () => {
    const plug = await device({ ip: "127.0.0.43", deviceKey: "5fa3c1e2-7d44-4b1a-9c0e-1f2e3d4c5b6a" });
    const client = lan();
    const common = { ip: plug.ip, port: plug.port, deviceId: plug.deviceId, encrypt: true, iv: Buffer.alloc(16, 7).toString("base64") };
    const ok = await zc(client).switch({ ...common, secretKey: md5(plug.deviceKey!), data: { switch: "on" } });
    expect(ok).toMatchObject({ error: 0, encrypt: true });
    expect(plug.params().switch).toBe("on");
    await pause(250);
    const wrong = await zc(client).switch({ ...common, secretKey: md5("not-the-key"), data: { switch: "off" } });
    expect(wrong).toMatchObject({ error: 400, encrypt: true });
    expect(plug.params().switch).toBe("on");
    await pause(250);
    const plain = await zc(client).switch({ ip: plug.ip, port: plug.port, deviceId: plug.deviceId, data: { switch: "off" } });
    expect(plain).toMatchObject({ error: 401 });
    await pause(250);
    // Paired again: the key it had no longer opens anything.
    plug.faults.changeKey("a-new-key");
    const stale = await zc(client).switch({ ...common, secretKey: md5("5fa3c1e2-7d44-4b1a-9c0e-1f2e3d4c5b6a"), data: { switch: "off" } });
    expect(stale).toMatchObject({ error: 400, encrypt: true });
  });

  it("answers info encrypted, readable with the client's own decrypt", async () => {
    const light = await device({ ip: "127.0.0.44", kind: "light", deviceKey: "k1" });
    const client = lan();
    const common = { ip: light.ip, port: light.port, deviceId: light.deviceId, encrypt: true, iv: Buffer.alloc(16, 1).toString("base64"), secretKey: md5("k1") };
    await zc(client).dimmable({ ...common, data: { switch: "on", brightness: 40 } });
    await pause(250);
    const info = (await general(client, { ...common, path: "/zeroconf/info", method: "post", data: {} })) as { iv: string; data: string };
    expect(client.decrypt(info.data, md5("k1"), info.iv)).toMatchObject({ switch: "on", brightness: 40 });
  });

  it("resets a second request that comes while it is busy, and a connection reset on demand", async () => {
    const plug = await device({ ip: "127.0.0.45" });
    const client = lan();
    plug.faults.answerSlowly(300);
    const target = { ip: plug.ip, port: plug.port, deviceId: plug.deviceId };
    const first = zc(client).switch({ ...target, data: { switch: "on" } });
    await pause(50);
    await expect(zc(client).switch({ ...target, data: { switch: "off" } })).rejects.toThrow(/Request error/);
    expect(await first).toMatchObject({ error: 0 });
    plug.faults.answerSlowly(0);
    await pause(250);
    plug.faults.resetNext(1);
    await expect(zc(client).switch({ ...target, data: { switch: "off" } })).rejects.toThrow(/Request error/);
    expect(plug.served().map((s) => s.outcome)).toEqual(["answered", "reset", "reset"]);
    expect(plug.params().switch).toBe("on");
  });

  it("holds a second request until the first is answered when set to wait instead of reset", async () => {
    const plug = await device({ ip: "127.0.0.49", whenBusy: "wait" });
    const client = lan();
    plug.faults.answerSlowly(150);
    const target = { ip: plug.ip, port: plug.port, deviceId: plug.deviceId };
    const first = zc(client).switch({ ...target, data: { switch: "on" } });
    await pause(30);
    const second = zc(client).switch({ ...target, data: { switch: "off" } });
    expect([await first, await second]).toMatchObject([{ error: 0, seq: 2 }, { error: 0, seq: 3 }]);
    expect(plug.params().switch).toBe("off");
    const served = plug.served();
    expect(served.map((s) => s.outcome)).toEqual(["answered", "answered"]);
  });

  it("starts a mixed set, each with what createDevice needs", async () => {
    const set = await startEwelinkSet({ count: 3, firstHost: 100, port: 0, mdns: false });
    devices.push(...set);
    expect(set.map((d) => ewelinkCreateBody(d))).toEqual([
      { name: `Sonoff ${set[0]!.deviceId}`, protocol: "ewelink", kind: "switch", deviceId: set[0]!.deviceId, ip: "127.0.0.100", port: set[0]!.port },
      expect.objectContaining({ kind: "switch", ip: "127.0.0.101", gangs: 4, deviceKey: expect.stringMatching(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/) }),
      expect.objectContaining({ kind: "light", ip: "127.0.0.102" }),
    ]);
    const client = lan();
    expect(await zc(client).switch({ ip: set[0]!.ip, port: set[0]!.port, deviceId: set[0]!.deviceId, data: { switch: "on" } })).toMatchObject({ error: 0 });
  });

  it("refuses connections while offline and answers on its new address after a reboot", async () => {
    const plug = await device({ ip: "127.0.0.46" });
    const client = lan();
    await plug.goOffline();
    await expect(zc(client).switch({ ip: "127.0.0.46", port: plug.port, deviceId: plug.deviceId, data: { switch: "on" } })).rejects.toThrow();
    await plug.comeBack();
    await plug.reboot({ ip: "127.0.0.47" });
    expect(plug.seq).toBe(1);
    const res = await zc(client).switch({ ip: "127.0.0.47", port: plug.port, deviceId: plug.deviceId, data: { switch: "on" } });
    expect(res).toMatchObject({ error: 0, seq: 2 });
  });
});

describe("eWeLink simulator announcements", () => {
  it("announces each change on loopback mDNS with seq + 1 and the state in data1..4, encrypted with the device key", async () => {
    const port = 15353 + Math.floor(Math.random() * 1000);
    const listener = mdns({ interface: "127.0.0.1", bind: "0.0.0.0", port, loopback: true, reuseAddr: true });
    const seen: Array<{ txt: Record<string, string>; ip?: string; port?: number }> = [];
    listener.on("response", (packet) => {
      const txt = packet.answers?.find((a) => a.type === "TXT");
      if (!txt) return;
      const fields = Object.fromEntries(
        (txt.data as Buffer[]).map((b) => {
          const s = b.toString();
          const i = s.indexOf("=");
          return [s.slice(0, i), s.slice(i + 1)];
        }),
      );
      const a = packet.answers?.find((r) => r.type === "A");
      const srv = packet.answers?.find((r) => r.type === "SRV");
      seen.push({ txt: fields, ip: a?.data as string, port: (srv?.data as { port: number }).port });
    });
    const strip = await device({ ip: "127.0.0.48", kind: "switches", deviceKey: "strip-key", mdns: { port } });
    strip.press({ on: true, outlet: 1 });
    while (!seen.some((s) => s.txt.id === strip.deviceId && s.txt.seq === "2")) await pause(20);
    listener.destroy();
    const last = seen.find((s) => s.txt.seq === "2")!;
    expect(last).toMatchObject({ ip: "127.0.0.48", port: strip.port, txt: { type: "strip", encrypt: "true", apivers: "1" } });
    const joined = ["data1", "data2", "data3", "data4"].map((k) => last.txt[k] ?? "").join("");
    // A strip's encrypted state is longer than one TXT string holds.
    expect(last.txt.data2).toBeDefined();
    for (const k of ["data1", "data2", "data3", "data4"]) expect((last.txt[k] ?? "").length).toBeLessThanOrEqual(249);
    const state = decryptLan(joined, last.txt.iv!, "strip-key") as { switches: Array<{ switch: string; outlet: number }> };
    expect(state.switches.map((s) => s.switch)).toEqual(["off", "on", "off", "off"]);
  });
});
