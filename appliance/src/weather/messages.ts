import type { WeatherFailure } from "./open-meteo-client.js";

/** Every sentence the weather capability says to people. */
export const weatherTexts = {
  noLocation: "The property has no location yet; set its latitude and longitude to get the weather.",
  failed: (kind: WeatherFailure, apiBase: string, detail: string) => {
    switch (kind) {
      case "timeout":
        return `The weather server at ${apiBase} did not answer within ${detail}; the last forecast is kept. Check the internet connection or weather.apiBase in the config.`;
      case "unreachable":
        return `The weather server at ${apiBase} could not be reached (${detail}); the last forecast is kept. Check the internet connection or weather.apiBase in the config.`;
      case "rejected":
        return `The weather server at ${apiBase} refused the request (${detail}); the last forecast is kept. Check weather.apiBase and weather.apiKey in the config.`;
      case "garbage":
        return `The weather server at ${apiBase} answered with something that is not a forecast (${detail}); the last forecast is kept. Check that weather.apiBase points at an Open-Meteo compatible server.`;
    }
  },
} as const;
