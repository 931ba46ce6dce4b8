import { existsSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import type { TextWeight } from "@innbox/protocol/sticker-layout";

/**
 * The fonts printed on plates and stickers. pdfkit's built-in Helvetica knows only
 * Western European letters, so the PDF embeds DejaVu Sans (Latin, Greek, Cyrillic and
 * more; the dejavu-fonts-ttf package, a free licence) and, for the Chinese, Japanese and
 * Korean letters DejaVu lacks, the box's own CJK font: Debian's fonts-wqy-microhei (which
 * the installer adds) or fonts-noto-cjk, whichever is there (CJK_FONTS). Without one,
 * such letters print as DejaVu's empty boxes (the README names the package).
 * pdfkit embeds only the letters a print uses, so a PDF stays small.
 */
export interface StickerFonts {
  /** The text cut into runs, each with the first font that has its letters. */
  runs(text: string, weight: TextWeight): Array<{ font: string; text: string }>;
  /** The font file behind a name `runs` gave, for pdfkit to embed. */
  bytes(font: string): Buffer;
  /** The face inside that file when it is a collection (.ttc). */
  family(font: string): string | undefined;
}

const require = createRequire(import.meta.url);

interface Face {
  name: string;
  bytes: Buffer;
  /** The face's PostScript name inside a collection (.ttc), for pdfkit. */
  family?: string;
  font: { hasGlyphForCodePoint(codePoint: number): boolean };
}
// fontkit is what pdfkit reads fonts with; it ships no types, so this is the part used.
const fontkit = require("fontkit") as { create(bytes: Buffer, postscriptName?: string): Face["font"] };

/** Where Debian's CJK fonts are, best first: a file and, for a collection, the face in it. */
export const CJK_FONTS: ReadonlyArray<{ file: string; regular: string; bold?: string; boldFile?: string }> = [
  { file: "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc", regular: "NotoSansCJKsc-Regular", boldFile: "/usr/share/fonts/opentype/noto/NotoSansCJK-Bold.ttc", bold: "NotoSansCJKsc-Bold" },
  { file: "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc", regular: "WenQuanYiMicroHei" },
  { file: "/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc", regular: "WenQuanYiZenHei" },
];

function packageDir(name: string): string | null {
  try {
    return dirname(require.resolve(`${name}/package.json`));
  } catch {
    return null;
  }
}

function face(name: string, file: string, family?: string): Face {
  const bytes = readFileSync(file);
  return { name, bytes, font: fontkit.create(bytes, family), ...(family ? { family } : {}) };
}

/** The first CJK font of `candidates` on this box, regular or bold (the regular face when there is no bold one). */
function cjkFace(name: string, bold: boolean, candidates = CJK_FONTS): Face | null {
  for (const c of candidates) {
    if (!existsSync(c.file)) continue;
    if (bold && c.bold && c.boldFile && existsSync(c.boldFile)) return face(name, c.boldFile, c.bold);
    return face(name, c.file, c.regular);
  }
  return null;
}

/**
 * One print's fonts, read on first use: DejaVu with the first text, the CJK font only
 * when the print has a letter DejaVu lacks.
 */
export function createStickerFonts(): StickerFonts {
  const files: Record<string, () => Face | null> = {};
  const loaded = new Map<string, Face | null>();
  const dejavu = () => {
    const dir = packageDir("dejavu-fonts-ttf");
    if (!dir) throw new Error("the dejavu-fonts-ttf package is missing; run npm install");
    return dir;
  };
  files.sans = () => face("sans", join(dejavu(), "ttf", "DejaVuSans.ttf"));
  files["sans-bold"] = () => face("sans-bold", join(dejavu(), "ttf", "DejaVuSans-Bold.ttf"));
  files.cjk = () => cjkFace("cjk", false);
  files["cjk-bold"] = () => cjkFace("cjk-bold", true);
  const get = (name: string): Face | null => {
    if (!loaded.has(name)) loaded.set(name, files[name]!());
    return loaded.get(name)!;
  };
  const order = { regular: ["sans", "cjk"], bold: ["sans-bold", "cjk-bold"] } as const;

  return {
    runs(text, weight) {
      const names = order[weight];
      const runs: Array<{ font: string; text: string }> = [];
      for (const ch of text) {
        const code = ch.codePointAt(0)!;
        // A space stays with the run it is in; a letter no font has is drawn in the first.
        const found = code <= 0x20 && runs.length ? undefined : names.find((name) => get(name)?.font.hasGlyphForCodePoint(code));
        const chosen = found ?? runs.at(-1)?.font ?? names[0];
        const last = runs.at(-1);
        if (last && last.font === chosen) last.text += ch;
        else runs.push({ font: chosen, text: ch });
      }
      return runs;
    },
    bytes(name) {
      const found = get(name);
      if (!found) throw new Error(`no font ${name}`);
      return found.bytes;
    },
    family(name) {
      return get(name)?.family;
    },
  };
}
