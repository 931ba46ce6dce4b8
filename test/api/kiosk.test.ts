import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { addMemberWithLogin, ApiClient, setUpManager, startTestApp, type TestApp } from "../helpers/app.js";
import { collect, connectSocket, disconnected } from "../helpers/sockets.js";
import { createTestClock, type TestClock } from "../helpers/test-clock.js";

const TRICKY = 'pa;ss,wo:rd\\"quoted"';

describe("kiosk", () => {
  let app: TestApp;
  let clock: TestClock;
  let manager: ApiClient;

  beforeEach(async () => {
    clock = createTestClock(Date.parse("2026-03-10T22:40:00Z"));
    app = await startTestApp({ clock });
    manager = await setUpManager(app);
  });
  afterEach(async () => {
    await app.stop();
  });

  const kioskClient = (token: string) => ({
    get: (path: string) => fetch(app.url + path, { headers: { authorization: `Bearer ${token}` } }),
    post: (path: string, body: unknown) =>
      fetch(app.url + path, { method: "POST", headers: { authorization: `Bearer ${token}`, "content-type": "application/json" }, body: JSON.stringify(body) }),
  });
  const pair = (code: string, headers: Record<string, string> = {}) =>
    fetch(`${app.url}/api/kiosk/pair`, { method: "POST", headers: { "content-type": "application/json", ...headers }, body: JSON.stringify({ code }) });

  async function pairedKiosk(name = "Lobby") {
    const created = await manager.post("/api/kiosks", { name });
    expect(created.status).toBe(201);
    const res = await pair(created.body.pairingCode);
    expect(res.status).toBe(200);
    const { token } = (await res.json()) as { token: string };
    return { id: created.body.kiosk.id as string, token };
  }

  it("pairs once with a code shown grouped, typed in any case and spacing; a used code is 404", async () => {
    const created = await manager.post("/api/kiosks", { name: "Lobby" });
    expect(created.status).toBe(201);
    expect(created.body.kiosk.name).toBe("Lobby");
    expect(created.body.pairingCode).toMatch(/^[A-Z0-9]{4}-[A-Z0-9]{4}$/);
    expect(created.body.pairingCode).not.toMatch(/[01OIL5S8BZ2]/);
    const plain = created.body.pairingCode.replace("-", "");
    expect(created.body.pairingUrl).toBe(`/kiosk?code=${plain}`);
    expect(created.body.pairingLink).toBe(`${app.publicUrl}/kiosk?code=${plain}`);
    const expiresIn = Date.parse(created.body.expiresAt) - clock.now();
    expect(expiresIn).toBeGreaterThan(3_590_000);
    expect(expiresIn).toBeLessThanOrEqual(3_600_000);

    const listed = await manager.get("/api/kiosks");
    expect(listed.body.kiosks).toEqual([
      expect.objectContaining({ id: created.body.kiosk.id, name: "Lobby", pairedAt: null, pairingExpiresAt: created.body.expiresAt, online: false }),
    ]);

    const typed = ` ${plain.slice(0, 4).toLowerCase()} ${plain.slice(4)} `;
    const first = await pair(typed);
    expect(first.status).toBe(200);
    const { token } = (await first.json()) as { token: string };
    expect(token.length).toBeGreaterThanOrEqual(40);

    const again = await pair(created.body.pairingCode);
    expect(again.status).toBe(404);
    const unknown = await pair("ACDE-FGHJ");
    expect(unknown.status).toBe(404);
    const [a, b] = [(await again.json()) as { error: string }, (await unknown.json()) as { error: string }];
    expect(a.error).toBe(b.error);
    expect(a.error).toMatch(/pairing code/);

    const after = await manager.get("/api/kiosks");
    expect(Math.abs(Date.parse(after.body.kiosks[0].pairedAt) - clock.now())).toBeLessThan(10_000);
    expect(after.body.kiosks[0].pairingExpiresAt).toBeNull();
  });

  it("refuses a code after one hour on the app's clock with the same sentence", async () => {
    const created = await manager.post("/api/kiosks", { name: "Lobby" });
    const unknown = (await (await pair("ACDE-FGHJ")).json()) as { error: string };
    await clock.advance(3_600_000);
    const late = await pair(created.body.pairingCode);
    expect(late.status).toBe(404);
    expect(((await late.json()) as { error: string }).error).toBe(unknown.error);
  });

  it("answers 429 with Retry-After after ten wrong codes a minute from one address, and forgives after the minute", async () => {
    for (let i = 0; i < 10; i++) expect((await pair(`WRONG${i}`)).status).toBe(404);
    const refused = await pair("ACDE-FGHJ");
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get("retry-after"))).toBeGreaterThan(0);
    expect(((await refused.json()) as { error: string }).error).toMatch(/Too many wrong pairing codes/);
    // Even a right code waits: guessing cannot go on between right answers.
    const created = await manager.post("/api/kiosks", { name: "Lobby" });
    expect((await pair(created.body.pairingCode)).status).toBe(429);
    await clock.advance(61_000);
    expect((await pair(created.body.pairingCode)).status).toBe(200);
  });

  it("lets the kiosk token read the screen and nothing else; a staff session cannot use kiosk routes", async () => {
    const { token } = await pairedKiosk();
    const kiosk = kioskClient(token);
    const screen = await kiosk.get("/api/kiosk/screen");
    expect(screen.status).toBe(200);
    const body = (await screen.json()) as any;
    expect(body.property).toEqual(expect.objectContaining({ name: "Hotel Miramar" }));
    const property = await manager.get("/api/property");
    expect(body.receptionUrl).toBe(`${app.publicUrl}/r/${property.body.slug}`);
    expect(body.languages[0]).toBe("en");

    for (const path of ["/api/conversations", "/api/kiosks", "/api/kiosk-settings", "/api/property", "/api/calls", "/api/devices"]) {
      const res = await kiosk.get(path);
      expect(res.status, path).toBe(401);
    }
    expect((await kiosk.post("/api/kiosks", { name: "Mine" })).status).toBe(401);

    const asStaff = await manager.get("/api/kiosk/screen");
    expect(asStaff.status).toBe(401);
    expect(asStaff.body.error).toMatch(/paired lobby kiosk/);
    const noToken = await fetch(`${app.url}/api/kiosk/screen`);
    expect(noToken.status).toBe(401);
    const badToken = await kioskClient("not-a-token").get("/api/kiosk/screen");
    expect(badToken.status).toBe(401);
    expect(((await badToken.json()) as { error: string }).error).toMatch(/not paired/);
  });

  it("revoking disconnects the kiosk's socket within a second, after telling it, and its token answers 401", async () => {
    const { id, token } = await pairedKiosk();
    const staffSocket = await connectSocket(app.url, "/staff", { cookie: manager.cookie });
    const announced = collect(staffSocket, "kiosk");
    const deleted = collect(staffSocket, "kioskDeleted");
    const socket = await connectSocket(app.url, "/kiosk", { token });
    const revoked = collect(socket, "revoked");
    expect((await manager.get("/api/kiosks")).body.kiosks[0].online).toBe(true);
    // The admin page hears it come online.
    expect(await announced.waitFor((k) => k.id === id && k.online)).toEqual(expect.objectContaining({ name: "Lobby", online: true }));

    const gone = disconnected(socket, 1000);
    const started = Date.now();
    expect((await manager.delete(`/api/kiosks/${id}`)).status).toBe(204);
    expect(await gone).toBe("io server disconnect");
    expect(Date.now() - started).toBeLessThan(1000);
    expect(revoked.items).toHaveLength(1);
    expect(revoked.items[0].reason).toMatch(/removed/);

    expect((await kioskClient(token).get("/api/kiosk/screen")).status).toBe(401);
    await expect(connectSocket(app.url, "/kiosk", { token })).rejects.toThrow("not paired");
    expect((await manager.get("/api/kiosks")).body.kiosks).toEqual([]);
    await deleted.waitFor((e) => e.id === id);
    expect((await manager.delete(`/api/kiosks/${id}`)).status).toBe(404);
    staffSocket.close();
  });

  it("renames, reloads and issues a new code; pairing again replaces the earlier tablet", async () => {
    const { id, token } = await pairedKiosk();
    const renamed = await manager.patch(`/api/kiosks/${id}`, { name: "Front door" });
    expect(renamed.status).toBe(200);
    expect(renamed.body.name).toBe("Front door");
    expect((await manager.patch(`/api/kiosks/${id}`, { name: "  " })).status).toBe(400);
    expect((await manager.patch("/api/kiosks/k_nope", { name: "X" })).status).toBe(404);

    expect((await manager.post(`/api/kiosks/${id}/reload`)).body).toEqual({ connected: false });
    const socket = await connectSocket(app.url, "/kiosk", { token });
    const reloads = collect(socket, "reload");
    const asked = await manager.post(`/api/kiosks/${id}/reload`);
    expect(asked.status).toBe(202);
    expect(asked.body).toEqual({ connected: true });
    await reloads.waitFor(() => true, 1000).catch(() => undefined);
    expect(reloads.items).toHaveLength(1);

    const fresh = await manager.post(`/api/kiosks/${id}/pairing-code`);
    expect(fresh.status).toBe(201);
    const gone = disconnected(socket, 1000);
    const paired = await pair(fresh.body.pairingCode);
    expect(paired.status).toBe(200);
    await gone;
    expect((await kioskClient(token).get("/api/kiosk/screen")).status).toBe(401);
    const { token: second } = (await paired.json()) as { token: string };
    expect((await kioskClient(second).get("/api/kiosk/screen")).status).toBe(200);
  });

  it("keeps the idle-screen settings exactly, with a tricky Wi-Fi password in the QR text, and pushes them to kiosks", async () => {
    expect((await manager.get("/api/kiosk-settings")).body).toEqual({});
    const { token } = await pairedKiosk();
    const socket = await connectSocket(app.url, "/kiosk", { token });
    const screens = collect(socket, "screen");

    const settings = {
      wifi: { ssid: "Miramar; Guests", password: TRICKY, security: "WPA", hidden: true },
      phone: "+39 0471 123 456",
      emergencyText: { en: "Call 112. First aid kit behind the desk.", de: "Notruf 112. Erste Hilfe hinter der Theke." },
    };
    const put = await manager.request("PUT", "/api/kiosk-settings", settings);
    expect(put.status).toBe(200);
    expect((await manager.get("/api/kiosk-settings")).body).toEqual(settings);

    const pushed = await screens.waitFor((s) => Boolean(s.wifi));
    const qr = 'WIFI:T:WPA;S:Miramar\\; Guests;P:pa\\;ss\\,wo\\:rd\\\\\\"quoted\\";H:true;;';
    expect(pushed.wifi.qr).toBe(qr);
    const screen = (await (await kioskClient(token).get("/api/kiosk/screen")).json()) as any;
    expect(screen.wifi).toEqual({ ssid: "Miramar; Guests", password: TRICKY, security: "WPA", hidden: true, qr });
    expect(screen.phone).toBe("+39 0471 123 456");
    expect(screen.emergencyText.de).toMatch(/Notruf/);
    expect(screen.languages).toEqual(["en", "de"]);

    // PUT replaces: what is left out is gone.
    await manager.request("PUT", "/api/kiosk-settings", { phone: "+39 1" });
    expect((await manager.get("/api/kiosk-settings")).body).toEqual({ phone: "+39 1" });
    socket.close();
  });

  it("refuses bad settings with a sentence naming the field and keeps what was stored", async () => {
    const good = { wifi: { ssid: "Guests", password: "long enough", security: "WPA" } };
    await manager.request("PUT", "/api/kiosk-settings", good);
    const cases: Array<[unknown, string]> = [
      [{ wifi: { ssid: "Guests", password: "short", security: "WPA" } }, "wifi.password"],
      [{ wifi: { ssid: "", password: "long enough", security: "WPA" } }, "wifi.ssid"],
      [{ wifi: { ssid: "Guests", password: "long enough", security: "WPA2" } }, "wifi.security"],
      [{ wifi: { ssid: "Guests", password: "x", security: "nopass" } }, "wifi.password"],
      [{ wifi: { ssid: "x".repeat(33), password: "long enough", security: "WPA" } }, "wifi.ssid"],
      [{ phone: "call me maybe" }, "phone"],
      [{ emergencyText: { English: "Call 112" } }, "emergencyText"],
      [{ emergencyText: { en: "" } }, "emergencyText.en"],
    ];
    for (const [body, field] of cases) {
      const res = await manager.request("PUT", "/api/kiosk-settings", body);
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(res.body.error).toEqual(expect.any(String));
      expect(res.body.details.map((d: { field: string }) => d.field).join(" "), JSON.stringify(body)).toContain(field);
    }
    expect((await manager.get("/api/kiosk-settings")).body).toEqual({ wifi: { ...good.wifi, password: "long enough" } });
    expect((await manager.post("/api/kiosks", { name: "" })).status).toBe(400);
    expect((await manager.post("/api/kiosks", {})).status).toBe(400);
    expect((await pair("x".repeat(41))).status).toBe(400);
    const notJson = await fetch(`${app.url}/api/kiosk/pair`, { method: "POST", headers: { "content-type": "application/json" }, body: "{" });
    expect(notJson.status).toBe(400);
  });

  it("is for the manager: staff get 403, and may read the call log (empty for now)", async () => {
    const { client: staff } = await addMemberWithLogin(manager, "staff", "sam", "Sam Staff");
    expect((await staff.post("/api/kiosks", { name: "Lobby" })).status).toBe(403);
    expect((await staff.get("/api/kiosks")).status).toBe(403);
    expect((await staff.get("/api/kiosk-settings")).status).toBe(403);
    expect((await staff.get("/api/calls")).body).toEqual({ calls: [] });
    expect((await manager.get("/api/calls")).body).toEqual({ calls: [] });
    expect((await manager.get("/api/calls?limit=0")).status).toBe(400);
  });

  it("delivers a message left at the kiosk to staff like any guest message, on the kiosk channel tagged with its name", async () => {
    const { token } = await pairedKiosk("Lobby tablet");
    const staffSocket = await connectSocket(app.url, "/staff", { cookie: manager.cookie });
    const messages = collect(staffSocket, "message");
    const conversations = collect(staffSocket, "conversation");

    const res = await kioskClient(token).post("/api/kiosk/messages", { text: "Arrived late, room 12 booking under Rossi.", name: "Anna Rossi", clientId: "m-1" });
    expect(res.status).toBe(201);
    const body = (await res.json()) as any;
    expect(body.message).toEqual(expect.objectContaining({ from: "guest", text: "Arrived late, room 12 booking under Rossi." }));

    await messages.waitFor((m) => m.conversationId === body.conversationId);
    const item = await conversations.waitFor((c) => c.id === body.conversationId);
    expect(item).toEqual(expect.objectContaining({ channel: "kiosk", guestName: "Anna Rossi", tag: "Lobby tablet", unanswered: true }));

    const again = (await (await kioskClient(token).post("/api/kiosk/messages", { text: "Arrived late, room 12 booking under Rossi.", clientId: "m-1" })).json()) as any;
    expect(again).toEqual(body);

    const list = await manager.get("/api/conversations");
    const kioskChats = list.body.conversations.filter((c: { channel: string }) => c.channel === "kiosk");
    expect(kioskChats).toHaveLength(1);
    expect((await manager.get(`/api/conversations/${body.conversationId}`)).body.messages).toHaveLength(1);

    const empty = await kioskClient(token).post("/api/kiosk/messages", { text: "   " });
    expect(empty.status).toBe(400);
    expect(((await empty.json()) as { error: string }).error).toEqual(expect.any(String));
    expect((await manager.request("POST", "/api/kiosk/messages", { text: "hi" })).status).toBe(401);
    staffSocket.close();
  });
  it("serves the kiosk page at GET /kiosk itself, with or without a code, not after a redirect", async () => {
    for (const path of ["/kiosk", "/kiosk?code=QKUKE4NN"]) {
      const res = await fetch(`${app.url}${path}`, { redirect: "manual" });
      expect(res.status, path).toBe(200);
      expect(res.headers.get("content-type")).toContain("text/html");
      expect(await res.text()).toContain("kiosk");
    }
  });
});
