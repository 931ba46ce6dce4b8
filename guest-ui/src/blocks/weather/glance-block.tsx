import { choice } from "../../i18n";
import type { BlockContext } from "../index";
import { BlockHeading } from "./block-heading";
import { useMinuteClock } from "./use-minute-clock";
import { usePainted } from "./use-painted";
import { weatherIcon, weatherLabel } from "./weather-codes";
import { conditionsNow, dateIn, formatClock, formatLongDate, formatTemperature, knownTimeZone } from "./weather-format";
import { SunEventIcon, WeatherIconSvg } from "./weather-icons";
import { WEATHER_TEXTS } from "./weather-texts";
import "../../styles/weather.css";

/** At a glance: the city, the local time, the weather now, today's sunrise and sunset. What is not known is not shown. */
export function GlanceBlock({ reception, block }: BlockContext) {
  const texts = WEATHER_TEXTS[choice.language];
  const painted = usePainted();
  const { locale } = choice;
  const now = useMinuteClock();
  const { property, weather } = reception;
  if (!painted) {
    return (
      <div class="glance" role="group" aria-labelledby="glance-heading" lang={choice.language}>
        <BlockHeading block={block} fallback={texts.glanceHeading} id="glance-heading" />
        <div class="glance-items weather-pending" />
      </div>
    );
  }
  const timeZone = knownTimeZone(property.timezone) ? property.timezone : undefined;
  const current = weather && timeZone ? conditionsNow(weather, now, timeZone) : undefined;
  // Today's sun from the forecast's days when the page has stayed open past midnight.
  const today = timeZone && weather?.daily.find((d) => d.date === dateIn(now, timeZone));
  const sunrise = (today ? today.sunrise : null) ?? reception.sun.sunrise;
  const sunset = (today ? today.sunset : null) ?? reception.sun.sunset;
  const label = current && weatherLabel(current.weatherCode, texts);

  return (
    <div class="glance" role="group" aria-labelledby="glance-heading" lang={choice.language}>
      <BlockHeading block={block} fallback={texts.glanceHeading} id="glance-heading" />
      <div class="glance-items">
        {(property.city || timeZone) && (
          <p class="glance-item glance-clock">
            {property.city && <span class="glance-city">{property.city}</span>}
            {timeZone && (
              <>
                <span class="glance-time">
                  <span class="weather-hidden">{texts.localTime} </span>
                  <time dateTime={new Date(now).toISOString()}>{formatClock(now, timeZone, locale)}</time>
                </span>
                <span class="glance-date">{formatLongDate(now, timeZone, locale)}</span>
              </>
            )}
          </p>
        )}
        {current && (
          <p class="glance-item glance-now">
            <WeatherIconSvg icon={weatherIcon(current.weatherCode, current.isDay)} size={44} />
            {current.temperature !== null && <span class="glance-temperature">{formatTemperature(current.temperature, locale)}</span>}
            <span class="glance-condition">{label}</span>
          </p>
        )}
        {timeZone && (sunrise || sunset) && (
          <p class="glance-item glance-sun">
            {sunrise && (
              <span class="glance-sun-event">
                <SunEventIcon rising />
                <span>
                  {texts.sunrise} <time dateTime={sunrise}>{formatClock(sunrise, timeZone, locale)}</time>
                </span>
              </span>
            )}
            {sunset && (
              <span class="glance-sun-event">
                <SunEventIcon rising={false} />
                <span>
                  {texts.sunset} <time dateTime={sunset}>{formatClock(sunset, timeZone, locale)}</time>
                </span>
              </span>
            )}
          </p>
        )}
      </div>
    </div>
  );
}
