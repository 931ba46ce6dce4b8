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
 * `innbox-qr-Room12.png`: in the file name, what is not a letter, digit, `.`, `_` or `-`
 * becomes a dash (`Suite #3` → `innbox-qr-Suite-3.svg`); `filename` keeps ASCII only,
 * `filename*` keeps letters of any script for the browsers that read it.
 */
export function qrFileDisposition(tag: string | undefined, extension: string): string {
  const name = (tag ? `innbox-qr-${tag}` : "innbox-qr").replace(/[^\p{L}\p{N}._-]+/gu, "-").replace(/-+$/, "");
  const ascii = name.replace(/[^A-Za-z0-9._-]+/g, "-").replace(/-{2,}/g, "-").replace(/-+$/, "");
  return `inline; filename="${ascii}.${extension}"; filename*=UTF-8''${encodeURIComponent(`${name}.${extension}`)}`;
}
