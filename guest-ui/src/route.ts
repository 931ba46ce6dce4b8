// The reception link a room's QR code holds: /r/<slug>?t=<tag>.

export interface ReceptionLink {
  slug: string;
  tag?: string;
}

const SLUG = /^[a-z0-9-]{1,40}$/;
// What the appliance accepts as a tag; anything else is left out rather than refused.
const TAG = /^[\p{L}\p{N} ._#-]{1,40}$/u;

export function readReceptionLink(pathname: string, search: string): ReceptionLink | null {
  const match = /^\/r\/([^/]+)\/?$/.exec(pathname);
  if (!match) return null;
  let slug: string;
  try {
    slug = decodeURIComponent(match[1]!).toLowerCase();
  } catch {
    return null;
  }
  if (!SLUG.test(slug)) return null;
  const tag = new URLSearchParams(search).get("t")?.trim();
  return tag && TAG.test(tag) ? { slug, tag } : { slug };
}

/** "Room12" → "Room 12", "suite_3" → "suite 3": tags read better with a space. */
export function displayTag(tag: string): string {
  return tag
    .replace(/[_]+/g, " ")
    .replace(/(\p{L})(\p{N})/gu, "$1 $2")
    .replace(/\s+/g, " ")
    .trim();
}
