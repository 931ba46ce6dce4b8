/**
 * IANA timezones this browser knows, grouped by region ("Europe", "America"…); names
 * without a region (UTC) go in a group labelled `otherLabel`.
 */
export function timezoneGroups(include: string, otherLabel: string): Array<{ region: string; zones: string[] }> {
  const zones = new Set(Intl.supportedValuesOf("timeZone"));
  zones.add("UTC");
  if (include) zones.add(include);
  const groups = new Map<string, string[]>();
  for (const zone of [...zones].sort()) {
    const region = zone.includes("/") ? zone.slice(0, zone.indexOf("/")) : otherLabel;
    const list = groups.get(region) ?? [];
    list.push(zone);
    groups.set(region, list);
  }
  return [...groups].map(([region, list]) => ({ region, zones: list }));
}

export function browserTimezone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone;
}

/** "America/Argentina/Buenos_Aires" → "America / Argentina / Buenos Aires". */
export function zoneLabel(zone: string): string {
  return zone.replaceAll("_", " ").replaceAll("/", " / ");
}

/** The wall-clock time in a timezone, e.g. "14:05", or null for a name this browser lacks. */
export function timeIn(zone: string, now = new Date()): string | null {
  try {
    return new Intl.DateTimeFormat(undefined, { timeZone: zone, hour: "2-digit", minute: "2-digit" }).format(now);
  } catch {
    return null;
  }
}
