// The printed plates and stickers, described once in millimetres. The appliance draws this
// description into a PDF (pdfkit) and the admin page into its SVG preview, PNG and print,
// so the preview is the print. Zod-free: `import … from "@innbox/protocol/sticker-layout"`.

export const STICKER_TEMPLATES = ["door-plate", "table-tent", "stickers"] as const;
export type StickerTemplate = (typeof STICKER_TEMPLATES)[number];

/** At most this many tags (plates or stickers) in one print. */
export const STICKER_TAGS_MAX = 200;
export const STICKER_HEADING_MAX = 60;
export const STICKER_TEXT_MAX = 160;
/** A logo upload's largest size in bytes (1 MB). */
export const LOGO_BYTES_MAX = 1024 * 1024;
export const LOGO_TYPES = ["image/png", "image/jpeg", "image/svg+xml"] as const;

/** What the manager designs; the tags come with each print. */
export interface StickerDesign {
  template: StickerTemplate;
  /** The large line, e.g. "Scan me" or the property's name. */
  heading: string;
  /** A sentence under it, wrapped to a few lines. */
  text: string;
  textColor: string;
  backgroundColor: string;
  /** The room label and the frame around the code. */
  accentColor: string;
  /** Print the uploaded logo (when there is one). */
  withLogo: boolean;
}

export const DEFAULT_STICKER_DESIGN: StickerDesign = {
  template: "door-plate",
  heading: "Online Reception",
  text: "Scan the code to chat with us, see the weather and find places nearby.",
  textColor: "#1f2933",
  backgroundColor: "#ffffff",
  accentColor: "#1d4e89",
  withLogo: true,
};

/** The fonts both renderers use: the PDF embeds DejaVu Sans, the preview asks the browser for it first. */
export const STICKER_FONT_FAMILY = '"DejaVu Sans", "Noto Sans", Verdana, Arial, sans-serif';

export type TextWeight = "regular" | "bold";

interface Rotatable {
  /** 180: drawn upside down about the centre of its box (the back face of a table tent). */
  rotate?: 0 | 180;
}

export type LayoutItem =
  | ({ kind: "rect"; x: number; y: number; w: number; h: number; fill: string; radius?: number } & Rotatable)
  | ({ kind: "line"; x1: number; y1: number; x2: number; y2: number; color: string; width: number; dash?: number } & Rotatable)
  /**
   * Text in the box (x, y, w, h): centred or left-aligned, shrunk until each line fits w and
   * wrapped to at most maxLines (the last line ends in "…" if it still does not fit).
   */
  | ({
      kind: "text";
      x: number;
      y: number;
      w: number;
      h: number;
      text: string;
      size: number;
      minSize: number;
      maxLines: number;
      weight: TextWeight;
      color: string;
      align: "left" | "center";
      /** For the rotation: the box of the face it belongs to. */
    } & Rotatable)
  /** A QR code of `url` on a light square whose side `size` includes the 4-module quiet zone. */
  | ({ kind: "qr"; x: number; y: number; size: number; url: string; dark: string; light: string } & Rotatable)
  /** The logo, fitted inside the box and centred, keeping its proportions. */
  | ({ kind: "logo"; x: number; y: number; w: number; h: number } & Rotatable);

export interface LayoutPage {
  widthMm: number;
  heightMm: number;
  /** The tags on this page, in order. */
  tags: string[];
  items: LayoutItem[];
}

export interface LayoutInput {
  design: StickerDesign;
  tags: string[];
  /** The reception link of a tag (`<publicUrl>/r/<slug>?t=<tag>`). */
  linkFor: (tag: string) => string;
  hasLogo: boolean;
}

/** Every page of a print: one per tag for plates and tents, a sheet of twelve for stickers. */
export function layoutStickers(input: LayoutInput): LayoutPage[] {
  const { design, tags } = input;
  const logo = design.withLogo && input.hasLogo;
  switch (design.template) {
    case "door-plate":
      return tags.map((tag) => ({ widthMm: 148, heightMm: 105, tags: [tag], items: doorPlate(design, tag, input.linkFor(tag), logo) }));
    case "table-tent":
      return tags.map((tag) => ({ widthMm: 210, heightMm: 297, tags: [tag], items: tableTent(design, tag, input.linkFor(tag), logo) }));
    case "stickers":
      return stickerSheets(design, tags, input.linkFor, logo);
  }
}

const QR_DARK = "#111111";
const QR_LIGHT = "#ffffff";

