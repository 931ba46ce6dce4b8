import type { Socket } from "socket.io-client";
import { createTestClock } from "../helpers/test-clock.js";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { ApiClient, setUpManager, startTestApp, type TestApp } from "../helpers/app.js";
import { collect, connectSocket, emitWithAck } from "../helpers/sockets.js";

let app: TestApp;
let manager: ApiClient;
const sockets: Socket[] = [];

beforeEach(async () => {
  app = await startTestApp();
  manager = await setUpManager(app);
});
afterEach(async () => {
  for (const s of sockets.splice(0)) s.close();
  await app.stop();
});

class Guest extends ApiClient {
  token = "";
  conversationId = "";
  override request<T = any>(method: string, path: string, body?: unknown, options: Parameters<ApiClient["request"]>[3] = {}) {
    const self = this as unknown as { cookie: string };
    self.cookie = "";
    return super.requestWithHeaders<T>(method, path, body, options, this.token ? { authorization: `Bearer ${this.token}` } : {});
  }
}

async function newGuest(body: Record<string, unknown> = {}) {
  const guest = new Guest(app.url);
  const res = await guest.post("/api/guest/sessions", { slug: "hotel-miramar", tag: "Room12", ...body });
  expect(res.status).toBe(201);
  guest.token = res.body.token;
  guest.conversationId = res.body.conversationId;
  return guest;
}

async function guestSocket(token: string) {
  const socket = await connectSocket(app.url, "/guest", { token });
  sockets.push(socket);
  return socket;
}

