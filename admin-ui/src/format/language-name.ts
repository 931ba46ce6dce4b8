import { t } from "../messages";

/** A language tag as a name in the page's language ("de" → "German"), or the tag itself. */
export function languageName(tag: string): string {
  try {
    return new Intl.DisplayNames([t.app.locale], { type: "language" }).of(tag) ?? tag;
  } catch {
    return tag;
  }
}
