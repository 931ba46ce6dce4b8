import { once } from "node:events";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

/** How the next requests are answered. */
export type WeatherMode =
  | { kind: "ok" }
  | { kind: "error"; status: number; reason: string }
  | { kind: "garbage"; body: string; contentType?: string }
  | { kind: "hang" };

export interface WeatherRequest {
  /** The app's time when it arrived (the server's `now`). */
  at: number;
  url: URL;
}

export interface WeatherServer {
  /** Put this in `weather.apiBase`. */
  apiBase: string;
  requests: WeatherRequest[];
  /** Added to every temperature, so a test can tell one forecast from the next. */
  temperatureShift: number;
  answer(mode: WeatherMode): void;
  /** Resolves once `count` requests have arrived in all. */
  waitForRequests(count: number, timeoutMs?: number): Promise<void>;
  close(): Promise<void>;
}

const KNOWN = {
  current: ["temperature_2m", "relative_humidity_2m", "apparent_temperature", "is_day", "precipitation", "rain", "showers", "snowfall", "weather_code", "cloud_cover", "pressure_msl", "surface_pressure", "wind_speed_10m", "wind_direction_10m", "wind_gusts_10m"],
  hourly: ["temperature_2m", "relative_humidity_2m", "apparent_temperature", "precipitation_probability", "precipitation", "rain", "showers", "snowfall", "weather_code", "cloud_cover", "wind_speed_10m", "wind_direction_10m", "is_day"],
  daily: ["weather_code", "temperature_2m_max", "temperature_2m_min", "precipitation_sum", "precipitation_probability_max", "sunrise", "sunset", "wind_speed_10m_max"],
} as const;

const UNITS: Record<string, string> = {
  temperature_2m: "°C",
  temperature_2m_max: "°C",
  temperature_2m_min: "°C",
  weather_code: "wmo code",
  cloud_cover: "%",
  precipitation: "mm",
  precipitation_sum: "mm",
  precipitation_probability: "%",
  wind_speed_10m: "km/h",
  is_day: "",
  sunrise: "unixtime",
  sunset: "unixtime",
};

function offsetSeconds(instant: number, timeZone: string): number {
  const p = Object.fromEntries(
    new Intl.DateTimeFormat("en-US", { timeZone, hourCycle: "h23", year: "numeric", month: "2-digit", day: "2-digit", hour: "2-digit", minute: "2-digit", second: "2-digit" })
      .formatToParts(new Date(instant))
      .map((x) => [x.type, x.value]),
  );
  const wall = Date.UTC(Number(p.year), Number(p.month) - 1, Number(p.day), Number(p.hour), Number(p.minute), Number(p.second));
  return Math.round((wall - instant) / 1000);
}

/** Local midnight of the day `instant` falls on in `timeZone`, as unix seconds. */
function localMidnight(instant: number, timeZone: string): number {
  const off = offsetSeconds(instant, timeZone);
  const wallDay = Math.floor((instant / 1000 + off) / 86400) * 86400;
  return wallDay - offsetSeconds((wallDay - off) * 1000, timeZone);
}

const CODES = [0, 1, 2, 3, 45, 61, 63, 80, 95, 71];

/** A deterministic, plausible value of a variable at a moment. */
function valueOf(name: string, t: number, shift: number): number {
  const hourOfDay = ((t / 3600) % 24 + 24) % 24;
  const daily = Math.sin(((hourOfDay - 9) / 24) * 2 * Math.PI);
  const slot = Math.floor(t / 10800);
  switch (name) {
    case "temperature_2m":
      return Math.round((14 + 6 * daily + shift) * 10) / 10;
    case "temperature_2m_max":
      return Math.round((20 + (slot % 5) + shift) * 10) / 10;
    case "temperature_2m_min":
      return Math.round((8 + (slot % 3) + shift) * 10) / 10;
    case "weather_code":
      return CODES[slot % CODES.length]!;
    case "cloud_cover":
      return (slot * 37) % 101;
    case "precipitation":
    case "precipitation_sum":
      return Math.round(((slot * 13) % 7) * 0.3 * 10) / 10;
    case "precipitation_probability":
      return (slot * 23) % 101;
    case "wind_speed_10m":
      return Math.round((5 + (slot % 9) * 1.7) * 10) / 10;
    case "is_day":
      return hourOfDay >= 6 && hourOfDay < 20 ? 1 : 0;
    default:
      return 0;
  }
}

function fail(res: ServerResponse, status: number, reason: string) {
  res.writeHead(status, { "content-type": "application/json; charset=utf-8" });
  res.end(JSON.stringify({ error: true, reason }));
}

/**
 * A local server answering `/v1/forecast` in Open-Meteo's format (`timeformat=unixtime`):
 * the variables asked for, hourly from local midnight for `forecast_days` days, daily per
 * local day, Open-Meteo's `{"error": true, "reason"}` for unknown variables and bad
 * coordinates. `now` is the app's clock so the forecast starts today for the app.
 */