describe("guest chat", () => {
  it("stores a guest message, answers 201 with it, and lists it", async () => {
    const guest = await newGuest({ name: "Ana" });
    const sent = await guest.post("/api/guest/messages", { text: "Is breakfast served until 11?", clientId: "c1" });
    expect(sent.status).toBe(201);
    expect(sent.body.message).toMatchObject({ from: "guest", text: "Is breakfast served until 11?", clientId: "c1" });
    const list = await guest.get("/api/guest/messages");
    expect(list.body.messages.map((m: { text: string }) => m.text)).toEqual(["Is breakfast served until 11?"]);
  });

  it("stores a message once when the same clientId is sent twice", async () => {
    const guest = await newGuest();
    const a = await guest.post("/api/guest/messages", { text: "Hello", clientId: "same-1" });
    const b = await guest.post("/api/guest/messages", { text: "Hello", clientId: "same-1" });
    expect([a.status, b.status]).toEqual([201, 201]);
    expect(b.body.message.id).toBe(a.body.message.id);
    expect((await guest.get("/api/guest/messages")).body.messages).toHaveLength(1);
  });

  it("keeps the order of a burst of messages", async () => {
    const guest = await newGuest();
    for (let i = 0; i < 20; i++) await guest.post("/api/guest/messages", { text: `m${i}`, clientId: `k${i}` });
    const texts = (await guest.get("/api/guest/messages")).body.messages.map((m: { text: string }) => m.text);
    expect(texts).toEqual(Array.from({ length: 20 }, (_, i) => `m${i}`));
  });

  it("refuses an unknown slug, a forged token and a missing token", async () => {
    const stranger = new Guest(app.url);
    const bad = await stranger.post("/api/guest/sessions", { slug: "no-such-hotel" });
    expect(bad.status).toBe(404);
    expect(bad.body.error).toMatch(/reception link is not valid/);
    expect((await stranger.get("/api/guest/messages")).status).toBe(401);
    stranger.token = "forged-token";
    const forged = await stranger.post("/api/guest/messages", { text: "hi" });
    expect(forged.status).toBe(401);
    expect(forged.body.error).toMatch(/not valid/);
  });

  it("never shows one guest another guest's conversation", async () => {
    const a = await newGuest();
    const b = await newGuest();
    await a.post("/api/guest/messages", { text: "secret of A" });
    expect((await b.get("/api/guest/messages")).body.messages).toEqual([]);
    // A guest token is not a staff session either.
    expect((await b.get(`/api/conversations/${a.conversationId}`)).status).toBe(401);
  });

  it("answers bad text with 400 and stores nothing", async () => {
    const guest = await newGuest();
    const cases: Array<[unknown, RegExp]> = [
      [{ text: "" }, /cannot be empty/],
      [{ text: "   \n " }, /cannot be empty/],
      [{ text: "x".repeat(4001) }, /at most 4,000/],
      [{ text: "bell\u0007" }, /control characters/],
      [{ text: 42 }, /must be a string/],
      [{ text: "ok", clientId: "has space" }, /clientId/],
      [{ text: "ok", extra: true }, /not a field/],
    ];
    for (const [body, pattern] of cases) {
      const res = await guest.post("/api/guest/messages", body);
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(JSON.stringify(res.body)).toMatch(pattern);
    }
    expect((await guest.request("POST", "/api/guest/messages", undefined, { rawBody: "{oops" })).status).toBe(400);
    expect((await guest.post("/api/guest/messages", { text: "x".repeat(4000) })).status).toBe(201);
    expect((await guest.get("/api/guest/messages")).body.messages).toHaveLength(1);
  });

  it("delivers staff answers live to the guest's socket, with the staff name", async () => {
    const guest = await newGuest({ name: "Ana" });
    const socket = await guestSocket(guest.token);
    const messages = collect(socket, "message");
    const ack = await emitWithAck(socket, "send", { text: "Towels please", clientId: "s1" });
    expect(ack).toMatchObject({ ok: true, message: { text: "Towels please", from: "guest" } });
    await messages.waitFor((m) => m.text === "Towels please");
    const reply = await manager.post(`/api/conversations/${guest.conversationId}/messages`, { text: "On their way!" });
    expect(reply.status).toBe(201);
    const live = await messages.waitFor((m) => m.from === "staff");
    expect(live).toMatchObject({ text: "On their way!", staffName: "Mara Manager" });
    const history = (await guest.get("/api/guest/messages")).body.messages;
    expect(history.map((m: { from: string }) => m.from)).toEqual(["guest", "staff"]);
    expect(history[0].deliveredAt).toBeDefined(); // answered means seen
  });

  it("refuses a socket without a valid token, and bad sends with {ok:false}", async () => {
    await expect(connectSocket(app.url, "/guest")).rejects.toThrow(/Authorization|token/i);
    await expect(connectSocket(app.url, "/guest", { token: "nope" })).rejects.toThrow(/not valid/);
    const guest = await newGuest();
    const socket = await guestSocket(guest.token);
    expect(await emitWithAck(socket, "send", { text: "" })).toMatchObject({ ok: false, error: expect.stringMatching(/empty/) });
    expect(await emitWithAck(socket, "send", "just a string")).toMatchObject({ ok: false });
    expect((await guest.get("/api/guest/messages")).body.messages).toEqual([]);
  });
});

