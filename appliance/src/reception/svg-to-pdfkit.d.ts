// svg-to-pdfkit ships no types; this is the part the sticker PDF uses.
declare module "svg-to-pdfkit" {
  interface SvgToPdfOptions {
    width?: number;
    height?: number;
    preserveAspectRatio?: string;
    /** Take the SVG's unitless lengths as points rather than CSS pixels. */
    assumePt?: boolean;
    warningCallback?: (warning: string) => void;
  }
  export default function SVGtoPDF(doc: PDFKit.PDFDocument, svg: string, x: number, y: number, options?: SvgToPdfOptions): void;
}
