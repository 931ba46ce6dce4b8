// A flag for each language the kiosk speaks, drawn here (emoji flags do not show on
// Windows and many Linux panels). The language's own name is always written beside it.
import type { JSX } from "preact";
import type { Language } from "../i18n";

const stripes = (colours: string[], vertical: boolean) =>
  colours.map((fill, i) =>
    vertical ? <rect key={i} x={(i * 30) / colours.length} y="0" width={30 / colours.length} height="20" fill={fill} /> : <rect key={i} x="0" y={(i * 20) / colours.length} width="30" height={20 / colours.length} fill={fill} />,
  );

const DRAWINGS: Record<Language, () => JSX.Element | JSX.Element[]> = {
  en: () => (
    <>
      <rect width="30" height="20" fill="#012169" />
      <path d="M0 0L30 20M30 0L0 20" stroke="#fff" stroke-width="4" />
      <path d="M0 0L30 20M30 0L0 20" stroke="#C8102E" stroke-width="1.5" />
      <path d="M15 0V20M0 10H30" stroke="#fff" stroke-width="6" />
      <path d="M15 0V20M0 10H30" stroke="#C8102E" stroke-width="3.5" />
    </>
  ),
  de: () => stripes(["#000", "#DD0000", "#FFCE00"], false),
  fr: () => stripes(["#0055A4", "#fff", "#EF4135"], true),
  es: () => (
    <>
      <rect width="30" height="20" fill="#AA151B" />
      <rect y="5" width="30" height="10" fill="#F1BF00" />
    </>
  ),
  it: () => stripes(["#009246", "#fff", "#CE2B37"], true),
  pt: () => (
    <>
      <rect width="30" height="20" fill="#DA291C" />
      <rect width="12" height="20" fill="#046A38" />
      <circle cx="12" cy="10" r="3.5" fill="#FFE900" />
    </>
  ),
  ru: () => stripes(["#fff", "#0039A6", "#D52B1E"], false),
  zh: () => (
    <>
      <rect width="30" height="20" fill="#EE1C25" />
      <path d="M5 3l1.2 3.6H10L7 8.8l1.1 3.6L5 10.2 1.9 12.4 3 8.8 0 6.6h3.8z" fill="#FFFF00" />
    </>
  ),
};

export function LanguageFlag({ language }: { language: Language }) {
  return (
    <svg class="kiosk-flag" viewBox="0 0 30 20" width="36" height="24" aria-hidden="true" focusable="false">
      {DRAWINGS[language]()}
    </svg>
  );
}
