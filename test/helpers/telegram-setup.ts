import { expect } from "vitest";
import { ApiClient, setUpManager, startTestApp, type TestApp } from "./app.js";
import type { TestClock } from "./test-clock.js";
import { startTelegramEmulator, type TelegramEmulator, type TelegramUserClient } from "./telegram-emulator.js";

export interface TelegramWorld {
  app: TestApp;
  tg: TelegramEmulator;
  manager: ApiClient;
  stop(): Promise<void>;
}

/** The real app with its bot pointed at the Bot API emulator, set up and ready. */
export async function startTelegramWorld(
  options: { enforceLimits?: boolean; dataDir?: string; config?: Record<string, unknown>; clock?: TestClock; uiRoot?: string } = {},
): Promise<TelegramWorld> {
  const tg = await startTelegramEmulator({ enforceLimits: options.enforceLimits ?? false });
  const app = await startTestApp({
    ...(options.dataDir ? { dataDir: options.dataDir } : {}),
    ...(options.clock ? { clock: options.clock } : {}),
    ...(options.uiRoot ? { uiRoot: options.uiRoot } : {}),
    config: {
      telegram: { token: tg.token, apiRoot: tg.apiRoot, pollTimeoutS: 2 },
      chat: { retryMaxSeconds: 1, alertCheckSeconds: 1 },
      ...options.config,
    },
  });
  const manager = await setUpManager(app);
  await waitUntil(async () => (await manager.get("/api/telegram")).body.botUsername === tg.botUsername);
  return {
    app,
    tg,
    manager,
    async stop() {
      await app.stop();
      await tg.stop();
    },
  };
}

export async function waitUntil(check: () => Promise<boolean> | boolean, timeoutMs = 10_000, what = "condition"): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    if (await check()) return;
    await new Promise((r) => setTimeout(r, 25));
  }
  throw new Error(`timed out waiting for ${what}`);
}

/** Adds a staff member and links their Telegram with /start <code>, as a receptionist would. */
export async function linkStaff(world: TelegramWorld, name: string, telegramUserId: number): Promise<{ memberId: string; user: TelegramUserClient }> {
  const created = await world.manager.post("/api/team", { name, role: "staff" });
  expect(created.status).toBe(201);
  const link = await world.manager.post(`/api/team/${created.body.id}/telegram-link`);
  expect(link.status).toBe(201);
  const user = world.tg.user(telegramUserId, { firstName: name });
  const code = new URL(link.body.url).searchParams.get("start")!;
  await user.send(`/start ${code}`);
  await user.waitFor(/now linked/);
  return { memberId: created.body.id, user };
}

/** A guest with a chat token on the Online Reception. */
export async function webGuest(app: TestApp, body: Record<string, unknown> = {}) {
  const client = new ApiClient(app.url);
  const res = await client.post("/api/guest/sessions", { slug: "hotel-miramar", tag: "Room12", ...body });
  expect(res.status).toBe(201);
  const { token, conversationId } = res.body as { token: string; conversationId: string };
  const auth = { authorization: `Bearer ${token}` };
  return {
    token,
    conversationId,
    send: (text: string, clientId?: string) => client.requestWithHeaders("POST", "/api/guest/messages", { text, ...(clientId ? { clientId } : {}) }, {}, auth),
    messages: async () => (await client.requestWithHeaders("GET", "/api/guest/messages", undefined, {}, auth)).body.messages as Array<{ from: string; text: string; staffName?: string; deliveredAt?: string }>,
  };
}
