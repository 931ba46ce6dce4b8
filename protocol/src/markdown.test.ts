import { describe, expect, it } from "vitest";
import { parseInline, parseMarkdown, safeHref } from "./markdown.js";

describe("the Markdown of Useful information", () => {
  it("reads paragraphs, headings, lists and inline marks", () => {
    expect(parseMarkdown("## Breakfast\n**7–10** on the *terrace*\nask us\n\n- Wi-Fi: `Miramar`\n- Pool\n\n1. One\n2. Two")).toEqual([
      { type: "heading", children: [{ type: "text", text: "Breakfast" }] },
      {
        type: "paragraph",
        children: [
          { type: "strong", children: [{ type: "text", text: "7–10" }] },
          { type: "text", text: " on the " },
          { type: "em", children: [{ type: "text", text: "terrace" }] },
          { type: "break" },
          { type: "text", text: "ask us" },
        ],
      },
      { type: "list", ordered: false, items: [[{ type: "text", text: "Wi-Fi: " }, { type: "code", text: "Miramar" }], [{ type: "text", text: "Pool" }]] },
      { type: "list", ordered: true, items: [[{ type: "text", text: "One" }], [{ type: "text", text: "Two" }]] },
    ]);
  });

  it("keeps HTML as text and links only to http(s), mailto: and tel:", () => {
    expect(parseInline("<script>alert(1)</script>")).toEqual([{ type: "text", text: "<script>alert(1)</script>" }]);
    expect(parseInline("[x](javascript:alert(1))").map((n) => n.type)).toEqual(["text"]);
    expect(parseInline("[call](tel:+39 06 123)")[0]).toEqual({ type: "text", text: "[call](tel:+39 06 123)" });
    expect(parseInline("[call](tel:+3906123)")[0]).toEqual({ type: "link", href: "tel:+3906123", children: [{ type: "text", text: "call" }] });
    expect(safeHref("data:text/html,<b>")).toBeNull();
    expect(safeHref("mailto:desk@miramar.example")).toBe("mailto:desk@miramar.example");
    expect(safeHref("https://miramar.example/menu")).toBe("https://miramar.example/menu");
  });

  it("turns a bare address into a link without the sentence's full stop, and leaves snake_case and lone marks alone", () => {
    expect(parseInline("See https://miramar.example/a.")).toEqual([
      { type: "text", text: "See " },
      { type: "link", href: "https://miramar.example/a", children: [{ type: "text", text: "https://miramar.example/a" }] },
      { type: "text", text: "." },
    ]);
    expect(parseInline("room_12_b and 2 * 3 and **open")).toEqual([{ type: "text", text: "room_12_b and 2 * 3 and **open" }]);
    expect(parseInline("\\*not italic\\*")).toEqual([{ type: "text", text: "*not italic*" }]);
  });
});
