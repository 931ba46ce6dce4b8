import type { ChatSettings } from "@innbox/protocol";
import { NOTICE_LANGUAGE, OFF_HOURS_NOTICE_MAX, UNANSWERED_MINUTES } from "@innbox/protocol/rules";
import { checkText, problems } from "../../forms/checks";
import type { FieldPlace } from "../../forms/server-errors";
import { languageName } from "../../format/language-name";
import { t } from "../../messages";

/** The alert settings as the form holds them. */
export interface AlertForm {
  minutes: string;
  /** [language code, notice], English first. */
  notices: Array<[string, string]>;
}

export function toAlertForm(settings: ChatSettings): AlertForm {
  const notices = Object.entries(settings.offHoursNotice);
  if (!notices.some(([code]) => code === "en")) notices.unshift(["en", ""]);
  notices.sort(([a], [b]) => (a === "en" ? -1 : b === "en" ? 1 : 0));
  return { minutes: String(settings.unansweredMinutes), notices };
}

export function fromAlertForm(form: AlertForm): ChatSettings {
  return {
    unansweredMinutes: Number(form.minutes.trim()),
    offHoursNotice: Object.fromEntries(form.notices.map(([code, text]) => [code, text.trim()])),
  };
}

export const noticeLabel = (code: string) => t.alerts.languageLabel(languageName(code), code);

/** The form checked with the appliance's rules, keyed like its `details[].field`. */
export function validateAlerts(form: AlertForm): Record<string, string> {
  const minutes = Number(form.minutes.trim());
  const wholeMinutes = /^\d+$/.test(form.minutes.trim()) && minutes >= UNANSWERED_MINUTES.min && minutes <= UNANSWERED_MINUTES.max;
  const found: Record<string, string | undefined> = { unansweredMinutes: wholeMinutes ? undefined : t.alerts.minutesError };
  for (const [code, text] of form.notices) {
    found[`offHoursNotice.${code}`] = text.trim() ? checkText(text, noticeLabel(code), { max: OFF_HOURS_NOTICE_MAX }) : t.alerts.noticeRequired;
  }
  return problems(found);
}

/** A language code to add to the notices, or why it cannot be added. */
export function checkLanguageCode(code: string, form: AlertForm): string | undefined {
  if (!NOTICE_LANGUAGE.test(code)) return t.alerts.codeInvalid;
  return form.notices.some(([known]) => known === code) ? t.alerts.codeTaken : undefined;
}

/** Where the appliance's fields go in the form. */
export function alertFieldPlace(field: string): FieldPlace | undefined {
  if (field === "unansweredMinutes") return { key: field, label: t.alerts.minutes };
  const notice = /^offHoursNotice\.([a-z]{2,3})$/.exec(field);
  if (notice) return { key: field, label: noticeLabel(notice[1]!) };
  // About the notices as a whole (the English one is missing): shown by the English notice.
  if (field === "offHoursNotice") return { key: "offHoursNotice.en", label: t.alerts.noticeHeading };
  return undefined;
}
