import type { Socket } from "socket.io-client";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { addMemberWithLogin, ApiClient, setUpManager, startTestApp, type TestApp } from "../helpers/app.js";
import { collect, connectSocket, emitWithAck } from "../helpers/sockets.js";
import { createTestClock, type TestClock } from "../helpers/test-clock.js";

describe("kiosk calls", () => {
  let app: TestApp;
  let clock: TestClock;
  let manager: ApiClient;
  const open: Socket[] = [];

  beforeEach(async () => {
    clock = createTestClock(Date.parse("2026-03-10T22:40:00Z"));
    app = await startTestApp({ clock, config: { kiosk: { turn: { urls: "turn:192.168.1.10:3478", username: "kiosk", credential: "secret" } } } });
    manager = await setUpManager(app);
  });
  afterEach(async () => {
    for (const s of open.splice(0)) s.close();
    await app.stop();
  });

  async function pairedKiosk(name = "Lobby") {
    const created = await manager.post("/api/kiosks", { name });
    const res = await fetch(`${app.url}/api/kiosk/pair`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ code: created.body.pairingCode }) });
    const { token } = (await res.json()) as { token: string };
    const socket = await connectSocket(app.url, "/kiosk", { token });
    open.push(socket);
    return { id: created.body.kiosk.id as string, socket };
  }
  async function staffSocket(client: ApiClient) {
    const socket = await connectSocket(app.url, "/staff", { cookie: client.cookie });
    open.push(socket);
    return socket;
  }
  /** The kiosk, Anna and Ben on duty, Carl off duty; each with the admin page open. */
  async function desk() {
    const kiosk = await pairedKiosk();
    const anna = await addMemberWithLogin(manager, "staff", "anna", "Anna");
    const ben = await addMemberWithLogin(manager, "staff", "ben", "Ben");
    const carl = await addMemberWithLogin(manager, "staff", "carl", "Carl");
    expect((await carl.client.request("PUT", "/api/chat/duty", { onDuty: false })).status).toBe(200);
    expect((await manager.request("PUT", "/api/chat/duty", { onDuty: false })).status).toBe(200);
    const sockets = { anna: await staffSocket(anna.client), ben: await staffSocket(ben.client), carl: await staffSocket(carl.client) };
    const rings = { anna: collect(sockets.anna, "call:ringing"), ben: collect(sockets.ben, "call:ringing"), carl: collect(sockets.carl, "call:ringing") };
    return { kiosk, anna, ben, carl, sockets, rings };
  }
  const calls = async () => (await manager.get("/api/calls")).body.calls as any[];

  it("rings everyone on duty, not who is off duty; the first accept wins and the others hear it was taken", async () => {
    const { kiosk, anna, sockets } = await desk();
    const ringing = { anna: collect(sockets.anna, "call:ringing"), ben: collect(sockets.ben, "call:ringing"), carl: collect(sockets.carl, "call:ringing") };
    const taken = collect(sockets.ben, "call:taken");
    const accepted = collect(kiosk.socket, "call:accepted");
    const { callId } = await emitWithAck(kiosk.socket, "call:start", {});
    expect(callId).toMatch(/^call_/);
    const ring = await ringing.anna.waitFor(() => true);
    expect(ring).toEqual({ callId, kioskName: "Lobby", iceServers: [{ urls: "turn:192.168.1.10:3478", username: "kiosk", credential: "secret" }] });
    await ringing.ben.waitFor(() => true);

    const [first, second] = await Promise.all([emitWithAck(sockets.anna, "call:accept", { callId }), emitWithAck(sockets.ben, "call:accept", { callId })]);
    expect(first).toEqual({ ok: true, iceServers: [expect.objectContaining({ urls: "turn:192.168.1.10:3478" })] });
    expect(second).toEqual({ ok: false, error: "Anna already answered this call." });
    expect(await accepted.waitFor(() => true)).toEqual({ callId, by: { id: anna.member.id, name: "Anna" }, iceServers: [expect.any(Object)] });
    expect(await taken.waitFor(() => true)).toEqual({ callId, by: { id: anna.member.id, name: "Anna" } });
    expect(ringing.carl.items).toEqual([]);
    // Carl, never rung, cannot take it either.
    expect(await emitWithAck(sockets.carl, "call:accept", { callId })).toMatchObject({ ok: false });
  });

  it("relays signals only between the kiosk and the member who answered; forged or malformed ones are refused", async () => {
    const { kiosk, sockets, rings } = await desk();
    const { callId } = await emitWithAck(kiosk.socket, "call:start", {});
    await rings.anna.waitFor(() => true);
    expect(await emitWithAck(sockets.anna, "call:accept", { callId })).toMatchObject({ ok: true });
    const atAnna = collect(sockets.anna, "call:signal");
    const atBen = collect(sockets.ben, "call:signal");
    const atKiosk = collect(kiosk.socket, "call:signal");

    const offer = { callId, description: { type: "offer", sdp: "v=0 offer" } };
    expect(await emitWithAck(kiosk.socket, "call:signal", offer)).toEqual({ ok: true });
    expect(await atAnna.waitFor(() => true)).toEqual(offer);
    const answer = { callId, description: { type: "answer", sdp: "v=0 answer" } };
    expect(await emitWithAck(sockets.anna, "call:signal", answer)).toEqual({ ok: true });
    expect(await atKiosk.waitFor(() => true)).toEqual(answer);
    const candidate = { callId, candidate: { candidate: "candidate:1 1 udp 1 192.168.1.20 5000 typ host", sdpMid: "0", sdpMLineIndex: 0 } };
    expect(await emitWithAck(kiosk.socket, "call:signal", candidate)).toEqual({ ok: true });
    await atAnna.waitFor((s) => Boolean(s.candidate));

    // Ben was rung but did not answer: his signal goes nowhere.
    expect(await emitWithAck(sockets.ben, "call:signal", { callId, description: { type: "answer", sdp: "forged" } })).toEqual({ ok: false, error: "That call is between other people." });
    expect(await emitWithAck(sockets.ben, "call:signal", { callId: "call_forged", candidate: { candidate: "x" } })).toMatchObject({ ok: false });
    expect(await emitWithAck(sockets.ben, "call:signal", { callId })).toEqual({ ok: false, error: "That call event is not shaped as the contract says." });
    expect(await emitWithAck(sockets.ben, "call:signal", "garbage")).toMatchObject({ ok: false });
    expect(await emitWithAck(sockets.ben, "call:accept", { callId: 42 })).toMatchObject({ ok: false });
    // Another kiosk cannot speak into this call.
    const other = await pairedKiosk("Annex");
    expect(await emitWithAck(other.socket, "call:signal", { callId, description: { type: "offer", sdp: "forged" } })).toMatchObject({ ok: false });
    expect(await emitWithAck(other.socket, "call:end", { callId })).toMatchObject({ ok: false });
    await new Promise((r) => setTimeout(r, 100));
    expect(atBen.items).toEqual([]);
    expect(atAnna.items.map((s) => s.description?.sdp ?? "cand")).toEqual(["v=0 offer", "cand"]);
    expect(atKiosk.items).toHaveLength(1);
    // Still answering after all that.
    expect(await emitWithAck(kiosk.socket, "call:signal", offer)).toEqual({ ok: true });
  });

  it("ends unanswered after 45 s on the clock, for the kiosk and the ringing staff; logged as missed", async () => {
    const { kiosk, sockets, rings } = await desk();
    const kioskEnd = collect(kiosk.socket, "call:end");
    const annaEnd = collect(sockets.anna, "call:end");
    const { callId } = await emitWithAck(kiosk.socket, "call:start", {});
    await rings.anna.waitFor(() => true);
    await clock.advance(44_000);
    await new Promise((r) => setTimeout(r, 50));
    expect(kioskEnd.items).toEqual([]);
    await clock.advance(1_000);
    expect(await kioskEnd.waitFor(() => true)).toEqual({ callId, reason: "unanswered" });
    expect(await annaEnd.waitFor(() => true)).toEqual({ callId, reason: "unanswered" });
    await expect.poll(calls).toEqual([expect.objectContaining({ id: callId, kioskId: kiosk.id, kioskName: "Lobby", outcome: "missed", durationS: 0, endedAt: expect.any(String) })]);
    const [row] = await calls();
    expect(Date.parse(row.endedAt) - Date.parse(row.startedAt)).toBeGreaterThanOrEqual(45_000);
    expect(row.answeredAt).toBeUndefined();
  });

  it("ends unanswered at once when nobody is on duty", async () => {
    const kiosk = await pairedKiosk();
    expect((await manager.request("PUT", "/api/chat/duty", { onDuty: false })).status).toBe(200);
    await staffSocket(manager);
    const ended = collect(kiosk.socket, "call:end");
    const { callId } = await emitWithAck(kiosk.socket, "call:start", {});
    expect(await ended.waitFor(() => true, 1000)).toEqual({ callId, reason: "unanswered" });
    await expect.poll(calls).toEqual([expect.objectContaining({ id: callId, outcome: "missed" })]);
  });

  it("declined by everyone rung ends it as declined; one decline alone does not", async () => {
    const { kiosk, sockets, rings } = await desk();
    const kioskEnd = collect(kiosk.socket, "call:end");
    const { callId } = await emitWithAck(kiosk.socket, "call:start", {});
    await rings.ben.waitFor(() => true);
    expect(await emitWithAck(sockets.anna, "call:decline", { callId })).toEqual({ ok: true });
    await new Promise((r) => setTimeout(r, 100));
    expect(kioskEnd.items).toEqual([]);
    expect(await emitWithAck(sockets.carl, "call:decline", { callId })).toMatchObject({ ok: false });
    expect(await emitWithAck(sockets.ben, "call:decline", { callId })).toEqual({ ok: true });
    expect(await kioskEnd.waitFor(() => true)).toEqual({ callId, reason: "declined" });
    await expect.poll(calls).toEqual([expect.objectContaining({ id: callId, outcome: "declined", durationS: 0 })]);
  });

  it("hang-up from either side ends it for the other; the log has who answered and how long it lasted", async () => {
    const { kiosk, anna, sockets, rings } = await desk();
    // 1: answered, talked 90 s, the staff member hangs up.
    const first = (await emitWithAck(kiosk.socket, "call:start", {})).callId as string;
    await rings.anna.waitFor((r) => r.callId === first);
    await clock.advance(5_000);
    expect(await emitWithAck(sockets.anna, "call:accept", { callId: first })).toMatchObject({ ok: true });
    await clock.advance(90_000);
    const kioskEnd = collect(kiosk.socket, "call:end");
    expect(await emitWithAck(sockets.anna, "call:end", { callId: first, reason: "hangup" })).toEqual({ ok: true });
    expect(await kioskEnd.waitFor((e) => e.callId === first)).toEqual({ callId: first, reason: "hangup" });

    // 2: answered, the kiosk hangs up after 30 s.
    const second = (await emitWithAck(kiosk.socket, "call:start", {})).callId as string;
    await rings.ben.waitFor((r) => r.callId === second);
    expect(await emitWithAck(sockets.ben, "call:accept", { callId: second })).toMatchObject({ ok: true });
    await clock.advance(30_000);
    const benEnd = collect(sockets.ben, "call:end");
    expect(await emitWithAck(kiosk.socket, "call:end", { callId: second })).toEqual({ ok: true });
    expect(await benEnd.waitFor((e) => e.callId === second)).toEqual({ callId: second, reason: "hangup" });

    // 3: the guest cancels before anyone answers; the ringing stops.
    const annaEnd = collect(sockets.anna, "call:end");
    const third = (await emitWithAck(kiosk.socket, "call:start", {})).callId as string;
    await rings.anna.waitFor((r) => r.callId === third);
    expect(await emitWithAck(kiosk.socket, "call:end", { callId: third })).toEqual({ ok: true });
    expect(await annaEnd.waitFor((e) => e.callId === third)).toEqual({ callId: third, reason: "hangup" });
    expect(await emitWithAck(sockets.anna, "call:accept", { callId: third })).toMatchObject({ ok: false });

    await expect.poll(async () => (await calls()).map((c) => c.outcome)).toEqual(["cancelled", "answered", "answered"]);
    const [c3, c2, c1] = await calls();
    expect(c1).toMatchObject({ id: first, answeredBy: { id: anna.member.id, name: "Anna" }, durationS: 90 });
    expect(Date.parse(c1.answeredAt) - Date.parse(c1.startedAt)).toBeGreaterThanOrEqual(5_000);
    expect(c2).toMatchObject({ id: second, answeredBy: { name: "Ben" }, durationS: 30 });
    expect(c3).toMatchObject({ id: third, durationS: 0 });
    expect(c3.answeredBy).toBeUndefined();
  });

  it("a kiosk revoked mid-call ends it as revoked; a member who drops ends it with error after the grace", async () => {
    const { kiosk, sockets, rings } = await desk();
    const { callId } = await emitWithAck(kiosk.socket, "call:start", {});
    await rings.anna.waitFor(() => true);
    expect(await emitWithAck(sockets.anna, "call:accept", { callId })).toMatchObject({ ok: true });
    const annaEnd = collect(sockets.anna, "call:end");
    expect((await manager.request("DELETE", `/api/kiosks/${kiosk.id}`)).status).toBeLessThan(300);
    expect(await annaEnd.waitFor(() => true)).toEqual({ callId, reason: "revoked" });

    const other = await pairedKiosk("Annex");
    const kioskEnd = collect(other.socket, "call:end");
    const second = (await emitWithAck(other.socket, "call:start", {})).callId as string;
    await rings.ben.waitFor((r) => r.callId === second);
    expect(await emitWithAck(sockets.ben, "call:accept", { callId: second })).toMatchObject({ ok: true });
    sockets.ben.close();
    await new Promise((r) => setTimeout(r, 100));
    await clock.advance(3_000);
    expect(kioskEnd.items).toEqual([]);
    await clock.advance(6_000);
    expect(await kioskEnd.waitFor(() => true)).toEqual({ callId: second, reason: "error" });
    await expect.poll(async () => (await calls()).map((c) => c.outcome)).toEqual(["answered", "answered"]);
  });

  it("a kiosk already in a call cannot start another", async () => {
    const { kiosk } = await desk();
    const { callId } = await emitWithAck(kiosk.socket, "call:start", {});
    expect(callId).toBeTruthy();
    expect(await emitWithAck(kiosk.socket, "call:start", {})).toEqual({ error: "This kiosk is already in a call." });
  });
});
