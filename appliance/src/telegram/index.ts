import type { RouteRegistry } from "../http/index.js";
import { telegramMigrations } from "./migrations.js";
import { registerTelegramRoutes } from "./routes.js";
import { TelegramService, type TelegramDeps } from "./telegram-service.js";

export { telegramMigrations, TelegramService };

export function createTelegram(deps: TelegramDeps) {
  const service = new TelegramService(deps);
  return {
    service,
    registerRoutes(registry: RouteRegistry) {
      registerTelegramRoutes(registry, service);
    },
    start: () => service.start(),
    stop: () => service.stop(),
  };
}
