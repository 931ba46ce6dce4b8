import { GUEST_LANGUAGES, isGuestLanguage } from "@innbox/protocol/rules";
import { Router, type Request } from "express";
import type { PropertyService } from "./property-service.js";

const primary = (tag: string) => tag.trim().toLowerCase().split(/[-_;]/)[0] ?? "";

/**
 * The language the page will speak (guest-ui/src/i18n): the link's `preview` or `lang`,
 * else the first of the browser's languages (Accept-Language, by preference) the page has,
 * else English.
 */
export function pageLanguage(req: Request): string {
  for (const name of ["preview", "lang"]) {
    const value = req.query[name];
    if (typeof value === "string" && value && isGuestLanguage(primary(value))) return primary(value);
  }
  const header = req.get("accept-language") ?? "";
  const ranked = header
    .split(",")
    .map((part, index) => {
      const [tag = "", ...params] = part.split(";");
      const q = params.map((p) => /^\s*q=([\d.]+)\s*$/.exec(p)?.[1]).find(Boolean);
      return { tag: tag.trim(), q: q === undefined ? 1 : Number(q), index };
    })
    .filter((entry) => entry.tag && entry.q > 0)
    .sort((a, b) => b.q - a.q || a.index - b.index);
  for (const { tag } of ranked) if (isGuestLanguage(primary(tag))) return primary(tag);
  return GUEST_LANGUAGES[0];
}

/**
 * `/r/<old slug>` → 301 to `/r/<current slug>`, the query (`?t=Room12`) kept: a QR code
 * printed before the slug changed still reaches the reception. Anything else falls
 * through to the page, which says when a link is unknown.
 */
export function slugRedirects(property: PropertyService): Router {
  const router = Router();
  router.get("/r/:slug", async (req, res, next) => {
    const asked = req.params.slug.toLowerCase();
    // /r/icon.svg and the like are the page's own files, not links.
    if (asked.includes(".")) {
      next();
      return;
    }
    const current = await property.currentSlugFor(asked);
    if (!current) {
      // The page itself says so, in the guest's language; the status tells crawlers and tools.
      res.status(404);
      next();
      return;
    }
    if (current === asked) {
      // The page's data, fetched while its script is still on the way (the page asks for
      // exactly this address, in the language it will pick the same way).
      res.set("Link", `</api/guest/reception/${current}?lang=${pageLanguage(req)}>; rel=preload; as=fetch; crossorigin`);
      next();
      return;
    }
    const query = req.originalUrl.indexOf("?");
    // Not kept by browsers: the manager may move back to this slug, and a cached 301 would then loop.
    res.set("Cache-Control", "no-store");
    res.redirect(301, `/r/${current}${query >= 0 ? req.originalUrl.slice(query) : ""}`);
  });
  return router;
}
