import type { Logger } from "pino";
import type { Capability } from "../capability.js";
import type { Db, Transactions } from "../db/index.js";
import { registerGuestReceptionRoutes, type GuestPageSources } from "./guest-routes.js";
import { registerGuestWeatherRoutes } from "./guest-weather-routes.js";
import { receptionMigrations } from "./migrations.js";
import { createPlacesService } from "./places-service.js";
import { registerPlacesRoutes } from "./places-routes.js";
import { registerReceptionRoutes, type LinkSource } from "./routes.js";
import { registerSettingsRoutes } from "./settings-routes.js";
import { createReceptionSettings } from "./settings-service.js";
import { createLogoService } from "./logo-service.js";
import { registerStickerRoutes } from "./stickers-routes.js";
import { createStickersService } from "./stickers-service.js";

export type { LinkSource } from "./routes.js";
export type { GuestPageSources } from "./guest-routes.js";
export type { PlacesService } from "./places-service.js";
export type { ReceptionTables } from "./tables.js";
export { receptionMigrations };

export interface ReceptionDeps extends LinkSource {
  db: Db;
  transactions: Transactions;
  log: Logger;
  clock: () => number;
  /** Property, duty, weather and bookings, for the guest page. */
  sources: Omit<GuestPageSources, "clock">;
  /** The Location block's tile server (config reception.mapTiles). */
  map: { tiles: string; attribution: string };
}

/** The Online Reception: the guest page's data and its settings, links, QR codes, printed plates and stickers, and the Guest Services Directory. */
export function createReception(deps: ReceptionDeps) {
  const places = createPlacesService({ db: deps.db, transactions: deps.transactions, clock: deps.clock });
  const settings = createReceptionSettings({ db: deps.db, clock: deps.clock, log: deps.log });
  const logo = createLogoService({ db: deps.db, clock: deps.clock });
  const stickers = createStickersService({ db: deps.db, clock: deps.clock, log: deps.log, logo });
  return {
    name: "reception",
    migrations: receptionMigrations,
    places,
    settings,
    routes(registry) {
      registerGuestWeatherRoutes(registry, { settings, sources: { ...deps.sources, clock: deps.clock } });
      registerReceptionRoutes(registry, deps);
      registerSettingsRoutes(registry, settings);
      registerPlacesRoutes(registry, places);
      registerStickerRoutes(registry, { stickers, logo, links: deps });
      registerGuestReceptionRoutes(registry, { settings, places, sources: { ...deps.sources, clock: deps.clock }, map: deps.map });
    },
    start() {},
    stop() {},
  } satisfies Capability & Record<string, unknown>;
}
