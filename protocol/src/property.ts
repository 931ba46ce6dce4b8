import { z } from "zod";
import { NameText } from "./text.js";
import { ARRIVAL_INSTRUCTIONS_MAX, CITY_MAX, LATITUDE, LONGITUDE, PROPERTY_NAME_MAX, SLUG, hasControlCharacters, hasControlCharactersInLine, isTimeZone } from "./rules.js";

export { isTimeZone };

export const TimeZone = z
  .string({ error: "Timezone must be text." })
  .refine(isTimeZone, { error: 'Timezone must be an IANA name such as "Europe/Lisbon".' });

export const Slug = z
  .string({ error: "Slug must be text." })
  .regex(SLUG.pattern, {
    error: `Slug must be ${SLUG.min} to ${SLUG.max} characters of lower-case letters, digits and dashes.`,
  });

/** A time of day on the 24-hour clock, 00:00 to 23:59. */
const StayTime = (label: string) =>
  z.string({ error: `${label} must be text such as "15:00".` }).regex(/^([01]\d|2[0-3]):[0-5]\d$/, { error: `${label} must be a time such as "15:00" (24-hour clock).` });

export const Property = z
  .object({
    name: z.string(),
    slug: z.string(),
    timezone: z.string(),
    latitude: z.number().nullable().optional(),
    longitude: z.number().nullable().optional(),
    city: z.string().nullable().optional().describe("The town the Online Reception names in \"At a glance\"."),
    checkInTime: z.string().optional().describe("HH:MM on the arrival day, in the property's timezone, from which guests may move in (default 15:00)."),
    checkOutTime: z.string().optional().describe("HH:MM on the departure day by which guests leave (default 11:00)."),
    arrivalInstructions: z
      .string()
      .nullable()
      .optional()
      .describe("How guests check in (keys, door codes, parking): Markdown subset, shown in My Reservation. Absent until the manager writes them."),
    receptionUrl: z.string().optional().describe("The guests' Online Reception link: <publicUrl>/r/<slug>."),
  })
  .meta({ id: "Property" });
export type Property = z.infer<typeof Property>;

export const UpdatePropertyBody = z.strictObject({
  name: NameText("Name", PROPERTY_NAME_MAX).optional(),
  slug: Slug.optional(),
  timezone: TimeZone.optional(),
  latitude: z.number({ error: "Latitude must be a number." }).min(LATITUDE.min, { error: "Latitude must be between -90 and 90." }).max(LATITUDE.max, { error: "Latitude must be between -90 and 90." }).nullable().optional(),
  longitude: z.number({ error: "Longitude must be a number." }).min(LONGITUDE.min, { error: "Longitude must be between -180 and 180." }).max(LONGITUDE.max, { error: "Longitude must be between -180 and 180." }).nullable().optional(),
  city: z
    .string({ error: "City must be text." })
    .trim()
    .max(CITY_MAX, { error: `City must be at most ${CITY_MAX} characters.` })
    .refine((s) => !hasControlCharactersInLine(s), { error: "City may not contain control characters, line breaks or text-direction overrides." })
    .nullable()
    .optional()
    .describe("The town the Online Reception names; null or empty clears it."),
  checkInTime: StayTime("Check-in time").optional(),
  checkOutTime: StayTime("Check-out time").optional(),
  arrivalInstructions: z
    .string({ error: "Arrival instructions must be text." })
    .trim()
    .max(ARRIVAL_INSTRUCTIONS_MAX, { error: `Arrival instructions must be at most ${ARRIVAL_INSTRUCTIONS_MAX.toLocaleString("en")} characters.` })
    .refine((s) => !hasControlCharacters(s), { error: "Arrival instructions may not contain control characters or text-direction overrides (line breaks are fine)." })
    .nullable()
    .optional()
    .describe("Markdown subset (as in the reception's info block); null or empty clears them."),
});
export type UpdatePropertyBody = z.infer<typeof UpdatePropertyBody>;
