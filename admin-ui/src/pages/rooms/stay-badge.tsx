import type { Booking, StayState } from "@innbox/protocol";
import { t } from "../../messages";

/** A room's state now: a colour and its words, never the colour alone. */
export function StayBadge({ state }: { state: StayState }) {
  return <span class={`stay-badge stay-${state}`}>{t.rooms.stay[state]}</span>;
}

/** Where a stay came from: "Entered here", "Airbnb"… */
export function sourceName(source: Booking["source"]): string {
  return t.rooms.source[source];
}
