import { randomBytes } from "node:crypto";

/** A reception slug from a property name: "Villa Šafrán" → "villa-safran". */
export function slugFromName(name: string): string {
  const base = name
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 40)
    .replace(/-+$/g, "");
  return base.length >= 3 ? base : `property-${randomBytes(3).toString("hex")}`;
}

export function systemTimeZone(): string {
  const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
  return zone && (zone.includes("/") || zone === "UTC") ? zone : "UTC";
}
