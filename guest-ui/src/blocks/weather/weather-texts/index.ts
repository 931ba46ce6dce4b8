// The weather blocks' words in the guest page's eight languages, one file each.
import type { Language } from "../../../i18n";
import { en } from "./en";
import { de } from "./de";
import { fr } from "./fr";
import { es } from "./es";
import { it } from "./it";
import { pt } from "./pt";
import { ru } from "./ru";
import { zh } from "./zh";
import type { WeatherTexts } from "./types";

export type { WeatherTexts } from "./types";

export const WEATHER_TEXTS: Record<Language, WeatherTexts> = { en, de, fr, es, it, pt, ru, zh };
