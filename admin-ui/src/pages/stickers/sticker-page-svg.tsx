import { fitText, qrRectangles, STICKER_FONT_FAMILY, type LayoutItem, type LayoutPage } from "@innbox/protocol/sticker-layout";
import { centreOf, fitLogo, measureText, qrModules } from "./sticker-drawing";

interface Props {
  page: LayoutPage;
  /** The logo's address (an object URL) and natural size, when it is printed. */
  logo: { url: string; width: number; height: number } | null;
  /** Read out instead of the drawing. */
  label: string;
  class?: string;
}

/** One page of the print as SVG in millimetres: the preview, and what the browser prints. */
export function StickerPageSvg({ page, logo, label, class: className }: Props) {
  return (
    <svg
      class={className}
      xmlns="http://www.w3.org/2000/svg"
      viewBox={`0 0 ${page.widthMm} ${page.heightMm}`}
      width={`${page.widthMm}mm`}
      height={`${page.heightMm}mm`}
      role="img"
      aria-label={label}
      font-family={STICKER_FONT_FAMILY}
    >
      <rect x="0" y="0" width={page.widthMm} height={page.heightMm} fill="#ffffff" />
      {page.items.map((item, i) => {
        const c = centreOf(item);
        return (
          <g key={i} transform={item.rotate === 180 ? `rotate(180 ${c.x} ${c.y})` : undefined}>
            <Item item={item} logo={logo} />
          </g>
        );
      })}
    </svg>
  );
}

function Item({ item, logo }: { item: LayoutItem; logo: Props["logo"] }) {
  switch (item.kind) {
    case "rect":
      return <rect x={item.x} y={item.y} width={item.w} height={item.h} rx={item.radius} fill={item.fill} />;
    case "line":
      return <line x1={item.x1} y1={item.y1} x2={item.x2} y2={item.y2} stroke={item.color} stroke-width={item.width} stroke-dasharray={item.dash ? `${item.dash} ${item.dash}` : undefined} />;
    case "qr": {
      const d = qrRectangles(qrModules(item.url), item.x, item.y, item.size)
        .map((r) => `M${r.x.toFixed(3)} ${r.y.toFixed(3)}h${r.w.toFixed(3)}v${r.h.toFixed(3)}h${(-r.w).toFixed(3)}z`)
        .join("");
      return (
        <g data-qr={item.url}>
          <rect x={item.x} y={item.y} width={item.size} height={item.size} fill={item.light} />
          <path d={d} fill={item.dark} shape-rendering="crispEdges" />
        </g>
      );
    }
    case "text": {
      const fitted = fitText(item, measureText);
      const x = item.align === "center" ? item.x + item.w / 2 : item.x;
      return (
        <text font-size={fitted.size} font-weight={item.weight === "bold" ? 700 : 400} fill={item.color} text-anchor={item.align === "center" ? "middle" : "start"}>
          {fitted.lines.map((line, i) => (
            <tspan key={i} x={x} y={fitted.baselines[i]}>
              {line}
            </tspan>
          ))}
        </text>
      );
    }
    case "logo": {
      if (!logo) return null;
      const box = fitLogo(item, logo);
      return <image href={logo.url} x={box.x} y={box.y} width={box.w} height={box.h} preserveAspectRatio="xMinYMid meet" />;
    }
  }
}
