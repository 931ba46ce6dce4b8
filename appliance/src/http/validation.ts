import type { z } from "zod";
import { AppError, type ErrorDetail } from "./app-error.js";

const PART_NAMES = { body: "request body", query: "query string", params: "address" } as const;

/** Parses one part of a request; failures become a 400 whose details name each field. */
export function validate<S extends z.ZodType>(schema: S, value: unknown, part: keyof typeof PART_NAMES): z.infer<S> {
  // A list is a body only where the request takes one (importDevices takes Tuya's tools' export as it is).
  const result = schema.safeParse(value);
  if (part === "body" && (value === undefined || value === null || typeof value !== "object" || (Array.isArray(value) && !result.success))) {
    throw AppError.badRequest("The request body must be a JSON object (send Content-Type: application/json).");
  }
  if (result.success) return result.data;
  const details: ErrorDetail[] = [];
  for (const issue of result.error.issues) {
    if (issue.code === "unrecognized_keys") {
      for (const key of issue.keys) {
        details.push({ field: [...issue.path, key].join("."), message: `"${key}" is not a field this request accepts.` });
      }
      continue;
    }
    const field = issue.path.join(".") || part;
    const missing = issue.code === "invalid_type" && valueAt(value, issue.path) === undefined;
    details.push({ field, message: missing ? `${field} is required.` : issue.message });
  }
  throw AppError.badRequest(summarise(details, PART_NAMES[part]), details);
}

function valueAt(root: unknown, path: PropertyKey[]): unknown {
  let current = root;
  for (const key of path) {
    if (current === null || typeof current !== "object") return undefined;
    current = (current as Record<PropertyKey, unknown>)[key];
  }
  return current;
}

/** One field: its first sentence. Several: how many, and which fields. */
export function summarise(details: ErrorDetail[], where = "request body"): string {
  const fields = [...new Set(details.map((d) => d.field))];
  if (fields.length === 1) return details[0]!.message;
  return `${fields.length} fields of the ${where} need attention: ${fields.join(", ")}.`;
}
