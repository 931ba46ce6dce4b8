// Every sentence of the At a glance and Weather blocks. Kept beside the blocks rather than
// in guest-ui/src/i18n so they can be worked on on their own; picked by the page's language
// (`choice.language`).
import type { WmoCode } from "../weather-codes";

export interface WeatherTexts {
  glanceHeading: string;
  weatherHeading: string;
  localTime: string;
  now: string;
  nextHours: string;
  /** The label of the hourly row, which scrolls sideways. */
  nextHoursRegion: string;
  nextDays: string;
  today: string;
  sunrise: string;
  sunset: string;
  wind: string;
  chanceOfRain: string;
  precipitation: string;
  /** "High 22°, low 12°" (for screen readers; the page shows both numbers). */
  highLow: (high: string, low: string) => string;
  /** "Forecast from 3 hours ago"; `age` is Intl's relative time in the same language. */
  forecastFrom: (age: string) => string;
  noWeather: string;
  useMyLocation: string;
  locating: string;
  atYourLocation: string;
  atProperty: string;
  locationDenied: string;
  locationUnavailable: string;
  locationFailed: string;
  unknownCondition: string;
  codes: Record<WmoCode, string>;
}
