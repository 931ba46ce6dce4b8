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

/** A language the link names: `?lang=de` (the page's language picker) or `?preview=de` (the editor's preview). */
function linkLanguage(): string | null {
  if (typeof location === "undefined") return null;
  const query = new URLSearchParams(location.search);
  return query.get("preview") || query.get("lang");
}

function firstChoice(): LanguageChoice & { fromBrowser: boolean } {
  const asked = linkLanguage();
  if (asked && isLanguage(primary(asked))) return { ...pickLanguage([asked]), fromBrowser: false };
  const picked = pickLanguage(browserLanguages());
  const spoken = browserLanguages().some((tag) => isLanguage(primary(tag)));
  return { ...picked, fromBrowser: spoken };
}

const first = firstChoice();
export const choice: LanguageChoice = { language: first.language, locale: first.locale };
export let t: Messages = LANGUAGES[choice.language];
/** Whether the language was chosen (by the link or the browser) rather than fallen back to. */
const chosen = Boolean(linkLanguage()) || first.fromBrowser;

/**
 * When neither the link nor the browser names a language we speak, the page takes the one
 * the property writes in (getGuestReception's answer) instead of English.
 */
export function adoptPropertyLanguage(code: string): void {
  if (chosen || !isLanguage(code) || code === choice.language) return;
  choice.language = code;
  choice.locale = code;
  t = LANGUAGES[code];
  if (typeof document !== "undefined") document.documentElement.lang = code;
}

/** Each language's own name, for the picker. */
export const LANGUAGE_NAMES: Record<Language, string> = {
  en: "English",
  de: "Deutsch",
  fr: "Français",
  es: "Español",
  it: "Italiano",
  pt: "Português",
  ru: "Русский",
  zh: "中文",
};
