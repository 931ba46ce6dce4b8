import type { BlockRegistry } from "./index";
import { LocationBlock } from "./location/location-block";
import { ReservationBlock } from "./reservation-block";
import { ServicesBlock } from "./services/services-block";
import { InfoBlock, InvitationBlock, TitleBlock } from "./text/text-blocks";
import { GlanceBlock, WeatherBlock } from "./weather";

/**
 * The block components by id. The chat is drawn by the page itself (inline when it starts
 * open, else docked at the bottom), and My Reservation shows once the property has bookings.
 */
export const BLOCKS: BlockRegistry = {
  title: { Block: TitleBlock },
  invitation: { Block: InvitationBlock },
  info: { Block: InfoBlock },
  glance: { Block: GlanceBlock },
  weather: { Block: WeatherBlock },
  location: { Block: LocationBlock },
  services: { Block: ServicesBlock },
  reservation: { Block: ReservationBlock },
};
