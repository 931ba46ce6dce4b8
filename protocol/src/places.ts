import { z } from "zod";
import { Id } from "./common.js";
import { NameText } from "./text.js";
import {
  LATITUDE,
  LONGITUDE,
  PLACE_ADDRESS_MAX,
  PLACE_DESCRIPTION_MAX,
  PLACE_NAME_MAX,
  PLACE_PHONE,
  PLACE_WEBSITE_MAX,
  hasControlCharacters,
  hasControlCharactersInLine,
} from "./rules.js";

// The Guest Services Directory: categories (taxi, restaurants, pharmacy…) and their places.

export const PlaceName = NameText("Name", PLACE_NAME_MAX);
export const PlaceCategoryName = NameText("Category", PLACE_NAME_MAX);

const Description = z
  .string({ error: "Description must be text." })
  .trim()
  .max(PLACE_DESCRIPTION_MAX, { error: `Description must be at most ${PLACE_DESCRIPTION_MAX} characters.` })
  .refine((s) => !hasControlCharacters(s), { error: "Description may not contain control characters or text-direction overrides (line breaks are fine)." });

const Address = z
  .string({ error: "Address must be text." })
  .trim()
  .max(PLACE_ADDRESS_MAX, { error: `Address must be at most ${PLACE_ADDRESS_MAX} characters.` })
  .refine((s) => !hasControlCharacters(s), { error: "Address may not contain control characters or text-direction overrides (line breaks are fine)." });

const Phone = z
  .string({ error: "Phone must be text." })
  .trim()
  .regex(PLACE_PHONE, { error: "Phone must be 3 to 32 characters of digits, spaces, + ( ) . / and -." });

/** Whether `text` is an absolute http(s) address (never javascript:, data: and the like). */
export function isWebAddress(text: string): boolean {
  if (/\s/.test(text) || hasControlCharactersInLine(text)) return false;
  try {
    const url = new URL(text);
    return (url.protocol === "http:" || url.protocol === "https:") && url.hostname.length > 0;
  } catch {
    return false;
  }
}

const Website = z
  .string({ error: "Website must be text." })
  .trim()
  .max(PLACE_WEBSITE_MAX, { error: `Website must be at most ${PLACE_WEBSITE_MAX} characters.` })
  .refine(isWebAddress, { error: "Website must be a full http:// or https:// address." });

const Latitude = z
  .number({ error: "Latitude must be a number." })
  .min(LATITUDE.min, { error: "Latitude must be between -90 and 90." })
  .max(LATITUDE.max, { error: "Latitude must be between -90 and 90." });
const Longitude = z
  .number({ error: "Longitude must be a number." })
  .min(LONGITUDE.min, { error: "Longitude must be between -180 and 180." })
  .max(LONGITUDE.max, { error: "Longitude must be between -180 and 180." });

/** The sentence for a lone coordinate; `missing` is "latitude" or "longitude". */
export const coordinatesTogether = (missing: "latitude" | "longitude") => `Latitude and longitude go together: give the ${missing} too, or neither.`;

export const CreatePlaceBody = z
  .strictObject({
    category: PlaceCategoryName.describe("A category's name: an existing one (any capitals) or a new one, added last."),
    name: PlaceName,
    description: Description.optional(),
    address: Address.optional(),
    phone: Phone.optional(),
    website: Website.optional(),
    latitude: Latitude.optional(),
    longitude: Longitude.optional(),
  })
  .superRefine((b, ctx) => {
    if ((b.latitude === undefined) !== (b.longitude === undefined)) {
      const missing = b.latitude === undefined ? "latitude" : "longitude";
      ctx.addIssue({ code: "custom", path: [missing], message: coordinatesTogether(missing) });
    }
  });
export type CreatePlaceBody = z.infer<typeof CreatePlaceBody>;

export const UpdatePlaceBody = z.strictObject({
  category: PlaceCategoryName.optional().describe("Moves the place (last) to this category, existing (any capitals) or new."),
  name: PlaceName.optional(),
  description: Description.nullable().optional().describe("null clears it."),
  address: Address.nullable().optional().describe("null clears it."),
  phone: Phone.nullable().optional().describe("null clears it."),
  website: Website.nullable().optional().describe("null clears it."),
  latitude: Latitude.nullable().optional().describe("null clears it (with the longitude)."),
  longitude: Longitude.nullable().optional().describe("null clears it (with the latitude)."),
});
export type UpdatePlaceBody = z.infer<typeof UpdatePlaceBody>;

export const RenamePlaceCategoryBody = z.strictObject({ name: PlaceCategoryName });
export type RenamePlaceCategoryBody = z.infer<typeof RenamePlaceCategoryBody>;

export const OrderPlacesBody = z.strictObject({
  categories: z
    .array(
      z.strictObject({
        id: Id,
        placeIds: z.array(Id, { error: "placeIds must be a list of place ids." }),
      }),
      { error: "categories must be a list of {id, placeIds}." },
    )
    .describe("Every category and every place exactly once, in the new order."),
});
export type OrderPlacesBody = z.infer<typeof OrderPlacesBody>;

export const Place = z
  .object({
    id: z.string(),
    category: z.string().describe("The category's name."),
    categoryId: z.string(),
    name: z.string(),
    description: z.string().optional(),
    address: z.string().optional(),
    phone: z.string().optional(),
    website: z.string().optional(),
    latitude: z.number().optional(),
    longitude: z.number().optional(),
    mapUrl: z.string().describe("OpenStreetMap at the coordinates, or a search for the address (else the name)."),
    navigationUrl: z.string().describe("geo:lat,lon?q=lat,lon(name), or geo:0,0?q=<address> without coordinates: phones open their maps app."),
  })
  .meta({ id: "Place" });
export type Place = z.infer<typeof Place>;

export const PlaceCategory = z
  .object({ id: z.string(), name: z.string(), places: z.array(Place) })
  .meta({ id: "PlaceCategory" });
export type PlaceCategory = z.infer<typeof PlaceCategory>;

export const PlaceDirectory = z
  .object({ categories: z.array(PlaceCategory).describe("In the manager's order, each with its places in order.") })
  .meta({ id: "PlaceDirectory" });
export type PlaceDirectory = z.infer<typeof PlaceDirectory>;
