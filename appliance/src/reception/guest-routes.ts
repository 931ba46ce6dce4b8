import { GuestReception, GuestReceptionQuery, guestBlocks, guestLanguage, type Property, type SunTimes, type Weather } from "@innbox/protocol";
import { z } from "zod";
import { AppError, type RouteRegistry } from "../http/index.js";
import type { GuestWeatherSource } from "./guest-weather-routes.js";
import { localDate } from "../time/index.js";
import { receptionTexts as texts } from "./messages.js";
import { mapUrl, navigationUrl } from "./place-links.js";
import type { PlacesService } from "./places-service.js";
import type { ReceptionSettingsService } from "./settings-service.js";

/** What the guest page needs from the other capabilities; each answers at once, from memory or the database. */
export interface GuestPageSources {
  property: {
    get(): Promise<Property>;
    currentSlugFor(slug: string): Promise<string | undefined>;
    formerSlugs(): Promise<string[]>;
  };
  /** Whether someone is on duty now (the chat's working hours). */
  duty(language: string): { onDuty: boolean; offHoursNotice: string | null; backAt: string | null };
  weather: GuestWeatherSource & {
    /** The cached forecast; never waits on the weather server. */
    current(): Weather | undefined;
    sunTimes(date: string, latitude: number, longitude: number, timezone: string): SunTimes;
  };
  /** Whether the property has bookings a guest could look up (the bookings capability answers; false until it exists). */
  reservationsAvailable(): Promise<boolean>;
  clock: () => number;
}

const NO_SUN: SunTimes = { sunrise: null, sunset: null, dawn: null, dusk: null };

export function registerGuestReceptionRoutes(registry: RouteRegistry, deps: { settings: ReceptionSettingsService; places: PlacesService; sources: GuestPageSources; map: { tiles: string; attribution: string } }): void {
  const { sources } = deps;
  registry.add({
    method: "get",
    path: "/api/guest/reception/:slug",
    operationId: "getGuestReception",
    summary: texts.guestReceptionSummary,
    tag: "Guests",
    access: "public",
    params: z.object({ slug: z.string().max(60) }),
    query: GuestReceptionQuery,
    responses: {
      200: { description: texts.guestReceptionAnswer, schema: GuestReception },
      404: { description: texts.unknownLink },
    },
    handler: async ({ params, query, res }): Promise<GuestReception> => {
      // An old slug (a QR code printed before the manager changed it) answers with the current one.
      const current = await sources.property.currentSlugFor(params.slug.toLowerCase());
      if (!current) throw AppError.notFound(texts.unknownLink);
      const [property, formerSlugs, settings, directory, reservations] = await Promise.all([
        sources.property.get(),
        sources.property.formerSlugs(),
        deps.settings.get(),
        deps.places.directory(),
        sources.reservationsAvailable(),
      ]);
      const language = guestLanguage(query.lang, settings.defaultLanguage);
      const located = typeof property.latitude === "number" && typeof property.longitude === "number";
      const sun = located
        ? sources.weather.sunTimes(localDate(sources.clock(), property.timezone), property.latitude!, property.longitude!, property.timezone)
        : NO_SUN;
      const weather = located ? sources.weather.current() : undefined;
      // Duty and weather change by the minute: a browser asks again each time.
      res.set("Cache-Control", "no-cache");
      return {
        property: {
          name: property.name,
          slug: property.slug,
          formerSlugs,
          timezone: property.timezone,
          ...(located
            ? (() => {
                const where = { name: property.name, address: null, latitude: property.latitude!, longitude: property.longitude! };
                return { latitude: property.latitude!, longitude: property.longitude!, mapUrl: mapUrl(where), navigationUrl: navigationUrl(where) };
              })()
            : {}),
          ...(property.city ? { city: property.city } : {}),
        },
        language,
        defaultLanguage: settings.defaultLanguage,
        blocks: guestBlocks(settings, language),
        chatInitialState: settings.chatInitialState,
        useGuestLocation: settings.useGuestLocation,
        places: directory.categories,
        sun,
        ...(weather ? { weather } : {}),
        duty: sources.duty(language),
        reservation: { available: reservations },
        map: deps.map,
      };
    },
  });
}
