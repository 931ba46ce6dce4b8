import { join } from "node:path";
import Database from "better-sqlite3";
import { afterEach, describe, expect, it } from "vitest";
import { linkStaff, startTelegramWorld, waitUntil, webGuest, type TelegramWorld } from "../helpers/telegram-setup.js";
import { createTestClock } from "../helpers/test-clock.js";

// Telegram misbehaving as it does in real life: 429s, 5xx, the internet gone, the disk busy.

let world: TelegramWorld | undefined;
afterEach(async () => {
  await world?.stop();
  world = undefined;
});

const sendTimes = (w: TelegramWorld) => w.tg.requests.filter((r) => r.method === "sendMessage");

describe("when Telegram or the box has trouble", () => {
  it("confirms an update to Telegram only after it is stored, and fetches it again when storing failed", async () => {
    world = await startTelegramWorld();
    const db = new Database(join(world.app.dataDir, "innbox.sqlite"));
    db.pragma("busy_timeout = 100");
    // Another writer holds the database longer than the appliance's busy timeout (5 s).
    db.prepare("BEGIN IMMEDIATE").run();
    const stranger = world.tg.user(8001, { firstName: "Noor" });
    const sent = await stranger.send("Do you have a late checkout?");
    await new Promise((r) => setTimeout(r, 5600));
    const pending = world.tg.pendingUpdates().map((u) => ("message" in u ? u.message?.message_id : undefined));
    expect(pending).toContain(sent.message_id);
    db.prepare("COMMIT").run();
    db.close();
    await waitUntil(async () => (await world!.manager.get("/api/conversations")).body.conversations.length === 1, 10_000, "conversation stored");
    const [conversation] = (await world.manager.get("/api/conversations")).body.conversations;
    const detail = await world.manager.get(`/api/conversations/${conversation.id}`);
    expect(detail.body.messages.map((m: { text: string }) => m.text)).toEqual(["Do you have a late checkout?"]);
    // It was handed out again after the failed attempt (it was never confirmed), stored once, and only then confirmed.
    await waitUntil(() => world!.tg.pendingUpdates().length === 0, 10_000, "offset confirmed");
  }, 30_000);

  it("honours 429 retry_after: nothing is sent before it elapses", async () => {
    const clock = createTestClock();
    world = await startTelegramWorld({ clock });
    const { user: anna } = await linkStaff(world, "Anna", 8101);
    const before = sendTimes(world).length;
    world.tg.rateLimitNext(1, 30, { method: "sendMessage" });
    const guest = await webGuest(world.app);
    await guest.send("Can I get a taxi at 6?");
    await waitUntil(() => sendTimes(world!).slice(before).some((r) => r.outcome === 429), 5000, "the 429");
    await guest.send("For two people.");
    // Both messages wait, whatever else happens, until the 30 s have passed on the app's clock.
    await clock.advance(29_000);
    await new Promise((r) => setTimeout(r, 300));
    expect(sendTimes(world).slice(before)).toHaveLength(1);
    await clock.advance(1_500);
    await anna.waitFor(/taxi/, 5000);
    await anna.waitFor(/two people/, 5000);
    const sends = sendTimes(world).slice(before);
    expect(sends[0]!.outcome).toBe(429);
    expect(sends.slice(1).every((r) => r.outcome !== 429)).toBe(true);
    expect(anna.received().filter((m) => m.text?.includes("taxi"))).toHaveLength(1);
  }, 20_000);

  it("retries 5xx answers with backoff and delivers once", async () => {
    const clock = createTestClock();
    world = await startTelegramWorld({ clock, config: { chat: { retryMaxSeconds: 60 } } });
    const { user: anna } = await linkStaff(world, "Anna", 8201);
    world.tg.failNext(2, { status: 502, method: "sendMessage" });
    world.tg.failNext(1, { status: 503, method: "sendMessage", html: true });
    const guest = await webGuest(world.app);
    await guest.send("The shower is cold");
    await clock.advanceUntil(() => anna.received().some((m) => m.text?.includes("shower")), { what: "the relay after three failures" });
    await waitUntil(() => sendTimes(world!).every((r) => r.outcome !== "pending"), 5000, "answers recorded");
    const attempts = sendTimes(world).filter((r) => String(r.params.text ?? "").includes("shower"));
    expect(attempts.map((r) => r.outcome)).toEqual([502, 502, 503, 200]);
    expect(anna.received().filter((m) => m.text?.includes("shower"))).toHaveLength(1);
  }, 25_000);

  it("after an outage delivers everything in order, once, both ways", async () => {
    const clock = createTestClock();
    world = await startTelegramWorld({ clock, config: { chat: { retryMaxSeconds: 60 } } });
    const { user: anna } = await linkStaff(world, "Anna", 8301);
    const stranger = world.tg.user(8302, { firstName: "Sam" });
    await stranger.send("/start");
    await stranger.waitFor(/Welcome/);
    // A day before unanswered alerts: this test counts relays only.
    expect((await world.manager.request("PUT", "/api/chat/settings", { unansweredMinutes: 1440, offHoursNotice: { en: "Closed." } })).status).toBe(200);
    world.tg.outage(true);
    const guest = await webGuest(world.app, { name: "Olga" });
    const texts = Array.from({ length: 8 }, (_, i) => `web message ${i + 1}`);
    for (const text of texts) expect((await guest.send(text)).status).toBe(201); // stored while offline
    for (let i = 1; i <= 3; i++) await stranger.send(`telegram message ${i}`);
    // An hour offline: every retry and poll fails, nothing is lost.
    for (let i = 0; i < 12; i++) {
      await clock.advance(5 * 60_000);
      await new Promise((r) => setTimeout(r, 30));
    }
    expect(anna.received().some((m) => m.text?.includes("web message"))).toBe(false);
    world.tg.outage(false);
    // Waiting messages of one guest reach a staff chat as one bot message, each quoted.
    const quoted = (kind: string) => anna.received().flatMap((m) => (m.text ?? "").match(new RegExp(`${kind} message \\d+`, "g")) ?? []);
    await clock.advanceUntil(() => quoted("(web|telegram)").length === 11, { what: "all relays" });
    expect(quoted("web")).toEqual(texts);
    expect(quoted("telegram")).toEqual(["telegram message 1", "telegram message 2", "telegram message 3"]);
    expect(anna.received().filter((m) => /(web|telegram) message/.test(m.text ?? "")).length).toBeLessThan(11);
    const list = (await world.manager.get("/api/conversations")).body.conversations;
    const tgConversation = list.find((c: { channel: string }) => c.channel === "telegram");
    const detail = await world.manager.get(`/api/conversations/${tgConversation.id}`);
    expect(detail.body.messages.map((m: { text: string }) => m.text)).toEqual(["telegram message 1", "telegram message 2", "telegram message 3"]);
  }, 45_000);

  it("keeps messages for a revoked token until a working one is set", async () => {
    world = await startTelegramWorld();
    const { user: anna } = await linkStaff(world, "Anna", 8401);
    const bad = await world.manager.request("PUT", "/api/telegram/token", { token: "999:not-a-real-token-at-all-xx" });
    expect(bad.status).toBe(400);
    expect(bad.body.error).toMatch(/did not accept this bot token/);
    const wrongShape = await world.manager.request("PUT", "/api/telegram/token", { token: "hello" });
    expect(wrongShape.status).toBe(400);
    expect(wrongShape.body.details[0].field).toBe("token");
    const status = await world.manager.get("/api/telegram");
    expect(status.body).toMatchObject({ configured: true, botUsername: world.tg.botUsername, source: "config" });
    const guest = await webGuest(world.app);
    await guest.send("Still working?");
    await anna.waitFor(/Still working/);
  }, 20_000);
});
