// Phones open geo: links in their maps app, except Apple's, which ignore them: there the
// same place goes to Apple Maps' directions.

const GEO = /^geo:(-?[\d.]+),(-?[\d.]+)\?q=(.*)$/;

export function isApple(userAgent: string, maxTouchPoints = 0): boolean {
  // iPadOS 13+ says it is a Mac; only touch tells them apart.
  return /iPhone|iPad|iPod/.test(userAgent) || (/Macintosh/.test(userAgent) && maxTouchPoints > 1);
}

/** The directions link for this device: the geo: link itself, or Apple Maps' equivalent. */
export function directionsHref(geo: string, apple: boolean): string {
  if (!apple) return geo;
  const match = GEO.exec(geo);
  if (!match) return geo;
  const [, lat, lon, q] = match;
  if (lat === "0" && lon === "0") return `https://maps.apple.com/?daddr=${q}`;
  // q is "lat,lon(Name)": Apple takes the coordinates as the destination and the name as the label.
  const label = /\((.*)\)$/.exec(q ?? "")?.[1];
  return `https://maps.apple.com/?daddr=${lat},${lon}${label ? `&q=${label}` : ""}`;
}

export function deviceDirectionsHref(geo: string): string {
  const apple = typeof navigator !== "undefined" && isApple(navigator.userAgent, navigator.maxTouchPoints);
  return directionsHref(geo, apple);
}
