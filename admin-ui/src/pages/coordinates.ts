/**
 * A latitude or longitude as typed: "" → null (not set); "38,72" is read as 38.72
 * because many phone keyboards offer only a comma. Range checks are the appliance's.
 */
export function parseCoordinate(text: string): number | null | "invalid" {
  const trimmed = text.trim().replace(",", ".");
  if (!trimmed) return null;
  if (!/^[-+]?(\d+\.?\d*|\.\d+)$/.test(trimmed)) return "invalid";
  const value = Number(trimmed);
  return Number.isFinite(value) ? value : "invalid";
}