/** A6 landscape: words and room on the left, the code on a white square on the right. */
function doorPlate(d: StickerDesign, tag: string, url: string, logo: boolean): LayoutItem[] {
  const W = 148;
  const H = 105;
  const qrSize = 66;
  const qrX = W - 10 - qrSize;
  const qrY = (H - qrSize) / 2 + 3;
  const left = 10;
  const textW = qrX - left - 8;
  const items: LayoutItem[] = [
    { kind: "rect", x: 0, y: 0, w: W, h: H, fill: d.backgroundColor },
    { kind: "rect", x: 0, y: 0, w: W, h: 6, fill: d.accentColor },
    { kind: "rect", x: qrX - 2, y: qrY - 2, w: qrSize + 4, h: qrSize + 4, fill: d.accentColor, radius: 4 },
    { kind: "qr", x: qrX, y: qrY, size: qrSize, url, dark: QR_DARK, light: QR_LIGHT },
  ];
  // With a logo the words move down and get a little smaller; the room label stays put.
  const heading = logo ? { y: 30, h: 17, size: 7 } : { y: 14, h: 20, size: 8 };
  const body = logo ? { y: 50, h: 20, size: 3.9 } : { y: 38, h: 24, size: 4.2 };
  if (logo) items.push({ kind: "logo", x: left, y: 12, w: textW, h: 13 });
  items.push({ kind: "text", x: left, y: heading.y, w: textW, h: heading.h, text: d.heading, size: heading.size, minSize: 4, maxLines: 2, weight: "bold", color: d.textColor, align: "left" });
  items.push({ kind: "text", x: left, y: body.y, w: textW, h: body.h, text: d.text, size: body.size, minSize: 3, maxLines: 4, weight: "regular", color: d.textColor, align: "left" });
  items.push({ kind: "rect", x: left, y: H - 26, w: 14, h: 1.2, fill: d.accentColor });
  items.push({ kind: "text", x: left, y: H - 22, w: textW, h: 13, text: tag, size: 10, minSize: 4.5, maxLines: 1, weight: "bold", color: d.accentColor, align: "left" });
  return items;
}

/**
 * A4 portrait folded across the middle: two faces of 210 × 148.5 mm. The lower face reads
 * upright; the upper one is turned 180° so it reads upright too once folded into a tent.
 */
function tableTent(d: StickerDesign, tag: string, url: string, logo: boolean): LayoutItem[] {
  const W = 210;
  const half = 297 / 2;
  const face = (top: number, rotate: 0 | 180): LayoutItem[] => {
    const qrSize = 82;
    const qrX = W - 16 - qrSize;
    const qrY = top + (half - qrSize) / 2 + 2;
    const left = 16;
    const textW = qrX - left - 10;
    const items: LayoutItem[] = [
      { kind: "rect", x: 0, y: top, w: W, h: half, fill: d.backgroundColor },
      // The band runs along the fold, the top of the tent, on both faces.
      { kind: "rect", x: 0, y: top, w: W, h: 8, fill: d.accentColor },
      { kind: "rect", x: qrX - 2.5, y: qrY - 2.5, w: qrSize + 5, h: qrSize + 5, fill: d.accentColor, radius: 5 },
      { kind: "qr", x: qrX, y: qrY, size: qrSize, url, dark: QR_DARK, light: QR_LIGHT },
    ];
    const heading = logo ? { y: top + 44, h: 24, size: 9 } : { y: top + 24, h: 26, size: 10 };
    const body = logo ? { y: top + 72, h: 26, size: 4.6 } : { y: top + 56, h: 30, size: 5 };
    if (logo) items.push({ kind: "logo", x: left, y: top + 22, w: textW, h: 18 });
    items.push({ kind: "text", x: left, y: heading.y, w: textW, h: heading.h, text: d.heading, size: heading.size, minSize: 5, maxLines: 2, weight: "bold", color: d.textColor, align: "left" });
    items.push({ kind: "text", x: left, y: body.y, w: textW, h: body.h, text: d.text, size: body.size, minSize: 3.6, maxLines: 4, weight: "regular", color: d.textColor, align: "left" });
    items.push({ kind: "rect", x: left, y: top + half - 36, w: 18, h: 1.5, fill: d.accentColor });
    items.push({ kind: "text", x: left, y: top + half - 31, w: textW, h: 16, text: tag, size: 12, minSize: 5, maxLines: 1, weight: "bold", color: d.accentColor, align: "left" });
    if (!rotate) return items;
    // Turned about the centre of its own face, which is what folding does.
    return items.map((item) => rotateAbout(item, W / 2, top + half / 2));
  };
  return [
    ...face(0, 180),
    ...face(half, 0),
    { kind: "line", x1: 6, y1: half, x2: W - 6, y2: half, color: "#9aa5b1", width: 0.3, dash: 2 },
  ];
}

