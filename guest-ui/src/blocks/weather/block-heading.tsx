import type { GuestBlock } from "@innbox/protocol";
import { choice } from "../../i18n";

/**
 * The manager's heading for the block, else ours. The block speaks the page's language; the
 * manager's heading may be in the default one (untranslated), and says so.
 */
export function BlockHeading({ block, fallback, id }: { block: GuestBlock; fallback: string; id: string }) {
  const own = block.heading?.trim();
  return (
    <h2 id={id} class="weather-heading" lang={own ? block.language : choice.language}>
      {own || fallback}
    </h2>
  );
}
