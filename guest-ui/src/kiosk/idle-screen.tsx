import type { Weather } from "@innbox/protocol";
import { LANGUAGE_NAMES, type Language } from "../i18n";
import { useMinuteClock } from "../blocks/weather/use-minute-clock";
import { weatherIcon, weatherLabel } from "../blocks/weather/weather-codes";
import { conditionsNow, formatDay, formatTemperature } from "../blocks/weather/weather-format";
import { WeatherIconSvg } from "../blocks/weather/weather-icons";
import { WEATHER_TEXTS } from "../blocks/weather/weather-texts";
import { KioskQr } from "./kiosk-qr";
import { propertyTime } from "./kiosk-time";
import type { KioskScreen } from "./kiosk-types";
import { KIOSK_WORDS } from "./kiosk-words";
import { LanguageFlag } from "./language-flags";

interface IdleScreenProps {
  screen: KioskScreen;
  language: Language;
  languages: Language[];
  onLanguage(language: Language): void;
  onCall(): void;
  onMessage(): void;
}

/** The tablet's own way of writing the language (en-GB's 24-hour clock), else the language's. */
function localeFor(language: Language): string {
  const own = typeof navigator === "undefined" ? [] : navigator.languages;
  return own.find((tag) => tag.toLowerCase().split(/[-_]/)[0] === language) ?? language;
}

/** The idle screen: what a guest at an empty desk needs, readable from a step away. */
export function IdleScreen({ screen, language, languages, onLanguage, onCall, onMessage }: IdleScreenProps) {
  const words = KIOSK_WORDS[language];
  const now = useMinuteClock();
  const locale = localeFor(language);
  const clock = propertyTime(now, screen.property.timezone, locale);
  const emergency = screen.emergencyText[language] ?? screen.emergencyText[languages[0] ?? "en"] ?? Object.values(screen.emergencyText).find(Boolean);
  return (
    <main class="kiosk-idle" lang={language}>
      <header class="kiosk-top">
        <div class="kiosk-title">
          <h1>{screen.property.name}</h1>
          <p class="kiosk-clock">
            <time class="kiosk-time" data-testid="kiosk-time">
              {clock.time}
            </time>
            <span class="kiosk-date">{clock.date}</span>
          </p>
        </div>
        {languages.length > 1 && (
          <nav class="kiosk-languages" aria-label={words.language}>
            {languages.map((code) => (
              <button key={code} type="button" class="kiosk-language" lang={code} aria-pressed={code === language} onClick={() => onLanguage(code)}>
                <LanguageFlag language={code} />
                <span>{LANGUAGE_NAMES[code]}</span>
              </button>
            ))}
          </nav>
        )}
      </header>

      {screen.weather && <KioskWeather weather={screen.weather} timeZone={screen.property.timezone} language={language} locale={locale} today={clock.day} now={now} />}

      <section class="kiosk-codes">
        {screen.wifi && (
          <div class="kiosk-card">
            <KioskQr text={screen.wifi.qr} label={`${words.wifi}: ${screen.wifi.ssid}`} testId="kiosk-wifi-qr" />
            <div>
              <h2>{words.wifi}</h2>
              <p class="kiosk-ssid">
                <span class="kiosk-muted">{words.network}: </span>
                <strong data-testid="kiosk-ssid">{screen.wifi.ssid}</strong>
              </p>
              {screen.wifi.security === "nopass" ? (
                <p>{words.openNetwork}</p>
              ) : (
                <p class="kiosk-ssid">
                  <span class="kiosk-muted">{words.password}: </span>
                  <strong class="kiosk-password">{screen.wifi.password}</strong>
                </p>
              )}
              <p class="kiosk-muted">{words.wifiScan}</p>
            </div>
          </div>
        )}
        {screen.receptionUrl && (
          <div class="kiosk-card">
            <KioskQr text={screen.receptionUrl} label={words.reception} testId="kiosk-reception-qr" />
            <div>
              <h2>{words.reception}</h2>
              <p class="kiosk-muted">{words.receptionScan}</p>
            </div>
          </div>
        )}
      </section>

      <section class="kiosk-contact">
        <button type="button" class="kiosk-button kiosk-call" onClick={onCall}>
          <svg viewBox="0 0 24 24" width="36" height="36" aria-hidden="true" focusable="false">
            <path fill="currentColor" d="M6.6 10.8a15.1 15.1 0 0 0 6.6 6.6l2.2-2.2c.3-.3.7-.4 1-.2 1.1.4 2.3.6 3.6.6.6 0 1 .4 1 1V20c0 .6-.4 1-1 1A17 17 0 0 1 3 4c0-.6.4-1 1-1h3.5c.6 0 1 .4 1 1 0 1.3.2 2.5.6 3.6.1.3 0 .7-.2 1z" />
          </svg>
          {words.callReception}
        </button>
        <button type="button" class="kiosk-button" onClick={onMessage}>
          {words.leaveMessage}
        </button>
        {screen.phone && (
          <p class="kiosk-phone">
            <span class="kiosk-muted">{words.phone}: </span>
            <strong>{screen.phone}</strong>
          </p>
        )}
        {emergency && (
          <p class="kiosk-emergency" data-testid="kiosk-emergency">
            <strong>{words.emergency}: </strong>
            {emergency}
          </p>
        )}
      </section>
    </main>
  );
}

function KioskWeather({ weather, timeZone, language, locale, today, now }: { weather: Weather; timeZone: string; language: Language; locale: string; today: string; now: number }) {
  const texts = WEATHER_TEXTS[language];
  const current = conditionsNow(weather, now, timeZone);
  const days = weather.daily.filter((d) => d.date >= today).slice(0, 4);
  if (!current && days.length === 0) return null;
  const degrees = (value: number | null) => (value === null ? "–" : formatTemperature(value, locale));
  return (
    <section class="kiosk-weather" aria-label={texts.weatherHeading}>
      {current && (
        <div class="kiosk-now">
          <WeatherIconSvg icon={weatherIcon(current.weatherCode, current.isDay)} size={72} />
          <div>
            <p class="kiosk-muted">{texts.now}</p>
            <p class="kiosk-temperature">{degrees(current.temperature)}</p>
            <p>{weatherLabel(current.weatherCode, texts)}</p>
          </div>
        </div>
      )}
      <ul class="kiosk-days">
        {days.map((day) => (
          <li key={day.date}>
            <span class="kiosk-day">{day.date === today ? texts.today : formatDay(day.date, locale)}</span>
            <WeatherIconSvg icon={weatherIcon(day.weatherCode, true)} label={weatherLabel(day.weatherCode, texts)} size={40} />
            <span aria-label={texts.highLow(degrees(day.temperatureMax), degrees(day.temperatureMin))}>
              <strong>{degrees(day.temperatureMax)}</strong> <span class="kiosk-muted">{degrees(day.temperatureMin)}</span>
            </span>
          </li>
        ))}
      </ul>
    </section>
  );
}
