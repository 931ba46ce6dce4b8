import { Link } from "../../components/link";
import { t } from "../../messages";
import { useFrontDesk } from "./use-front-desk";

/** The home page's look at today: occupancy, arrivals and departures, with the way to Rooms & bookings. */
export function TodaySummary({ isManager }: { isManager: boolean }) {
  const { desk } = useFrontDesk();
  // Until it answers, or if it fails, the home page simply goes without it.
  if (!desk) return null;
  if (desk.rooms.length === 0) {
    if (!isManager) return null;
    return (
      <section class="card today-summary" aria-labelledby="today-summary-title">
        <h2 id="today-summary-title">{t.rooms.summaryHeading}</h2>
        <p class="muted">{t.rooms.summaryNoRooms}</p>
        <Link to="/rooms" class="button">
          {t.rooms.summaryAddRooms}
        </Link>
      </section>
    );
  }
  const occupied = desk.rooms.filter((room) => room.stay === "occupied").length;
  const roomName = new Map(desk.rooms.map((room) => [room.id, room.name]));
  const names = (list: typeof desk.arrivals) => list.map((booking) => `${booking.guestName} (${roomName.get(booking.roomId) ?? ""})`).join(", ");
  return (
    <section class="card today-summary" aria-labelledby="today-summary-title">
      <h2 id="today-summary-title">{t.rooms.summaryHeading}</h2>
      <ul class="summary-figures">
        <li>
          <strong>{t.rooms.summaryOccupied(occupied, desk.rooms.length)}</strong>
        </li>
        <li>
          <strong>{t.rooms.summaryArrivals(desk.arrivals.length)}</strong>
          {desk.arrivals.length ? <span class="muted">: {names(desk.arrivals)}</span> : null}
        </li>
        <li>
          <strong>{t.rooms.summaryDepartures(desk.departures.length)}</strong>
          {desk.departures.length ? <span class="muted">: {names(desk.departures)}</span> : null}
        </li>
      </ul>
      <Link to="/rooms" class="button">
        {t.rooms.summaryOpen}
      </Link>
    </section>
  );
}
