import { randomBytes } from "node:crypto";

/** Short, URL-safe, unguessable ids; sortable by creation is not needed for ours. */
export function newId(prefix = ""): string {
  return prefix + randomBytes(12).toString("base64url");
}

export function nowIso(clock: () => number = Date.now): string {
  return new Date(clock()).toISOString();
}
