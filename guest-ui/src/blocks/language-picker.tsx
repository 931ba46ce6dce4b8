import { LANGUAGE_NAMES, LANGUAGES, t, type Language } from "../i18n";

/** The guest's own choice of language: the page reloads in it, the room in the link kept. */
export function LanguagePicker({ current }: { current: string }) {
  const choose = (code: string) => {
    const url = new URL(location.href);
    url.searchParams.set("lang", code);
    location.assign(url.toString());
  };
  return (
    <label class="language-picker">
      <span>{t.reception.language}</span>
      <select value={current} onChange={(e) => choose((e.target as HTMLSelectElement).value)}>
        {(Object.keys(LANGUAGES) as Language[]).map((code) => (
          <option key={code} value={code} lang={code}>
            {LANGUAGE_NAMES[code]}
          </option>
        ))}
      </select>
    </label>
  );
}
