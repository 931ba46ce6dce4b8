import { afterEach, describe, expect, it } from "vitest";
import { linkStaff, startTelegramWorld, waitUntil, webGuest, type TelegramWorld } from "../helpers/telegram-setup.js";
import { createTestClock } from "../helpers/test-clock.js";

let world: TelegramWorld | undefined;
afterEach(async () => {
  await world?.stop();
  world = undefined;
});

describe("unanswered alerts", () => {
  it("alert the staff on duty once when a guest waits too long, and a reply to the alert answers the guest", async () => {
    const clock = createTestClock();
    world = await startTelegramWorld({ clock, config: { chat: { alertCheckSeconds: 30 } } });
    const { user: anna } = await linkStaff(world, "Anna", 9001);
    const { user: ben } = await linkStaff(world, "Ben", 9002);
    const settings = await world.manager.request("PUT", "/api/chat/settings", { unansweredMinutes: 5, offHoursNotice: { en: "We are closed." } });
    expect(settings.status).toBe(200);
    const guest = await webGuest(world.app, { name: "Ivo", tag: "Room3" });
    await guest.send("Our key card stopped working");
    await anna.waitFor(/key card/);
    await ben.send("/offduty");
    await ben.waitFor(/off duty/);

    await clock.advance(4 * 60_000);
    expect(await world.app.checkUnanswered()).toBe(0);

    await clock.advance(2 * 60_000);
    const alert = await anna.waitFor(/has waited 6 min/, 5000);
    expect(alert.text).toContain("Ivo (Room3)");
    expect(alert.text).toContain("Our key card stopped working");
    await clock.advance(14 * 60_000);
    expect(await world.app.checkUnanswered()).toBe(0);
    expect(anna.received().filter((m) => m.text?.includes("has waited"))).toHaveLength(1);
    expect(ben.received().some((m) => m.text?.includes("has waited"))).toBe(false);

    await anna.reply(alert, "Coming with a new card now.");
    await waitUntil(async () => (await guest.messages()).some((m) => m.from === "staff"), 5000, "answer stored");
    const list = (await world.manager.get("/api/conversations")).body.conversations;
    expect(list[0].unanswered).toBe(false);
  }, 30_000);

  it("wait for someone to be on duty before alerting", async () => {
    const clock = createTestClock();
    world = await startTelegramWorld({ clock, config: { chat: { alertCheckSeconds: 30 } } });
    const { user: anna } = await linkStaff(world, "Anna", 9101);
    await anna.send("/offduty");
    await anna.waitFor(/off duty/);
    const guest = await webGuest(world.app);
    await guest.send("Anyone there?");
    await clock.advance(15 * 60_000);
    expect(await world.app.checkUnanswered()).toBe(0);
    expect(anna.received().some((m) => m.text?.includes("Anyone there"))).toBe(false);
    await anna.send("/onduty");
    await anna.waitFor(/You are on duty/);
    await clock.advance(30_000);
    const alert = await anna.waitFor(/has waited/, 5000);
    expect(alert.text).toContain("Anyone there?");
  }, 30_000);
});
