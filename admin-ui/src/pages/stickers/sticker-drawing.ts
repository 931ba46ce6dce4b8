import QRCode from "qrcode";
import {
  STICKER_FONT_FAMILY,
  fitText,
  qrRectangles,
  type LayoutItem,
  type LayoutPage,
  type QrModules,
  type TextWeight,
} from "@innbox/protocol/sticker-layout";
import dejavuBold from "dejavu-fonts-ttf/ttf/DejaVuSans-Bold.ttf?url";
import dejavuRegular from "dejavu-fonts-ttf/ttf/DejaVuSans.ttf?url";

// The browser's side of the shared layout (@innbox/protocol/sticker-layout): the same
// fonts as the PDF (DejaVu Sans, loaded on this page only), the same text fitting and the
// same QR rectangles. The SVG preview and print draw with it, the PNG export too.

let fontsLoading: Promise<void> | undefined;

/** DejaVu Sans as the PDF embeds it, so the preview wraps lines where the print does. */
export function loadStickerFonts(): Promise<void> {
  fontsLoading ??= (async () => {
    if (typeof FontFace === "undefined") return;
    const faces = [new FontFace("DejaVu Sans", `url(${dejavuRegular})`, { weight: "400" }), new FontFace("DejaVu Sans", `url(${dejavuBold})`, { weight: "700" })];
    await Promise.all(
      faces.map(async (face) => {
        try {
          document.fonts.add(await face.load());
        } catch {
          // Offline or blocked: the preview falls back to the browser's sans-serif.
        }
      }),
    );
  })();
  return fontsLoading;
}

const fontFor = (weight: TextWeight, px: number) => `${weight === "bold" ? "700" : "400"} ${px}px ${STICKER_FONT_FAMILY}`;

let measuring: CanvasRenderingContext2D | null = null;
const widths = new Map<string, number>();

/** Width of `text` at font size 1, as the layout's fitText asks. */
export function measureText(text: string, weight: TextWeight): number {
  const key = `${weight}\u0000${text}`;
  const known = widths.get(key);
  if (known !== undefined) return known;
  measuring ??= document.createElement("canvas").getContext("2d");
  if (!measuring) return text.length * 0.6;
  measuring.font = fontFor(weight, 100);
  const width = measuring.measureText(text).width / 100;
  widths.set(key, width);
  return width;
}

/** Forget widths measured before the fonts arrived. */
export function forgetMeasurements(): void {
  widths.clear();
}

const codes = new Map<string, QrModules>();

/** The code's modules (error correction M), as the PDF draws them. */
export function qrModules(url: string): QrModules {
  let modules = codes.get(url);
  if (!modules) {
    modules = QRCode.create(url, { errorCorrectionLevel: "M" }).modules;
    codes.set(url, modules);
  }
  return modules;
}

/** The point an item turns about when it is upside down (a table tent's back face). */
export function centreOf(item: LayoutItem): { x: number; y: number } {
  if (item.kind === "line") return { x: (item.x1 + item.x2) / 2, y: (item.y1 + item.y2) / 2 };
  if (item.kind === "qr") return { x: item.x + item.size / 2, y: item.y + item.size / 2 };
  return { x: item.x + item.w / 2, y: item.y + item.h / 2 };
}

/** The logo's box as the PDF fits it: proportions kept, left-aligned, centred vertically. */
export function fitLogo(box: { x: number; y: number; w: number; h: number }, natural: { width: number; height: number }) {
  const scale = Math.min(box.w / natural.width, box.h / natural.height);
  const w = natural.width * scale;
  const h = natural.height * scale;
  return { x: box.x, y: box.y + (box.h - h) / 2, w, h };
}

/** A page drawn on a canvas at `pxPerMm` (300 dpi ≈ 11.81), for the PNG export. */
export function drawPage(canvas: HTMLCanvasElement, page: LayoutPage, pxPerMm: number, logo: HTMLImageElement | null): void {
  canvas.width = Math.round(page.widthMm * pxPerMm);
  canvas.height = Math.round(page.heightMm * pxPerMm);
  const ctx = canvas.getContext("2d");
  if (!ctx) return;
  ctx.fillStyle = "#ffffff";
  ctx.fillRect(0, 0, canvas.width, canvas.height);
  ctx.scale(pxPerMm, pxPerMm);
  for (const item of page.items) {
    ctx.save();
    if (item.rotate === 180) {
      const c = centreOf(item);
      ctx.translate(c.x, c.y);
      ctx.rotate(Math.PI);
      ctx.translate(-c.x, -c.y);
    }
    drawItem(ctx, item, logo);
    ctx.restore();
  }
}

function drawItem(ctx: CanvasRenderingContext2D, item: LayoutItem, logo: HTMLImageElement | null): void {
  switch (item.kind) {
    case "rect":
      ctx.fillStyle = item.fill;
      ctx.beginPath();
      if (item.radius) ctx.roundRect(item.x, item.y, item.w, item.h, item.radius);
      else ctx.rect(item.x, item.y, item.w, item.h);
      ctx.fill();
      return;
    case "line":
      ctx.strokeStyle = item.color;
      ctx.lineWidth = item.width;
      ctx.setLineDash(item.dash ? [item.dash, item.dash] : []);
      ctx.beginPath();
      ctx.moveTo(item.x1, item.y1);
      ctx.lineTo(item.x2, item.y2);
      ctx.stroke();
      return;
    case "qr":
      ctx.fillStyle = item.light;
      ctx.fillRect(item.x, item.y, item.size, item.size);
      ctx.fillStyle = item.dark;
      for (const r of qrRectangles(qrModules(item.url), item.x, item.y, item.size)) ctx.fillRect(r.x, r.y, r.w, r.h);
      return;
    case "text": {
      const fitted = fitText(item, measureText);
      ctx.fillStyle = item.color;
      ctx.font = fontFor(item.weight, fitted.size);
      ctx.textBaseline = "alphabetic";
      ctx.textAlign = item.align === "center" ? "center" : "left";
      const x = item.align === "center" ? item.x + item.w / 2 : item.x;
      fitted.lines.forEach((line, i) => ctx.fillText(line, x, fitted.baselines[i]!));
      return;
    }
    case "logo":
      if (!logo || !logo.naturalWidth) return;
      {
        const box = fitLogo(item, { width: logo.naturalWidth, height: logo.naturalHeight });
        ctx.drawImage(logo, box.x, box.y, box.w, box.h);
      }
      return;
  }
}
