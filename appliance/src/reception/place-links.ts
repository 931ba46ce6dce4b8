/** What a place's links are made of. */
export interface PlaceWhere {
  name: string;
  address: string | null;
  latitude: number | null;
  longitude: number | null;
}

/** A coordinate in plain decimals (never 1e-7), to the centimetre. */
const decimal = (value: number) => value.toFixed(7).replace(/\.?0+$/, "").replace(/^-0$/, "0");

/** encodeURIComponent, and the few characters it leaves that mean something in a geo: label. */
const encode = (text: string) => encodeURIComponent(text).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);

/** OpenStreetMap at the coordinates, else a search for the address (else for the name). */
export function mapUrl(place: PlaceWhere): string {
  if (place.latitude !== null && place.longitude !== null) {
    const [lat, lon] = [decimal(place.latitude), decimal(place.longitude)];
    return `https://www.openstreetmap.org/?mlat=${lat}&mlon=${lon}#map=17/${lat}/${lon}`;
  }
  return `https://www.openstreetmap.org/search?query=${encode(place.address ?? place.name)}`;
}

/**
 * A geo: link (RFC 5870 with the `q` convention Android and iOS maps apps follow), which
 * phones open in their maps app for turn-by-turn navigation: at the coordinates with the
 * name as label, else a search for the address (else the name).
 */
export function navigationUrl(place: PlaceWhere): string {
  if (place.latitude !== null && place.longitude !== null) {
    const [lat, lon] = [decimal(place.latitude), decimal(place.longitude)];
    return `geo:${lat},${lon}?q=${lat},${lon}(${encode(place.name)})`;
  }
  return `geo:0,0?q=${encode(place.address ?? place.name)}`;
}
