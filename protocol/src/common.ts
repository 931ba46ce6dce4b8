import { z } from "zod";

/** The one error body every `/api` route answers with on failure. */
export const ErrorBody = z
  .object({
    error: z.string().describe("A sentence a person can act on."),
    details: z
      .array(z.object({ field: z.string(), message: z.string() }))
      .optional()
      .describe("For invalid input: one entry per field that is wrong."),
  })
  .meta({ id: "Error" });
export type ErrorBody = z.infer<typeof ErrorBody>;

export const Id = z.string().min(1).max(64);

export const IsoDateTime = z.string().describe("ISO 8601 time in UTC");

export const Health = z.object({
  status: z.literal("ok"),
  version: z.string(),
  uptimeS: z.number(),
});
export type Health = z.infer<typeof Health>;

export const IdParams = z.object({ id: Id });