describe("team messenger API", () => {
  it("lists conversations newest first with unanswered ones marked, live on /staff", async () => {
    const staffSocket = await connectSocket(app.url, "/staff", { cookie: manager.cookie });
    sockets.push(staffSocket);
    const live = collect(staffSocket, "message");
    const first = await newGuest({ name: "Ana", tag: "Room12" });
    const second = await newGuest({ name: "Ben", tag: "Room7" });
    await first.post("/api/guest/messages", { text: "First question" });
    await second.post("/api/guest/messages", { text: "Second question" });
    await live.waitFor((m) => m.message.text === "Second question" && m.conversationId === second.conversationId);
    await manager.post(`/api/conversations/${first.conversationId}/messages`, { text: "Answer" });
    const list = (await manager.get("/api/conversations")).body.conversations;
    expect(list.map((c: { guestName: string; unanswered: boolean }) => [c.guestName, c.unanswered])).toEqual([
      ["Ana", false],
      ["Ben", true],
    ]);
    expect(list[1]).toMatchObject({ channel: "web", tag: "Room7", lastMessage: "Second question" });
    const detail = await manager.get(`/api/conversations/${second.conversationId}`);
    expect(detail.body.messages[0]).toMatchObject({ text: "Second question", deliveredAt: expect.any(String) });
  });

  it("refuses a staff socket without a session, and unknown conversation ids", async () => {
    await expect(connectSocket(app.url, "/staff")).rejects.toThrow(/Sign in/);
    expect((await manager.get("/api/conversations/c_nope")).status).toBe(404);
    expect((await manager.post("/api/conversations/c_nope/messages", { text: "hi" })).status).toBe(404);
  });

  it("tells a guest outside working hours once, and shows staff the email they leave", async () => {
    const closed = { from: "00:00", to: "00:01" };
    const res = await manager.request("PUT", "/api/chat/working-hours", {
      enabled: true,
      weekly: { mon: [closed], tue: [closed], wed: [closed], thu: [closed], fri: [closed], sat: [closed], sun: [closed] },
      exceptions: [],
    });
    expect(res.status).toBe(200);
    const before = await new ApiClient(app.url).get("/api/guest/property/hotel-miramar?lang=fr");
    expect(before.body).toMatchObject({ name: "Hotel Miramar", onDuty: false, offHoursNotice: expect.stringMatching(/réception/) });
    const guest = await newGuest({ language: "de-DE" });
    const info = await guest.get("/api/guest/conversation");
    expect(info.body).toMatchObject({ onDuty: false, offHoursNotice: expect.stringMatching(/Rezeption/) });
    await guest.post("/api/guest/messages", { text: "Late check-in?" });
    await guest.post("/api/guest/messages", { text: "Around midnight" });
    const messages = (await guest.get("/api/guest/messages")).body.messages;
    expect(messages.map((m: { from: string }) => m.from)).toEqual(["guest", "system", "guest"]);
    const bad = await guest.patch("/api/guest/conversation", { email: "not-an-email" });
    expect(bad.status).toBe(400);
    expect((await guest.patch("/api/guest/conversation", { email: "ana@example.com" })).body.email).toBe("ana@example.com");
    const list = (await manager.get("/api/conversations")).body.conversations;
    expect(list[0]).toMatchObject({ email: "ana@example.com", language: "de-DE", unanswered: true });
  });
});

describe("guest tokens", () => {
  it("expire after the configured days with a clear answer", async () => {
    await app.stop();
    const clock = createTestClock(Date.parse("2026-11-25T10:00:00Z"));
    app = await startTestApp({ clock, config: { chat: { guestTokenDays: 30 } } });
    manager = await setUpManager(app);
    const guest = await newGuest();
    expect((await guest.post("/api/guest/messages", { text: "hello" })).status).toBe(201);
    await clock.advance(31 * 86_400_000);
    const late = await guest.post("/api/guest/messages", { text: "still there?" });
    expect(late.status).toBe(401);
    expect(late.body.error).toMatch(/expired/);
    await expect(connectSocket(app.url, "/guest", { token: guest.token })).rejects.toThrow(/expired/);
  });
});

describe("abuse limits on the public endpoints", () => {
  it("refuse a flood of messages in one conversation with 429 and Retry-After, and store none of the excess", async () => {
    await app.stop();
    const clock = createTestClock(Date.parse("2026-11-25T10:00:00Z"));
    app = await startTestApp({ clock, config: { chat: { guestMessagesPerMinute: 5 } } });
    manager = await setUpManager(app);
    const guest = await newGuest();
    for (let i = 0; i < 5; i++) expect((await guest.post("/api/guest/messages", { text: `m${i}` })).status).toBe(201);
    const refused = await guest.post("/api/guest/messages", { text: "one too many" });
    expect(refused.status).toBe(429);
    expect(refused.body.error).toMatch(/Too many messages/);
    expect(Number(refused.headers.get("retry-after"))).toBeGreaterThan(0);
    const socket = await guestSocket(guest.token);
    expect(await emitWithAck(socket, "send", { text: "via socket", clientId: "s1" })).toMatchObject({ ok: false, error: expect.stringMatching(/Too many/) });
    expect((await guest.get("/api/guest/messages")).body.messages).toHaveLength(5);
    await clock.advance(13_000); // 5 a minute: one more after 12 s
    expect((await guest.post("/api/guest/messages", { text: "later" })).status).toBe(201);
    // Another guest is not affected.
    const other = await newGuest();
    expect((await other.post("/api/guest/messages", { text: "hello" })).status).toBe(201);
  });

  it("refuse a flood of new chats from one address", async () => {
    await app.stop();
    app = await startTestApp({ config: { chat: { guestSessionsPerMinute: 3 } } });
    manager = await setUpManager(app);
    const statuses = [];
    for (let i = 0; i < 4; i++) statuses.push((await new ApiClient(app.url).post("/api/guest/sessions", { slug: "hotel-miramar" })).status);
    expect(statuses).toEqual([201, 201, 201, 429]);
  });
});

