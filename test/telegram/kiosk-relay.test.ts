import { afterEach, describe, expect, it } from "vitest";
import { linkStaff, startTelegramWorld, type TelegramWorld } from "../helpers/telegram-setup.js";

// A message left at the lobby kiosk reaches linked staff on Telegram like any guest
// message: the relay names the guest, the kiosk (its tag) and the channel.

let world: TelegramWorld | undefined;
afterEach(async () => {
  await world?.stop();
  world = undefined;
});

describe("kiosk messages on Telegram", () => {
  it("relays a message left at the kiosk with the guest's name, the kiosk's name and the channel", async () => {
    world = await startTelegramWorld();
    const { user: anna } = await linkStaff(world, "Anna", 10_101);
    const created = await world.manager.post("/api/kiosks", { name: "Lobby tablet" });
    const paired = await fetch(`${world.app.url}/api/kiosk/pair`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ code: created.body.pairingCode }) });
    const { token } = (await paired.json()) as { token: string };

    const sent = await fetch(`${world.app.url}/api/kiosk/messages`, {
      method: "POST",
      headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
      body: JSON.stringify({ text: "Nobody at the desk, I am in the lobby with my bags.", name: "Luca Bianchi" }),
    });
    expect(sent.status).toBe(201);

    const relayed = await anna.waitFor(/Nobody at the desk/);
    expect(relayed.text).toContain("Luca Bianchi");
    expect(relayed.text).toContain("Lobby tablet");
    expect(relayed.text).toContain("Lobby kiosk");
  });
});
