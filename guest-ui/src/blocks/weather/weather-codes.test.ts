import { describe, expect, it } from "vitest";
import { LANGUAGES, type Language } from "../../i18n";
import { WMO_CODES, weatherIcon, weatherLabel, type WeatherIcon } from "./weather-codes";
import { WEATHER_TEXTS } from "./weather-texts";

const GROUPS: Array<[number[], WeatherIcon, WeatherIcon]> = [
  [[0], "clear-day", "clear-night"],
  [[1, 2], "partly-cloudy-day", "partly-cloudy-night"],
  [[3], "overcast", "overcast"],
  [[45, 48], "fog", "fog"],
  [[51, 53, 55, 56, 57], "drizzle", "drizzle"],
  [[61, 63, 65, 66, 67], "rain", "rain"],
  [[71, 73, 75, 77], "snow", "snow"],
  [[80, 81, 82], "showers", "showers"],
  [[85, 86], "snow-showers", "snow-showers"],
  [[95, 96, 99], "thunderstorm", "thunderstorm"],
];

describe("WMO weather codes", () => {
  it("each code Open-Meteo sends has its group's icon, by day and by night", () => {
    const covered = GROUPS.flatMap(([codes]) => codes).sort((a, b) => a - b);
    expect(covered).toEqual([...WMO_CODES]);
    for (const [codes, day, night] of GROUPS) {
      for (const code of codes) {
        expect(weatherIcon(code, true), `code ${code} by day`).toBe(day);
        expect(weatherIcon(code, false), `code ${code} by night`).toBe(night);
      }
    }
  });

  it("each code has its own label in every language, and none is empty", () => {
    for (const language of Object.keys(LANGUAGES) as Language[]) {
      const texts = WEATHER_TEXTS[language];
      const labels = WMO_CODES.map((code) => weatherLabel(code, texts));
      for (const label of labels) expect(label.trim(), language).not.toBe("");
      expect(new Set(labels).size, `${language} labels are distinct`).toBe(WMO_CODES.length);
      expect(Object.keys(texts.codes).map(Number).sort((a, b) => a - b)).toEqual([...WMO_CODES]);
    }
    expect(weatherLabel(61, WEATHER_TEXTS.en)).toBe("Light rain");
    expect(weatherLabel(61, WEATHER_TEXTS.de)).toBe("Leichter Regen");
    expect(weatherLabel(95, WEATHER_TEXTS.zh)).toBe("雷暴");
  });

  it("a code Open-Meteo does not send, or none, gets the neutral icon and words rather than a guess", () => {
    for (const code of [4, 44, 50, 52, 60, 68, 70, 78, 83, 87, 94, 97, 100, -1, 2.5, null, undefined]) {
      expect(weatherIcon(code, true), String(code)).toBe("unknown");
      expect(weatherIcon(code, false), String(code)).toBe("unknown");
      expect(weatherLabel(code, WEATHER_TEXTS.en)).toBe("Conditions not known");
    }
    expect(weatherLabel(42, WEATHER_TEXTS.fr)).toBe("Conditions inconnues");
  });

  it("every language has every sentence of the weather blocks", () => {
    const keys = Object.keys(WEATHER_TEXTS.en).sort();
    for (const language of Object.keys(LANGUAGES) as Language[]) {
      const texts = WEATHER_TEXTS[language] as unknown as Record<string, unknown>;
      expect(Object.keys(texts).sort(), language).toEqual(keys);
      for (const [key, value] of Object.entries(texts)) {
        if (typeof value === "string") expect(value.trim(), `${language}.${key}`).not.toBe("");
      }
    }
  });
});