/** The item turned 180° about (cx, cy): its box moves to the mirrored place and it draws upside down. */
function rotateAbout(item: LayoutItem, cx: number, cy: number): LayoutItem {
  if (item.kind === "line") return { ...item, x1: 2 * cx - item.x2, y1: 2 * cy - item.y2, x2: 2 * cx - item.x1, y2: 2 * cy - item.y1 };
  const w = item.kind === "qr" ? item.size : item.w;
  const h = item.kind === "qr" ? item.size : item.h;
  return { ...item, x: 2 * cx - item.x - w, y: 2 * cy - item.y - h, rotate: 180 };
}

/** The sticker sheet: 60 mm squares, 3 × 4 on A4, 6 mm apart, each with a grey cut line. */
export const STICKER_SHEET = { size: 60, columns: 3, rows: 4, gap: 6 } as const;

function stickerSheets(d: StickerDesign, tags: string[], linkFor: (tag: string) => string, logo: boolean): LayoutPage[] {
  const { size, columns, rows, gap } = STICKER_SHEET;
  const W = 210;
  const H = 297;
  const marginX = (W - columns * size - (columns - 1) * gap) / 2;
  const marginY = (H - rows * size - (rows - 1) * gap) / 2;
  const perPage = columns * rows;
  const pages: LayoutPage[] = [];
  for (let start = 0; start < tags.length; start += perPage) {
    const pageTags = tags.slice(start, start + perPage);
    const items: LayoutItem[] = [];
    pageTags.forEach((tag, i) => {
      const x = marginX + (i % columns) * (size + gap);
      const y = marginY + Math.floor(i / columns) * (size + gap);
      items.push(...sticker(d, tag, linkFor(tag), logo, x, y, size));
    });
    pages.push({ widthMm: W, heightMm: H, tags: pageTags, items });
  }
  return pages;
}

function sticker(d: StickerDesign, tag: string, url: string, logo: boolean, x: number, y: number, size: number): LayoutItem[] {
  const qrSize = 37;
  const qrX = x + (size - qrSize) / 2;
  const qrY = y + 10.5;
  const cut = "#b8c2cc";
  const items: LayoutItem[] = [
    { kind: "rect", x, y, w: size, h: size, fill: d.backgroundColor, radius: 3 },
    { kind: "rect", x: qrX - 1.2, y: qrY - 1.2, w: qrSize + 2.4, h: qrSize + 2.4, fill: d.accentColor, radius: 2 },
    { kind: "qr", x: qrX, y: qrY, size: qrSize, url, dark: QR_DARK, light: QR_LIGHT },
    { kind: "text", x: x + 3, y: qrY + qrSize + 2.6, w: size - 6, h: 7, text: tag, size: 4.6, minSize: 2.4, maxLines: 1, weight: "bold", color: d.accentColor, align: "center" },
    // The cut line runs 1 mm outside the sticker, so a slightly off cut keeps the colour.
    { kind: "line", x1: x - 1, y1: y - 1, x2: x + size + 1, y2: y - 1, color: cut, width: 0.2, dash: 1.5 },
    { kind: "line", x1: x - 1, y1: y + size + 1, x2: x + size + 1, y2: y + size + 1, color: cut, width: 0.2, dash: 1.5 },
    { kind: "line", x1: x - 1, y1: y - 1, x2: x - 1, y2: y + size + 1, color: cut, width: 0.2, dash: 1.5 },
    { kind: "line", x1: x + size + 1, y1: y - 1, x2: x + size + 1, y2: y + size + 1, color: cut, width: 0.2, dash: 1.5 },
  ];
  if (logo) {
    items.push({ kind: "logo", x: x + 4, y: y + 2.5, w: 14, h: 6.5 });
    items.push({ kind: "text", x: x + 19, y: y + 3, w: size - 23, h: 6, text: d.heading, size: 3.4, minSize: 2.2, maxLines: 1, weight: "bold", color: d.textColor, align: "left" });
  } else {
    items.push({ kind: "text", x: x + 3, y: y + 3, w: size - 6, h: 6, text: d.heading, size: 3.6, minSize: 2.2, maxLines: 1, weight: "bold", color: d.textColor, align: "center" });
  }
  return items;
}

// --- Shared drawing helpers: the renderers measure with their own fonts, the rules are here ---

/** Measures `text` at font size 1 (mm) in the given weight; the renderer's own fonts. */
export type MeasureText = (text: string, weight: TextWeight) => number;

