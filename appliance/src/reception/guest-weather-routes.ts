import { GuestWeather, GuestWeatherQuery } from "@innbox/protocol";
import { z } from "zod";
import { AppError, RateLimiter, type RouteRegistry } from "../http/index.js";
import { WeatherFetchError, weatherTexts as texts, type Position } from "../weather/index.js";
import type { GuestPageSources } from "./guest-routes.js";
import { receptionTexts } from "./messages.js";
import type { ReceptionSettingsService } from "./settings-service.js";

/** Forecasts a guest's address may have fetched from the weather server per minute; answers from memory are free. */
const FETCHES_PER_MINUTE = 10;

export interface GuestWeatherSource {
  /** The forecast at a position (rounded to 0.1°); waits on the weather server unless cached. Throws WeatherFetchError. */
  forecastAt(position: Position): Promise<GuestWeather>;
  hasForecastAt(position: Position): boolean;
}

/** `GET /api/guest/reception/{slug}/weather`: the weather at the guest's position, when the manager offers it. */
export function registerGuestWeatherRoutes(registry: RouteRegistry, deps: { settings: ReceptionSettingsService; sources: GuestPageSources }): void {
  const { sources } = deps;
  const limit = new RateLimiter(FETCHES_PER_MINUTE, sources.clock, texts.guestWeatherTooMany);
  registry.add({
    method: "get",
    path: "/api/guest/reception/:slug/weather",
    operationId: "getGuestWeather",
    summary: texts.guestWeatherSummary,
    tag: "Guests",
    access: "public",
    params: z.object({ slug: z.string().max(60) }),
    query: GuestWeatherQuery,
    responses: {
      200: { description: texts.guestWeatherAnswer, schema: GuestWeather },
      400: { description: "The latitude or longitude is missing or out of range." },
      404: { description: `${receptionTexts.unknownLink} Or: ${texts.guestWeatherOff}` },
      429: { description: texts.guestWeatherTooMany },
      502: { description: texts.guestWeatherFailed },
      504: { description: "The weather server did not answer within 10 seconds." },
    },
    handler: async ({ req, params, query, res }): Promise<GuestWeather> => {
      if (!(await sources.property.currentSlugFor(params.slug.toLowerCase()))) throw AppError.notFound(receptionTexts.unknownLink);
      if (!(await deps.settings.get()).useGuestLocation) throw AppError.notFound(texts.guestWeatherOff);
      const position = { latitude: query.latitude, longitude: query.longitude };
      // req.ip: the client's address as seen by the proxies named in http.trustProxy.
      if (!sources.weather.hasForecastAt(position)) limit.take(req.ip ?? "unknown");
      try {
        const answer = await sources.weather.forecastAt(position);
        // The position is the guest's own: no shared cache may keep it.
        res.set("Cache-Control", "private, no-cache");
        return answer;
      } catch (err) {
        if (err instanceof WeatherFetchError && err.kind === "timeout") throw new AppError(504, texts.guestWeatherTimeout(err.detail));
        throw new AppError(502, texts.guestWeatherFailed);
      }
    },
  });
}
