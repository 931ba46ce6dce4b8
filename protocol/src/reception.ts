import { z } from "zod";
import { PlaceCategory } from "./places.js";
import { BLOCK_IDS, CHAT_INITIAL_STATES } from "./reception-view.js";
import { BLOCK_BODY_MAX, BLOCK_HEADING_MAX, COLOR, GUEST_LANGUAGES, TAG, hasControlCharacters, hasControlCharactersInLine } from "./rules.js";
import { SunTimes, Weather } from "./weather.js";

export * from "./reception-view.js";

/** The room or place of a reception link (`?t=Room12`), as createGuestSession and the QR codes take it. */
export const Tag = z
  .string({ error: "Tag must be text." })
  .trim()
  .min(TAG.min, { error: "Tag cannot be empty.", abort: true })
  .max(TAG.max, { error: `Tag must be at most ${TAG.max} characters.` })
  .regex(TAG.pattern, { error: "Tag may use letters, digits, spaces and . _ # - only." });

export const QrFormat = z.enum(["png", "svg"], { error: 'Format must be "png" or "svg".' });
export type QrFormat = z.infer<typeof QrFormat>;

export const ReceptionLinkQuery = z.object({
  tag: Tag.optional().describe("The room or place (`Room 12`); left out, the link has no `t`."),
});
export type ReceptionLinkQuery = z.infer<typeof ReceptionLinkQuery>;

export const ReceptionQrQuery = z.object({
  tag: Tag.optional().describe("The room or place (`Room 12`); left out, the link has no `t`."),
  format: QrFormat.default("png").describe("png (default) or svg."),
});
export type ReceptionQrQuery = z.infer<typeof ReceptionQrQuery>;

export const ReceptionLink = z
  .object({
    url: z.string().describe("<publicUrl>/r/<slug>, with ?t=<tag> (URL-encoded) when a tag is given."),
    tag: z.string().optional().describe("The tag as the link carries it (trimmed)."),
  })
  .meta({ id: "ReceptionLink" });
export type ReceptionLink = z.infer<typeof ReceptionLink>;

// --- The page's blocks and the editor's settings (getReception, updateReception) ---

const Color = z
  .string({ error: "A colour must be text such as #1d4e89." })
  .regex(COLOR, { error: "A colour must be #rrggbb, such as #1d4e89." })
  .transform((c) => c.toLowerCase());

const Heading = z
  .string({ error: "A heading must be text." })
  .trim()
  .max(BLOCK_HEADING_MAX, { error: `A heading must be at most ${BLOCK_HEADING_MAX} characters.` })
  .refine((s) => !hasControlCharactersInLine(s), { error: "A heading is one line, without control characters or text-direction overrides." });

const Body = z
  .string({ error: "A block's text must be text." })
  .trim()
  .max(BLOCK_BODY_MAX, { error: `A block's text must be at most ${BLOCK_BODY_MAX} characters.` })
  .refine((s) => !hasControlCharacters(s), { error: "A block's text may not contain control characters or text-direction overrides (line breaks are fine)." });

export const GuestLanguageCode = z.enum(GUEST_LANGUAGES, { error: `A language must be one of ${GUEST_LANGUAGES.join(", ")}.` });

const BlockTextsSchema = z.strictObject({ heading: Heading.optional(), body: Body.optional() });

const BlockSettingsSchema = z.strictObject({
  id: z.enum(BLOCK_IDS, { error: `A block's id must be one of ${BLOCK_IDS.join(", ")}.` }),
  visible: z.boolean({ error: "visible must be true or false." }),
  textColor: Color,
  backgroundColor: Color,
  texts: z
    .partialRecord(GuestLanguageCode, BlockTextsSchema, { error: "texts must map a language (en, de…) to {heading?, body?}." })
    .describe("Per language: the heading (one line) and the text (Markdown in `info`; title: a subtitle; chat: the welcome)."),
});