export interface FittedText {
  size: number;
  lines: string[];
  /** Each line's baseline, mm from the top of the page (before any rotation). */
  baselines: number[];
}

/** The first baseline sits one ascent (DejaVu Sans: 0.93 em) below the top of the box. */
const ASCENT = 0.93;
const LINE_HEIGHT = 1.22;

/**
 * The largest size from `size` down to `minSize` at which the text wraps into `maxLines`
 * lines of width `w` within height `h`; at `minSize` the last line is cut with "…".
 */
export function fitText(item: Extract<LayoutItem, { kind: "text" }>, measure: MeasureText): FittedText {
  const text = item.text.replace(/\s+/g, " ").trim();
  const lineHeightOf = (size: number) => size * LINE_HEIGHT;
  const done = (size: number, lines: string[]): FittedText => ({ size, lines, baselines: lines.map((_, i) => item.y + size * ASCENT + i * lineHeightOf(size)) });
  for (let size = item.size; size >= item.minSize - 1e-9; size = Math.round((size - 0.2) * 100) / 100) {
    const lines = wrap(text, item.w / size, (s) => measure(s, item.weight));
    if (lines.length <= item.maxLines && lines.length * lineHeightOf(size) <= item.h + 1e-6) return done(size, lines);
  }
  const size = item.minSize;
  const maxLines = Math.max(1, Math.min(item.maxLines, Math.floor(item.h / lineHeightOf(size))));
  const lines = wrap(text, item.w / size, (s) => measure(s, item.weight)).slice(0, maxLines);
  const unitW = item.w / size;
  const last = lines.length - 1;
  if (last >= 0) {
    let cut = lines[last]!;
    const all = wrap(text, unitW, (s) => measure(s, item.weight));
    if (all.length > lines.length || measure(cut, item.weight) > unitW) {
      while (cut.length > 0 && measure(`${cut}…`, item.weight) > unitW) cut = [...cut].slice(0, -1).join("");
      lines[last] = `${cut.trimEnd()}…`;
    }
  }
  return done(size, lines);
}

/** Greedy word wrap at width `w` (in units of the font size); a word longer than a line is broken by letters. */
function wrap(text: string, w: number, measure: (s: string) => number): string[] {
  if (!text) return [];
  const lines: string[] = [];
  let line = "";
  for (const word of text.split(" ")) {
    const candidate = line ? `${line} ${word}` : word;
    if (measure(candidate) <= w) {
      line = candidate;
      continue;
    }
    if (line) lines.push(line);
    line = "";
    // A word wider than the line (or a script without spaces): break it by letters.
    let part = "";
    for (const ch of word) {
      if (measure(part + ch) > w && part) {
        lines.push(part);
        part = "";
      }
      part += ch;
    }
    line = part;
  }
  if (line) lines.push(line);
  return lines;
}

/** A QR code's modules, as qrcode's `create(...).modules` gives them. */
export interface QrModules {
  size: number;
  get(row: number, column: number): number | boolean;
}

/** The modules of a quiet zone on each side, as the standard asks. */
export const QR_QUIET_MODULES = 4;

/**
 * The dark modules as rectangles in mm: each row's runs of dark modules merged into one
 * rectangle, so the code is a few hundred vector shapes, not thousands.
 */
export function qrRectangles(modules: QrModules, x: number, y: number, size: number): Array<{ x: number; y: number; w: number; h: number }> {
  const cell = size / (modules.size + 2 * QR_QUIET_MODULES);
  const rects: Array<{ x: number; y: number; w: number; h: number }> = [];
  for (let row = 0; row < modules.size; row++) {
    let start = -1;
    for (let col = 0; col <= modules.size; col++) {
      const dark = col < modules.size && Boolean(modules.get(row, col));
      if (dark && start < 0) start = col;
      if (!dark && start >= 0) {
        rects.push({ x: x + (QR_QUIET_MODULES + start) * cell, y: y + (QR_QUIET_MODULES + row) * cell, w: (col - start) * cell, h: cell });
        start = -1;
      }
    }
  }
  return rects;
}

/** The file name of a print: `innbox-door-plate-Room-12.pdf`, or with the count for several tags. */
export function stickerFileName(template: StickerTemplate, tags: string[], extension: string): string {
  const what = tags.length === 1 ? tags[0]! : `${tags.length}`;
  const name = `innbox-${template}-${what}`.replace(/[^A-Za-z0-9._-]+/g, "-").replace(/-{2,}/g, "-").replace(/-+$/, "");
  return `${name}.${extension}`;
}
