import { t } from "../i18n";
import type { BlockContext } from "./index";

/** My Reservation: shown once the property has bookings a guest could look up. */
export function ReservationBlock({ reception, block }: BlockContext) {
  if (!reception.reservation.available) return null;
  return (
    <div class="text-block">
      <h2>{block.heading ?? t.reception.reservationHeading}</h2>
      {block.body && <p>{block.body}</p>}
    </div>
  );
}
