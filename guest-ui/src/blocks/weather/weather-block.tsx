import type { GuestWeather, Weather, WeatherDay, WeatherHour } from "@innbox/protocol";
import { useState } from "preact/hooks";
import { choice } from "../../i18n";
import type { BlockContext } from "../index";
import { BlockHeading } from "./block-heading";
import { canAskPosition, PositionError, weatherAtGuestPosition, type PositionProblem } from "./guest-position";
import { useMinuteClock } from "./use-minute-clock";
import { usePainted } from "./use-painted";
import { weatherIcon, weatherLabel } from "./weather-codes";
import { ageSentence, conditionsNow, dateIn, formatDay, formatHour, formatMillimetres, formatPercent, formatTemperature, formatWind, isDaytime, knownTimeZone, nextHours } from "./weather-format";
import { WeatherIconSvg } from "./weather-icons";
import { WEATHER_TEXTS, type WeatherTexts } from "./weather-texts";
import "../../styles/weather.css";

/** The appliance refreshes every 30 minutes: a forecast this old on a page left open has missed some. */
const OLD_AFTER_MS = 90 * 60_000;

/** Stale as the appliance said when the page loaded, or grown old since. */
function isOld(weather: Weather, now: number): boolean {
  return weather.stale || now - Date.parse(weather.fetchedAt) > OLD_AFTER_MS;
}

type Lookup = { kind: "property" } | { kind: "asking" } | { kind: "guest"; at: GuestWeather } | { kind: "problem"; problem: PositionProblem };

/** The Weather block: now, the next 24 hours, the next 7 days; at the property, or at the guest's position when offered. */
export function WeatherBlock({ reception, block, slug, preview }: BlockContext) {
  const texts = WEATHER_TEXTS[choice.language];
  const now = useMinuteClock();
  const painted = usePainted();
  const [lookup, setLookup] = useState<Lookup>({ kind: "property" });
  const offered = reception.useGuestLocation && !preview && canAskPosition();

  const atGuest = lookup.kind === "guest" ? lookup.at : undefined;
  const weather = atGuest ? atGuest.weather : reception.weather;
  const zone = atGuest ? atGuest.timezone : reception.property.timezone;
  const timeZone = knownTimeZone(zone) ? zone : "UTC";
  const place = atGuest ? texts.atYourLocation : reception.property.city;

  const askPosition = () => {
    setLookup({ kind: "asking" });
    weatherAtGuestPosition(slug).then(
      (at) => setLookup({ kind: "guest", at }),
      (err: unknown) => setLookup({ kind: "problem", problem: err instanceof PositionError ? err.problem : "failed" }),
    );
  };

  return (
    <div class="weather" role="group" aria-labelledby="weather-heading" lang={choice.language}>
      <div class="weather-top">
        <div>
          <BlockHeading block={block} fallback={texts.weatherHeading} id="weather-heading" />
          {place && <p class="weather-place">{place}</p>}
        </div>
        {offered &&
          (atGuest ? (
            <button type="button" class="weather-button" onClick={() => setLookup({ kind: "property" })}>
              {texts.atProperty}
            </button>
          ) : (
            <button type="button" class="weather-button" onClick={askPosition} disabled={lookup.kind === "asking"} aria-busy={lookup.kind === "asking"}>
              <svg viewBox="0 0 24 24" width="18" height="18" aria-hidden="true" focusable="false" fill="none" stroke="currentColor" stroke-width="2" stroke-linecap="round">
                <circle cx="12" cy="12" r="6" />
                <path d="M12 2v4M12 18v4M2 12h4M18 12h4" />
              </svg>
              {lookup.kind === "asking" ? texts.locating : texts.useMyLocation}
            </button>
          ))}
      </div>
      {lookup.kind === "problem" && (
        <p class="weather-problem" role="status">
          {lookup.problem === "denied" ? texts.locationDenied : lookup.problem === "unavailable" ? texts.locationUnavailable : texts.locationFailed}
        </p>
      )}
      {!painted ? (
        <div class="weather-pending" />
      ) : weather ? (
        <Forecast weather={weather} timeZone={timeZone} now={now} texts={texts} />
      ) : (
        <p class="weather-empty">{texts.noWeather}</p>
      )}
    </div>
  );
}

