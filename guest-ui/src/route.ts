// The reception link a room's QR code holds: /r/<slug>?t=<tag>.
import { TAG } from "@innbox/protocol/rules";

/** The longest room tag the appliance takes (createGuestSession's `tag`). */
export const TAG_MAX_LENGTH = TAG.max;

export interface ReceptionLink {
  slug: string;
  /** The room, as given in the link (trimmed): shown as is, never re-cased or translated. */
  tag?: string;
  /** A room the appliance would refuse: the page says so instead of quietly leaving it out. */
  refusedTag?: { tag: string; reason: "long" | "characters" };
}

const SLUG = /^[a-z0-9-]{1,40}$/;

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
  if (!tag) return { slug };
  if (tag.length > TAG_MAX_LENGTH) return { slug, refusedTag: { tag, reason: "long" } };
  if (!TAG.pattern.test(tag)) return { slug, refusedTag: { tag, reason: "characters" } };
  return { slug, tag };
}