describe("off hours: when the team is back", () => {
  const nineToSix = [{ from: "09:00", to: "18:00" }];
  const weekdays = { mon: nineToSix, tue: nineToSix, wed: nineToSix, thu: nineToSix, fri: nineToSix, sat: [], sun: [] };
  const clock = createTestClock();

  async function romeHotel(startAt: string, exceptions: Array<{ date: string; ranges: Array<{ from: string; to: string }> }> = []) {
    await app.stop();
    await clock.set(Date.parse(startAt));
    app = await startTestApp({ clock });
    manager = await setUpManager(app);
    expect((await manager.patch("/api/property", { timezone: "Europe/Rome" })).status).toBe(200);
    expect((await manager.request("PUT", "/api/chat/working-hours", { enabled: true, weekly: weekdays, exceptions })).status).toBe(200);
  }

  it("tells the page and the conversation the next moment someone is on duty, in UTC", async () => {
    // Friday 2026-11-27 at 19:30 in Rome (18:30 UTC): back on Monday at 09:00 (08:00 UTC).
    await romeHotel("2026-11-27T18:30:00Z");
    const property = await new ApiClient(app.url).get("/api/guest/property/hotel-miramar?lang=de");
    expect(property.body).toMatchObject({ timezone: "Europe/Rome", onDuty: false, backAt: "2026-11-30T08:00:00.000Z" });
    const guest = await newGuest({ language: "de" });
    expect((await guest.get("/api/guest/conversation")).body).toMatchObject({ onDuty: false, backAt: "2026-11-30T08:00:00.000Z" });
    // Within the hours there is no notice and no backAt.
    await clock.set(Date.parse("2026-11-30T10:00:00Z"));
    expect((await guest.get("/api/guest/conversation")).body).toMatchObject({ onDuty: true, offHoursNotice: null, backAt: null });
    expect((await new ApiClient(app.url).get("/api/guest/property/hotel-miramar")).body).toMatchObject({ onDuty: true, backAt: null });
  });

  it("skips a holiday, and has no backAt when no working hours lie ahead", async () => {
    // Thursday 24 December after closing; Christmas Friday is closed: back on Monday the 28th.
    await romeHotel("2026-12-24T18:00:00Z", [{ date: "2026-12-25", ranges: [] }]);
    expect((await new ApiClient(app.url).get("/api/guest/property/hotel-miramar")).body.backAt).toBe("2026-12-28T08:00:00.000Z");
    const never = { enabled: true, weekly: { mon: [], tue: [], wed: [], thu: [], fri: [], sat: [], sun: [] }, exceptions: [] };
    expect((await manager.request("PUT", "/api/chat/working-hours", never)).status).toBe(200);
    expect((await new ApiClient(app.url).get("/api/guest/property/hotel-miramar")).body).toMatchObject({ onDuty: false, backAt: null });
  });

  it("posts the notice once per stretch off duty, not after every message", async () => {
    await romeHotel("2026-11-27T18:30:00Z"); // Friday evening
    const guest = await newGuest({ language: "it" });
    await guest.post("/api/guest/messages", { text: "Is the pool open?" });
    await clock.set(Date.parse("2026-11-28T01:00:00Z")); // the night
    await guest.post("/api/guest/messages", { text: "Hello?" });
    await clock.set(Date.parse("2026-11-29T12:00:00Z")); // Sunday, still closed
    await guest.post("/api/guest/messages", { text: "Anyone?" });
    const weekend = (await guest.get("/api/guest/messages")).body.messages;
    expect(weekend.map((m: { from: string }) => m.from)).toEqual(["guest", "system", "guest", "guest"]);
    expect(weekend[1].text).toMatch(/reception è chiusa/);
    // The team was on duty on Monday; on Monday evening the guest hears it again.
    await clock.set(Date.parse("2026-11-30T19:00:00Z"));
    await guest.post("/api/guest/messages", { text: "One more question" });
    const froms = (await guest.get("/api/guest/messages")).body.messages.map((m: { from: string }) => m.from);
    expect(froms).toEqual(["guest", "system", "guest", "guest", "guest", "system"]);
  });

  it("has a notice in each of the page's languages, and falls back sensibly from the manager's", async () => {
    await romeHotel("2026-11-27T18:30:00Z");
    const notice = async (lang: string) => (await new ApiClient(app.url).get(`/api/guest/property/hotel-miramar?lang=${lang}`)).body.offHoursNotice as string;
    const texts = await Promise.all(["en", "de", "es", "fr", "it", "pt", "ru", "zh"].map(notice));
    expect(new Set(texts).size).toBe(8);
    expect(texts[6]).toMatch(/ресепшен сейчас закрыт/);
    expect(texts[7]).toMatch(/前台/);
    expect(await notice("pt-BR")).toBe(texts[5]);
    expect(await notice("nl")).toBe(texts[0]);

    // The manager's own notice, in English and German only: German guests read theirs,
    // everyone else the manager's English (it may say what ours cannot).
    const own = { en: "Closed tonight: for emergencies call +39 055 123 456.", de: "Heute Abend geschlossen: im Notfall +39 055 123 456." };
    expect((await manager.request("PUT", "/api/chat/settings", { unansweredMinutes: 10, offHoursNotice: own })).status).toBe(200);
    expect(await notice("de")).toBe(own.de);
    expect(await notice("ru")).toBe(own.en);
    // An English notice left as ours: guests read ours in their language.
    expect((await manager.request("PUT", "/api/chat/settings", { unansweredMinutes: 10, offHoursNotice: { en: texts[0] } })).status).toBe(200);
    expect(await notice("zh")).toBe(texts[7]);
  });
});

