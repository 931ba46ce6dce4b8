import { z } from "zod";
import { TELEGRAM_TOKEN } from "./rules.js";

export const TelegramSettings = z.object({
  configured: z.boolean(),
  source: z.enum(["config", "admin", "none"]).describe("Where the token comes from: config.json, the admin page, or nowhere yet."),
  botUsername: z.string().nullable(),
  polling: z.boolean(),
  lastError: z.string().nullable(),
  configToken: z.boolean().describe("Whether config.json has a token too (used when the admin-page token is removed)."),
});
export type TelegramSettings = z.infer<typeof TelegramSettings>;

export const SetTelegramTokenBody = z.strictObject({
  token: z
    .string({ error: "The bot token is required." })
    .trim()
    .regex(TELEGRAM_TOKEN, { error: "A bot token looks like 123456789:AA… (from @BotFather)." })
    .nullable()
    .describe("null removes the token set in the admin page."),
});

export const TelegramLink = z.object({
  code: z.string(),
  url: z.string(),
  expiresAt: z.string(),
  qrSvg: z.string().describe("The url as a QR code (SVG), to scan with the phone's camera."),
});
export type TelegramLink = z.infer<typeof TelegramLink>;

export const TelegramLinkStatus = z.object({
  linked: z.boolean(),
  telegramName: z.string().nullable(),
  linkedAt: z.string().nullable(),
});
export type TelegramLinkStatus = z.infer<typeof TelegramLinkStatus>;
