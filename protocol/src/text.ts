import { z } from "zod";
import { hasControlCharactersInLine } from "./rules.js";

export { hasControlCharacters, hasControlCharactersInLine, withoutControlCharacters } from "./rules.js";

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