describe("room tags", () => {
  it("are kept as given, spaces and case included", async () => {
    for (const tag of ["Room 12", "suite-3B", "房间 8"]) await (await newGuest({ tag })).post("/api/guest/messages", { text: "Hello" });
    const tags = (await manager.get("/api/conversations")).body.conversations.map((c: { tag: string }) => c.tag);
    expect(tags.sort()).toEqual(["Room 12", "suite-3B", "房间 8"].sort());
  });

  it("are refused with 400 naming the tag when longer than 40 characters, not dropped", async () => {
    const fits = "R".repeat(40);
    expect((await (await newGuest({ tag: fits })).post("/api/guest/messages", { text: "Hello" })).status).toBe(201);
    const stranger = new ApiClient(app.url);
    const long = await stranger.post("/api/guest/sessions", { slug: "hotel-miramar", tag: `${fits}1` });
    expect(long.status).toBe(400);
    expect(long.body.details).toEqual([{ field: "tag", message: expect.stringMatching(/at most 40 characters/) }]);
    const odd = await stranger.post("/api/guest/sessions", { slug: "hotel-miramar", tag: "Room<12>" });
    expect(odd.status).toBe(400);
    expect(odd.body.details).toEqual([{ field: "tag", message: expect.stringMatching(/letters, digits/) }]);
    expect((await manager.get("/api/conversations")).body.conversations.map((c: { tag: string }) => c.tag)).toEqual([fits]);
  });
});
