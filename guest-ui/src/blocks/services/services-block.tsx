import type { Place } from "@innbox/protocol";
import { t } from "../../i18n";
import { deviceDirectionsHref } from "../location/navigation";
import type { BlockContext } from "../index";

function PlaceCard({ place }: { place: Place }) {
  return (
    <li class="place">
      <h3 class="place-name">{place.name}</h3>
      {place.description && <p class="place-description">{place.description}</p>}
      {place.address && <p class="place-address">{place.address}</p>}
      <div class="place-actions">
        {place.phone && (
          <a class="chip-link" href={`tel:${place.phone.replace(/[^+0-9]/g, "")}`}>
            <span aria-hidden="true">☎</span> {t.reception.call} <span class="chip-detail">{place.phone}</span>
          </a>
        )}
        <a class="chip-link" href={deviceDirectionsHref(place.navigationUrl)}>
          <span aria-hidden="true">➜</span> {t.reception.directions}
        </a>
        <a class="chip-link" href={place.mapUrl} target="_blank" rel="noopener noreferrer">
          {t.reception.map}
        </a>
        {place.website && (
          <a class="chip-link" href={place.website} target="_blank" rel="noopener noreferrer nofollow">
            {t.reception.website}
          </a>
        )}
      </div>
    </li>
  );
}

/** The Guest Services Directory: each category folds open, its places one tap from a call or the way there. */
export function ServicesBlock({ reception, block }: BlockContext) {
  const categories = reception.places.filter((c) => c.places.length);
  if (!categories.length) return null;
  return (
    <div class="services">
      <h2>{block.heading ?? t.reception.servicesHeading}</h2>
      {block.body && <p class="block-intro">{block.body}</p>}
      {categories.map((category, i) => (
        <details key={category.id} class="service-category" open={i === 0 && categories.length <= 2}>
          <summary>
            <span class="service-category-name">{category.name}</span>
            <span class="service-count">{category.places.length}</span>
          </summary>
          <ul class="places">
            {category.places.map((place) => (
              <PlaceCard key={place.id} place={place} />
            ))}
          </ul>
        </details>
      ))}
    </div>
  );
}
