import { knownTimeZone, timeFormat } from "../format/time-format";

/** The IANA timezones this browser knows, with UTC and `include` (a saved zone it may lack), sorted. */
export function timezoneList(include = ""): string[] {
  const zones = new Set(Intl.supportedValuesOf("timeZone"));
  zones.add("UTC");
  if (include) zones.add(include);
  return [...zones].sort();
}

/** "America/Argentina/Buenos_Aires" → "America / Argentina / Buenos Aires". */
export function zoneLabel(zone: string): string {
  return zone.replaceAll("_", " ").replaceAll("/", " / ");
}

/** Lower case, no accents, words split at spaces, slashes, underscores and dashes. */
function words(text: string): string[] {
  return text
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .split(/[\s/_-]+/)
    .filter(Boolean);
}

/**
 * The zones whose name has a word starting with each word typed: "Rome" finds Europe/Rome,
 * "new york" America/New_York, "argentina" every zone of Argentina. Zones whose city starts
 * with what was typed come first; then the order of `zones`.
 */
export function searchTimezones(query: string, zones: readonly string[], limit = 50): string[] {
  const wanted = words(query);
  if (wanted.length === 0) return zones.slice(0, limit);
  const city = wanted.join(" ");
  const first: string[] = [];
  const then: string[] = [];
  for (const zone of zones) {
    const own = words(zone);
    if (!wanted.every((word) => own.some((candidate) => candidate.startsWith(word)))) continue;
    const zoneCity = words(zone.slice(zone.lastIndexOf("/") + 1)).join(" ");
    (zoneCity.startsWith(city) ? first : then).push(zone);
  }
  return [...first, ...then].slice(0, limit);
}

/** The zone a person typed in full ("europe/rome", "Europe / Rome"), or null. */
export function exactTimezone(text: string, zones: readonly string[]): string | null {
  const typed = words(text).join(" ");
  return zones.find((zone) => words(zone).join(" ") === typed) ?? null;
}

/** The wall-clock time in a timezone now, e.g. "14:05", or null for a name this browser lacks. */
export function timeIn(zone: string, now = Date.now()): string | null {
  return knownTimeZone(zone) ? timeFormat(zone).clock(now) : null;
}
