import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import type { TextWeight } from "@innbox/protocol/sticker-layout";

/**
 * The fonts printed on plates and stickers. pdfkit's built-in Helvetica knows only
 * Western European letters, so the PDF embeds DejaVu Sans (Latin, Greek, Cyrillic and
 * more; the dejavu-fonts-ttf package, a free licence) and, for the Chinese letters DejaVu
 * lacks, Noto Sans SC (@expo-google-fonts/noto-sans-sc, OFL-1.1). pdfkit embeds only the
 * letters a print uses, so a PDF stays small. Korean Hangul has no font here yet.
 */
export interface StickerFonts {
  /** The text cut into runs, each with the first font that has its letters. */
  runs(text: string, weight: TextWeight): Array<{ font: string; text: string }>;
  /** The font file behind a name `runs` gave, for pdfkit to embed. */
  bytes(font: string): Buffer;
}

const require = createRequire(import.meta.url);

interface Face {
  name: string;
  bytes: Buffer;
  font: { hasGlyphForCodePoint(codePoint: number): boolean };
}
// fontkit is what pdfkit reads fonts with; it ships no types, so this is the part used.
const fontkit = require("fontkit") as { create(bytes: Buffer): Face["font"] };

function packageDir(name: string): string | null {
  try {
    return dirname(require.resolve(`${name}/package.json`));
  } catch {
    return null;
  }
}

function face(name: string, file: string): Face {
  const bytes = readFileSync(file);
  return { name, bytes, font: fontkit.create(bytes) };
}

/**
 * One print's fonts, read on first use: DejaVu with the first text, the Chinese font (two
 * 10 MB files) only when the print has a letter DejaVu lacks.
 */
export function createStickerFonts(): StickerFonts {
  const files: Record<string, () => Face | null> = {};
  const loaded = new Map<string, Face | null>();
  const dejavu = () => {
    const dir = packageDir("dejavu-fonts-ttf");
    if (!dir) throw new Error("the dejavu-fonts-ttf package is missing; run npm install");
    return dir;
  };
  const noto = () => packageDir("@expo-google-fonts/noto-sans-sc");
  files.sans = () => face("sans", join(dejavu(), "ttf", "DejaVuSans.ttf"));
  files["sans-bold"] = () => face("sans-bold", join(dejavu(), "ttf", "DejaVuSans-Bold.ttf"));
  files.cjk = () => (noto() ? face("cjk", join(noto()!, "400Regular", "NotoSansSC_400Regular.ttf")) : null);
  files["cjk-bold"] = () => (noto() ? face("cjk-bold", join(noto()!, "700Bold", "NotoSansSC_700Bold.ttf")) : null);
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
  };
}
