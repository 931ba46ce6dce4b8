import PDFDocument from "pdfkit";
import QRCode from "qrcode";
import SVGtoPDF from "svg-to-pdfkit";
import { fitText, qrRectangles, type LayoutItem, type LayoutPage, type TextWeight } from "@innbox/protocol/sticker-layout";
import type { StickerFonts } from "./sticker-fonts.js";

/** The logo as stored: PNG or JPEG bytes, or a cleaned SVG. */
export interface PrintLogo {
  contentType: string;
  bytes: Buffer;
}

const PT_PER_MM = 72 / 25.4;
const pt = (mm: number) => mm * PT_PER_MM;

type Doc = PDFKit.PDFDocument;
// pdfkit draws an image opened once on every page without embedding it again.
type OpenedImage = unknown;

/**
 * The pages of a print as a PDF, drawn from the shared layout: QR codes as vector
 * rectangles from the code's modules (error correction M, the quiet zone kept), text in
 * the embedded fonts, the logo fitted into its box.
 */
export async function renderStickersPdf(pages: LayoutPage[], logo: PrintLogo | null, title: string, fonts: StickerFonts): Promise<Buffer> {
  const doc = new PDFDocument({ autoFirstPage: false, margin: 0, info: { Title: title, Creator: "Innbox" }, compress: true });
  const chunks: Buffer[] = [];
  doc.on("data", (chunk: Buffer) => chunks.push(chunk));
  const finished = new Promise<Buffer>((resolve, reject) => {
    doc.on("end", () => resolve(Buffer.concat(chunks)));
    doc.on("error", reject);
  });
  // Each font is embedded once, when a print first uses it.
  const registered = new Set<string>();
  const font = (name: string) => {
    if (!registered.has(name)) doc.registerFont(name, fonts.bytes(name), fonts.family(name));
    registered.add(name);
    return doc.font(name);
  };

  // Fitting measures the same words at every size it tries, on every plate: once is enough.
  const widths = new Map<string, number>();
  const measure = (text: string, weight: TextWeight) => {
    const key = `${weight}\u0000${text}`;
    let width = widths.get(key);
    if (width === undefined) {
      width = 0;
      for (const run of fonts.runs(text, weight)) width += font(run.font).fontSize(1).widthOfString(run.text);
      widths.set(key, width);
    }
    return width;
  };
  let opened: OpenedImage | undefined;
  const raster = () => (opened ??= (doc as unknown as { openImage(src: Buffer): OpenedImage }).openImage(logo!.bytes));

  for (const [index, page] of pages.entries()) {
    // 200 plates take a second or two: let chat and the other requests through between pages.
    if (index > 0 && index % 8 === 0) await new Promise((resolve) => setImmediate(resolve));
    doc.addPage({ size: [pt(page.widthMm), pt(page.heightMm)], margin: 0 });
    for (const item of page.items) {
      doc.save();
      if (item.rotate === 180) {
        const box = boxOf(item);
        doc.rotate(180, { origin: [pt(box.x + box.w / 2), pt(box.y + box.h / 2)] });
      }
      draw(doc, item, { measure, fonts, font, logo, raster });
      doc.restore();
    }
  }
  doc.end();
  return finished;
}

function boxOf(item: LayoutItem): { x: number; y: number; w: number; h: number } {
  if (item.kind === "line") return { x: Math.min(item.x1, item.x2), y: Math.min(item.y1, item.y2), w: Math.abs(item.x2 - item.x1), h: Math.abs(item.y2 - item.y1) };
  if (item.kind === "qr") return { x: item.x, y: item.y, w: item.size, h: item.size };
  return item;
}

interface DrawContext {
  measure: (text: string, weight: TextWeight) => number;
  fonts: StickerFonts;
  font: (name: string) => Doc;
  logo: PrintLogo | null;
  raster: () => OpenedImage;
}

function draw(doc: Doc, item: LayoutItem, ctx: DrawContext): void {
  switch (item.kind) {
    case "rect":
      if (item.radius) doc.roundedRect(pt(item.x), pt(item.y), pt(item.w), pt(item.h), pt(item.radius));
      else doc.rect(pt(item.x), pt(item.y), pt(item.w), pt(item.h));
      doc.fill(item.fill);
      return;
    case "line":
      doc.moveTo(pt(item.x1), pt(item.y1)).lineTo(pt(item.x2), pt(item.y2)).lineWidth(pt(item.width));
      if (item.dash) doc.dash(pt(item.dash), { space: pt(item.dash) });
      doc.stroke(item.color);
      doc.undash();
      return;
    case "qr": {
      const modules = QRCode.create(item.url, { errorCorrectionLevel: "M" }).modules;
      doc.rect(pt(item.x), pt(item.y), pt(item.size), pt(item.size)).fill(item.light);
      for (const r of qrRectangles(modules, item.x, item.y, item.size)) doc.rect(pt(r.x), pt(r.y), pt(r.w), pt(r.h));
      doc.fill(item.dark);
      return;
    }
    case "text": {
      const fitted = fitText(item, ctx.measure);
      doc.fillColor(item.color);
      fitted.lines.forEach((line, i) => {
        const width = ctx.measure(line, item.weight) * fitted.size;
        let x = item.align === "center" ? item.x + (item.w - width) / 2 : item.x;
        for (const run of ctx.fonts.runs(line, item.weight)) {
          ctx.font(run.font).fontSize(pt(fitted.size));
          doc.text(run.text, pt(x), pt(fitted.baselines[i]!), { lineBreak: false, baseline: "alphabetic" });
          x += doc.widthOfString(run.text) / PT_PER_MM;
        }
      });
      return;
    }
    case "logo": {
      if (!ctx.logo) return;
      if (ctx.logo.contentType === "image/svg+xml") {
        SVGtoPDF(doc, ctx.logo.bytes.toString("utf8"), pt(item.x), pt(item.y), {
          width: pt(item.w),
          height: pt(item.h),
          preserveAspectRatio: "xMinYMid meet",
          assumePt: true,
          // What it cannot draw (an unknown attribute) it leaves out; not worth a log line each plate.
          warningCallback: () => undefined,
        });
        return;
      }
      doc.image(ctx.raster() as Buffer, pt(item.x), pt(item.y), { fit: [pt(item.w), pt(item.h)], valign: "center" });
      return;
    }
  }
}
