export interface WeatherForecastRow {
  /** Always 1: the forecast for the property's location. */
  id: number;
  latitude: number | null;
  longitude: number | null;
  timezone: string | null;
  /** The normalized forecast (open-meteo-format.ts `Forecast`) as JSON; null before the first good fetch. */
  forecast: string | null;
  fetched_at: string | null;
  last_error: string | null;
  last_attempt_at: string | null;
}

export interface WeatherTables {
  weather_forecasts: WeatherForecastRow;
}
