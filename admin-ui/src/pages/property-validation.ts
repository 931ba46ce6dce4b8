import type { Property, UpdatePropertyBody } from "@innbox/protocol";
import { ARRIVAL_INSTRUCTIONS_MAX, CITY_MAX, LATITUDE, LONGITUDE, PROPERTY_NAME_MAX, hasControlCharactersInLine } from "@innbox/protocol/rules";
import { checkBetween, checkName, checkText, checkSlug, checkTimezone, problems } from "../forms/checks";
import type { FieldWords } from "../forms/server-errors";
import { t } from "../messages";
import { parseCoordinate } from "./coordinates";

/** The Property page's form: what is typed. */
export interface PropertyForm {
  name: string;
  slug: string;
  timezone: string;
  city: string;
  latitude: string;
  longitude: string;
  checkInTime: string;
  checkOutTime: string;
  arrivalInstructions: string;
}

/** The property's stay times as the appliance checks them (24-hour HH:MM). */
const STAY_TIME = /^([01]\d|2[0-3]):[0-5]\d$/;
function checkStayTime(value: string, label: string) {
  return STAY_TIME.test(value) ? undefined : t.property.stayTimeInvalid(label);
}

export function toPropertyForm(property: Property): PropertyForm {
  return {
    name: property.name,
    slug: property.slug,
    timezone: property.timezone,
    city: property.city ?? "",
    latitude: property.latitude == null ? "" : String(property.latitude),
    longitude: property.longitude == null ? "" : String(property.longitude),
    checkInTime: property.checkInTime ?? "15:00",
    checkOutTime: property.checkOutTime ?? "11:00",
    arrivalInstructions: property.arrivalInstructions ?? "",
  };
}

/**
 * The form checked with the appliance's rules, and what changed since `saved` (sending
 * only that, so an untouched web address is never checked against itself).
 */
export function checkPropertyForm(form: PropertyForm, saved: Property): { errors: Record<string, string>; changes: UpdatePropertyBody } {
  const latitude = parseCoordinate(form.latitude);
  const longitude = parseCoordinate(form.longitude);
  const errors = problems({
    name: checkName(form.name, t.property.name, PROPERTY_NAME_MAX),
    slug: checkSlug(form.slug, t.property.slug),
    timezone: checkTimezone(form.timezone, t.property.timezone),
    city: checkCity(form.city),
    latitude: checkBetween(latitude, t.property.latitude, LATITUDE),
    longitude: checkBetween(longitude, t.property.longitude, LONGITUDE),
    checkInTime: checkStayTime(form.checkInTime, t.property.checkInTime),
    checkOutTime: checkStayTime(form.checkOutTime, t.property.checkOutTime),
    arrivalInstructions: checkText(form.arrivalInstructions, t.property.arrivalInstructions, { max: ARRIVAL_INSTRUCTIONS_MAX, required: false }),
  });
  // The appliance keeps both or neither.
  if (!errors.latitude && !errors.longitude) {
    if (latitude === null && longitude !== null) errors.latitude = t.validation.coordinatesTogether(t.property.latitude);
    if (longitude === null && latitude !== null) errors.longitude = t.validation.coordinatesTogether(t.property.longitude);
  }
  const changes: UpdatePropertyBody = {};
  if (Object.keys(errors).length || latitude === "invalid" || longitude === "invalid") return { errors, changes };
  if (form.name.trim() !== saved.name) changes.name = form.name.trim();
  if (form.slug.trim() !== saved.slug) changes.slug = form.slug.trim();
  if (form.timezone !== saved.timezone) changes.timezone = form.timezone;
  if (form.city.trim() !== (saved.city ?? "")) changes.city = form.city.trim();
  if (latitude !== (saved.latitude ?? null)) changes.latitude = latitude;
  if (longitude !== (saved.longitude ?? null)) changes.longitude = longitude;
  if (form.checkInTime !== (saved.checkInTime ?? "15:00")) changes.checkInTime = form.checkInTime;
  if (form.checkOutTime !== (saved.checkOutTime ?? "11:00")) changes.checkOutTime = form.checkOutTime;
  if (form.arrivalInstructions.trim() !== (saved.arrivalInstructions ?? "")) changes.arrivalInstructions = form.arrivalInstructions.trim();
  return { errors, changes };
}

/** The property request's fields as the page names them. */
export const PROPERTY_FIELDS: FieldWords = {
  name: t.property.name,
  slug: t.property.slug,
  timezone: t.property.timezone,
  city: t.property.city,
  latitude: t.property.latitude,
  longitude: t.property.longitude,
  checkInTime: t.property.checkInTime,
  checkOutTime: t.property.checkOutTime,
  arrivalInstructions: t.property.arrivalInstructions,
};

function checkCity(value: string) {
  const problem = checkText(value, t.property.city, { max: CITY_MAX, required: false });
  if (problem) return problem;
  return hasControlCharactersInLine(value.trim()) ? t.validation.nameCharacters(t.property.city) : undefined;
}
