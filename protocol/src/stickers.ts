import { z } from "zod";
import { COLOR, hasControlCharactersInLine } from "./rules.js";
import { Tag } from "./reception.js";
import { DEFAULT_STICKER_DESIGN, STICKER_HEADING_MAX, STICKER_TAGS_MAX, STICKER_TEMPLATES, STICKER_TEXT_MAX } from "./sticker-layout.js";

export { DEFAULT_STICKER_DESIGN, LOGO_BYTES_MAX, LOGO_TYPES, STICKER_TAGS_MAX, STICKER_TEMPLATES } from "./sticker-layout.js";
export type { StickerDesign } from "./sticker-layout.js";

export const StickerTemplate = z
  .enum(STICKER_TEMPLATES, { error: `template must be one of ${STICKER_TEMPLATES.join(", ")}.` })
  .describe("door-plate: A6 landscape, one plate a page. table-tent: A4 folded across the middle, two faces, the upper one upside down. stickers: 60 mm squares, twelve on an A4 sheet with cut lines.");

const StickerColor = (field: string) =>
  z
    .string({ error: `${field} must be a colour such as #1d4e89.` })
    .regex(COLOR, { error: `${field} must be #rrggbb, such as #1d4e89.` })
    .transform((c) => c.toLowerCase());

const Line = (field: string, max: number) =>
  z
    .string({ error: `${field} must be text.` })
    .trim()
    .max(max, { error: `${field} must be at most ${max} characters.` })
    .refine((s) => !hasControlCharactersInLine(s), { error: `${field} is one line, without control characters or text-direction overrides.` });

const designFields = {
  template: StickerTemplate,
  heading: Line("heading", STICKER_HEADING_MAX).describe("The large line (e.g. \"Scan me\" or the property's name); may be empty."),
  text: Line("text", STICKER_TEXT_MAX).describe("A sentence under the heading, wrapped to a few lines; may be empty."),
  textColor: StickerColor("textColor"),
  backgroundColor: StickerColor("backgroundColor"),
  accentColor: StickerColor("accentColor").describe("The room label and the frame around the code."),
  withLogo: z.boolean({ error: "withLogo must be true or false." }).describe("Print the uploaded logo, when there is one."),
};

/** The 1..200 tags of one print, trimmed, none twice. */
export const StickerTags = z
  .array(Tag, { error: "tags must be a list of rooms or places." })
  .min(1, { error: "Give at least one room or place to print." })
  .max(STICKER_TAGS_MAX, { error: `At most ${STICKER_TAGS_MAX} rooms or places in one print; print the rest separately.` })
  .superRefine((tags, ctx) => {
    const seen = new Set<string>();
    tags.forEach((tag, i) => {
      if (seen.has(tag)) ctx.addIssue({ code: "custom", path: [i], message: `"${tag}" is listed twice.` });
      seen.add(tag);
    });
  });

export const StickerDesignBody = z
  .strictObject({
    ...designFields,
    tags: z
      .array(Tag, { error: "tags must be a list of rooms or places." })
      .max(STICKER_TAGS_MAX, { error: `At most ${STICKER_TAGS_MAX} rooms or places.` })
      .optional()
      .describe("The rooms or places the editor lists, remembered for the next print."),
  })
  .meta({ id: "StickerDesign" });
export type StickerDesignBody = z.infer<typeof StickerDesignBody>;

export const RenderStickersBody = z
  .strictObject({
    template: StickerTemplate,
    tags: StickerTags.describe(`The rooms or places (1 to ${STICKER_TAGS_MAX}), each printed with the QR code of <publicUrl>/r/<slug>?t=<tag>.`),
    heading: designFields.heading.optional(),
    text: designFields.text.optional(),
    textColor: designFields.textColor.optional(),
    backgroundColor: designFields.backgroundColor.optional(),
    accentColor: designFields.accentColor.optional(),
    withLogo: designFields.withLogo.optional(),
  })
  .describe("Design fields left out come from the saved design (getStickerDesign).")
  .meta({ id: "RenderStickers" });
export type RenderStickersBody = z.input<typeof RenderStickersBody>;

export const ReceptionLogoInfo = z
  .object({
    contentType: z.enum(["image/png", "image/jpeg", "image/svg+xml"]),
    bytes: z.number().int().describe("Its size as stored (an SVG after cleaning)."),
    cleaned: z.boolean().describe("True when an SVG had parts removed that a logo may not carry (scripts, links, event handlers…)."),
    updatedAt: z.string(),
  })
  .meta({ id: "ReceptionLogo" });
export type ReceptionLogoInfo = z.infer<typeof ReceptionLogoInfo>;

// The defaults are a design the schema accepts.
const _defaultsFit: z.input<typeof StickerDesignBody> = DEFAULT_STICKER_DESIGN;
void _defaultsFit;
