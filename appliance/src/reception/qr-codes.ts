import QRCode from "qrcode";
import type { QrFormat } from "@innbox/protocol";

// M recovers about 15% of the code: enough for a scratched or dirty plate, small enough to
// keep the modules large. Four modules of quiet zone is what the standard asks for.
const OPTIONS = { errorCorrectionLevel: "M", margin: 4 } as const;

/** The QR code of `text`: PNG with 10-pixel modules, or SVG (vector, any size). */
export async function qrCode(text: string, format: QrFormat): Promise<{ body: Buffer | string; contentType: string }> {
  if (format === "svg") return { body: await QRCode.toString(text, { ...OPTIONS, type: "svg" }), contentType: "image/svg+xml" };
  return { body: await QRCode.toBuffer(text, { ...OPTIONS, type: "png", scale: 10 }), contentType: "image/png" };
}
