import { afterEach, describe, expect, it } from "vitest";
import { collect, connectSocket } from "../helpers/sockets.js";
import { linkStaff, startTelegramWorld, waitUntil, webGuest, type TelegramWorld } from "../helpers/telegram-setup.js";

let world: TelegramWorld | undefined;
afterEach(async () => {
  await world?.stop();
  world = undefined;
});

describe("staff linking", () => {
  it("links a member's Telegram with a one-time code and greets them by name", async () => {
    world = await startTelegramWorld();
    const created = await world.manager.post("/api/team", { name: "Lucía", role: "staff" });
    const link = await world.manager.post(`/api/team/${created.body.id}/telegram-link`);
    expect(link.body.url).toMatch(new RegExp(`^https://t\\.me/${world.tg.botUsername}\\?start=[\\w-]+$`));
    expect(link.body.qrSvg).toMatch(/^<svg/);
    expect(Date.parse(link.body.expiresAt) - Date.now()).toBeGreaterThan(23 * 3600_000);
    const lucia = world.tg.user(5001, { firstName: "Lucía" });
    const code = new URL(link.body.url).searchParams.get("start")!;
    await lucia.send(`/start ${code}`);
    expect((await lucia.waitFor(/linked/)).text).toContain("Hello Lucía");
    const status = await world.manager.get(`/api/team/${created.body.id}/telegram`);
    expect(status.body).toMatchObject({ linked: true, telegramName: "Lucía" });

    // The same code a second time, by someone else: refused, and nothing changes.
    const mallory = world.tg.user(5002, { firstName: "Mallory" });
    await mallory.send(`/start ${code}`);
    expect((await mallory.waitFor(/unknown, already used or expired/)).text).toMatch(/Ask your manager/);
    await mallory.send("/start made-up-code");
    await waitUntil(() => mallory.received().length === 2);
    expect((await world.manager.get(`/api/team/${created.body.id}/telegram`)).body.telegramName).toBe("Lucía");
  });
});

describe("staff linking, again", () => {
  it("makes an earlier unused link stop working when a new one is made", async () => {
    world = await startTelegramWorld();
    const created = await world.manager.post("/api/team", { name: "Tomás", role: "staff" });
    const first = await world.manager.post(`/api/team/${created.body.id}/telegram-link`);
    const second = await world.manager.post(`/api/team/${created.body.id}/telegram-link`);
    const tomas = world.tg.user(5101, { firstName: "Tomás" });
    await tomas.send(`/start ${new URL(first.body.url).searchParams.get("start")}`);
    await tomas.waitFor(/unknown, already used or expired/);
    await tomas.send(`/start ${new URL(second.body.url).searchParams.get("start")}`);
    await tomas.waitFor(/now linked/);
    expect((await world.manager.post("/api/team/m_nobody/telegram-link")).status).toBe(404);
  });
});

