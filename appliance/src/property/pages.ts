import { Router } from "express";
import type { PropertyService } from "./property-service.js";

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
