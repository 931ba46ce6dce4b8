// Checks a form makes before sending, with the appliance's own limits
// (@innbox/protocol/rules, the values its schemas are built from) and the form's words.
// Each answers the sentence to show beside the field, or undefined when it is fine.
import { PASSWORD, SLUG, TAG, USERNAME, isTimeZone, hasControlCharactersInLine } from "@innbox/protocol/rules";
import { t } from "../messages";

export type Problem = string | undefined;

/** The problems found, by field, without the fields that are fine. */
export function problems(found: Readonly<Record<string, Problem>>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, problem] of Object.entries(found)) if (problem) out[key] = problem;
  return out;
}

/** Text the appliance trims: required unless told otherwise, at most `max` characters. */
export function checkText(value: string, label: string, { max, required = true }: { max: number; required?: boolean }): Problem {
  const text = value.trim();
  if (!text) return required ? t.validation.required(label) : undefined;
  return text.length > max ? t.validation.tooLong(label, max) : undefined;
}

/** A person's or the property's name: one line, without control characters or text-direction overrides. */
export function checkName(value: string, label: string, max: number): Problem {
  const problem = checkText(value, label, { max });
  if (problem) return problem;
  return hasControlCharactersInLine(value.trim()) ? t.validation.nameCharacters(label) : undefined;
}

export function checkUsername(value: string, label: string): Problem {
  const username = value.trim();
  if (!username) return t.validation.required(label);
  if (username.length < USERNAME.min) return t.validation.tooShort(label, USERNAME.min);
  if (username.length > USERNAME.max) return t.validation.tooLong(label, USERNAME.max);
  if (!USERNAME.pattern.test(username)) return t.validation.usernameCharacters(label);
  return undefined;
}

/** A new password; an empty one is fine where `required` is false (the old one is kept). */
export function checkPassword(value: string, label: string, { required = true }: { required?: boolean } = {}): Problem {
  if (!value) return required ? t.validation.required(label) : undefined;
  if (value.length < PASSWORD.min) return t.validation.tooShort(label, PASSWORD.min);
  if (value.length > PASSWORD.max) return t.validation.tooLong(label, PASSWORD.max);
  return undefined;
}

/** The password typed a second time. */
export function checkPasswordAgain(password: string, again: string): Problem {
  if (!password) return undefined;
  if (!again) return t.validation.passwordAgainMissing;
  return again === password ? undefined : t.validation.passwordsDiffer;
}

export function checkSlug(value: string, label: string): Problem {
  const slug = value.trim();
  if (!slug) return t.validation.required(label);
  return SLUG.pattern.test(slug) ? undefined : t.validation.slugShape(label, SLUG.min, SLUG.max);
}

/** A timezone the appliance knows by its IANA name, as the timezone field offers them. */
export function checkTimezone(zone: string, label: string): Problem {
  if (!zone) return t.validation.required(label);
  return isTimeZone(zone) ? undefined : t.validation.timezoneUnknown;
}

/** A number between `min` and `max` (`value` as read from the field; see pages/coordinates.ts). */
export function checkBetween(value: number | null | "invalid", label: string, { min, max }: { readonly min: number; readonly max: number }): Problem {
  if (value === "invalid") return t.validation.notANumber(label);
  if (value !== null && (value < min || value > max)) return t.validation.between(label, min, max);
  return undefined;
}

/** A room or place in a reception link: empty is fine (the link without one). */
export function checkTag(value: string, label: string): Problem {
  const tag = value.trim();
  if (!tag) return undefined;
  if (tag.length > TAG.max) return t.validation.tooLong(label, TAG.max);
  return TAG.pattern.test(tag) ? undefined : t.validation.tagCharacters(label);
}
