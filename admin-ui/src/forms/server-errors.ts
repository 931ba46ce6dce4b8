// The appliance's refusals in the form's words. A 400 names each wrong field in
// `details` by the API's name for it ("slug", "body.slug", "weekly.mon.0.from") with a
// sentence that starts with that name ("Slug must be…"); the form shows each sentence
// beside its field, starting with the field's label instead ("Web address name must be…"),
// and above the form what it could not place, or the appliance's own advice.
import type { ApiError } from "../api/client";
import { t } from "../messages";

/** Where an API field goes in a form: the form's key for the field and the label people see. */
export interface FieldPlace {
  key: string;
  label: string;
}

/**
 * The form's fields by their API names, as `{apiName: label}` (the form's key is the API
 * name), or as a function for fields named by a path (working hours, notices by language).
 */
export type FieldWords = Readonly<Record<string, string>> | ((field: string) => FieldPlace | undefined);

export interface PlacedErrors {
  /** Form key → sentence, in the form's words. */
  fields: Record<string, string>;
  /** What to say above the form, or null when every problem is shown by its field. */
  alert: string | null;
}

export interface PlaceOptions {
  /** A 409 is about this field (e.g. a web address another property uses): say so beside it. */
  conflict?: { key: string; message: string };
}

/** The part of the request a field was in, which people never need to hear about. */
const PART = /^(?:body|query|params)\./;

export function placeServerErrors(error: ApiError, words: FieldWords, options: PlaceOptions = {}): PlacedErrors {
  if (error.status === 409 && options.conflict) {
    return { fields: { [options.conflict.key]: options.conflict.message }, alert: t.errors.fixFields };
  }
  if (error.details.length === 0) return { fields: {}, alert: error.message };
  const fields: Record<string, string> = {};
  const unplaced: string[] = [];
  for (const detail of error.details) {
    const field = detail.field.replace(PART, "");
    const place = typeof words === "function" ? words(field) : field in words ? { key: field, label: words[field]! } : undefined;
    if (!place) {
      unplaced.push(detail.message);
      continue;
    }
    const message = inFormWords(detail.message, detail.field, place.label);
    fields[place.key] = fields[place.key] ? `${fields[place.key]} ${message}` : message;
  }
  if (unplaced.length) return { fields, alert: [...new Set(unplaced)].join(" ") };
  // A refusal the appliance worded for people ("Telegram did not accept this bot token…")
  // is kept; its generic summary of the fields ("2 fields of the request body…", or the
  // one field's own sentence) is not: the fields say it, in the form's words.
  const summary = error.details.length > 1 || error.details.some((detail) => detail.message === error.message);
  return { fields, alert: summary ? t.errors.fixFields : error.message };
}

/**
 * The appliance's sentence about `field` starting with the form's `label`: "body.slug is
 * required." and "Slug must be…" become "Web address name is required." and "Web address
 * name must be…". Sentences that do not start with the field's name are kept as they are.
 */
export function inFormWords(message: string, field: string, label: string): string {
  const path = field.replace(PART, "");
  const name = path.slice(path.lastIndexOf(".") + 1);
  for (const said of [field, path, name]) {
    const start = new RegExp(`^${escape(said)}(?=\\s)`, "i");
    if (start.test(message)) return message.replace(start, label);
  }
  return message;
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
