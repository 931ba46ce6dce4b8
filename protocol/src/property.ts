import { z } from "zod";
import { NameText } from "./text.js";

export function isTimeZone(value: string): boolean {
  try {
    new Intl.DateTimeFormat("en-US", { timeZone: value });
    return value.includes("/") || value === "UTC";
  } catch {
    return false;
  }
}

export const TimeZone = z
  .string({ error: "Timezone must be text." })
  .refine(isTimeZone, { error: 'Timezone must be an IANA name such as "Europe/Lisbon".' });

export const Slug = z
  .string({ error: "Slug must be text." })
  .regex(/^[a-z0-9-]{3,40}$/, {
    error: "Slug must be 3 to 40 characters of lower-case letters, digits and dashes.",
  });

export const Property = z
  .object({
    name: z.string(),
    slug: z.string(),
    timezone: z.string(),
    latitude: z.number().nullable().optional(),
    longitude: z.number().nullable().optional(),
    receptionUrl: z.string().optional().describe("The guests' Online Reception link: <publicUrl>/r/<slug>."),
  })
  .meta({ id: "Property" });
export type Property = z.infer<typeof Property>;

export const UpdatePropertyBody = z.strictObject({
  name: NameText("Name", 120).optional(),
  slug: Slug.optional(),
  timezone: TimeZone.optional(),
  latitude: z.number({ error: "Latitude must be a number." }).min(-90, { error: "Latitude must be between -90 and 90." }).max(90, { error: "Latitude must be between -90 and 90." }).nullable().optional(),
  longitude: z.number({ error: "Longitude must be a number." }).min(-180, { error: "Longitude must be between -180 and 180." }).max(180, { error: "Longitude must be between -180 and 180." }).nullable().optional(),
});
export type UpdatePropertyBody = z.infer<typeof UpdatePropertyBody>;