describe("relay", () => {
  it("sends a guest's message to every linked staff member, naming guest, room and channel, HTML escaped", async () => {
    world = await startTelegramWorld();
    const { user: anna } = await linkStaff(world, "Anna", 6001);
    const { user: ben } = await linkStaff(world, "Ben", 6002);
    const guest = await webGuest(world.app, { name: "Marco <b>", tag: "Room12" });
    expect((await guest.send("Is breakfast served until 11? <3 & thanks")).status).toBe(201);
    for (const staff of [anna, ben]) {
      const relayed = await staff.waitFor(/breakfast/);
      expect(relayed.text).toContain("Marco <b>");
      expect(relayed.text).toContain("Room12");
      expect(relayed.text).toContain("Online Reception");
      expect(relayed.text).toContain("Is breakfast served until 11? <3 & thanks");
    }
    await waitUntil(async () => Boolean((await guest.messages())[0]?.deliveredAt), 5000, "delivered mark");
  });

  it("puts a staff Telegram reply on the guest's open page at once, and tells the other staff who answered", async () => {
    world = await startTelegramWorld();
    const { user: anna } = await linkStaff(world, "Anna", 6101);
    const { user: ben } = await linkStaff(world, "Ben", 6102);
    const guest = await webGuest(world.app, { name: "Marco" });
    const socket = await connectSocket(world.app.url, "/guest", { token: guest.token });
    const live = collect(socket, "message");
    await guest.send("Is breakfast served until 11?");
    const relayed = await anna.waitFor(/breakfast/);
    await ben.waitFor(/breakfast/);
    await anna.reply(relayed, "Yes, until 11:00 in the garden room.");
    const answer = await live.waitFor((m) => m.from === "staff");
    expect(answer).toMatchObject({ text: "Yes, until 11:00 in the garden room.", staffName: "Anna" });
    const notice = await ben.waitFor(/Answered by/);
    expect(notice.text).toContain("Anna");
    expect(notice.text).toContain("Yes, until 11:00");
    expect(anna.received().some((m) => m.text?.includes("Answered by"))).toBe(false);
    // Ben replies to the "Answered by" notice: that reaches the guest too.
    await ben.reply(notice, "And coffee until 11:30.");
    await live.waitFor((m) => m.text === "And coffee until 11:30." && m.staffName === "Ben");
    const history = await guest.messages();
    expect(history.map((m) => [m.from, m.staffName ?? null])).toEqual([["guest", null], ["staff", "Anna"], ["staff", "Ben"]]);
    const list = (await world.manager.get("/api/conversations")).body.conversations;
    expect(list[0].unanswered).toBe(false);
    socket.close();
  });

  it("makes a stranger who writes to the bot a Telegram guest, and relays staff replies back as bot messages", async () => {
    world = await startTelegramWorld();
    const { user: anna } = await linkStaff(world, "Anna", 6201);
    const stranger = world.tg.user(7001, { firstName: "Jules", lastName: "Martin", languageCode: "fr" });
    await stranger.send("/start");
    expect((await stranger.waitFor(/Bienvenue/)).text).toContain("Hotel Miramar");
    await stranger.send("Avez-vous un parking ?");
    const relayed = await anna.waitFor(/parking/);
    expect(relayed.text).toContain("Jules Martin");
    expect(relayed.text).toContain("Telegram");
    const list = (await world.manager.get("/api/conversations")).body.conversations;
    expect(list[0]).toMatchObject({ channel: "telegram", guestName: "Jules Martin", language: "fr", unanswered: true });
    await anna.reply(relayed, "Oui, gratuit, derrière l'hôtel.");
    const back = await stranger.waitFor(/gratuit/);
    expect(back.text).toContain("Anna");
    // And an answer from the admin page reaches them the same way.
    await world.manager.post(`/api/conversations/${list[0].id}/messages`, { text: "Code du portail : 1234" });
    expect((await stranger.waitFor(/portail/)).text).toContain("Mara Manager");
  });

  it("tells staff what to do with plain messages, replies to non-guest messages, photos and /help", async () => {
    world = await startTelegramWorld();
    const { user: anna } = await linkStaff(world, "Anna", 6301);
    const linkedNotice = anna.received()[0]!;
    await anna.send("hello?");
    await anna.waitFor(/reply<\/b>|Reply|reply/);
    await anna.reply(linkedNotice, "answering the bot");
    await anna.waitFor(/not a guest's message/);
    await anna.sendPhoto();
    await anna.waitFor(/Only text can be passed on/);
    await anna.send("/help");
    await anna.waitFor(/\/offduty/);
    expect((await world.manager.get("/api/conversations")).body.conversations).toEqual([]);
  });

  it("answers a guest who sends a sticker that only text is passed on", async () => {
    world = await startTelegramWorld();
    const stranger = world.tg.user(7101, { firstName: "Kai", languageCode: "de" });
    await stranger.sendSticker();
    await stranger.waitFor(/Textnachrichten/);
    expect((await world.manager.get("/api/conversations")).body.conversations).toEqual([]);
  });

  it("stops relaying to a member who goes off duty, and starts again on /onduty", async () => {
    world = await startTelegramWorld();
    const { user: anna } = await linkStaff(world, "Anna", 6401);
    const { user: ben } = await linkStaff(world, "Ben", 6402);
    await ben.send("/offduty");
    await ben.waitFor(/off duty/);
    const guest = await webGuest(world.app);
    await guest.send("First question");
    await anna.waitFor(/First question/);
    await ben.send("/onduty");
    await ben.waitFor(/on duty/);
    await guest.send("Second question");
    await ben.waitFor(/Second question/);
    expect(ben.received().some((m) => m.text?.includes("First question"))).toBe(false);
  });
});

describe("replies after a crash", () => {
  it("finds the guest for a reply to a relay whose Telegram message id was never recorded", async () => {
    world = await startTelegramWorld();
    const { user: anna } = await linkStaff(world, "Anna", 6501);
    const guest = await webGuest(world.app, { name: "Rosa" });
    await guest.send("Can we check out at noon?");
    const relayed = await anna.waitFor(/check out at noon/);
    await waitUntil(async () => Boolean((await guest.messages())[0]?.deliveredAt), 5000, "relay recorded");
    // As if the box died between Telegram accepting the relay and the answer being stored.
    const Database = (await import("better-sqlite3")).default;
    const db = new Database(`${world.app.dataDir}/innbox.sqlite`);
    db.prepare("delete from telegram_relays").run();
    db.close();
    await anna.reply(relayed, "Yes, noon is fine.");
    await waitUntil(async () => (await guest.messages()).some((m) => m.from === "staff" && m.text === "Yes, noon is fine."), 5000, "answer stored");
  });
});
