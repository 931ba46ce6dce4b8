import type { Booking, Room } from "@innbox/protocol";
import { useEffect, useState } from "preact/hooks";
import { toApiError } from "../../api/client";
import { useSession } from "../../app-context";
import { useTimeFormat } from "../../format/use-time-format";
import { useNow } from "../messenger/use-now";
import { addDays } from "./days";

/** The rooms now and today's comings and goings, in the property's timezone. */
export interface FrontDesk {
  /** Today, YYYY-MM-DD, on the property's calendar. */
  today: string;
  rooms: Room[];
  /** Confirmed stays arriving today, by room name. */
  arrivals: Booking[];
  /** Confirmed stays leaving today, by room name. */
  departures: Booking[];
}

/** Asked again whenever `version` changes, every five minutes and when the property's day turns. */
export function useFrontDesk(version = 0): { desk: FrontDesk | null; error: string | null } {
  const { api } = useSession();
  const format = useTimeFormat();
  const now = useNow(60_000);
  const today = format.dayKey(now);
  // The rooms' states move with the clock (check-in and check-out times): asked again every five minutes.
  const tick = Math.floor(now / 300_000);
  const [desk, setDesk] = useState<FrontDesk | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    let cancelled = false;
    // Stays overlapping yesterday and today: every one that arrives or leaves today.
    Promise.all([api.listRooms(), api.listBookings({ from: addDays(today, -1), to: today })]).then(
      ([rooms, bookings]) => {
        if (cancelled) return;
        const roomName = new Map(rooms.map((room) => [room.id, room.name]));
        const byRoom = (a: Booking, b: Booking) => (roomName.get(a.roomId) ?? "").localeCompare(roomName.get(b.roomId) ?? "", undefined, { numeric: true });
        const confirmed = bookings.filter((booking) => booking.status === "confirmed");
        setDesk({
          today,
          rooms,
          arrivals: confirmed.filter((booking) => booking.checkIn === today).sort(byRoom),
          departures: confirmed.filter((booking) => booking.checkOut === today).sort(byRoom),
        });
        setError(null);
      },
      (caught: unknown) => {
        if (!cancelled) setError(toApiError(caught).message);
      },
    );
    return () => {
      cancelled = true;
    };
  }, [api, today, tick, version]);

  return { desk, error };
}
