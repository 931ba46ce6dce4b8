// Telegram refuses a message whose text is longer than 4,096 characters once its HTML is
// parsed: tags do not count, an entity such as `&lt;` counts as the one character it
// stands for, and characters are UTF-16 code units (an emoji outside the BMP is two).
// Our messages are built from plain user text escaped into fixed HTML, so the safe way to
// shorten one is to cut the plain text before it is escaped; `shortenHtml` is the last
// resort for a finished message and never cuts inside a tag, an entity or a surrogate pair.

export const TELEGRAM_TEXT_LIMIT = 4096;

const ELLIPSIS = "…";
const ENTITY = /^&(?:#(\d{1,7})|#[xX]([0-9a-fA-F]{1,6})|(lt|gt|amp|quot));/;
const NAMED: Record<string, string> = { lt: "<", gt: ">", amp: "&", quot: '"' };
const graphemes = new Intl.Segmenter(undefined, { granularity: "grapheme" });

/** One visible piece of HTML at `i`: a tag (no text), an entity or a character (a whole surrogate pair). */
function pieceAt(html: string, i: number): { raw: string; text: string } {
  const c = html[i]!;
  if (c === "<") {
    const end = html.indexOf(">", i);
    const raw = end < 0 ? html.slice(i) : html.slice(i, end + 1);
    return { raw, text: "" };
  }
  if (c === "&") {
    const m = ENTITY.exec(html.slice(i, i + 12));
    if (m) {
      const code = m[1] !== undefined ? Number(m[1]) : m[2] !== undefined ? parseInt(m[2], 16) : undefined;
      const text = code !== undefined ? (code > 0 && code <= 0x10ffff && (code < 0xd800 || code > 0xdfff) ? String.fromCodePoint(code) : m[0]) : NAMED[m[3]!]!;
      return { raw: m[0], text };
    }
  }
  const code = html.charCodeAt(i);
  const pair = code >= 0xd800 && code <= 0xdbff && i + 1 < html.length;
  const raw = pair ? html.slice(i, i + 2) : c;
  return { raw, text: raw };
}

/** The text a Telegram user sees of our HTML (tags gone, entities decoded), before trimming. */
function visibleText(html: string): string {
  let out = "";
  for (let i = 0; i < html.length; ) {
    const piece = pieceAt(html, i);
    out += piece.text;
    i += piece.raw.length;
  }
  return out;
}

/** The length Telegram checks against its limit: the parsed text, trimmed, in UTF-16 code units. */
export function visibleLength(html: string): number {
  return visibleText(html).trim().length;
}

/**
 * Plain text cut to at most `max` UTF-16 code units at a character boundary (never half a
 * surrogate pair or of an emoji sequence), at a space near the end when there is one.
 */
export function cutPlain(text: string, max: number): string {
  if (text.length <= max) return text;
  if (max <= 0) return "";
  let end = 0;
  for (const { index, segment } of graphemes.segment(text)) {
    if (index + segment.length > max) break;
    end = index + segment.length;
  }
  const cut = text.slice(0, end);
  const space = cut.search(/\s\S*$/);
  return space > 0 && end - space <= 30 ? cut.slice(0, space) : cut;
}

/**
 * Renders a message that quotes `text` (plain; `render` escapes it). When it would be too
 * long, the quote is cut, ends in "…", and `render` is asked for its shortened form (the one
 * that says where the whole text is).
 */
export function fitQuote(text: string, render: (quote: string, shortened: boolean) => string, limit = TELEGRAM_TEXT_LIMIT): string {
  const whole = render(text, false);
  if (visibleLength(whole) <= limit) return whole;
  const room = limit - visibleLength(render("", true)) - ELLIPSIS.length;
  const fitted = render(`${cutPlain(text, room).trimEnd()}${ELLIPSIS}`, true);
  return visibleLength(fitted) <= limit ? fitted : shortenHtml(fitted, limit);
}

/** HTML cut to at most `limit` visible code units with "…" and its open tags closed. */
function truncateHtml(html: string, limit: number): string {
  const budget = limit - ELLIPSIS.length;
  const open: string[] = [];
  let out = "";
  let used = 0;
  for (let i = 0; i < html.length; ) {
    const piece = pieceAt(html, i);
    if (piece.text === "") {
      const close = /^<\/([a-z-]+)/i.exec(piece.raw);
      const start = /^<([a-z-]+)/i.exec(piece.raw);
      if (close) open.pop();
      else if (start) open.push(start[1]!.toLowerCase());
    } else {
      if (used + piece.text.length > budget) break;
      used += piece.text.length;
    }
    out += piece.raw;
    i += piece.raw.length;
  }
  return out + ELLIPSIS + open.reverse().map((tag) => `</${tag}>`).join("");
}

/**
 * A finished message made to fit: the longest quote (`<blockquote>`) is cut first, so the
 * guest's name, the pointer to the Messenger and "Reply to answer" stay; else the end goes.
 */
export function shortenHtml(html: string, limit = TELEGRAM_TEXT_LIMIT): string {
  const over = visibleLength(html) - limit;
  if (over <= 0) return html;
  let longest: { start: number; end: number; length: number } | undefined;
  for (const m of html.matchAll(/<blockquote[^>]*>([\s\S]*?)<\/blockquote>/g)) {
    const start = m.index + m[0].indexOf(">") + 1;
    const end = start + m[1]!.length;
    const length = visibleText(m[1]!).length;
    if (!longest || length > longest.length) longest = { start, end, length };
  }
  if (longest && longest.length > over + ELLIPSIS.length) {
    const inner = truncateHtml(html.slice(longest.start, longest.end), longest.length - over);
    const shortened = html.slice(0, longest.start) + inner + html.slice(longest.end);
    if (visibleLength(shortened) <= limit) return shortened;
  }
  return truncateHtml(html, limit);
}
