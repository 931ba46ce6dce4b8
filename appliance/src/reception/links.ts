import type { ReceptionLink } from "@innbox/protocol";

/**
 * `<publicUrl>/r/<slug>`, with `?t=<tag>` when there is a tag. The tag is URL-encoded
 * (`Room 12` → `Room%2012`, `#` → `%23`) so a phone's browser hands it to the page whole.
 */
export function receptionLink(publicUrl: string, slug: string, tag?: string): ReceptionLink {
  const base = `${publicUrl.replace(/\/$/, "")}/r/${slug}`;
  return tag ? { url: `${base}?t=${encodeURIComponent(tag)}`, tag } : { url: base };
}

/**
 * `innbox-qr-Room12.png`: the tag kept where it is safe in a file name, the rest a dash;
 * `filename*` carries the tag whole for browsers that read it (letters of any script).
 */
export function qrFileDisposition(tag: string | undefined, extension: string): string {
  const name = tag ? `innbox-qr-${tag}` : "innbox-qr";
  const ascii = name.replace(/[^A-Za-z0-9._-]+/g, "-").replace(/-+$/, "");
  return `inline; filename="${ascii}.${extension}"; filename*=UTF-8''${encodeURIComponent(`${name}.${extension}`)}`;
}
