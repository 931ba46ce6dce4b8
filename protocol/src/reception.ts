import { z } from "zod";
import { TAG } from "./rules.js";

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
