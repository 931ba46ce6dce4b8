import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import type { TextWeight } from "@innbox/protocol/sticker-layout";

/**
 * The fonts printed on plates and stickers. pdfkit's built-in Helvetica knows only
 * Western European letters, so the PDF embeds DejaVu Sans (Latin, Greek, Cyrillic and
 * more; from the dejavu-fonts-ttf package, free licence) and, for the Chinese letters
 * DejaVu lacks, Noto Sans SC (OFL-1.1). pdfkit embeds only the letters a print uses, so a
 * PDF stays small. Korean Hangul has no font here yet.
 */
export interface StickerFont {
  /** The name registered with pdfkit. */
  name: string;
  has(codePoint: number): boolean;
}

export interface StickerFonts {
  files: Array<{ name: string; bytes: Buffer }>;
  /** The text cut into runs, each with the first font that has its letters. */
  runs(text: string, weight: TextWeight): Array<{ font: string; text: string }>;
}

const require = createRequire(import.meta.url);
// fontkit is what pdfkit reads fonts with; it ships no types, so this is the part used.
const fontkit = require("fontkit") as { create(bytes: Buffer): Face["font"] };

function packageDir(name: string): string | null {
  try {
    return dirname(require.resolve(`${name}/package.json`));
  } catch {
    return null;
  }
}

interface Face {
  name: string;
  bytes: Buffer;
  font: { hasGlyphForCodePoint(codePoint: number): boolean };
}

function face(name: string, file: string): Face {
  const bytes = readFileSync(file);
  return { name, bytes, font: fontkit.create(bytes) };
}

let loaded: StickerFonts | undefined;

/** Read once, on the first print. */
export function stickerFonts(): StickerFonts {
  if (loaded) return loaded;
  const dejavu = packageDir("dejavu-fonts-ttf");
  if (!dejavu) throw new Error("the dejavu-fonts-ttf package is missing; run npm install");
  const regular = [face("sans", join(dejavu, "ttf", "DejaVuSans.ttf"))];
  const bold = [face("sans-bold", join(dejavu, "ttf", "DejaVuSans-Bold.ttf"))];
  const cjk = cjkFaces();
  if (cjk) {
    regular.push(cjk.regular);
    bold.push(cjk.bold);
  }
  const all = [...new Map([...regular, ...bold].map((f) => [f.name, f])).values()];
  loaded = {
    files: all.map(({ name, bytes }) => ({ name, bytes })),
    runs(text, weight) {
      const faces = weight === "bold" ? bold : regular;
      const runs: Array<{ font: string; text: string }> = [];
      for (const ch of text) {
        const code = ch.codePointAt(0)!;
        // A space or a letter no font has stays with the run it is in.
        const chosen = (code <= 0x20 && runs.length ? undefined : faces.find((f) => f.font.hasGlyphForCodePoint(code)))?.name ?? runs.at(-1)?.font ?? faces[0]!.name;
        const last = runs.at(-1);
        if (last && last.font === chosen) last.text += ch;
        else runs.push({ font: chosen, text: ch });
      }
      return runs;
    },
  };
  return loaded;
}

/** Noto Sans SC (the TrueType files of @expo-google-fonts/noto-sans-sc), for Chinese and Japanese kanji. */
function cjkFaces(): { regular: Face; bold: Face } | null {
  const dir = packageDir("@expo-google-fonts/noto-sans-sc");
  if (!dir) return null;
  return {
    regular: face("cjk", join(dir, "400Regular", "NotoSansSC_400Regular.ttf")),
    bold: face("cjk-bold", join(dir, "700Bold", "NotoSansSC_700Bold.ttf")),
  };
}
