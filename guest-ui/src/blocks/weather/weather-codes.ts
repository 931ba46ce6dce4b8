// WMO weather codes (as Open-Meteo sends them) to an icon and a label. Open-Meteo uses these
// 28 codes; any other code gets a neutral icon and a neutral label, never a wrong one.

/** The codes Open-Meteo sends, each with a label of its own. */
export const WMO_CODES = [0, 1, 2, 3, 45, 48, 51, 53, 55, 56, 57, 61, 63, 65, 66, 67, 71, 73, 75, 77, 80, 81, 82, 85, 86, 95, 96, 99] as const;
export type WmoCode = (typeof WMO_CODES)[number];

export type WeatherIcon =
  | "clear-day"
  | "clear-night"
  | "partly-cloudy-day"
  | "partly-cloudy-night"
  | "overcast"
  | "fog"
  | "drizzle"
  | "rain"
  | "snow"
  | "showers"
  | "snow-showers"
  | "thunderstorm"
  | "unknown";

export function isWmoCode(code: number | null | undefined): code is WmoCode {
  return typeof code === "number" && (WMO_CODES as readonly number[]).includes(code);
}

/** The icon for a code, by its group; clear and partly cloudy skies have a night variant. */
export function weatherIcon(code: number | null | undefined, isDay: boolean): WeatherIcon {
  if (!isWmoCode(code)) return "unknown";
  if (code === 0) return isDay ? "clear-day" : "clear-night";
  if (code <= 2) return isDay ? "partly-cloudy-day" : "partly-cloudy-night";
  if (code === 3) return "overcast";
  if (code <= 48) return "fog";
  if (code <= 57) return "drizzle";
  if (code <= 67) return "rain";
  if (code <= 77) return "snow";
  if (code <= 82) return "showers";
  if (code <= 86) return "snow-showers";
  return "thunderstorm";
}

/** The words for a code in the page's language; `unknown` for a code Open-Meteo does not send, or none. */
export function weatherLabel(code: number | null | undefined, words: { codes: Record<WmoCode, string>; unknownCondition: string }): string {
  return isWmoCode(code) ? words.codes[code] : words.unknownCondition;
}
