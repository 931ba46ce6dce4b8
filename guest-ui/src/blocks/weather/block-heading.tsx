import type { GuestBlock } from "@innbox/protocol";
import { choice } from "../../i18n";

/** The manager's heading for the block, else ours; marked with its language when it is not the page's. */
export function BlockHeading({ block, fallback, id }: { block: GuestBlock; fallback: string; id: string }) {
  const own = block.heading?.trim();
  return (
    <h2 id={id} class="weather-heading" {...(own && block.language !== choice.language ? { lang: block.language } : {})}>
      {own || fallback}
    </h2>
  );
}
