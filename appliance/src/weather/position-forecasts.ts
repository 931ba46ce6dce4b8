import type { Logger } from "pino";
import type { GuestWeather } from "@innbox/protocol";
import { localDate } from "../time/index.js";
import { fetchForecast, type ForecastSource } from "./open-meteo-client.js";
import { AUTO_TIMEZONE, type Forecast } from "./open-meteo-format.js";
import { sunTimes } from "./sun-times.js";

export interface Position {
  latitude: number;
  longitude: number;
}

/**
 * A tenth of a degree (about 11 km north–south): one forecast serves every guest nearby, and
 * the exact position of a guest's phone never leaves the box.
 */
const CELLS_PER_DEGREE = 10;
/** Each cell's forecast is some tens of KB; this bounds the memory at a few MB. */
const MAX_CELLS = 200;

/** The centre of the cell a position falls in (`+ 0` turns -0 into 0). */
export function cellOf(p: Position): Position {
  const snap = (v: number) => Math.round(v * CELLS_PER_DEGREE) / CELLS_PER_DEGREE + 0;
  return { latitude: snap(p.latitude), longitude: snap(p.longitude) };
}

interface Cached {
  forecast: Forecast;
  fetchedAt: number;
}

export interface PositionForecastsDeps {
  source: ForecastSource;
  /** How long a cell's forecast is served from memory (the refresh interval). */
  refreshMs: number;
  log: Logger;
}

/**
 * Forecasts at guests' positions (the manager's "weather at the guest's location"), fetched on
 * demand with `timezone=auto` so hours and days are the place's own, kept in memory per cell
 * for the refresh interval. Nothing is stored: a restart forgets them.
 */
export class PositionForecasts {
  private readonly cache = new Map<string, Cached>();
  private readonly inFlight = new Map<string, Promise<Cached>>();
  private readonly controllers = new Set<AbortController>();

  constructor(private readonly deps: PositionForecastsDeps) {}

  /** The forecast for the cell around `position`; waits on the weather server unless cached. Throws WeatherFetchError. */
  async forecastAt(position: Position): Promise<GuestWeather> {
    const cell = cellOf(position);
    const key = `${cell.latitude},${cell.longitude}`;
    const entry = this.fresh(key) ?? (await this.fetch(key, cell));
    return this.answer(cell, entry);
  }

  /** Whether the cell around `position` has a forecast in memory (then forecastAt does not wait). */
  has(position: Position): boolean {
    const cell = cellOf(position);
    return this.fresh(`${cell.latitude},${cell.longitude}`) !== undefined;
  }

  stop(): void {
    for (const controller of this.controllers) controller.abort(new Error("stopped"));
    this.controllers.clear();
    this.inFlight.clear();
    this.cache.clear();
  }

  private now(): number {
    return this.deps.source.timers.now();
  }

  private fresh(key: string): Cached | undefined {
    const entry = this.cache.get(key);
    if (!entry) return undefined;
    if (this.now() - entry.fetchedAt < this.deps.refreshMs) return entry;
    this.cache.delete(key);
    return undefined;
  }

  /** One fetch per cell at a time: guests asking together share it. */
  private fetch(key: string, cell: Position): Promise<Cached> {
    const running = this.inFlight.get(key);
    if (running) return running;
    const controller = new AbortController();
    this.controllers.add(controller);
    const promise = fetchForecast(this.deps.source, { ...cell, timezone: AUTO_TIMEZONE }, controller.signal)
      .then((forecast) => {
        const entry = { forecast, fetchedAt: this.now() };
        this.remember(key, entry);
        return entry;
      })
      .catch((err: unknown) => {
        const failure = err as { kind?: string; detail?: string };
        this.deps.log.warn({ cell, kind: failure.kind, detail: failure.detail ?? String(err) }, "weather at a guest's position failed");
        throw err;
      })
      .finally(() => {
        this.controllers.delete(controller);
        this.inFlight.delete(key);
      });
    this.inFlight.set(key, promise);
    return promise;
  }

  private remember(key: string, entry: Cached): void {
    this.cache.delete(key);
    this.cache.set(key, entry);
    // A Map keeps insertion order: the first keys are the oldest fetches.
    for (const oldest of this.cache.keys()) {
      if (this.cache.size <= MAX_CELLS) break;
      this.cache.delete(oldest);
    }
  }

  /** Like the property's forecast: hours from the current one on, days from today (the place's) on. */
  private answer(cell: Position, { forecast, fetchedAt }: Cached): GuestWeather {
    const now = this.now();
    const today = localDate(now, forecast.timezone);
    return {
      latitude: cell.latitude,
      longitude: cell.longitude,
      timezone: forecast.timezone,
      sun: sunTimes(today, cell.latitude, cell.longitude, forecast.timezone),
      weather: {
        current: forecast.current,
        hourly: forecast.hourly.filter((h) => Date.parse(h.time) + 3_600_000 > now),
        daily: forecast.daily.filter((d) => d.date >= today),
        fetchedAt: new Date(fetchedAt).toISOString(),
        stale: false,
      },
    };
  }
}
