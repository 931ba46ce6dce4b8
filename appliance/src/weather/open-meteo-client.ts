import { readLimited } from "../http/index.js";
import type { Timers } from "../time/index.js";
import { CURRENT_VARIABLES, DAILY_VARIABLES, HOURLY_VARIABLES, ForecastFormatError, errorReason, normalizeForecast, type Forecast } from "./open-meteo-format.js";

/** How a fetch failed, in a small fixed set (like the outbox's delivery errors). */
export type WeatherFailure = "unreachable" | "rejected" | "garbage" | "timeout";

export class WeatherFetchError extends Error {
  constructor(
    readonly kind: WeatherFailure,
    /** What the server said or what went wrong, for the manager's status and the log. */
    readonly detail: string,
  ) {
    super(detail);
    this.name = "WeatherFetchError";
  }
}

export interface Place {
  latitude: number;
  longitude: number;
  timezone: string;
}

export interface ForecastSource {
  apiBase: string;
  apiKey?: string | undefined;
  timers: Timers;
  timeoutMs: number;
}

/** A forecast answer is some tens of KB; a server sending more is not a weather server. */
const MAX_BODY_BYTES = 4 * 1024 * 1024;

export function forecastUrl(source: Pick<ForecastSource, "apiBase" | "apiKey">, place: Place): string {
  const url = new URL("v1/forecast", source.apiBase.endsWith("/") ? source.apiBase : `${source.apiBase}/`);
  const q = url.searchParams;
  q.set("latitude", String(place.latitude));
  q.set("longitude", String(place.longitude));
  q.set("current", CURRENT_VARIABLES.join(","));
  q.set("hourly", HOURLY_VARIABLES.join(","));
  q.set("daily", DAILY_VARIABLES.join(","));
  q.set("timezone", place.timezone);
  q.set("forecast_days", "7");
  q.set("timeformat", "unixtime");
  if (source.apiKey) q.set("apikey", source.apiKey);
  return url.toString();
}

/**
 * One GET of the 7-day forecast with Node's fetch, given up after `timeoutMs` on the app's
 * timers (so tests move past it instead of waiting). `abort` lets the caller drop it.
 */
export async function fetchForecast(source: ForecastSource, place: Place, abort?: AbortSignal): Promise<Forecast> {
  const controller = new AbortController();
  const timedOut = new WeatherFetchError("timeout", `${Math.round(source.timeoutMs / 1000)} seconds`);
  const timer = source.timers.setTimeout(() => controller.abort(timedOut), source.timeoutMs);
  const onAbort = () => controller.abort(abort?.reason);
  abort?.addEventListener("abort", onAbort, { once: true });
  try {
    let res: Response;
    try {
      res = await fetch(forecastUrl(source, place), { signal: controller.signal, headers: { accept: "application/json" } });
    } catch (err) {
      if (controller.signal.aborted) throw controller.signal.reason;
      throw new WeatherFetchError("unreachable", describeNetworkError(err));
    }
    let text: string;
    try {
      text = await readLimited(res, MAX_BODY_BYTES, () => new WeatherFetchError("garbage", `the answer is larger than ${MAX_BODY_BYTES / 1024 / 1024} MB`), controller.signal);
    } catch (err) {
      if (err instanceof WeatherFetchError) throw err;
      if (controller.signal.aborted) throw controller.signal.reason;
      throw new WeatherFetchError("unreachable", describeNetworkError(err));
    }
    let body: unknown;
    try {
      body = JSON.parse(text);
    } catch {
      if (!res.ok) throw new WeatherFetchError("rejected", `HTTP ${res.status}`);
      throw new WeatherFetchError("garbage", "the answer is not JSON");
    }
    if (!res.ok) {
      const reason = errorReason(body);
      throw new WeatherFetchError("rejected", reason ? `HTTP ${res.status}: ${reason}` : `HTTP ${res.status}`);
    }
    try {
      return normalizeForecast(body, place);
    } catch (err) {
      if (err instanceof ForecastFormatError) throw new WeatherFetchError("garbage", `not a forecast in Open-Meteo's format (${err.message})`);
      throw err;
    }
  } finally {
    source.timers.clearTimeout(timer);
    abort?.removeEventListener("abort", onAbort);
  }
}

function describeNetworkError(err: unknown): string {
  const cause = (err as { cause?: { code?: string; message?: string } })?.cause;
  if (cause?.code) return `cannot connect (${cause.code})`;
  return cause?.message ?? (err instanceof Error ? err.message : String(err));
}
