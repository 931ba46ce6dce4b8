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

  // Weather at a guest's position (getGuestWeather): said to guests, so nothing about the config.
  guestWeatherSummary: "The forecast at the guest's position, rounded to about 10 km, when the manager offers it (car rentals). Asked for only when the guest taps; waits on the weather server unless that place's forecast is in memory.",
  guestWeatherAnswer: "The forecast there, with the place's timezone and today's sun times.",
  guestWeatherOff: "This property does not offer the weather at your own location; the forecast for the property is on the page.",
  guestWeatherTooMany: "Too many weather requests from this address. Wait a minute and try again.",
  guestWeatherFailed: "The weather service could not give a forecast for this place right now. Try again in a few minutes; the forecast for the property is still on the page.",
  guestWeatherTimeout: (within: string) => `The weather service did not answer within ${within}. Try again in a few minutes; the forecast for the property is still on the page.`,
} as const;
