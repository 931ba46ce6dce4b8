import type { Logger } from "pino";
import type { Weather, WeatherStatus } from "@innbox/protocol";
import type { Db } from "../db/index.js";
import { localDate, type TimerHandle, type Timers } from "../time/index.js";
import { weatherTexts } from "./messages.js";
import { fetchForecast, WeatherFetchError, type Place } from "./open-meteo-client.js";
import type { Forecast } from "./open-meteo-format.js";
import { weatherRepository as repo } from "./repository.js";
import { NO_SUN, sunTimes } from "./sun-times.js";
import type { WeatherForecastRow } from "./tables.js";

/** Where the weather is for: the property's position and timezone, or none. */
export interface PropertyPlace {
  get(): Promise<{ timezone: string; latitude?: number | null | undefined; longitude?: number | null | undefined }>;
}

export interface WeatherServiceDeps {
  db: Db;
  /** Told after each good fetch (scenarios' weather triggers). */
  updated?: (fetchedAt: string) => void;
  log: Logger;
  timers: Timers;
  property: PropertyPlace;
  apiBase: string;
  apiKey?: string | undefined;
  refreshMs: number;
  timeoutMs: number;
  /** For the jitter of the refresh interval; Math.random by default. */
  random?: () => number;
}

/** Backoff after failures: 1, 2, 4 … minutes, at most 30. */
export function backoffMs(failures: number): number {
  return Math.min(30, 2 ** Math.max(0, failures - 1)) * 60_000;
}

export function placeOf(p: { timezone: string; latitude?: number | null | undefined; longitude?: number | null | undefined }): Place | undefined {
  return typeof p.latitude === "number" && typeof p.longitude === "number" ? { latitude: p.latitude, longitude: p.longitude, timezone: p.timezone } : undefined;
}

const samePlace = (a: Place | undefined, b: Place | undefined) =>
  Boolean(a && b && a.latitude === b.latitude && a.longitude === b.longitude && a.timezone === b.timezone);

interface InFlight {
  place: Place;
  controller: AbortController;
  promise: Promise<void>;
}

/**
 * The forecast cache and its refresh loop. Readers (`current`, `status`) answer from memory
 * at once; only `refreshNow` waits on the weather server. A failed refresh keeps the last
 * forecast, records why, and tries again after a backoff.
 */
export class WeatherService {
  private row: WeatherForecastRow | undefined;
  private forecast: Forecast | undefined;
  private place: Place | undefined;
  private failures = 0;
  private timer: TimerHandle | undefined;
  private nextAttemptAt: number | undefined;
  private inFlight: InFlight | undefined;
  private stopped = false;

  constructor(private readonly deps: WeatherServiceDeps) {}

  async start(): Promise<void> {
    this.stopped = false;
    this.row = await repo.get(this.deps.db);
    this.forecast = this.row?.forecast ? (JSON.parse(this.row.forecast) as Forecast) : undefined;
    let property: Awaited<ReturnType<PropertyPlace["get"]>> | undefined;
    try {
      property = await this.deps.property.get();
    } catch {
      property = undefined; // not set up yet: no location, no weather
    }
    this.place = property ? placeOf(property) : undefined;
    if (!this.place) return;
    const fetchedAt = this.row?.fetched_at ? Date.parse(this.row.fetched_at) : undefined;
    const fresh = samePlace(this.forecastPlace(), this.place) && fetchedAt !== undefined && !this.row?.last_error && this.now() - fetchedAt < this.deps.refreshMs;
    if (fresh) this.schedule(fetchedAt + this.deps.refreshMs - this.now());
    else this.schedule(0);
  }

  stop(): void {
    this.stopped = true;
    this.cancelTimer();
    this.inFlight?.controller.abort(new Error("stopped"));
    this.inFlight = undefined;
  }

  /** The property's location or timezone changed: fetch for the new place at once. */
  placeChanged(property: { timezone: string; latitude?: number | null; longitude?: number | null }): void {
    const place = placeOf(property);
    if (samePlace(place, this.place)) return;
    this.place = place;
    this.failures = 0;
    this.cancelTimer();
    if (this.inFlight) {
      this.inFlight.controller.abort(new Error("the location changed"));
      this.inFlight = undefined;
    }
    if (place) this.schedule(0);
  }

  /** The cached forecast for the property's place, from the current hour and today on. */
  current(): Weather | undefined {
    const forecast = this.forecast;
    if (!forecast || !this.row?.fetched_at || !samePlace(this.forecastPlace(), this.place)) return undefined;
    const now = this.now();
    const today = localDate(now, forecast.timezone);
    return {
      current: forecast.current,
      hourly: forecast.hourly.filter((h) => Date.parse(h.time) + 3_600_000 > now),
      daily: forecast.daily.filter((d) => d.date >= today),
      fetchedAt: this.row.fetched_at,
      stale: this.isStale(),
    };
  }

