import { join } from "node:path";
import Database from "better-sqlite3";
import { afterEach, describe, expect, it } from "vitest";
import { linkStaff, startTelegramWorld, waitUntil, webGuest, type TelegramWorld } from "../helpers/telegram-setup.js";

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
    world = await startTelegramWorld();
    const { user: anna } = await linkStaff(world, "Anna", 8101);
    const before = sendTimes(world).length;
    world.tg.rateLimitNext(1, 3, { method: "sendMessage" });
    const guest = await webGuest(world.app);
    await guest.send("Can I get a taxi at 6?");
    await guest.send("For two people.");
    await anna.waitFor(/taxi/, 10_000);
    await anna.waitFor(/two people/, 10_000);
    const sends = sendTimes(world).slice(before);
    expect(sends[0]!.outcome).toBe(429);
    for (const later of sends.slice(1)) expect(later.at - sends[0]!.at).toBeGreaterThanOrEqual(3000);
    expect(anna.received().filter((m) => m.text?.includes("taxi"))).toHaveLength(1);
  }, 20_000);

  it("retries 5xx answers with backoff and delivers once", async () => {
    world = await startTelegramWorld();
    const { user: anna } = await linkStaff(world, "Anna", 8201);
    world.tg.failNext(2, { status: 502, method: "sendMessage" });
    world.tg.failNext(1, { status: 503, method: "sendMessage", html: true });
    const guest = await webGuest(world.app);
    await guest.send("The shower is cold");
    await anna.waitFor(/shower/, 15_000);
    await waitUntil(() => sendTimes(world!).every((r) => r.outcome !== "pending"), 5000, "answers recorded");
    const attempts = sendTimes(world).filter((r) => String(r.params.text ?? "").includes("shower"));
    expect(attempts.map((r) => r.outcome)).toEqual([502, 502, 503, 200]);
    expect(anna.received().filter((m) => m.text?.includes("shower"))).toHaveLength(1);
  }, 25_000);

  it("after an outage delivers everything in order, once, both ways", async () => {
    world = await startTelegramWorld();
    const { user: anna } = await linkStaff(world, "Anna", 8301);
    const stranger = world.tg.user(8302, { firstName: "Sam" });
    await stranger.send("/start");
    await stranger.waitFor(/Welcome/);
    world.tg.outage(true);
    const guest = await webGuest(world.app, { name: "Olga" });
    const texts = Array.from({ length: 8 }, (_, i) => `web message ${i + 1}`);
    for (const text of texts) expect((await guest.send(text)).status).toBe(201); // stored while offline
    for (let i = 1; i <= 3; i++) await stranger.send(`telegram message ${i}`);
    await new Promise((r) => setTimeout(r, 4000));
    expect(anna.received().some((m) => m.text?.includes("web message"))).toBe(false);
    world.tg.outage(false);
    // Waiting messages of one guest reach a staff chat as one bot message, each quoted.
    const quoted = (kind: string) => anna.received().flatMap((m) => (m.text ?? "").match(new RegExp(`${kind} message \\d+`, "g")) ?? []);
    await waitUntil(() => quoted("(web|telegram)").length === 11, 20_000, "all relays");
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
