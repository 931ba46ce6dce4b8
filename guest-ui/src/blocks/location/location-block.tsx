import { useEffect, useRef, useState } from "preact/hooks";
import { t } from "../../i18n";
import { PlainText } from "../text/markdown";
import type { BlockContext } from "../index";
import { deviceDirectionsHref } from "./navigation";

type MapState = "waiting" | "loading" | "shown" | "failed";

/** Where the property is: the manager's directions, a map (loaded once in view) and links to the phone's maps app. */
export function LocationBlock({ reception, block }: BlockContext) {
  const { property, map } = reception;
  const element = useRef<HTMLDivElement>(null);
  const [state, setState] = useState<MapState>("waiting");
  const located = property.latitude !== undefined && property.longitude !== undefined;

  useEffect(() => {
    const target = element.current;
    if (!located || !target) return;
    let cleanup: (() => void) | undefined;
    let cancelled = false;
    const load = () => {
      setState("loading");
      import("./leaflet-map").then(
        ({ drawMap }) => {
          if (cancelled) return;
          cleanup = drawMap(target, {
            latitude: property.latitude!,
            longitude: property.longitude!,
            label: property.name,
            tiles: map.tiles,
            attribution: map.attribution,
            onTileError: () => setState("failed"),
          });
          setState((s) => (s === "failed" ? s : "shown"));
        },
        () => !cancelled && setState("failed"),
      );
    };
    const observer =
      typeof IntersectionObserver === "undefined"
        ? undefined
        : new IntersectionObserver(
            (entries) => {
              if (entries.some((e) => e.isIntersecting)) {
                observer?.disconnect();
                load();
              }
            },
            { rootMargin: "200px" },
          );
    if (observer) observer.observe(target);
    else load();
    return () => {
      cancelled = true;
      observer?.disconnect();
      cleanup?.();
    };
  }, [located, property.latitude, property.longitude, property.name, map.tiles, map.attribution]);

  if (!located && !block.body) return null;
  return (
    <div class="location">
      <h2>{block.heading ?? t.reception.locationHeading}</h2>
      {block.body && <PlainText text={block.body} />}
      {located && (
        <>
          <div role="region" aria-label={t.reception.mapOf(property.name)}>
            <div ref={element} class="map" data-state={state} />
          </div>
          {state === "failed" && <p class="map-failed">{t.reception.mapFailed}</p>}
          <div class="place-actions">
            <a class="chip-link chip-primary" href={deviceDirectionsHref(property.navigationUrl!)}>
              <span aria-hidden="true">➜</span> {t.reception.directions}
            </a>
            <a class="chip-link" href={property.mapUrl} target="_blank" rel="noopener noreferrer">
              {t.reception.openInMaps}
            </a>
          </div>
        </>
      )}
    </div>
  );
}