  status(): WeatherStatus {
    const place = this.place;
    const weather = this.current();
    const row = this.row;
    const showsPlace = samePlace(this.forecastPlace(), place);
    return {
      configured: Boolean(place),
      ...(place ? { location: { latitude: place.latitude, longitude: place.longitude } } : {}),
      ...(showsPlace && row?.fetched_at ? { fetchedAt: row.fetched_at } : {}),
      ...(row?.last_attempt_at ? { lastAttemptAt: row.last_attempt_at } : {}),
      ...(this.nextAttemptAt !== undefined && place ? { nextAttemptAt: new Date(this.nextAttemptAt).toISOString() } : {}),
      ...(row?.last_error ? { lastError: row.last_error } : {}),
      stale: place ? this.isStale() : false,
      sun: place ? sunTimes(localDate(this.now(), place.timezone), place.latitude, place.longitude, place.timezone) : NO_SUN,
      ...(weather ? { current: weather.current } : {}),
    };
  }

  /** Fetches now (joining a fetch already under way); throws the failure as a WeatherFetchError. */
  async refreshNow(): Promise<void> {
    await this.refresh();
  }

  private forecastPlace(): Place | undefined {
    const row = this.row;
    return row && row.latitude !== null && row.longitude !== null && row.timezone !== null ? { latitude: row.latitude, longitude: row.longitude, timezone: row.timezone } : undefined;
  }

  private isStale(): boolean {
    const row = this.row;
    if (!row?.fetched_at) return true;
    return Boolean(row.last_error) || this.now() - Date.parse(row.fetched_at) > 2 * this.deps.refreshMs;
  }

  private now(): number {
    return this.deps.timers.now();
  }

  private cancelTimer(): void {
    this.deps.timers.clearTimeout(this.timer);
    this.timer = undefined;
    this.nextAttemptAt = undefined;
  }

  private schedule(ms: number): void {
    this.cancelTimer();
    if (this.stopped) return;
    const delay = Math.max(0, ms);
    this.nextAttemptAt = this.now() + delay;
    this.timer = this.deps.timers.setTimeout(() => {
      this.timer = undefined;
      this.refresh().catch(() => undefined); // logged in refresh; the next attempt is scheduled there
    }, delay);
  }

  private refresh(): Promise<void> {
    const place = this.place;
    if (!place || this.stopped) return Promise.resolve();
    if (this.inFlight && samePlace(this.inFlight.place, place)) return this.inFlight.promise;
    this.cancelTimer();
    const controller = new AbortController();
    const promise = this.attempt(place, controller).finally(() => {
      if (this.inFlight?.controller === controller) this.inFlight = undefined;
    });
    this.inFlight = { place, controller, promise };
    return promise;
  }

  private async attempt(place: Place, controller: AbortController): Promise<void> {
    const { deps } = this;
    const attemptAt = new Date(this.now()).toISOString();
    try {
      const forecast = await fetchForecast({ apiBase: deps.apiBase, apiKey: deps.apiKey, timers: deps.timers, timeoutMs: deps.timeoutMs }, place, controller.signal);
      if (controller.signal.aborted) return;
      const row: WeatherForecastRow = {
        id: 1,
        ...place,
        forecast: JSON.stringify(forecast),
        fetched_at: new Date(this.now()).toISOString(),
        last_error: null,
        last_attempt_at: attemptAt,
      };
      await repo.save(deps.db, row);
      this.row = row;
      this.forecast = forecast;
      deps.updated?.(row.fetched_at!);
      if (this.failures) deps.log.info({ apiBase: deps.apiBase }, "weather forecast fetched again");
      this.failures = 0;
      const jitter = 0.9 + 0.2 * (deps.random ?? Math.random)();
      this.schedule(deps.refreshMs * jitter);
    } catch (err) {
      if (controller.signal.aborted) return; // superseded by a new location, or stopping
      const failure = err instanceof WeatherFetchError ? err : new WeatherFetchError("unreachable", err instanceof Error ? err.message : String(err));
      const sentence = weatherTexts.failed(failure.kind, deps.apiBase, failure.detail);
      // The forecast and the place it is for stay as they were: only the attempt is recorded.
      const kept = this.row ?? { id: 1, latitude: null, longitude: null, timezone: null, forecast: null, fetched_at: null, last_error: null, last_attempt_at: null };
      const row: WeatherForecastRow = { ...kept, last_error: sentence, last_attempt_at: attemptAt };
      await repo.save(deps.db, row);
      this.row = row;
      this.failures += 1;
      const retryMs = backoffMs(this.failures);
      deps.log.warn({ apiBase: deps.apiBase, kind: failure.kind, detail: failure.detail, retryInS: retryMs / 1000 }, "weather forecast fetch failed");
      this.schedule(retryMs);
      throw new WeatherRefreshError(failure.kind, sentence);
    }
  }
}

/** A refresh that failed, with the sentence for the manager. */
export class WeatherRefreshError extends Error {
  constructor(
    readonly kind: WeatherFetchError["kind"],
    message: string,
  ) {
    super(message);
    this.name = "WeatherRefreshError";
  }
}
