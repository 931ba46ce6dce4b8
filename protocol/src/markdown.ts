// The Markdown of "Useful information", a safe subset parsed into a tree that pages render
// as text nodes: nothing a manager writes (or pastes: <script>, <img onerror>, HTML
// entities) ever becomes markup. Links go only to http(s), mailto: and tel:.
//
// Blocks: paragraphs (a blank line between them; a single line break is kept), headings
// (#, ## and ### all become one level below the block's heading), "-", "*" or "+" bullet
// lists, "1." numbered lists. Inline: **bold**, *italic* or _italic_, `code` and
// [text](address); a bare https:// address becomes a link too.

export type Inline =
  | { type: "text"; text: string }
  | { type: "strong"; children: Inline[] }
  | { type: "em"; children: Inline[] }
  | { type: "code"; text: string }
  | { type: "link"; href: string; children: Inline[] }
  | { type: "break" };

export type MarkdownBlock =
  | { type: "paragraph"; children: Inline[] }
  | { type: "heading"; children: Inline[] }
  | { type: "list"; ordered: boolean; items: Inline[][] };

/** An address a link may go to, or null: http(s) with a host, mailto: or tel:. */
export function safeHref(raw: string): string | null {
  const text = raw.trim();
  if (/^tel:[+0-9 ()./-]{3,32}$/i.test(text)) return text.replace(/\s+/g, "");
  if (/^mailto:[^\s<>"]+@[^\s<>"]+$/i.test(text)) return text;
  try {
    const url = new URL(text);
    if ((url.protocol === "http:" || url.protocol === "https:") && url.hostname) return url.href;
  } catch {
    // not an address
  }
  return null;
}

const BULLET = /^\s{0,3}[-*+]\s+(.*)$/;
const NUMBERED = /^\s{0,3}\d{1,9}[.)]\s+(.*)$/;
const HEADING = /^\s{0,3}#{1,6}\s+(.*?)\s*#*\s*$/;

export function parseMarkdown(source: string): MarkdownBlock[] {
  const lines = source.replace(/\r\n?/g, "\n").split("\n");
  const blocks: MarkdownBlock[] = [];
  let paragraph: string[] = [];
  let list: { ordered: boolean; items: string[] } | null = null;

  const flushParagraph = () => {
    if (paragraph.length) blocks.push({ type: "paragraph", children: parseInline(paragraph.join("\n")) });
    paragraph = [];
  };
  const flushList = () => {
    if (list) blocks.push({ type: "list", ordered: list.ordered, items: list.items.map((item) => parseInline(item)) });
    list = null;
  };

  for (const line of lines) {
    if (!line.trim()) {
      flushParagraph();
      flushList();
      continue;
    }
    const heading = HEADING.exec(line);
    if (heading) {
      flushParagraph();
      flushList();
      blocks.push({ type: "heading", children: parseInline(heading[1] ?? "") });
      continue;
    }
    const bullet = BULLET.exec(line);
    const numbered = bullet ? null : NUMBERED.exec(line);
    const item = bullet ?? numbered;
    if (item) {
      flushParagraph();
      const ordered = Boolean(numbered);
      if (list && list.ordered !== ordered) flushList();
      list ??= { ordered, items: [] };
      list.items.push(item[1] ?? "");
      continue;
    }
    if (list) {
      // A line under a list item continues it.
      list.items[list.items.length - 1] += `\n${line.trim()}`;
      continue;
    }
    paragraph.push(line.trim());
  }
  flushParagraph();
  flushList();
  return blocks;
}

/** Inline marks; anything that does not close is left as the text it was. */
export function parseInline(text: string): Inline[] {
  const out: Inline[] = [];
  let plain = "";
  const pushText = () => {
    if (plain) out.push({ type: "text", text: plain });
    plain = "";
  };
  let i = 0;
  while (i < text.length) {
    const rest = text.slice(i);
    const ch = text[i]!;
    if (ch === "\\" && i + 1 < text.length && /[\\`*_[\]()#+\-.!]/.test(text[i + 1]!)) {
      plain += text[i + 1];
      i += 2;
      continue;
    }
    if (ch === "\n") {
      pushText();
      out.push({ type: "break" });
      i += 1;
      continue;
    }
    if (ch === "`") {
      const end = text.indexOf("`", i + 1);
      if (end > i + 1) {
        pushText();
        out.push({ type: "code", text: text.slice(i + 1, end) });
        i = end + 1;
        continue;
      }
    }
    if (rest.startsWith("**")) {
      const end = text.indexOf("**", i + 2);
      if (end > i + 2) {
        pushText();
        out.push({ type: "strong", children: parseInline(text.slice(i + 2, end)) });
        i = end + 2;
        continue;
      }
    }
    if ((ch === "*" || ch === "_") && text[i + 1] !== ch && text[i + 1] !== " ") {
      const end = text.indexOf(ch, i + 1);
      // _ inside a word (snake_case) is not emphasis.
      const wordBefore = ch === "_" && i > 0 && /\w/.test(text[i - 1]!);
      if (end > i + 1 && text[end - 1] !== " " && !wordBefore) {
        pushText();
        out.push({ type: "em", children: parseInline(text.slice(i + 1, end)) });
        i = end + 1;
        continue;
      }
    }
    if (ch === "[") {
      const link = /^\[([^\]\n]+)\]\(([^)\s]+)\)/.exec(rest);
      const href = link ? safeHref(link[2]!) : null;
      if (link && href) {
        pushText();
        out.push({ type: "link", href, children: parseInline(link[1]!) });
        i += link[0].length;
        continue;
      }
    }
    if ((ch === "h" || ch === "H") && (i === 0 || /[\s(]/.test(text[i - 1]!))) {
      const bare = /^https?:\/\/[^\s<>"]+/i.exec(rest);
      if (bare) {
        // A sentence's full stop or closing bracket is not part of the address.
        const address = bare[0].replace(/[.,;:!?)]+$/, "");
        const href = safeHref(address);
        if (href) {
          pushText();
          out.push({ type: "link", href, children: [{ type: "text", text: address }] });
          i += address.length;
          continue;
        }
      }
    }
    plain += ch;
    i += 1;
  }
  pushText();
  return out;
}
