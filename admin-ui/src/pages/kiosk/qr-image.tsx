import QRCode from "qrcode";
import { useEffect, useState } from "preact/hooks";

/** The QR code of `text` as an SVG image address (no markup parsed into the page). */
export function useQrDataUrl(text: string | null): string | null {
  const [url, setUrl] = useState<string | null>(null);
  useEffect(() => {
    if (!text) {
      setUrl(null);
      return;
    }
    let cancelled = false;
    QRCode.toString(text, { type: "svg", errorCorrectionLevel: "M", margin: 2 }).then(
      (svg) => !cancelled && setUrl(`data:image/svg+xml;base64,${base64(svg)}`),
      () => !cancelled && setUrl(null),
    );
    return () => {
      cancelled = true;
    };
  }, [text]);
  return url;
}

function base64(text: string): string {
  let binary = "";
  for (const byte of new TextEncoder().encode(text)) binary += String.fromCharCode(byte);
  return btoa(binary);
}
