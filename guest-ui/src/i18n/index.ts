// The guest pages speak the first of the browser's languages we have, English otherwise.
import { de } from "./de";
import { en, type Messages } from "./en";
import { es } from "./es";
import { fr } from "./fr";
import { it } from "./it";
import { pt } from "./pt";
import { ru } from "./ru";
import { zh } from "./zh";

export type { Messages };

export const LANGUAGES = { en, de, fr, es, it, pt, ru, zh } satisfies Record<string, Messages>;
export type Language = keyof typeof LANGUAGES;

function isLanguage(code: string): code is Language {
  return Object.hasOwn(LANGUAGES, code);
}

function primary(tag: string): string {
  return tag.toLowerCase().split(/[-_]/)[0] ?? "";
}

export interface LanguageChoice {
  /** The messages' language, also sent with the guest session and set as `<html lang>`. */
  language: Language;
  /** The browser's own tag for that language (e.g. "en-US"), for dates and times. */
  locale: string;
}

/** The first of `preferred` (most wanted first, like navigator.languages) that we speak. */
export function pickLanguage(preferred: readonly string[]): LanguageChoice {
  for (const tag of preferred) {
    const code = primary(tag);
    if (isLanguage(code)) return { language: code, locale: validLocale(tag) ?? code };
  }
  return { language: "en", locale: "en" };
}

function validLocale(tag: string): string | undefined {
  try {
    return Intl.getCanonicalLocales(tag)[0];
  } catch {
    return undefined;
  }
}

function browserLanguages(): readonly string[] {
  if (typeof navigator === "undefined") return [];
  return navigator.languages?.length ? navigator.languages : navigator.language ? [navigator.language] : [];
}

export const choice: LanguageChoice = pickLanguage(browserLanguages());
export const t: Messages = LANGUAGES[choice.language];
