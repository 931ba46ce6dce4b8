// The sticker editor checks its form with the appliance's rules: for each sample, the
// page's check passes exactly when renderStickers would accept the body the page sends.
import { RenderStickersBody, StickerDesignBody } from "@innbox/protocol";
import { DEFAULT_STICKER_DESIGN } from "@innbox/protocol/sticker-layout";
import { describe, expect, it } from "vitest";
import { checkStickerForm, designOf, numberedSeries, tagLines, toStickerForm, type StickerForm } from "./sticker-form";

const base = toStickerForm({ ...DEFAULT_STICKER_DESIGN, tags: ["Room 1"] });
const body = (form: StickerForm) => ({ ...designOf(form), tags: tagLines(form) });

function agree(samples: StickerForm[]) {
  for (const form of samples) {
    const page = Object.keys(checkStickerForm(form)).length === 0;
    expect([form, page]).toEqual([form, RenderStickersBody.safeParse(body(form)).success]);
  }
}

describe("the sticker editor's checks", () => {
  it("agree with the appliance on tags", () => {
    const lists = [
      "Room 1",
      "Room 1\nRoom 2",
      "  Room 1  \n\n  Room 2 ",
      "",
      "\n \n",
      "Room 1\nRoom 1",
      "Room 1\n Room 1 ",
      "Zimmer Ö 4\n客房 8\nНомер 5\nSuite #3",
      "Room <1>",
      "a/b",
      "Room\t1",
      "x".repeat(40),
      "x".repeat(41),
      Array.from({ length: 200 }, (_, i) => `R${i}`).join("\n"),
      Array.from({ length: 201 }, (_, i) => `R${i}`).join("\n"),
    ];
    agree(lists.map((tags) => ({ ...base, tags })));
  });

  it("agree with the appliance on texts and colours", () => {
    agree([
      ...["", "Hotel Miramar", "x".repeat(60), "x".repeat(61), " x ", "two\nlines", "a\u202Eb", "<b>bold</b>"].map((heading) => ({ ...base, heading })),
      ...["", "x".repeat(160), "x".repeat(161), "tab\there"].map((text) => ({ ...base, text })),
      ...["#1d4e89", "#1D4E89", "1d4e89", "#12345", "#1234567", "blue", "#gggggg", ""].map((accentColor) => ({ ...base, accentColor })),
      ...["#ffffff", "#FFF"].map((backgroundColor) => ({ ...base, backgroundColor })),
    ]);
  });

  it("saves a design the appliance takes", () => {
    expect(StickerDesignBody.safeParse({ ...designOf(base), tags: tagLines(base) }).success).toBe(true);
  });

  it("adds a numbered series, or says why not", () => {
    expect(numberedSeries("Room", "101", "103")).toEqual({ tags: ["Room 101", "Room 102", "Room 103"] });
    expect(numberedSeries("  ", "1", "2")).toEqual({ tags: ["1", "2"] });
    expect(numberedSeries("Room", "5", "1")).toHaveProperty("problem");
    expect(numberedSeries("Room", "a", "3")).toHaveProperty("problem");
    expect(numberedSeries("Room", "1", "201")).toHaveProperty("problem");
  });
});
