import { LOGO_BYTES_MAX, type ReceptionLogoInfo } from "@innbox/protocol";
import { createInflate } from "node:zlib";
import { AppError } from "../http/index.js";
import { nowIso, type Db } from "../db/index.js";
import { receptionTexts as texts } from "./messages.js";
import { receptionRepository as repo } from "./repository.js";
import { sanitiseSvg, UnsafeSvgError } from "./svg-sanitiser.js";
import type { PrintLogo } from "./sticker-pdf.js";

type LogoType = ReceptionLogoInfo["contentType"];

export interface LogoService {
  /** Checks, cleans (SVG) and stores an upload, replacing the logo before it only once it passed. */
  save(upload: Buffer): Promise<ReceptionLogoInfo>;
  get(): Promise<PrintLogo | null>;
  info(): Promise<ReceptionLogoInfo | null>;
  remove(): Promise<void>;
}

const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/** The type by the file's first bytes; the Content-Type a browser sends is only a guess from the name. */
export function sniffLogoType(bytes: Buffer): LogoType | null {
  if (bytes.subarray(0, 8).equals(PNG)) return "image/png";
  if (bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return "image/jpeg";
  const text = bytes.subarray(0, 16 * 1024).toString("utf8").replace(/^\uFEFF/, "");
  if (text.includes("\u0000")) return null;
  if (!text.trimStart().startsWith("<")) return null;
  return /<svg[\s>/]/.test(text) ? "image/svg+xml" : null;
}

/**
 * Beyond this a logo is a poster: refused rather than decoded. pdfkit holds a PNG's pixels
 * while it prints (four bytes each with transparency), so 10 megapixels is 40 MB at most.
 */
export const LOGO_PIXELS_MAX = 10_000_000;

/** What the image data inflates to, counted as it streams past (a small file can inflate hugely). */
async function inflatedSize(data: Buffer, limit: number): Promise<number | null> {
  const inflater = createInflate();
  let total = 0;
  return new Promise((resolve) => {
    inflater.on("data", (chunk: Buffer) => {
      total += chunk.length;
      if (total > limit) {
        inflater.destroy();
        resolve(null);
      }
    });
    inflater.on("error", () => resolve(null));
    inflater.on("end", () => resolve(total));
    inflater.end(data);
  });
}

/**
 * A PNG pdfkit can draw: its chunks whole, a sane size, and its image data inflating
 * cleanly to no more than its size allows. Checked here because pdfkit decodes PNG pixels
 * in a callback where a damaged file would fail outside any request.
 */
async function checkPng(bytes: Buffer): Promise<"ok" | "damaged" | "too-many-pixels"> {
  let offset = 8;
  let width = 0;
  let height = 0;
  const data: Buffer[] = [];
  let ended = false;
  while (offset + 12 <= bytes.length) {
    const length = bytes.readUInt32BE(offset);
    const type = bytes.toString("latin1", offset + 4, offset + 8);
    if (offset + 12 + length > bytes.length) return "damaged";
    const body = bytes.subarray(offset + 8, offset + 8 + length);
    if (offset === 8 && (type !== "IHDR" || length < 8)) return "damaged";
    if (type === "IHDR") {
      width = body.readUInt32BE(0);
      height = body.readUInt32BE(4);
    }
    if (type === "IDAT") data.push(body);
    offset += 12 + length;
    if (type === "IEND") {
      ended = true;
      break;
    }
  }
  if (!ended || !width || !height || data.length === 0) return "damaged";
  if (width * height > LOGO_PIXELS_MAX) return "too-many-pixels";
  // At most 8 bytes a pixel (16-bit RGBA) and a filter byte a row.
  const size = await inflatedSize(Buffer.concat(data), width * height * 8 + height);
  return size ? "ok" : "damaged";
}

/** The frame markers (SOF0…SOF15 but DHT, JPG and DAC) that say a JPEG's size and colours. */
const JPEG_FRAMES = new Set([0xc0, 0xc1, 0xc2, 0xc3, 0xc5, 0xc6, 0xc7, 0xc9, 0xca, 0xcb, 0xcd, 0xce, 0xcf]);

/**
 * A JPEG pdfkit can draw: its segments lead to a frame header with a size and 1, 3 or 4
 * colour channels before the image data starts (what pdfkit reads when it opens one).
 */
function readableJpeg(bytes: Buffer): boolean {
  let offset = 2;
  while (offset + 4 <= bytes.length) {
    if (bytes[offset] !== 0xff) return false;
    const marker = bytes[offset + 1]!;
    if (marker === 0xff) {
      offset++;
      continue;
    }
    if (marker === 0xd8 || (marker >= 0xd0 && marker <= 0xd7) || marker === 0x01) {
      offset += 2;
      continue;
    }
    if (marker === 0xda || marker === 0xd9) return false;
    const length = bytes.readUInt16BE(offset + 2);
    if (length < 2 || offset + 2 + length > bytes.length) return false;
    if (JPEG_FRAMES.has(marker)) {
      if (length < 8) return false;
      const height = bytes.readUInt16BE(offset + 5);
      const width = bytes.readUInt16BE(offset + 7);
      const channels = bytes[offset + 9]!;
      return width > 0 && height > 0 && [1, 3, 4].includes(channels);
    }
    offset += 2 + length;
  }
  return false;
}

export function createLogoService(deps: { db: Db; clock: () => number }): LogoService {
  const toInfo = (row: { content_type: string; cleaned: number; updated_at: string; size: number }): ReceptionLogoInfo => ({
    contentType: row.content_type as LogoType,
    bytes: Number(row.size),
    cleaned: row.cleaned === 1,
    updatedAt: row.updated_at,
  });
  return {
    async save(upload) {
      if (upload.length === 0) throw AppError.badRequest(texts.logoEmpty);
      if (upload.length > LOGO_BYTES_MAX) throw new AppError(413, texts.logoTooLarge);
      const type = sniffLogoType(upload);
      if (!type) throw new AppError(415, texts.logoNotImage);
      let bytes = upload;
      let cleaned = false;
      if (type === "image/svg+xml") {
        try {
          const result = sanitiseSvg(upload.toString("utf8").replace(/^\uFEFF/, ""));
          bytes = Buffer.from(result.svg, "utf8");
          cleaned = result.cleaned;
        } catch (error) {
          if (error instanceof UnsafeSvgError) throw AppError.badRequest(texts.logoUnsafeSvg);
          throw error;
        }
      } else if (type === "image/png") {
        const png = await checkPng(upload);
        if (png === "too-many-pixels") throw new AppError(413, texts.logoTooManyPixels);
        if (png === "damaged") throw AppError.badRequest(texts.logoUnreadable("PNG"));
      } else if (!readableJpeg(upload)) {
        throw AppError.badRequest(texts.logoUnreadable("JPEG"));
      }
      const at = nowIso(deps.clock);
      await repo.saveLogo(deps.db, { content_type: type, bytes, cleaned: cleaned ? 1 : 0, updated_at: at });
      return { contentType: type, bytes: bytes.length, cleaned, updatedAt: at };
    },
    async get() {
      const row = await repo.logo(deps.db);
      return row ? { contentType: row.content_type, bytes: Buffer.from(row.bytes) } : null;
    },
    async info() {
      const row = await repo.logoInfo(deps.db);
      return row ? toInfo(row) : null;
    },
    async remove() {
      await repo.deleteLogo(deps.db);
    },
  };
}
