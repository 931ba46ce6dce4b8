import { IdParams, SetTelegramTokenBody, TelegramLink, TelegramLinkStatus, TelegramSettings } from "@innbox/protocol";
import { AppError, type RouteRegistry } from "../http/index.js";
import type { TelegramService } from "./telegram-service.js";
import { telegramTexts } from "./messages.js";

export function registerTelegramRoutes(registry: RouteRegistry, telegram: TelegramService): void {
  const tag = "Telegram";

  registry.add({
    method: "get",
    path: "/api/telegram",
    operationId: "getTelegramSettings",
    summary: "The bot: whether a token is set and where from, its username, and whether polling works.",
    tag,
    access: "manager",
    responses: { 200: { description: "Bot status.", schema: TelegramSettings } },
    handler: () => telegram.status(),
  });

  registry.add({
    method: "put",
    path: "/api/telegram/token",
    operationId: "setTelegramToken",
    summary: "Set the bot token from @BotFather; it is checked with getMe before it is kept. null removes it.",
    tag,
    access: "manager",
    body: SetTelegramTokenBody,
    responses: {
      200: { description: "Bot status with the new token.", schema: TelegramSettings },
      502: { description: "Telegram could not be reached to check the token." },
    },
    handler: ({ body }) => telegram.setToken(body.token),
  });

  registry.add({
    method: "post",
    path: "/api/team/:id/telegram-link",
    operationId: "createTelegramLink",
    summary: "A one-time link (and QR code) that connects a member's Telegram to the bot; works once, for 24 hours. Managers link anyone; staff only themselves (403 otherwise).",
    tag,
    access: "signed-in",
    params: IdParams,
    responses: { 201: { description: "The link.", schema: TelegramLink } },
    handler: ({ params, user }) => {
      if (user?.role !== "manager" && user?.id !== params.id) {
        throw AppError.forbidden(telegramTexts.linkOthersForbidden);
      }
      return telegram.createLink(params.id);
    },
  });

  registry.add({
    method: "get",
    path: "/api/team/:id/telegram",
    operationId: "getTelegramLinkStatus",
    summary: "Whether a member's Telegram is linked to the bot.",
    tag,
    access: "signed-in",
    params: IdParams,
    responses: { 200: { description: "Link status.", schema: TelegramLinkStatus } },
    handler: ({ params }) => telegram.linkStatus(params.id),
  });

  registry.add({
    method: "delete",
    path: "/api/team/:id/telegram",
    operationId: "unlinkTelegram",
    summary: "Disconnect a member's Telegram from the bot.",
    tag,
    access: "manager",
    params: IdParams,
    responses: { 204: { description: "Unlinked." } },
    handler: async ({ params }) => {
      const status = await telegram.linkStatus(params.id);
      if (!status.linked) throw AppError.notFound(telegramTexts.notLinked);
      await telegram.unlink(params.id);
    },
  });
}
