import { join } from "node:path";
import Database from "better-sqlite3";
import type { Message } from "node-telegram-bot-api";
import { afterEach, describe, expect, it } from "vitest";
import { linkStaff, startTelegramWorld, waitUntil, webGuest, type TelegramWorld } from "../helpers/telegram-setup.js";
import type { TelegramUserClient } from "../helpers/telegram-emulator.js";
import { createTestClock } from "../helpers/test-clock.js";

// What reaches staff when guests write a lot: Telegram's 4,096 characters and its sending
// limits. The emulator refuses a text over 4,096 characters (after HTML parsing) the way
// Telegram does, so a relay that does not fit would never arrive.

let world: TelegramWorld | undefined;
afterEach(async () => {
  await world?.stop();
  world = undefined;
});

const LONG_NAME = "Maria Fernanda de los Ángeles Ortega-Villanueva y Castellano"; // 60
const LONG_TAG = "Garden Suite 12 - Annex B - 2nd floor #4"; // 40
const longText = (seed: string) => `${seed} `.concat("We arrive late tonight, around midnight, after a long drive from the coast. ".repeat(60)).slice(0, 4000);

function outboxRows(w: TelegramWorld, sql: string, ...args: unknown[]): number {
  const db = new Database(join(w.app.dataDir, "innbox.sqlite"), { readonly: true });
  try {
    return (db.prepare(sql).get(...args) as { n: number }).n;
  } finally {
    db.close();
  }
}
const pendingFor = (w: TelegramWorld, user: TelegramUserClient) => outboxRows(w, "select count(*) as n from outbox where status = 'pending' and chat_key = ?", `tg:${user.chatId}`);
/** Nothing waiting in the outbox (the "linked" confirmation may be seen before its answer is stored). */
const settled = (w: TelegramWorld) => waitUntil(() => outboxRows(w, "select count(*) as n from outbox where status = 'pending'") === 0, 5000, "an empty outbox");
const deadRows = (w: TelegramWorld) => outboxRows(w, "select count(*) as n from outbox where status = 'dead'");
const relaysIn = (user: TelegramUserClient) => user.received().filter((m) => m.text?.startsWith("💬"));
const linkTo = (m: Message) => m.entities?.find((e) => e.type === "text_link")?.url;

describe("long messages", () => {
  it("relays a 4,000-character message under a 60-character name and a 40-character tag, shortened with a link to it in the Messenger", async () => {
    world = await startTelegramWorld();
    const { user: anna } = await linkStaff(world, "Anna", 10_001);
    expect(LONG_NAME).toHaveLength(60);
    expect(LONG_TAG).toHaveLength(40);
    const guest = await webGuest(world.app, { name: LONG_NAME, tag: LONG_TAG });
    const text = longText("Hello!");
    expect(text).toHaveLength(4000);
    expect((await guest.send(text)).status).toBe(201);

    const relayed = await anna.waitFor(/Shortened/);
    expect(relayed.text!.length).toBeLessThanOrEqual(4096);
    expect(relayed.text).toContain(LONG_NAME);
    expect(relayed.text).toContain(LONG_TAG);
    expect(relayed.text).toContain(text.slice(0, 3800));
    expect(relayed.text).not.toContain(text);
    expect(relayed.text).toContain("the whole message is in the Team Messenger");
    expect(linkTo(relayed)).toBe(`${world.app.publicUrl}/admin/messenger/${guest.conversationId}`);
    await waitUntil(async () => Boolean((await guest.messages())[0]?.deliveredAt), 5000, "delivered mark");
    expect(deadRows(world)).toBe(0);

    await anna.reply(relayed, "See you at midnight, the night porter has your key.");
    await waitUntil(async () => (await guest.messages()).some((m) => m.from === "staff" && m.staffName === "Anna"), 5000, "answer stored");
  });

  it("alerts about a long wait with the 4,000-character message shortened the same way", async () => {
    const clock = createTestClock();
    world = await startTelegramWorld({ clock });
    const { user: anna } = await linkStaff(world, "Anna", 10_101);
    await world.manager.request("PUT", "/api/chat/settings", { unansweredMinutes: 5, offHoursNotice: { en: "We are closed." } });
    const guest = await webGuest(world.app, { name: LONG_NAME, tag: LONG_TAG });
    const text = longText("Please help:");
    await guest.send(text);
    await anna.waitFor(/Shortened/);

    await clock.advance(6 * 60_000);
    const alert = await anna.waitFor(/has waited 6 min/, 5000);
    expect(alert.text!.length).toBeLessThanOrEqual(4096);
    expect(alert.text).toContain(`${LONG_NAME} (${LONG_TAG})`);
    expect(alert.text).toContain(text.slice(0, 3800));
    expect(alert.text).toContain("the whole message is in the Team Messenger");
    expect(linkTo(alert)).toBe(`${world.app.publicUrl}/admin/messenger/${guest.conversationId}`);
    expect(deadRows(world)).toBe(0);
    await anna.reply(alert, "On my way.");
    await waitUntil(async () => (await guest.messages()).some((m) => m.from === "staff"), 5000, "answer stored");
  }, 30_000);

  it("shortens and sends again when Telegram still finds a relay too long", async () => {
    world = await startTelegramWorld();
    const { user: anna } = await linkStaff(world, "Anna", 10_201);
    const guest = await webGuest(world.app, { name: "Ida" });
    const text = longText("Question:");
    world.tg.failNext(1, { status: 400, description: "Bad Request: message is too long", method: "sendMessage" });
    await guest.send(text);
    const relayed = await anna.waitFor(/Question:/);
    expect(relayed.text).toContain("the whole message is in the Team Messenger");
    expect(relayed.text!.length).toBeLessThan(3800);
    expect(deadRows(world)).toBe(0);
  });
});

