// The device registry over the real API: adding, importing, changing and removing devices,
// secrets that never come back and are not in the database in clear, and bad input
// answered with sentences.
import Database from "better-sqlite3";
import { readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { addMemberWithLogin, setUpManager, startTestApp, tempDataDir, type ApiClient, type TestApp } from "../helpers/app.js";

let app: TestApp;
let manager: ApiClient;

beforeEach(async () => {
  app = await startTestApp();
  manager = await setUpManager(app);
});
afterEach(async () => {
  await app.stop();
});

const LOCAL_KEY = `a"b\\c d'e{f}g;h#`; // local keys may hold any character
const tuya = (extra: Record<string, unknown> = {}) => ({ name: "Garden lights", protocol: "tuya", deviceId: "bf1234567890abcdefgh", ip: "127.0.0.21", localKey: LOCAL_KEY, version: "3.3", ...extra });

describe("device registry", () => {
  it("adds Tuya and eWeLink devices, never sends a key back, and keeps keys encrypted beside the database", async () => {
    await app.stop();
    app = await startTestApp({ dataDir: tempDataDir() });
    manager = await setUpManager(app);
    const roomId = (await manager.post("/api/rooms", { name: "Room 12" })).body.room.id;
    const created = await manager.post("/api/devices", tuya({ roomId, kind: "light" }));
    expect(created.status).toBe(201);
    expect(created.body.device).toMatchObject({ name: "Garden lights", roomId, protocol: "tuya", kind: "light", online: false, state: {}, deviceId: "bf1234567890abcdefgh", ip: "127.0.0.21", version: "3.3", encrypted: true });
    const diy = await manager.post("/api/devices", { name: "Boiler", protocol: "ewelink", deviceId: "1000abcdef", ip: "127.0.0.41" });
    expect(diy.status).toBe(201);
    expect(diy.body.device).toMatchObject({ protocol: "ewelink", kind: "switch", encrypted: false });
    const lan = await manager.post("/api/devices", { name: "Porch", protocol: "ewelink", deviceId: "1000abcdf0", ip: "127.0.0.42", deviceKey: "0b8e4a3c-1f7d-4c2e-9a5b-6d7e8f901234", port: 8082, gangs: 2 });
    expect(lan.body.device).toMatchObject({ port: 8082, gangs: 2, encrypted: true });

    const listed = await manager.get("/api/devices");
    expect(listed.body.devices.map((d: any) => d.name)).toEqual(["Boiler", "Garden lights", "Porch"]);
    const everything = JSON.stringify(listed.body) + JSON.stringify(created.body) + JSON.stringify(lan.body);
    expect(everything).not.toContain("localKey");
    expect(everything).not.toContain("deviceKey");
    expect(everything).not.toContain("0b8e4a3c");
    expect(everything).not.toContain("d'e{f}");

    // At rest: the database holds neither key in clear; the key file beside it is the owner's only.
    await app.stop();
    const sqlite = new Database(join(app.dataDir, "innbox.sqlite"), { readonly: true });
    const rows = sqlite.prepare("select * from devices").all();
    sqlite.close();
    expect(JSON.stringify(rows)).not.toContain("d'e{f}");
    expect(JSON.stringify(rows)).not.toContain("0b8e4a3c");
    expect(statSync(join(app.dataDir, "device-keys.key")).mode & 0o777).toBe(0o600);
    expect(readFileSync(join(app.dataDir, "device-keys.key")).length).toBe(32);
    app = await startTestApp({ dataDir: app.dataDir });
  });

  it("changes, moves and removes devices, and keeps a room with devices", async () => {
    const roomId = (await manager.post("/api/rooms", { name: "Room 12" })).body.room.id;
    const id = (await manager.post("/api/devices", tuya({ roomId }))).body.device.id;
    const moved = await manager.patch(`/api/devices/${id}`, { name: "Terrace lights", roomId: null, ip: "127.0.0.22", version: "3.4", localKey: "0123456789abcdef" });
    expect(moved.status).toBe(200);
    expect(moved.body.device).toMatchObject({ name: "Terrace lights", ip: "127.0.0.22", version: "3.4" });
    expect(moved.body.device.roomId).toBeUndefined();
    await manager.patch(`/api/devices/${id}`, { roomId });
    const refused = await manager.delete(`/api/rooms/${roomId}`);
    expect(refused.status).toBe(409);
    expect(refused.body.error).toMatch(/a device/);
    expect((await manager.patch(`/api/devices/${id}`, { deviceKey: "x" })).body.error).toMatch(/deviceKey does not apply to a Tuya device/);
    expect((await manager.delete(`/api/devices/${id}`)).status).toBe(204);
    expect((await manager.get("/api/devices")).body.devices).toEqual([]);
    expect((await manager.delete(`/api/rooms/${roomId}`)).status).toBe(204);
    expect((await manager.delete(`/api/devices/${id}`)).status).toBe(404);
  });

  it("answers bad input with a sentence and stores nothing", async () => {
    const bad: Array<[Record<string, unknown>, RegExp]> = [
      [tuya({ ip: "192.168.1" }), /IPv4 address/],
      [tuya({ ip: "300.1.1.1" }), /IPv4 address/],
      [tuya({ ip: "lamp.local" }), /IPv4 address/],
      [tuya({ version: "3.2" }), /version must be/],
      [tuya({ protocol: "zigbee" }), /protocol must be "tuya" or "ewelink"/],
      [tuya({ localKey: undefined }), /localKey is required/],
      [tuya({ kind: "fridge" }), /kind must be/],
      [tuya({ deviceId: "bf 12" }), /deviceId holds only/],
      [tuya({ roomId: "r_nope" }), /no such room/],
      [{ ...tuya(), port: 8081 }, /port/],
      [{ name: "Boiler", protocol: "ewelink", deviceId: "1000abcdef", ip: "127.0.0.41", port: 70000 }, /port must be between 1 and 65535/],
    ];
    for (const [body, error] of bad) {
      const res = await manager.post("/api/devices", body);
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(res.body.error, JSON.stringify(body)).toMatch(error);
    }
    expect((await manager.get("/api/devices")).body.devices).toEqual([]);
    expect((await manager.post("/api/devices", tuya())).status).toBe(201);
    const twice = await manager.post("/api/devices", tuya({ name: "Again" }));
    expect(twice.status).toBe(409);
    expect(twice.body.error).toMatch(/already registered as "Garden lights"/);

    const id = (await manager.get("/api/devices")).body.devices[0].id;
    for (const [body, error] of [
      [{}, /Say what to change/],
      [{ brightness: 140 }, /from 0 to 100/],
      [{ on: "yes" }, /on must be true or false/],
      [{ gang: 0, brightness: 5 }, /gang needs on/],
      [{ on: true, gang: 3 }, /one gang \(gang 0\)/],
      [{ brightness: 50 }, /Only lights dim/],
    ] as Array<[Record<string, unknown>, RegExp]>) {
      const res = await manager.post(`/api/devices/${id}/state`, body);
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(res.body.error).toMatch(error);
    }
    expect((await manager.post("/api/devices/d_nope/state", { on: true })).status).toBe(404);
  });

  it("imports the list Tuya's tools export, saying why an entry was skipped", async () => {
    const exported = [
      { name: "Desk lamp", id: "bf00000000000000000a", key: "k1k1k1k1k1k1k1k1", ip: "127.0.0.23", version: "3.3", category: "dj" },
      { name: "Heater", id: "bf00000000000000000b", key: "k2k2k2k2k2k2k2k2", ip: "127.0.0.24", ver: 3.4, category: "qn" },
      { name: "Plug", id: "bf00000000000000000c", key: "k3k3k3k3k3k3k3k3", ip: "127.0.0.25" },
      { name: "No address", id: "bf00000000000000000d", key: "k4k4k4k4k4k4k4k4" },
      { name: "No key", id: "bf00000000000000000e", ip: "127.0.0.26" },
      { name: "Odd version", id: "bf00000000000000000f", key: "k5", ip: "127.0.0.27", version: "2.0" },
    ];
    const res = await manager.post("/api/devices/import", exported);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.devices.map((d: any) => [d.name, d.kind, d.version])).toEqual([
      ["Desk lamp", "light", "3.3"],
      ["Heater", "heater", "3.4"],
      ["Plug", "switch", "3.3"],
    ]);
    expect(res.body.skipped.map((s: any) => s.name)).toEqual(["No address", "No key", "Odd version"]);
    expect(res.body.skipped[0].reason).toMatch(/no IP address/);
    // tinytuya's snapshot.json shape, and a second import of the same devices.
    const again = await manager.post("/api/devices/import", { devices: [exported[0]] });
    expect(again.body.skipped).toEqual([{ name: "Desk lamp", reason: 'already registered as "Desk lamp"' }]);
    for (const body of ["not json at all", { devices: "x" }, 42]) {
      const bad = await manager.post("/api/devices/import", body);
      expect(bad.status, JSON.stringify(body)).toBe(400);
      expect(bad.body.error).toEqual(expect.any(String));
    }
    expect((await manager.get("/api/devices")).body.devices).toHaveLength(3);
  });

  it("lets staff see and switch devices, and keeps adding and removing them the manager's", async () => {
    const id = (await manager.post("/api/devices", tuya())).body.device.id;
    const staff = (await addMemberWithLogin(manager, "staff", "desk")).client;
    expect((await staff.get("/api/devices")).status).toBe(200);
    expect((await staff.post("/api/devices", tuya({ deviceId: "bf99" }))).status).toBe(403);
    expect((await staff.patch(`/api/devices/${id}`, { name: "x" })).status).toBe(403);
    expect((await staff.delete(`/api/devices/${id}`)).status).toBe(403);
    expect((await staff.post("/api/devices/import", [])).status).toBe(403);
    expect((await staff.post("/api/devices/discover")).status).toBe(403);
    expect((await staff.post(`/api/devices/${id}/state`, { brightness: 5 })).status).toBe(400);
  });
});
