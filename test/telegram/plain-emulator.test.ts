import { createRequire } from "node:module";
import { createServer } from "node:net";
import { once } from "node:events";
import { afterEach, describe, expect, it } from "vitest";
import { setUpManager, startTestApp, type TestApp } from "../helpers/app.js";
import { waitUntil, webGuest } from "../helpers/telegram-setup.js";

// The bot against telegram-test-api as it comes from npm, with no layer in front: an
// outside tester may well use it. It short-polls and marks updates read on first fetch.

interface PlainClient {
  makeMessage(text: string, options?: Record<string, unknown>): Record<string, unknown>;
  makeCommand(text: string): Record<string, unknown>;
  sendMessage(message: Record<string, unknown>): Promise<unknown>;
  sendCommand(message: Record<string, unknown>): Promise<unknown>;
  getUpdatesHistory(): Promise<Array<{ message: { text?: string; chat_id?: number | string }; messageId: number }>>;
}
interface PlainServer {
  config: { apiURL: string };
  start(): Promise<void>;
  stop(): Promise<boolean>;
  getClient(token: string, options?: Record<string, unknown>): PlainClient;
}
const TelegramServer = createRequire(import.meta.url)("telegram-test-api") as new (config: Record<string, unknown>) => PlainServer;

let app: TestApp | undefined;
let server: PlainServer | undefined;
afterEach(async () => {
  await app?.stop();
  await server?.stop();
});

describe("with plain telegram-test-api", () => {
  it("links staff, relays a guest message, and carries the staff reply back", async () => {
    const probe = createServer().listen(0, "127.0.0.1");
    await once(probe, "listening");
    const port = (probe.address() as { port: number }).port;
    probe.close();
    server = new TelegramServer({ port, host: "127.0.0.1", storeTimeout: 600 });
    await server.start();
    const token = "424242:plain-emulator-token";
    app = await startTestApp({ config: { telegram: { token, apiRoot: server.config.apiURL.replace(/\/$/, ""), pollTimeoutS: 1 } } });
    const manager = await setUpManager(app);
    await waitUntil(async () => Boolean((await manager.get("/api/telegram")).body.botUsername), 10_000, "getMe");
    const member = await manager.post("/api/team", { name: "Anna", role: "staff" });
    const link = await manager.post(`/api/team/${member.body.id}/telegram-link`);
    const anna = server.getClient(token, { userId: 777, chatId: 777, firstName: "Anna", userName: "anna" });
    await anna.sendCommand(anna.makeCommand(`/start ${new URL(link.body.url).searchParams.get("start")}`));
    const botSaid = async (pattern: RegExp) => (await anna.getUpdatesHistory()).find((u) => pattern.test(String(u.message.text ?? "")));
    await waitUntil(async () => Boolean(await botSaid(/now linked/)), 10_000, "link confirmation");

    const guest = await webGuest(app, { name: "Marco" });
    await guest.send("Is breakfast served until 11?");
    await waitUntil(async () => Boolean(await botSaid(/breakfast/)), 10_000, "relay");
    const relay = (await botSaid(/breakfast/))!;
    await anna.sendMessage(anna.makeMessage("Yes, until 11.", { reply_to_message: { message_id: relay.messageId, text: relay.message.text } }));
    await waitUntil(async () => (await guest.messages()).some((m) => m.from === "staff" && m.text === "Yes, until 11."), 10_000, "staff reply");
  }, 40_000);
});
