import { WeatherStatus } from "@innbox/protocol";
import { AppError, type RouteRegistry } from "../http/index.js";
import { WeatherRefreshError, type WeatherService } from "./weather-service.js";

export function registerWeatherRoutes(registry: RouteRegistry, weather: WeatherService): void {
  registry.add({
    method: "get",
    path: "/api/weather",
    operationId: "getWeatherStatus",
    summary: "The weather service: the location it is for, the cached forecast's age, the last error, and today's sun times.",
    tag: "Weather",
    access: "signed-in",
    responses: { 200: { description: "The weather status, from the cache (never waits on the weather server).", schema: WeatherStatus } },
    handler: () => weather.status(),
  });
  registry.add({
    method: "post",
    path: "/api/weather/refresh",
    operationId: "refreshWeather",
    summary: "Fetch the forecast now and answer with the new status. Without a location there is nothing to fetch.",
    tag: "Weather",
    access: "manager",
    responses: {
      200: { description: "The weather status after the fetch.", schema: WeatherStatus },
      502: { description: "The weather server failed or answered with something that is not a forecast; the last forecast is kept." },
      504: { description: "The weather server did not answer within 10 seconds; the last forecast is kept." },
    },
    handler: async () => {
      try {
        await weather.refreshNow();
      } catch (err) {
        if (err instanceof WeatherRefreshError) throw new AppError(err.kind === "timeout" ? 504 : 502, err.message);
        throw err;
      }
      return weather.status();
    },
  });
}
