// A QR code drawn on the tablet from the exact text given (the Wi-Fi line is already
// escaped by the appliance: drawing it as it is keeps `;` `,` `:` `\` in the password right).
import QRCode from "qrcode";
import { useEffect, useRef } from "preact/hooks";

export function KioskQr({ text, label, testId }: { text: string; label: string; testId: string }) {
  const canvas = useRef<HTMLCanvasElement>(null);
  useEffect(() => {
    if (!canvas.current) return;
    // Large modules and a quiet zone: read from a metre away by any phone camera.
    QRCode.toCanvas(canvas.current, text, { errorCorrectionLevel: "M", margin: 2, width: 360, color: { dark: "#000000", light: "#ffffff" } }).catch(() => undefined);
  }, [text]);
  return <canvas ref={canvas} class="kiosk-qr" role="img" aria-label={label} data-testid={testId} width={360} height={360} />;
}
