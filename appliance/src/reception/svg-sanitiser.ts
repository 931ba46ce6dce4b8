import { SaxesParser, type SaxesTagPlain } from "saxes";

/**
 * An uploaded SVG logo rebuilt from an allowlist: shapes, text, gradients, clip paths and
 * masks, with presentation attributes only. Scripts, foreignObject, animation, event
 * handlers, links out of the file and style sheets that fetch anything are dropped; a
 * document type (entities) or anything that is not well-formed XML is refused. The logo is
 * served to browsers and drawn into PDFs: only the shapes may survive.
 */

const ELEMENTS = new Set([
  "svg", "g", "defs", "title", "desc", "symbol", "use",
  "path", "rect", "circle", "ellipse", "line", "polyline", "polygon",
  "text", "tspan",
  "linearGradient", "radialGradient", "stop", "clipPath", "mask", "pattern", "style",
]);

/**
 * Wrappers design tools put around the drawing (a link, Illustrator's <switch>): they go,
 * what they hold is kept (and checked like the rest).
 */
const UNWRAPPED = new Set(["a", "switch"]);

/** Elements whose text is kept (the rest hold only elements and white space). */
const TEXT_ELEMENTS = new Set(["text", "tspan", "title", "desc", "style"]);

const ATTRIBUTES = new Set([
  "id", "class", "style", "transform", "version", "xmlns", "xmlns:xlink", "xml:space",
  "x", "y", "x1", "y1", "x2", "y2", "cx", "cy", "r", "rx", "ry", "fx", "fy", "dx", "dy",
  "width", "height", "d", "points", "pathLength", "viewBox", "preserveAspectRatio",
  "fill", "fill-opacity", "fill-rule", "stroke", "stroke-width", "stroke-opacity", "stroke-linecap",
  "stroke-linejoin", "stroke-miterlimit", "stroke-dasharray", "stroke-dashoffset",
  "opacity", "color", "display", "visibility", "clip-rule", "clip-path", "mask",
  "offset", "stop-color", "stop-opacity", "gradientUnits", "gradientTransform", "spreadMethod",
  "clipPathUnits", "maskUnits", "maskContentUnits", "patternUnits", "patternContentUnits", "patternTransform",
  "font-family", "font-size", "font-weight", "font-style", "text-anchor", "dominant-baseline",
  "letter-spacing", "word-spacing", "text-decoration", "textLength", "lengthAdjust",
  "href", "xlink:href",
]);

const SVG_NS = "http://www.w3.org/2000/svg";
const MAX_ELEMENTS = 20_000;
const MAX_DEPTH = 64;

export class UnsafeSvgError extends Error {}

export interface SanitisedSvg {
  svg: string;
  /** Something was removed. */
  cleaned: boolean;
}

/** `url(...)` may only point inside the file (`url(#grad)`). */
function referencesOutside(value: string): boolean {
  const lower = value.toLowerCase().replace(/\\/g, "");
  if (/@import|expression\s*\(|javascript:|behavior\s*:|-moz-binding/.test(lower)) return true;
  for (const match of lower.matchAll(/url\s*\(\s*(['"]?)([^'")]*)/g)) if (!match[2]!.trim().startsWith("#")) return true;
  return false;
}

const escapeText = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
const escapeAttribute = (s: string) => escapeText(s).replace(/"/g, "&quot;");

export function sanitiseSvg(source: string): SanitisedSvg {
  const parser = new SaxesParser<{ xmlns: false }>({ xmlns: false });
  const out: string[] = [];
  // For each open element: whether it is kept (dropped ones hide their whole subtree,
  // unwrapped ones only themselves).
  const stack: Array<{ name: string; kept: boolean; unwrapped?: boolean }> = [];
  let cleaned = false;
  let rootSeen = false;
  let elements = 0;
  let failure: string | null = null;

  const hidden = () => stack.some((e) => !e.kept);

  parser.on("error", (error) => {
    failure ??= error.message;
  });
  parser.on("doctype", () => {
    failure ??= "document type";
  });
  parser.on("processinginstruction", () => {
    cleaned = true;
  });
  parser.on("opentag", (tag: SaxesTagPlain) => {
    if (failure) return;
    if (++elements > MAX_ELEMENTS || stack.length >= MAX_DEPTH) {
      failure = "too large";
      return;
    }
    if (!rootSeen) {
      rootSeen = true;
      if (tag.name !== "svg") failure = "not svg";
    }
    if (UNWRAPPED.has(tag.name) && stack.length > 0 && !hidden()) {
      cleaned = true;
      stack.push({ name: tag.name, kept: true, unwrapped: true });
      return;
    }
    const kept = !hidden() && ELEMENTS.has(tag.name);
    if (!kept && !hidden()) cleaned = true;
    stack.push({ name: tag.name, kept });
    if (!kept) return;
    let attributes = "";
    for (const [name, value] of Object.entries(tag.attributes)) {
      const allowed =
        ATTRIBUTES.has(name) &&
        !((name === "href" || name === "xlink:href") && !value.trim().startsWith("#")) &&
        !(name === "xmlns" && value !== SVG_NS) &&
        !referencesOutside(value);
      if (!allowed) {
        cleaned = true;
        continue;
      }
      attributes += ` ${name}="${escapeAttribute(value)}"`;
    }
    if (tag.name === "svg" && stack.length === 1 && !("xmlns" in tag.attributes && tag.attributes.xmlns === SVG_NS)) attributes = ` xmlns="${SVG_NS}"${attributes}`;
    out.push(`<${tag.name}${attributes}>`);
  });
  parser.on("closetag", (tag) => {
    if (failure) return;
    const open = stack.pop();
    if (open?.kept && !open.unwrapped && !hidden()) out.push(`</${tag.name}>`);
  });
  const onText = (text: string) => {
    if (failure || hidden() || stack.length === 0) return;
    const current = stack.findLast((e) => !e.unwrapped)!;
    if (TEXT_ELEMENTS.has(current.name)) out.push(escapeText(text));
    else if (text.trim()) cleaned = true;
  };
  parser.on("text", onText);
  parser.on("cdata", onText);

  try {
    parser.write(source).close();
  } catch (error) {
    failure ??= error instanceof Error ? error.message : String(error);
  }
  if (failure || !rootSeen) throw new UnsafeSvgError(failure ?? "no svg element");

  let svg = out.join("");
  // A <style> that would fetch something or run anything goes whole.
  svg = svg.replace(/<style([^>]*)>([\s\S]*?)<\/style>/g, (whole, _attrs: string, css: string) => {
    if (!referencesOutside(css.replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&amp;/g, "&"))) return whole;
    cleaned = true;
    return "";
  });
  return { svg, cleaned };
}
