// The text of a message as Telegram delivers it: parse mode applied, trimmed, length checked;
// bot_command entities for what users send.
import type { MessageEntity } from "node-telegram-bot-api";
import { parseTelegramHtml, type ParsedText } from "./html.js";
import { badRequest } from "./util.js";

const MAX_TEXT = 4096;

/** Telegram trims leading and trailing whitespace of a message text. */
function trimParsed(parsed: ParsedText): ParsedText {
  const lead = /^\s*/.exec(parsed.text)?.[0].length ?? 0;
  const text = parsed.text.trim();
  const entities: MessageEntity[] = [];
  for (const e of parsed.entities) {
    const start = Math.max(0, e.offset - lead);
    const end = Math.min(text.length, e.offset - lead + e.length);
    if (end > start) entities.push({ ...e, offset: start, length: end - start });
  }
  return { text, entities };
}

export function renderText(rawText: string | undefined, parseMode: string | undefined): ParsedText {
  if (rawText === undefined || rawText === "") throw badRequest("message text is empty");
  const mode = parseMode?.toLowerCase();
  let parsed: ParsedText;
  if (mode === undefined || mode === "") parsed = { text: rawText, entities: [] };
  else if (mode === "html") parsed = parseTelegramHtml(rawText);
  else if (mode === "markdown" || mode === "markdownv2") parsed = { text: rawText, entities: [] };
  else throw badRequest("unsupported parse_mode");
  parsed = trimParsed(parsed);
  if (parsed.text === "") throw badRequest("message text is empty");
  if (parsed.text.length > MAX_TEXT) throw badRequest("message is too long");
  return parsed;
}

export function commandEntities(text: string): MessageEntity[] {
  const m = /^\/[A-Za-z0-9_]{1,64}(?:@[A-Za-z0-9_]{3,64})?/.exec(text);
  return m ? [{ type: "bot_command", offset: 0, length: m[0].length }] : [];
}
