// Telegram's HTML parse mode (after tdlib's parse_html, the parts that matter here).
import type { MessageEntity } from "node-telegram-bot-api";
import { badRequest } from "./util.js";

const HTML_TAGS = new Set([
  "b", "strong", "i", "em", "u", "ins", "s", "strike", "del", "span", "tg-spoiler", "a", "code", "pre",
  "blockquote", "tg-emoji",
]);

export interface ParsedText {
  text: string;
  entities: MessageEntity[];
}

function byteOffset(src: string, index: number): number {
  return Buffer.byteLength(src.slice(0, index), "utf8");
}

function decodeEntityAt(src: string, i: number): { ch: string; length: number } | null {
  const m = /^&(?:#(\d{1,7})|#[xX]([0-9a-fA-F]{1,6})|(lt|gt|amp|quot));/.exec(src.slice(i, i + 12));
  if (!m) return null;
  let ch: string;
  if (m[1] !== undefined || m[2] !== undefined) {
    const code = m[1] !== undefined ? Number(m[1]) : parseInt(m[2] ?? "0", 16);
    if (code === 0 || code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff)) return null;
    ch = String.fromCodePoint(code);
  } else {
    ch = ({ lt: "<", gt: ">", amp: "&", quot: '"' } as Record<string, string>)[m[3] ?? ""] ?? "";
  }
  return { ch, length: m[0].length };
}

function decodeEntities(value: string): string {
  let out = "";
  for (let i = 0; i < value.length; ) {
    const decoded = value[i] === "&" ? decodeEntityAt(value, i) : null;
    if (decoded) {
      out += decoded.ch;
      i += decoded.length;
    } else {
      out += value[i];
      i++;
    }
  }
  return out;
}

export function parseTelegramHtml(src: string): ParsedText {
  const fail = (what: string) => badRequest(`can't parse entities: ${what}`);
  let text = "";
  const entities: MessageEntity[] = [];
  const stack: Array<{ tag: string; start: number; attrs: Record<string, string> }> = [];
  let i = 0;
  while (i < src.length) {
    const c = src[i] as string;
    if (c === "&") {
      const decoded = decodeEntityAt(src, i);
      if (decoded) {
        text += decoded.ch;
        i += decoded.length;
      } else {
        text += "&";
        i++;
      }
      continue;
    }
    if (c !== "<") {
      text += c;
      i++;
      continue;
    }
    const at = byteOffset(src, i);
    if (src[i + 1] === "/") {
      const close = src.indexOf(">", i);
      if (close < 0) throw fail(`Unclosed end tag at byte offset ${at}`);
      const name = src.slice(i + 2, close).trim().toLowerCase();
      const open = stack.pop();
      if (!open) throw fail(`Unexpected end tag at byte offset ${at}`);
      if (name !== open.tag) throw fail(`Unmatched end tag at byte offset ${at}, expected "</${open.tag}>", found "</${name}>"`);
      const length = text.length - open.start;
      const entity = entityFor(open.tag, open.attrs, open.start, length, stack);
      if (entity && length > 0) entities.push(entity);
      i = close + 1;
      continue;
    }
    let j = i + 1;
    while (j < src.length && !/\s/.test(src[j] as string) && src[j] !== ">") j++;
    if (j >= src.length) throw fail(`Unclosed start tag at byte offset ${at}`);
    const tag = src.slice(i + 1, j).toLowerCase();
    if (!HTML_TAGS.has(tag)) throw fail(`Unsupported start tag "${tag}" at byte offset ${at}`);
    const attrs: Record<string, string> = {};
    for (;;) {
      while (j < src.length && /\s/.test(src[j] as string)) j++;
      if (j >= src.length) throw fail(`Unclosed start tag at byte offset ${at}`);
      if (src[j] === ">") break;
      const nameStart = j;
      while (j < src.length && !/[\s=>]/.test(src[j] as string)) j++;
      const attrName = src.slice(nameStart, j).toLowerCase();
      while (j < src.length && /\s/.test(src[j] as string)) j++;
      let value = "";
      if (src[j] === "=") {
        j++;
        while (j < src.length && /\s/.test(src[j] as string)) j++;
        const quote = src[j];
        if (quote === '"' || quote === "'") {
          const end = src.indexOf(quote, j + 1);
          if (end < 0) throw fail(`Unclosed start tag at byte offset ${at}`);
          value = src.slice(j + 1, end);
          j = end + 1;
        } else {
          const valueStart = j;
          while (j < src.length && !/[\s>]/.test(src[j] as string)) j++;
          value = src.slice(valueStart, j);
        }
      }
      if (attrName) attrs[attrName] = decodeEntities(value);
    }
    if (tag === "span" && attrs.class !== "tg-spoiler") throw fail(`Tag "span" must have class "tg-spoiler" at byte offset ${at}`);
    stack.push({ tag, start: text.length, attrs });
    i = j + 1;
  }
  const unclosed = stack.pop();
  if (unclosed) throw fail(`Can't find end tag corresponding to start tag "${unclosed.tag}"`);
  entities.sort((a, b) => a.offset - b.offset || b.length - a.length);
  return { text, entities };
}

function entityFor(
  tag: string,
  attrs: Record<string, string>,
  offset: number,
  length: number,
  outer: Array<{ tag: string; attrs: Record<string, string> }>,
): MessageEntity | null {
  switch (tag) {
    case "b":
    case "strong":
      return { type: "bold", offset, length };
    case "i":
    case "em":
      return { type: "italic", offset, length };
    case "u":
    case "ins":
      return { type: "underline", offset, length };
    case "s":
    case "strike":
    case "del":
      return { type: "strikethrough", offset, length };
    case "span":
    case "tg-spoiler":
      return { type: "spoiler", offset, length };
    case "a":
      return attrs.href ? { type: "text_link", offset, length, url: attrs.href } : null;
    case "code": {
      const inPre = outer.length > 0 && outer[outer.length - 1]?.tag === "pre";
      const language = /^language-(.+)$/.exec(attrs.class ?? "")?.[1];
      if (inPre) return language ? { type: "pre", offset, length, language } : null;
      return { type: "code", offset, length };
    }
    case "pre":
      return { type: "pre", offset, length };
    case "blockquote":
      return { type: "expandable" in attrs ? "expandable_blockquote" : "blockquote", offset, length };
    case "tg-emoji":
      return attrs["emoji-id"] ? { type: "custom_emoji", offset, length, custom_emoji_id: attrs["emoji-id"] } : null;
    default:
      return null;
  }
}
