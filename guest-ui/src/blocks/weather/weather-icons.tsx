// Small inline SVG weather icons, drawn from a few shared shapes (sun, moon, cloud and what
// falls from it) so they cost a few hundred bytes, load with the page and follow the block's
// text colour. The sun alone has a colour of its own.
import type { WeatherIcon } from "./weather-codes";

const SUN = "#e8a200";
const CLOUD = "M9.5 25h14a5.5 5.5 0 0 0 .6-10.97 8 8 0 0 0-15.2 2.1A4.5 4.5 0 0 0 9.5 25z";

/** The rays of a sun centred at (x, y): eight strokes from r1 to r2. */
function rays(x: number, y: number, r1: number, r2: number): string {
  let d = "";
  for (let i = 0; i < 8; i++) {
    const a = (i * Math.PI) / 4;
    const [c, s] = [Math.cos(a), Math.sin(a)];
    d += `M${(x + c * r1).toFixed(1)} ${(y + s * r1).toFixed(1)}L${(x + c * r2).toFixed(1)} ${(y + s * r2).toFixed(1)}`;
  }
  return d;
}

function Sun({ x, y, r }: { x: number; y: number; r: number }) {
  return (
    <g stroke={SUN} fill={SUN}>
      <circle cx={x} cy={y} r={r} />
      <path d={rays(x, y, r + 2.5, r + 5)} fill="none" />
    </g>
  );
}

function Moon({ scale = 1, at = "" }: { scale?: number; at?: string }) {
  return <path transform={`${at} scale(${scale})`} d="M19 5.5a10.5 10.5 0 1 0 8 15.2A9 9 0 0 1 19 5.5z" class="weather-icon-fill" />;
}

/** A cloud whose fill is the block's background, so it hides the sun or moon behind it. */
function Cloud({ at = "" }: { at?: string }) {
  return <path transform={at} d={CLOUD} class="weather-icon-cloud" />;
}

const UP = "translate(0 -5)";

/** What falls below a raised cloud: path data and stroke width. */
const FALL: Record<string, [string, number]> = {
  drizzle: ["M11 23.5v.1M16 26.5v.1M21 23.5v.1M13.5 29.5v.1M18.5 29.5v.1", 2.6],
  rain: ["M11 22.5l-1.2 4M16 22.5l-1.2 4M21 22.5l-1.2 4M13 27.5l-.8 2.5M18 27.5l-.8 2.5", 1.8],
  showers: ["M11 22.5l-2.5 7M16.5 22.5l-2.5 7M22 22.5l-2.5 7", 2.2],
  snow: ["M11 22v5M8.8 23.2l4.4 2.6M8.8 25.8l4.4-2.6M21 22v5M18.8 23.2l4.4 2.6M18.8 25.8l4.4-2.6M16 26v4", 1.6],
  "snow-showers": ["M10 22v5M7.8 23.2l4.4 2.6M7.8 25.8l4.4-2.6M22 22v5M19.8 23.2l4.4 2.6M19.8 25.8l4.4-2.6M17 22.5l-2.5 7", 1.6],
  fog: ["M6 23.5h20M8 27.5h16", 1.8],
};

function Drawing({ icon }: { icon: WeatherIcon }) {
  switch (icon) {
    case "clear-day":
      return <Sun x={16} y={16} r={6} />;
    case "clear-night":
      return <Moon />;
    case "partly-cloudy-day":
      return (
        <>
          <Sun x={12} y={11} r={4.5} />
          <Cloud at="translate(3.5 3) scale(.9)" />
        </>
      );
    case "partly-cloudy-night":
      return (
        <>
          <Moon scale={0.7} at="translate(2 0)" />
          <Cloud at="translate(3.5 3) scale(.9)" />
        </>
      );
    case "overcast":
      return (
        <>
          <Cloud at="translate(5 -5) scale(.8)" />
          <Cloud at="translate(-1 1)" />
        </>
      );
    case "thunderstorm":
      return (
        <>
          <Cloud at={UP} />
          <path d="M17 20.5l-4.5 5.5h3.5l-2 5.5 6-7h-3.5l2-4z" fill={SUN} stroke={SUN} stroke-width="1" />
        </>
      );
    case "unknown":
      return <Cloud />;
    default: {
      const [d, width] = FALL[icon] ?? ["", 1.8];
      return (
        <>
          <Cloud at={UP} />
          <path d={d} stroke-width={width} />
        </>
      );
    }
  }
}

/**
 * One icon. With `label` it is an image with that text alternative; without, it is
 * decoration beside words that say the same.
 */
export function WeatherIconSvg({ icon, label, size = 32 }: { icon: WeatherIcon; label?: string; size?: number }) {
  return (
    <svg
      class="weather-icon"
      viewBox="0 0 32 32"
      width={size}
      height={size}
      fill="none"
      stroke="currentColor"
      stroke-width="1.8"
      stroke-linecap="round"
      stroke-linejoin="round"
      data-icon={icon}
      {...(label ? { role: "img", "aria-label": label } : { "aria-hidden": "true", focusable: "false" })}
    >
      {label && <title>{label}</title>}
      <Drawing icon={icon} />
    </svg>
  );
}

/** Sunrise (an arrow up over the horizon) and sunset (down), for the At a glance block. */
export function SunEventIcon({ rising }: { rising: boolean }) {
  return (
    <svg class="weather-icon" viewBox="0 0 32 32" width="24" height="24" fill="none" stroke="currentColor" stroke-width="1.8" stroke-linecap="round" stroke-linejoin="round" aria-hidden="true" focusable="false">
      <path d="M9 22a7 7 0 0 1 14 0" stroke={SUN} />
      <path d="M4 26h24" />
      <path d={rising ? "M16 4v9M12.5 7.5 16 4l3.5 3.5" : "M16 4v9M12.5 9.5 16 13l3.5-3.5"} />
    </svg>
  );
}
