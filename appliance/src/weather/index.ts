import type { Logger } from "pino";
import type { Capability } from "../capability.js";
import type { Db } from "../db/index.js";
import type { EventBus } from "../events/index.js";
import type { Timers } from "../time/index.js";
import { weatherMigrations } from "./migrations.js";
import { registerWeatherRoutes } from "./routes.js";
import { sunTimes } from "./sun-times.js";
import { PositionForecasts, type Position } from "./position-forecasts.js";
import { WeatherService, type PropertyPlace } from "./weather-service.js";

export { sunTimes } from "./sun-times.js";
export { WeatherFetchError } from "./open-meteo-client.js";
export { weatherTexts } from "./messages.js";
export type { Position } from "./position-forecasts.js";
export type { PropertyPlace } from "./weather-service.js";
export type { WeatherTables } from "./tables.js";
export { weatherMigrations };

export interface WeatherDeps {
  db: Db;
  bus: EventBus;
  log: Logger;
  timers: Timers;
  /** The property's location and timezone (the property capability's service). */
  property: PropertyPlace;
  settings: {
    apiBase: string;
    apiKey?: string | undefined;
    refreshMinutes: number;
    /** A fetch is given up after this long (10 s). */
    timeoutMs: number;
  };
  random?: () => number;
}

/** Forecasts from an Open-Meteo compatible server, cached; sun times computed on the box. */
export function createWeather(deps: WeatherDeps) {
  const service = new WeatherService({
    db: deps.db,
    log: deps.log,
    timers: deps.timers,
    property: deps.property,
    apiBase: deps.settings.apiBase,
    apiKey: deps.settings.apiKey,
    refreshMs: deps.settings.refreshMinutes * 60_000,
    timeoutMs: deps.settings.timeoutMs,
    updated: (fetchedAt) => deps.bus.emit("weather.updated", { fetchedAt }),
    ...(deps.random ? { random: deps.random } : {}),
  });
  const positions = new PositionForecasts({
    source: { apiBase: deps.settings.apiBase, apiKey: deps.settings.apiKey, timers: deps.timers, timeoutMs: deps.settings.timeoutMs },
    refreshMs: deps.settings.refreshMinutes * 60_000,
    log: deps.log,
  });
  const unsubscribers: Array<() => void> = [];

  return {
    name: "weather",
    migrations: weatherMigrations,
    /** The cached forecast (instant, never waits on the server), or undefined without one for the property's place. */
    current: () => service.current(),
    /** Sun times on a local date (YYYY-MM-DD) at a place, in UTC ISO; null on a day without the event. */
    sunTimes,
    /** The forecast at a guest's position (rounded to 0.1°), cached per cell; waits on the weather server otherwise. Throws WeatherFetchError. */
    forecastAt: (position: Position) => positions.forecastAt(position),
    /** Whether forecastAt would answer from memory. */
    hasForecastAt: (position: Position) => positions.has(position),
    /** The manager's status (what `getWeatherStatus` answers). */
    status: () => service.status(),
    routes: (registry) => registerWeatherRoutes(registry, service),
    async start() {
      unsubscribers.push(deps.bus.on("property.updated", (p) => service.placeChanged(p)));
      await service.start();
    },
    stop() {
      for (const off of unsubscribers.splice(0)) off();
      service.stop();
      positions.stop();
    },
  } satisfies Capability & Record<string, unknown>;
}

export type WeatherCapability = ReturnType<typeof createWeather>;
