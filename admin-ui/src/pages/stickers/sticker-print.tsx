import type { LayoutPage } from "@innbox/protocol/sticker-layout";
import { createPortal } from "preact/compat";
import { useEffect } from "preact/hooks";
import { StickerPageSvg } from "./sticker-page-svg";

interface Props {
  /** A new number prints again. */
  request: number;
  pages: LayoutPage[];
  logo: { url: string; width: number; height: number } | null;
  onDone: () => void;
}

/**
 * Every page of the print, outside the app so the print style sheet can show them alone,
 * at their real size in millimetres; the page size is set for this print (a constructed
 * style sheet: the admin page allows no inline styles) and taken away afterwards.
 */
export function StickerPrint({ request, pages, logo, onDone }: Props) {
  useEffect(() => {
    const first = pages[0]!;
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(`@page { size: ${first.widthMm}mm ${first.heightMm}mm; margin: 0; }`);
    document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
    document.body.classList.add("printing-stickers");
    const done = () => onDone();
    window.addEventListener("afterprint", done);
    // After this frame, so the pages are laid out before the print dialog takes them.
    const timer = setTimeout(() => window.print(), 50);
    return () => {
      clearTimeout(timer);
      window.removeEventListener("afterprint", done);
      document.body.classList.remove("printing-stickers");
      document.adoptedStyleSheets = document.adoptedStyleSheets.filter((s) => s !== sheet);
    };
  }, [pages, request]);

  return createPortal(
    <div class="sticker-print" aria-hidden="true">
      {pages.map((page, i) => (
        <StickerPageSvg key={i} class="sticker-print-page" page={page} logo={logo} label="" />
      ))}
    </div>,
    document.body,
  );
}
