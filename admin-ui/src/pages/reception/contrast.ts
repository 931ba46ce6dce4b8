// WCAG 2 contrast between a text colour and its background (#rrggbb), so the editor can
// warn before guests get words they cannot read.

/** Normal text needs at least this contrast ratio (WCAG AA). */
export const AA_NORMAL_TEXT = 4.5;

function luminance(hex: string): number {
  const channel = (offset: number) => {
    const value = parseInt(hex.slice(offset, offset + 2), 16) / 255;
    return value <= 0.04045 ? value / 12.92 : ((value + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * channel(1) + 0.7152 * channel(3) + 0.0722 * channel(5);
}

/** From 1 (the same colour) to 21 (black on white). */
export function contrastRatio(text: string, background: string): number {
  const a = luminance(text);
  const b = luminance(background);
  return (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
}

/** The ratio as people read it: 4.48 → "4.4" (rounded down, so a warning never shows "4.5"). */
export function formatRatio(ratio: number): string {
  return (Math.floor(ratio * 10) / 10).toFixed(1);
}