function Forecast({ weather, timeZone, now, texts }: { weather: Weather; timeZone: string; now: number; texts: WeatherTexts }) {
  const { locale } = choice;
  const current = conditionsNow(weather, now, timeZone);
  const hours = nextHours(weather.hourly, now);
  const today = dateIn(now, timeZone);
  const days = weather.daily.filter((d) => d.date >= today).slice(0, 7);
  return (
    <>
      {isOld(weather, now) && (
        <p class="weather-age" role="note">
          {ageSentence(weather.fetchedAt, now, texts, locale)}
        </p>
      )}
      {current && (
        <div class="weather-now">
          <WeatherIconSvg icon={weatherIcon(current.weatherCode, current.isDay)} size={64} />
          <div>
            <p class="weather-now-line">
              <span class="weather-hidden">{texts.now}: </span>
              {current.temperature !== null && <span class="weather-now-temperature">{formatTemperature(current.temperature, locale)}</span>}
              <span class="weather-now-condition">{weatherLabel(current.weatherCode, texts)}</span>
            </p>
            {current.windSpeed !== null && (
              <p class="weather-detail">
                {texts.wind} {formatWind(current.windSpeed, locale)}
              </p>
            )}
          </div>
        </div>
      )}
      {hours.length > 0 && (
        <>
          <h3 class="weather-subheading">{texts.nextHours}</h3>
          {/* Focusable so the row scrolls with the arrow keys; labelled so a screen reader says what it is. */}
          <div class="weather-hours" role="region" aria-label={texts.nextHoursRegion} tabIndex={0}>
            <ol>
              {hours.map((hour) => (
                <Hour key={hour.time} hour={hour} days={weather.daily} timeZone={timeZone} texts={texts} />
              ))}
            </ol>
          </div>
        </>
      )}
      {days.length > 0 && (
        <>
          <h3 class="weather-subheading">{texts.nextDays}</h3>
          <ul class="weather-days">
            {days.map((day) => (
              <Day key={day.date} day={day} today={day.date === today} texts={texts} />
            ))}
          </ul>
        </>
      )}
    </>
  );
}

function Hour({ hour, days, timeZone, texts }: { hour: WeatherHour; days: WeatherDay[]; timeZone: string; texts: WeatherTexts }) {
  const { locale } = choice;
  const at = Date.parse(hour.time);
  const chance = hour.precipitationProbability;
  return (
    <li class="weather-hour">
      <time dateTime={hour.time} class="weather-hour-time">
        {formatHour(hour.time, timeZone, locale)}
      </time>
      <WeatherIconSvg icon={weatherIcon(hour.weatherCode, isDaytime(at, days, timeZone))} label={weatherLabel(hour.weatherCode, texts)} />
      <span class="weather-hour-temperature">{hour.temperature !== null ? formatTemperature(hour.temperature, locale) : "–"}</span>
      {chance !== null && chance > 0 ? (
        <span class="weather-hour-chance">
          <span class="weather-hidden">{texts.chanceOfRain} </span>
          {formatPercent(chance, locale)}
        </span>
      ) : (
        <span class="weather-hour-chance" aria-hidden="true" />
      )}
    </li>
  );
}

function Day({ day, today, texts }: { day: WeatherDay; today: boolean; texts: WeatherTexts }) {
  const { locale } = choice;
  const high = day.temperatureMax !== null ? formatTemperature(day.temperatureMax, locale) : null;
  const low = day.temperatureMin !== null ? formatTemperature(day.temperatureMin, locale) : null;
  const rain = day.precipitationSum;
  return (
    <li class="weather-day">
      <span class="weather-day-name">
{today ? texts.today : formatDay(day.date, locale)}
      </span>
      <WeatherIconSvg icon={weatherIcon(day.weatherCode, true)} label={weatherLabel(day.weatherCode, texts)} />
      <span class="weather-day-rain">
        {rain !== null && rain > 0 && (
          <>
            <span class="weather-hidden">{texts.precipitation} </span>
            {formatMillimetres(rain, locale)}
          </>
        )}
      </span>
      {high !== null && low !== null ? (
        <span class="weather-day-range">
          <span aria-hidden="true">
            <span class="weather-day-high">{high}</span> <span class="weather-day-low">{low}</span>
          </span>
          <span class="weather-hidden">{texts.highLow(high, low)}</span>
        </span>
      ) : (
        <span class="weather-day-range">{high ?? low ?? ""}</span>
      )}
    </li>
  );
}
