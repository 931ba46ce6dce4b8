// Loaded only when the Location block comes into view (a separate chunk with Leaflet and
// its stylesheet): the rest of the page never waits for it. The tiles come from the tile
// server the appliance names, straight to the guest's phone.
import L from "leaflet";
import "leaflet/dist/leaflet.css";

export interface MapOptions {
  latitude: number;
  longitude: number;
  label: string;
  tiles: string;
  attribution: string;
  onTileError: () => void;
}

export function drawMap(element: HTMLElement, options: MapOptions): () => void {
  const map = L.map(element, { scrollWheelZoom: false, zoomControl: true, attributionControl: true }).setView([options.latitude, options.longitude], 15);
  // A page scrolled with one finger must not pan the map by accident.
  map.dragging.disable();
  map.on("click", () => map.dragging.enable());
  const layer = L.tileLayer(options.tiles, { maxZoom: 19, attribution: escapeText(options.attribution) });
  let errors = 0;
  layer.on("tileerror", () => {
    errors += 1;
    if (errors === 4) options.onTileError();
  });
  layer.addTo(map);
  // No marker images to download (and none that bundling could break): a drawn pin.
  L.circleMarker([options.latitude, options.longitude], { radius: 10, color: "#ffffff", weight: 3, fillColor: "#b3261e", fillOpacity: 1 })
    .addTo(map)
    .bindTooltip(escapeText(options.label), { permanent: false });
  return () => map.remove();
}

/** Leaflet writes attribution and tooltips as HTML: the manager's words go in as text. */
function escapeText(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
