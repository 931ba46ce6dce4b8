// The `_ewelink._tcp` browser against simulated devices announcing on loopback, and on
// packets shaped by hand the way some firmware sends them.
import { afterEach, describe, expect, it } from "vitest";
import { startEwelinkDevice, type EwelinkDevice } from "../../../../simulators/src/ewelink/index.js";
import { decryptLan, lanKeyHex } from "./lan-crypto.js";
import { createEwelinkBrowser, parseEwelinkPacket, type EwelinkBrowser } from "./mdns-browser.js";

const mdnsPort = 40000 + Math.floor(Math.random() * 10000);
let devices: EwelinkDevice[] = [];
let browsers: EwelinkBrowser[] = [];
afterEach(async () => {
  await Promise.all(browsers.map((b) => b.stop()));
  await Promise.all(devices.map((d) => d.stop()));
  browsers = [];
  devices = [];
});
async function until(check: () => boolean): Promise<void> {
  while (!check()) await new Promise((resolve) => setTimeout(resolve, 10));
}

describe("eWeLink mDNS browser", () => {
  it("finds devices announced before it started by asking for _ewelink._tcp", async () => {
    const plug = await startEwelinkDevice({ ip: "127.0.0.150", mdns: { port: mdnsPort } });
    devices.push(plug);
    const browser = createEwelinkBrowser({ interface: "127.0.0.1", port: mdnsPort });
    browsers.push(browser);
    await browser.start();
    browser.query();
    await until(() => browser.devices().some((d) => d.deviceId === plug.deviceId));
    const found = browser.devices().find((d) => d.deviceId === plug.deviceId)!;
    expect(found).toMatchObject({ ip: "127.0.0.150", port: 8081, type: "diy_plug", seq: 1, encrypted: false });
    expect(JSON.parse(found.data)).toMatchObject({ switch: "off" });
  });

  it("joins an encrypted strip's data1..data4 into what the device key opens", async () => {
    const browser = createEwelinkBrowser({ interface: "127.0.0.1", port: mdnsPort });
    browsers.push(browser);
    await browser.start();
    const heard: string[] = [];
    browser.subscribe((a) => heard.push(`${a.deviceId}:${a.seq}`));
    const strip = await startEwelinkDevice({ ip: "127.0.0.151", port: 0, kind: "switches", deviceKey: "strip-key", mdns: { port: mdnsPort } });
    devices.push(strip);
    strip.press({ on: true, outlet: 3 });
    await until(() => heard.includes(`${strip.deviceId}:2`));
    const a = browser.devices().find((d) => d.deviceId === strip.deviceId)!;
    expect(a).toMatchObject({ type: "strip", encrypted: true, seq: 2 });
    const params = decryptLan(a.data, a.iv!, lanKeyHex("strip-key"));
    expect((params?.switches as Array<{ switch: string }>).map((s) => s.switch)).toEqual(["off", "off", "off", "on"]);
    expect(decryptLan(a.data, a.iv!, lanKeyHex("another-key"))).toBeUndefined();
  });

  it("takes the sender's address when a packet has no A record, and ignores other services", () => {
    const found = parseEwelinkPacket(
      {
        type: "response",
        answers: [
          { name: "eWeLink_1000ABCDEF._ewelink._tcp.local", type: "TXT", data: [Buffer.from("type=diy_plug"), Buffer.from("seq=7"), Buffer.from('data1={"switch":"on"}')] },
          { name: "printer._ipp._tcp.local", type: "TXT", data: [Buffer.from("id=1000000000")] },
        ],
      },
      "127.0.0.9",
      1,
    );
    expect(found).toEqual([
      { deviceId: "1000abcdef", ip: "127.0.0.9", port: 8081, type: "diy_plug", seq: 7, encrypted: false, iv: undefined, data: '{"switch":"on"}', at: 1 },
    ]);
  });
});
