import { describe, expect, it } from "vitest";
import { DEFAULT_STICKER_DESIGN, fitText, layoutStickers, qrRectangles, stickerFileName, type LayoutItem, type StickerTemplate } from "./sticker-layout.js";

// Monospaced stand-in for a font: every letter 0.6 em, bold 0.65 em.
const measure = (text: string, weight: "regular" | "bold") => [...text].length * (weight === "bold" ? 0.65 : 0.6);
const linkFor = (tag: string) => `https://inn.example.com/r/miramar?t=${encodeURIComponent(tag)}`;
const layout = (template: StickerTemplate, tags: string[], hasLogo = false) =>
  layoutStickers({ design: { ...DEFAULT_STICKER_DESIGN, template }, tags, linkFor, hasLogo });
const qrs = (items: LayoutItem[]) => items.filter((i): i is Extract<LayoutItem, { kind: "qr" }> => i.kind === "qr");

describe("layoutStickers", () => {
  it("gives a door plate or a table tent a page per tag, and twelve stickers a sheet", () => {
    const tags = Array.from({ length: 13 }, (_, i) => `Room ${i + 1}`);
    expect(layout("door-plate", tags).map((p) => [p.widthMm, p.heightMm, p.tags.length])).toEqual(tags.map(() => [148, 105, 1]));
    expect(layout("table-tent", tags.slice(0, 2)).map((p) => [p.widthMm, p.heightMm])).toEqual([[210, 297], [210, 297]]);
    const sheets = layout("stickers", tags);
    expect(sheets.map((p) => p.tags.length)).toEqual([12, 1]);
    expect(qrs(sheets[0]!.items).map((q) => q.url)).toEqual(tags.slice(0, 12).map(linkFor));
  });

  it("keeps every code and sticker on its paper, codes at least 35 mm wide", () => {
    for (const template of ["door-plate", "table-tent", "stickers"] as const) {
      for (const page of layout(template, ["Room 1", "Room 2", "Room 3"], true)) {
        for (const item of page.items) {
          if (item.kind === "line") continue;
          const [w, h] = item.kind === "qr" ? [item.size, item.size] : [item.w, item.h];
          expect(item.x, `${template} ${item.kind}`).toBeGreaterThanOrEqual(0);
          expect(item.y).toBeGreaterThanOrEqual(0);
          expect(item.x + w).toBeLessThanOrEqual(page.widthMm + 1e-9);
          expect(item.y + h).toBeLessThanOrEqual(page.heightMm + 1e-9);
        }
        for (const qr of qrs(page.items)) expect(qr.size).toBeGreaterThanOrEqual(35);
      }
    }
  });

  it("turns the upper face of a table tent upside down, and only that face", () => {
    const [page] = layout("table-tent", ["Room 1"]);
    const codes = qrs(page!.items);
    expect(codes).toHaveLength(2);
    expect(codes.map((q) => q.rotate ?? 0)).toEqual([180, 0]);
    expect(codes[0]!.y + codes[0]!.size).toBeLessThanOrEqual(148.5);
    expect(codes[1]!.y).toBeGreaterThanOrEqual(148.5);
    expect(page!.items.filter((i) => i.rotate === 180 && i.kind !== "line").every((i) => ("y" in i ? i.y < 148.5 : true))).toBe(true);
  });

  it("leaves the logo's box out without a logo, or when the design says so", () => {
    expect(layout("door-plate", ["Room 1"], false)[0]!.items.some((i) => i.kind === "logo")).toBe(false);
    expect(layout("door-plate", ["Room 1"], true)[0]!.items.some((i) => i.kind === "logo")).toBe(true);
    const off = layoutStickers({ design: { ...DEFAULT_STICKER_DESIGN, withLogo: false }, tags: ["Room 1"], linkFor, hasLogo: true });
    expect(off[0]!.items.some((i) => i.kind === "logo")).toBe(false);
  });
});

describe("fitText", () => {
  const box = { kind: "text" as const, x: 10, y: 20, w: 60, h: 20, text: "", size: 8, minSize: 4, maxLines: 2, weight: "bold" as const, color: "#000000", align: "left" as const };

  it("keeps the largest size a short text fits at, on one line", () => {
    const fitted = fitText({ ...box, text: "Room 12" }, measure);
    expect(fitted.size).toBe(8);
    expect(fitted.lines).toEqual(["Room 12"]);
    expect(fitted.baselines[0]).toBeCloseTo(20 + 8 * 0.93);
  });

  it("wraps, then shrinks, and cuts with … only below the smallest size", () => {
    const two = fitText({ ...box, text: "Welcome to Hotel Miramar" }, measure);
    expect(two.lines.length).toBe(2);
    expect(two.size).toBeLessThanOrEqual(8);
    for (const line of two.lines) expect(measure(line, "bold") * two.size).toBeLessThanOrEqual(60 + 1e-6);
    const long = fitText({ ...box, text: "word ".repeat(80) }, measure);
    expect(long.size).toBe(4);
    expect(long.lines.length).toBeLessThanOrEqual(2);
    expect(long.lines.at(-1)).toMatch(/…$/);
  });

  it("breaks a script without spaces by letters", () => {
    const fitted = fitText({ ...box, w: 20, text: "客房客房客房客房客房客房", minSize: 8 }, measure);
    expect(fitted.lines.join("").replace(/…$/, "").length).toBeGreaterThan(0);
    for (const line of fitted.lines) expect(measure(line, "bold") * 8).toBeLessThanOrEqual(20 + 1e-6);
  });
});

describe("qrRectangles", () => {
  it("merges each row's dark modules into runs inside the quiet zone", () => {
    // 3 × 3: a dark row, a gap in the middle, a single dark module.
    const grid = [
      [1, 1, 1],
      [1, 0, 1],
      [0, 0, 1],
    ];
    const modules = { size: 3, get: (r: number, c: number) => grid[r]![c]! };
    // 3 + 2 × 4 quiet modules = 11 modules across 22 mm: 2 mm a module, the code starts at 8 mm.
    expect(qrRectangles(modules, 0, 0, 22)).toEqual([
      { x: 8, y: 8, w: 6, h: 2 },
      { x: 8, y: 10, w: 2, h: 2 },
      { x: 12, y: 10, w: 2, h: 2 },
      { x: 12, y: 12, w: 2, h: 2 },
    ]);
  });
});

describe("stickerFileName", () => {
  it("names one tag, or counts several, in ASCII", () => {
    expect(stickerFileName("door-plate", ["Suite #3"], "pdf")).toBe("innbox-door-plate-Suite-3.pdf");
    expect(stickerFileName("stickers", ["a", "b", "c"], "pdf")).toBe("innbox-stickers-3.pdf");
    expect(stickerFileName("table-tent", ["Zimmer Ö 4"], "png")).toBe("innbox-table-tent-Zimmer-4.png");
  });
});
