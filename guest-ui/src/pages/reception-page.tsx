import type { GuestProperty } from "../api/guest-api";
import { BLOCKS } from "../blocks";
import type { ReceptionLink } from "../route";

/** The Online Reception: the property's header, then its blocks in order. */
export function ReceptionPage({ property, link }: { property: GuestProperty; link: ReceptionLink }) {
  const context = { property, slug: property.slug, ...(link.tag ? { tag: link.tag } : {}) };
  return (
    <div class="reception">
      <header class="reception-header">
        <div class="reception-header-inner">
          <h1 class="property-name">{property.name}</h1>
          {link.tag && <span class="room-tag">{link.tag}</span>}
        </div>
      </header>
      <main class="reception-blocks">
        {BLOCKS.map(({ id, fill, Block }) => (
          <section key={id} class={fill ? "block block-fill" : "block"} data-block={id}>
            <Block {...context} />
          </section>
        ))}
      </main>
    </div>
  );
}
