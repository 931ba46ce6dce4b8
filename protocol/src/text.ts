import { z } from "zod";

// Control characters (other than tab and newline, which messages may hold) have no place
// in text people read; nor have the bidi embedding, override and isolate controls, which
// let a name or a message display as something other than what it is ("Trojan Source").
// The left-to-right and right-to-left marks (U+200E, U+200F) stay allowed: keyboards for
// right-to-left languages insert them.
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F\u2028\u2029]/;
// eslint-disable-next-line no-control-regex
const CONTROL_OR_LINE_BREAK = /[\u0000-\u001F\u007F-\u009F\u2028\u2029]/;
const BIDI_CONTROL = /[\u202A-\u202E\u2066-\u2069]/;

/** Whether `text` holds a control or bidi-override character (tab and newline allowed). */
export function hasControlCharacters(text: string): boolean {
  return CONTROL.test(text) || BIDI_CONTROL.test(text);
}

/** Whether a one-line `text` (a name) holds a control, line-break or bidi-override character. */
export function hasControlCharactersInLine(text: string): boolean {
  return CONTROL_OR_LINE_BREAK.test(text) || BIDI_CONTROL.test(text);
}

/** Removes what a one-line name may not hold, for names that come from outside (Telegram). */
export function withoutControlCharacters(text: string): string {
  return text.replace(new RegExp(`${CONTROL_OR_LINE_BREAK.source}|${BIDI_CONTROL.source}`, "g"), "");
}

/**
 * A person's or a place's name: one line of text, trimmed, 1 to `max` characters, without
 * control or bidi-override characters. `label` starts each error sentence ("Name").
 */
export function NameText(label: string, max: number) {
  return z
    .string({ error: `${label} must be text.` })
    .trim()
    .min(1, { error: `${label} cannot be empty.` })
    .max(max, { error: `${label} must be at most ${max} characters.` })
    .refine((s) => !hasControlCharactersInLine(s), {
      error: `${label} may not contain control characters, line breaks or text-direction overrides.`,
    });
}