export const ReceptionSettings = z
  .strictObject({
    blocks: z
      .array(BlockSettingsSchema, { error: "blocks must be a list." })
      .describe(`Every block exactly once (${BLOCK_IDS.join(", ")}), in page order.`),
    defaultLanguage: GuestLanguageCode.describe("The language of texts a guest's own language lacks."),
    languages: z
      .array(GuestLanguageCode, { error: "languages must be a list of language codes." })
      .describe("The languages the manager translates into; the editor marks the blocks they lack. Holds the default language."),
    chatInitialState: z.enum(CHAT_INITIAL_STATES, { error: `chatInitialState must be one of ${CHAT_INITIAL_STATES.join(", ")}.` }),
    useGuestLocation: z.boolean({ error: "useGuestLocation must be true or false." }).describe("Weather at the guest's device position, asked only when the guest taps (car rentals)."),
  })
  .superRefine((s, ctx) => {
    const seen = new Set<string>();
    s.blocks.forEach((b, i) => {
      if (seen.has(b.id)) ctx.addIssue({ code: "custom", path: ["blocks", i, "id"], message: `The block "${b.id}" is listed twice.` });
      seen.add(b.id);
    });
    const missing = BLOCK_IDS.filter((id) => !seen.has(id));
    if (missing.length) ctx.addIssue({ code: "custom", path: ["blocks"], message: `Every block must be listed; missing: ${missing.join(", ")}.` });
    if (!s.languages.includes(s.defaultLanguage)) ctx.addIssue({ code: "custom", path: ["languages"], message: "languages must hold the default language." });
    if (new Set(s.languages).size !== s.languages.length) ctx.addIssue({ code: "custom", path: ["languages"], message: "languages lists a language twice." });
  })
  .meta({ id: "ReceptionSettings" });
export type ReceptionSettingsInput = z.input<typeof ReceptionSettings>;
// The shape is reception-view's ReceptionSettings; this checks the schema still gives it.
export type ReceptionSettings = import("./reception-view.js").ReceptionSettings;
const _sameShape: (s: z.output<typeof ReceptionSettings>) => ReceptionSettings = (s) => s;
void _sameShape;

const GuestBlockSchema = z
  .object({
    id: z.enum(BLOCK_IDS),
    textColor: z.string(),
    backgroundColor: z.string(),
    heading: z.string().optional(),
    body: z.string().optional(),
    language: GuestLanguageCode.describe("The language heading and body are in: the guest's, or the default one when not translated."),
  })
  .meta({ id: "GuestBlock" });

export const GuestReceptionQuery = z.object({
  lang: z.string().max(35).optional().describe("The guest's language (a browser tag such as de-AT is fine); unknown ones get the default language."),
});

export const GuestReception = z
  .object({
    property: z.object({
      name: z.string(),
      slug: z.string(),
      formerSlugs: z.array(z.string()).describe("Links the property used before; the page carries a chat saved under one of them over to `slug`."),
      timezone: z.string(),
      latitude: z.number().optional(),
      longitude: z.number().optional(),
      mapUrl: z.string().optional().describe("OpenStreetMap at the property, with its location."),
      navigationUrl: z.string().optional().describe("A geo: link to the property that phones open in their maps app, with its location."),
      city: z.string().optional(),
    }),
    language: GuestLanguageCode.describe("The language the page answers in."),
    defaultLanguage: GuestLanguageCode,
    blocks: z.array(GuestBlockSchema).describe("The visible blocks in page order, words resolved to `language`."),
    chatInitialState: z.enum(CHAT_INITIAL_STATES),
    useGuestLocation: z.boolean(),
    places: z.array(PlaceCategory).describe("The Guest Services Directory."),
    sun: SunTimes.describe("Today's, in the property's timezone; all null without a location."),
    weather: Weather.optional().describe("From the cache, never waited for; absent until a first forecast is in."),
    duty: z.object({ onDuty: z.boolean(), offHoursNotice: z.string().nullable(), backAt: z.string().nullable() }).describe("As getGuestProperty answers it."),
    reservation: z.object({ available: z.boolean().describe("Whether the property has bookings a guest could look up.") }),
    map: z
      .object({ tiles: z.string().describe("Tile address with {z}, {x}, {y} (and maybe {s})."), attribution: z.string() })
      .describe("The Location block's map tiles, loaded by the guest's browser (config reception.mapTiles)."),
  })
  .meta({ id: "GuestReception" });
export type GuestReception = z.infer<typeof GuestReception>;