export async function startWeatherServer(options: { now?: () => number; requireApiKey?: string } = {}): Promise<WeatherServer> {
  const now = options.now ?? Date.now;
  let mode: WeatherMode = { kind: "ok" };
  const requests: WeatherRequest[] = [];
  const waiters = new Set<() => void>();
  const hanging = new Set<ServerResponse>();

  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const url = new URL(req.url ?? "/", "http://localhost");
    requests.push({ at: now(), url });
    for (const wake of waiters) wake();
    if (url.pathname !== "/v1/forecast") return fail(res, 404, "Not Found");
    switch (mode.kind) {
      case "hang":
        hanging.add(res);
        res.on("close", () => hanging.delete(res));
        return;
      case "error":
        return fail(res, mode.status, mode.reason);
      case "garbage":
        res.writeHead(200, { "content-type": mode.contentType ?? "application/json" });
        res.end(mode.body);
        return;
      case "ok":
        return forecast(url, res);
    }
  });

  const self: WeatherServer = {
    apiBase: "",
    requests,
    temperatureShift: 0,
    answer(next) {
      mode = next;
    },
    waitForRequests(count, timeoutMs = 5000) {
      return new Promise<void>((resolve, reject) => {
        const check = () => {
          if (requests.length < count) return;
          clearTimeout(timer);
          waiters.delete(check);
          resolve();
        };
        const timer = setTimeout(() => {
          waiters.delete(check);
          reject(new Error(`the weather server got ${requests.length} requests, not ${count}, within ${timeoutMs} ms`));
        }, timeoutMs);
        waiters.add(check);
        check();
      });
    },
    async close() {
      for (const res of hanging) res.destroy();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };

  function forecast(url: URL, res: ServerResponse) {
    const q = url.searchParams;
    if (options.requireApiKey && q.get("apikey") !== options.requireApiKey) return fail(res, 400, "The supplied API key is invalid.");
    const latitude = Number(q.get("latitude"));
    const longitude = Number(q.get("longitude"));
    if (!q.has("latitude") || Number.isNaN(latitude) || latitude < -90 || latitude > 90) return fail(res, 400, `Latitude must be in range of -90 to 90°. Given: ${q.get("latitude")}.`);
    if (!q.has("longitude") || Number.isNaN(longitude) || longitude < -180 || longitude > 180) return fail(res, 400, `Longitude must be in range of -180 to 180°. Given: ${q.get("longitude")}.`);
    const lists = { current: [] as string[], hourly: [] as string[], daily: [] as string[] };
    for (const key of ["current", "hourly", "daily"] as const) {
      for (const name of (q.get(key) ?? "").split(",").filter(Boolean)) {
        if (!(KNOWN[key] as readonly string[]).includes(name)) return fail(res, 400, `Cannot initialize ${key === "daily" ? "Daily" : ""}WeatherVariable from invalid String value ${name} for key ${key}`);
        lists[key].push(name);
      }
    }
    const timezone = q.get("timezone") ?? "GMT";
    const tz = timezone === "GMT" || timezone === "auto" ? "UTC" : timezone;
    try {
      new Intl.DateTimeFormat("en-US", { timeZone: tz });
    } catch {
      return fail(res, 400, `Invalid timezone: ${timezone}`);
    }
    const days = Number(q.get("forecast_days") ?? 7);
    if (!Number.isInteger(days) || days < 0 || days > 16) return fail(res, 400, "Forecast days is invalid. Allowed range 0 to 16.");
    const unix = q.get("timeformat") === "unixtime";
    const time = (seconds: number, daily = false) => {
      if (unix) return seconds;
      const local = new Date((seconds + offsetSeconds(seconds * 1000, tz)) * 1000).toISOString();
      return daily ? local.slice(0, 10) : local.slice(0, 16);
    };
    const nowMs = now();
    const start = localMidnight(nowMs, tz);
    const body: Record<string, unknown> = {
      latitude: Math.round(latitude * 50) / 50,
      longitude: Math.round(longitude * 50) / 50,
      generationtime_ms: 0.0731,
      utc_offset_seconds: offsetSeconds(nowMs, tz),
      timezone: tz === "UTC" ? "GMT" : tz,
      timezone_abbreviation: tz === "UTC" ? "GMT" : "GMT+" + offsetSeconds(nowMs, tz) / 3600,
      elevation: 21,
    };
    if (lists.current.length) {
      const t = Math.floor(nowMs / 900_000) * 900;
      body.current_units = { time: unix ? "unixtime" : "iso8601", interval: "seconds", ...Object.fromEntries(lists.current.map((n) => [n, UNITS[n] ?? ""])) };
      body.current = { time: time(t), interval: 900, ...Object.fromEntries(lists.current.map((n) => [n, valueOf(n, t, self.temperatureShift)])) };
    }
    if (lists.hourly.length) {
      const hours: number[] = [];
      for (let t = start; hours.length < days * 24; t += 3600) hours.push(t);
      body.hourly_units = { time: unix ? "unixtime" : "iso8601", ...Object.fromEntries(lists.hourly.map((n) => [n, UNITS[n] ?? ""])) };
      body.hourly = { time: hours.map((t) => time(t)), ...Object.fromEntries(lists.hourly.map((n) => [n, hours.map((t) => valueOf(n, t, self.temperatureShift))])) };
    }
    if (lists.daily.length) {
      const dayStarts: number[] = [];
      for (let i = 0, t = start; i < days; i++) {
        dayStarts.push(t);
        t = localMidnight((t + 36 * 3600) * 1000, tz); // next local midnight, DST or not
      }
      const dailyValue = (n: string, t: number) => (n === "sunrise" ? time(t + 6 * 3600) : n === "sunset" ? time(t + 19 * 3600) : valueOf(n, t + 12 * 3600, self.temperatureShift));
      body.daily_units = { time: unix ? "unixtime" : "iso8601", ...Object.fromEntries(lists.daily.map((n) => [n, UNITS[n] ?? ""])) };
      body.daily = { time: dayStarts.map((t) => time(t, true)), ...Object.fromEntries(lists.daily.map((n) => [n, dayStarts.map((t) => dailyValue(n, t))])) };
    }
    res.writeHead(200, { "content-type": "application/json; charset=utf-8" });
    res.end(JSON.stringify(body));
  }

  server.listen(0, "127.0.0.1");
  await once(server, "listening");
  self.apiBase = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return self;
}
