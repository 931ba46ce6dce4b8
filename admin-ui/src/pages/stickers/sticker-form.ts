import { COLOR, TAG, hasControlCharactersInLine } from "@innbox/protocol/rules";
import { STICKER_HEADING_MAX, STICKER_TAGS_MAX, STICKER_TEXT_MAX, type StickerDesign } from "@innbox/protocol/sticker-layout";
import { checkTag, checkText, problems, type Problem } from "../../forms/checks";
import { t } from "../../messages";

/** The editor's form: the design as typed, and the tags one a line. */
export interface StickerForm extends StickerDesign {
  tags: string;
}

export type ColourKey = "textColor" | "backgroundColor" | "accentColor";
export const COLOUR_KEYS: readonly ColourKey[] = ["textColor", "backgroundColor", "accentColor"];

export function toStickerForm(design: StickerDesign & { tags?: string[] | undefined }): StickerForm {
  const { template, heading, text, textColor, backgroundColor, accentColor, withLogo } = design;
  return { template, heading, text, textColor, backgroundColor, accentColor, withLogo, tags: (design.tags ?? []).join("\n") };
}

/** The non-empty lines, trimmed, as the appliance will read them. */
export function tagLines(form: StickerForm): string[] {
  return form.tags
    .split("\n")
    .map((line) => line.trim())
    .filter(Boolean);
}

function checkLine(value: string, label: string, max: number): Problem {
  return checkText(value, label, { max, required: false }) ?? (hasControlCharactersInLine(value.trim()) ? t.validation.nameCharacters(label) : undefined);
}

/** What is wrong, by field (`tags`, `heading`, `textColor`…); the same limits as the appliance's. */
export function checkStickerForm(form: StickerForm): Record<string, string> {
  const words = t.stickers;
  const found: Record<string, Problem> = {
    heading: checkLine(form.heading, words.heading, STICKER_HEADING_MAX),
    text: checkLine(form.text, words.text, STICKER_TEXT_MAX),
  };
  for (const key of COLOUR_KEYS) found[key] = COLOR.test(form[key]) ? undefined : words.colourShape(words[key]);
  found.tags = checkTags(form);
  return problems(found);
}

function checkTags(form: StickerForm): Problem {
  const words = t.stickers;
  const seen = new Set<string>();
  let count = 0;
  const lines = form.tags.split("\n");
  for (let i = 0; i < lines.length; i++) {
    const tag = lines[i]!.trim();
    if (!tag) continue;
    count++;
    const problem = tag.length > TAG.max || !TAG.pattern.test(tag) ? checkTag(tag, words.tagLabel) : undefined;
    if (problem) return words.tagLine(i + 1, problem);
    if (seen.has(tag)) return words.tagTwice(i + 1, tag);
    seen.add(tag);
  }
  if (count === 0) return words.tagsRequired;
  if (count > STICKER_TAGS_MAX) return words.tagsTooMany(STICKER_TAGS_MAX);
  return undefined;
}

/** `Room 101` … `Room 120`, or null with the reason when the range is not one. */
export function numberedSeries(prefix: string, from: string, to: string): { tags: string[] } | { problem: string } {
  const a = Number(from);
  const b = Number(to);
  if (!/^\d+$/.test(from.trim()) || !/^\d+$/.test(to.trim()) || a > b) return { problem: t.stickers.fillBadRange };
  if (b - a + 1 > STICKER_TAGS_MAX) return { problem: t.stickers.fillTooMany(STICKER_TAGS_MAX) };
  const start = prefix.trim();
  return { tags: Array.from({ length: b - a + 1 }, (_, i) => (start ? `${start} ${a + i}` : String(a + i))) };
}

/** The form as the design the layout and the appliance take. */
export function designOf(form: StickerForm): StickerDesign {
  return {
    template: form.template,
    heading: form.heading.trim(),
    text: form.text.trim(),
    textColor: form.textColor.toLowerCase(),
    backgroundColor: form.backgroundColor.toLowerCase(),
    accentColor: form.accentColor.toLowerCase(),
    withLogo: form.withLogo,
  };
}
