import { describe, expect, it } from "vitest";
// Telegram's HTML parsing as the Bot API emulator does it: the judge of what Telegram would count.
import { parseTelegramHtml } from "../../../test/helpers/telegram-emulator/html.js";
import { escapeHtml, staffTexts } from "./bot-texts.js";
import { cutPlain, fitQuote, shortenHtml, TELEGRAM_TEXT_LIMIT, visibleLength } from "./message-length.js";

const telegramLength = (html: string) => parseTelegramHtml(html).text.trim().length;
const loneSurrogate = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
const header = { guestName: "N".repeat(60), tag: "T".repeat(40), channel: "web", language: "de" };
const url = "http://192.168.1.20:8080/admin/messenger/c_abc";

describe("Telegram message length", () => {
  it("counts what Telegram counts: tags nothing, an entity one character, an emoji two code units", () => {
    for (const html of ["<b>a&lt;b</b> &amp; c", "💬 <i>hi</i>", "<blockquote>&quot;x&quot; &#233; &#x1F600;</blockquote>", `<a href="${url}">Team Messenger</a>`, "  padded  "]) {
      expect(visibleLength(html)).toBe(telegramLength(html));
    }
    expect(visibleLength("😀")).toBe(2);
  });

  it("cuts plain text at a character boundary, never inside a surrogate pair or an emoji sequence", () => {
    const emoji = "😀".repeat(3000);
    const cut = cutPlain(emoji, 4001);
    expect(cut.length).toBe(4000);
    expect(loneSurrogate.test(cut)).toBe(false);
    const family = "👨‍👩‍👧".repeat(100); // 8 code units each
    expect(cutPlain(family, 20)).toBe("👨‍👩‍👧".repeat(2));
    expect(cutPlain("short", 10)).toBe("short");
    expect(cutPlain("many words in a row here", 12)).toBe("many words");
  });

  it("leaves a relay that fits alone, and shortens a 4,000-character one under a long name and tag with a pointer to the Messenger", () => {
    expect(staffTexts.relay(header, ["Is breakfast included?"], url)).not.toContain("Shortened");
    const text = "Lorem ipsum dolor sit amet, consectetur adipiscing elit. ".repeat(80).slice(0, 4000);
    const html = staffTexts.relay(header, [text], url);
    const parsed = parseTelegramHtml(html);
    expect(parsed.text.trim().length).toBeLessThanOrEqual(TELEGRAM_TEXT_LIMIT);
    expect(parsed.text.trim().length).toBeGreaterThan(TELEGRAM_TEXT_LIMIT - 40);
    expect(parsed.text).toContain("N".repeat(60));
    expect(parsed.text).toContain("T".repeat(40));
    expect(parsed.text).toContain(`${text.slice(0, 3000)}`);
    expect(parsed.text).toMatch(/…\n✂️ Shortened: the whole message is in the Team Messenger\.\nReply to this message to answer\.$/);
    expect(parsed.entities).toContainEqual(expect.objectContaining({ type: "text_link", url }));
  });

  it("shortens by what Telegram sees, not by the escaped HTML: a quote of 4,000 '<' and '&' fits after escaping", () => {
    const text = "<&".repeat(2000);
    const html = staffTexts.relay(header, [text], null);
    expect(html.length).toBeGreaterThan(TELEGRAM_TEXT_LIMIT * 2);
    expect(telegramLength(html)).toBeLessThanOrEqual(TELEGRAM_TEXT_LIMIT);
    expect(parseTelegramHtml(html).text).toContain("<&<&");
    expect(html).toContain("Team Messenger (admin page)");
  });

  it("shortens alerts and 'answered by' notices the same way", () => {
    const text = "🛎️ ".repeat(1333);
    const alert = staffTexts.alert({ guestName: header.guestName, tag: header.tag, minutes: 12, text }, url);
    // 81 code units of name (one more than a member name may have) and 4,000 of text: one too many.
    const answered = staffTexts.answeredBy(`${"S".repeat(78)}🛎️`, "x".repeat(4000), url);
    for (const html of [alert, answered]) {
      expect(telegramLength(html)).toBeLessThanOrEqual(TELEGRAM_TEXT_LIMIT);
      expect(html).toContain("Shortened");
      expect(loneSurrogate.test(parseTelegramHtml(html).text)).toBe(false);
    }
  });

  it("puts several messages of one guest in one relay, each its own quote", () => {
    const html = staffTexts.relay(header, ["first <one>", "second & last"], url);
    const parsed = parseTelegramHtml(html);
    expect(parsed.text).toContain("first <one>\nsecond & last");
    expect(parsed.entities.filter((e) => e.type === "blockquote")).toHaveLength(2);
  });

  it("as a last resort cuts a finished message inside its longest quote, never inside a tag or an entity", () => {
    const html = `💬 <b>Ana</b>\n<blockquote>${escapeHtml("a<b&c😀".repeat(1000))}</blockquote>\n<i>Reply to this message to answer.</i>`;
    for (const limit of [4096, 3000, 1234, 1235, 1236]) {
      const short = shortenHtml(html, limit);
      const parsed = parseTelegramHtml(short); // throws on a cut tag or entity
      expect(parsed.text.trim().length).toBeLessThanOrEqual(limit);
      expect(parsed.text).toMatch(/^💬 Ana\n/);
      expect(parsed.text).toMatch(/…\nReply to this message to answer\.$/);
      expect(loneSurrogate.test(parsed.text)).toBe(false);
    }
    // Without a quote the end goes, and open tags are closed.
    const plain = shortenHtml(`<b>${"x".repeat(5000)}</b>`, 100);
    expect(telegramLength(plain)).toBe(100);
    expect(plain.endsWith("…</b>")).toBe(true);
  });

  it("fits any quote to a smaller limit when asked", () => {
    const html = fitQuote("y".repeat(500), (q, shortened) => `<b>Head</b>\n<blockquote>${escapeHtml(q)}</blockquote>${shortened ? "\n(cut)" : ""}`, 200);
    expect(telegramLength(html)).toBeLessThanOrEqual(200);
    expect(html).toContain("(cut)");
  });
});
