import type { Capability } from "../capability.js";
import { telegramMigrations } from "./migrations.js";
import { registerTelegramRoutes } from "./routes.js";
import { TelegramService, type TelegramDeps } from "./telegram-service.js";

export { telegramMigrations, TelegramService, type TelegramDeps };
export type { TelegramTables } from "./tables.js";

/** The property's own bot: staff linking, the relay both ways, guests on Telegram. */
export function createTelegram(deps: TelegramDeps) {
  const service = new TelegramService(deps);
  return {
    name: "telegram",
    migrations: telegramMigrations,
    service,
    routes: (registry) => registerTelegramRoutes(registry, service),
    start: () => service.start(),
    serving: () => service.serving(),
    stop: () => service.stop(),
  } satisfies Capability & Record<string, unknown>;
}

export type Telegram = ReturnType<typeof createTelegram>;
