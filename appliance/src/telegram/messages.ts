/** Every sentence the Telegram capability says in the admin page and the API (the bot's own are in bot-texts.ts). */
export const telegramTexts = {
  tokenRefused: "Telegram did not accept this bot token. Copy it again from @BotFather.",
  tokenRefusedField: "Telegram refused this token.",
  tokenUncheckable: (reason: string) => `Could not check the token: ${reason}. Check the internet connection and try again.`,
  botNotSetUp: "Set up the Telegram bot first (Settings → Telegram), then create the link.",
  notLinked: "This member has no Telegram linked.",
  linkOthersForbidden: "Staff can link only their own Telegram; ask a manager to link someone else's.",
} as const;