describe("a backlog", () => {
  it("reaches each staff chat as one Telegram message per guest once Telegram is back, and a reply to it answers that guest", async () => {
    world = await startTelegramWorld();
    const { user: anna } = await linkStaff(world, "Anna", 10_301);
    const { user: ben } = await linkStaff(world, "Ben", 10_302);
    await settled(world);
    world.tg.outage(true);
    const guest = await webGuest(world.app, { name: "Olga", tag: "Room7" });
    const texts = ["Hello", "We are four, not three", "Can we have an extra bed?", "And a cot for the baby <1 y>", "Thanks & see you soon"];
    for (const text of texts) expect((await guest.send(text)).status).toBe(201);
    await waitUntil(() => pendingFor(world!, anna) === 5 && pendingFor(world!, ben) === 5, 10_000, "five relays waiting per staff chat");
    world.tg.outage(false);

    for (const staff of [anna, ben]) {
      const relayed = await staff.waitFor(/see you soon/, 15_000);
      expect(relayed.text).toMatch(/^💬 Olga · Room7 · Online Reception/);
      const at = texts.map((t) => relayed.text!.indexOf(t));
      expect(at.every((i) => i > 0)).toBe(true);
      expect([...at].sort((a, b) => a - b)).toEqual(at);
      expect(relayed.entities?.filter((e) => e.type === "blockquote")).toHaveLength(5);
      expect(relaysIn(staff)).toHaveLength(1);
    }
    await waitUntil(async () => (await guest.messages()).every((m) => m.deliveredAt), 5000, "all delivered");

    const combined = relaysIn(anna)[0]!;
    await anna.reply(combined, "Of course, both will be ready.");
    await waitUntil(async () => (await guest.messages()).some((m) => m.from === "staff" && m.text === "Of course, both will be ready."), 5000, "answer stored");
    const notice = await ben.waitFor(/Answered by/);
    expect(notice.text).toContain("Anna");
  }, 30_000);

  it("never puts two guests' messages in one Telegram message, and a reply reaches the guest it quotes", async () => {
    world = await startTelegramWorld();
    const { user: anna } = await linkStaff(world, "Anna", 10_401);
    await settled(world);
    world.tg.outage(true);
    const ada = await webGuest(world.app, { name: "Ada", tag: "Room1" });
    const bo = await webGuest(world.app, { name: "Bo", tag: "Room2" });
    for (let i = 1; i <= 3; i++) {
      await ada.send(`Ada asks ${i}`);
      await bo.send(`Bo asks ${i}`);
    }
    await waitUntil(() => pendingFor(world!, anna) === 6, 10_000, "six relays waiting");
    world.tg.outage(false);
    await waitUntil(() => relaysIn(anna).length === 2 && /Bo asks 3/.test(relaysIn(anna)[1]!.text ?? ""), 15_000, "two relays");

    const [first, second] = relaysIn(anna) as [Message, Message];
    expect(first.text).toMatch(/^💬 Ada · Room1/);
    expect(first.text).toMatch(/Ada asks 1\nAda asks 2\nAda asks 3/);
    expect(first.text).not.toContain("Bo");
    expect(second.text).toMatch(/^💬 Bo · Room2/);
    expect(second.text).toMatch(/Bo asks 1\nBo asks 2\nBo asks 3/);
    expect(second.text).not.toContain("Ada");

    await anna.reply(second, "Hi Bo!");
    await waitUntil(async () => (await bo.messages()).some((m) => m.from === "staff" && m.text === "Hi Bo!"), 5000, "Bo's answer");
    expect((await ada.messages()).some((m) => m.from === "staff")).toBe(false);

    // As if the box died before the combined message's id was stored: its text still names Ada.
    const db = new Database(join(world.app.dataDir, "innbox.sqlite"));
    db.prepare("delete from telegram_relays").run();
    db.close();
    await anna.reply(first, "Hi Ada!");
    await waitUntil(async () => (await ada.messages()).some((m) => m.from === "staff" && m.text === "Hi Ada!"), 5000, "Ada's answer");
    expect((await bo.messages()).filter((m) => m.from === "staff")).toHaveLength(1);
  }, 30_000);

  it("sends a combined message's relays one by one when Telegram refuses the combination", async () => {
    world = await startTelegramWorld();
    const { user: anna } = await linkStaff(world, "Anna", 10_501);
    await settled(world);
    world.tg.outage(true);
    const guest = await webGuest(world.app, { name: "Cy" });
    for (const text of ["one", "two", "three"]) await guest.send(`Cy says ${text}`);
    await waitUntil(() => pendingFor(world!, anna) === 3, 10_000, "three relays waiting");
    world.tg.failNext(1, { status: 400, description: "Bad Request: message is too long", method: "sendMessage" });
    world.tg.outage(false);
    await waitUntil(() => relaysIn(anna).some((m) => m.text?.includes("Cy says three")), 15_000, "all relays");
    const texts = relaysIn(anna).map((m) => m.text);
    expect(texts[0]).toContain("Cy says one");
    expect(texts[0]).not.toContain("Cy says two");
    expect(texts.join("\n").match(/Cy says (one|two|three)/g)).toEqual(["Cy says one", "Cy says two", "Cy says three"]);
    expect(deadRows(world)).toBe(0);
  }, 30_000);
});
