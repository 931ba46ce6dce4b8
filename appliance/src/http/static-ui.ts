import { existsSync } from "node:fs";
import { join } from "node:path";
import express, { type Router } from "express";

/**
 * Serves a built single-page app under `mount`, with every unknown path answered by its
 * index.html (or `page`, when one build holds several pages). Hashed assets are cached
 * for a year; the page itself never.
 */
export function staticApp(dir: string, mount: string, name: string, page = "index.html"): Router {
  const router = express.Router();
  const index = join(dir, page);
  router.use(
    mount,
    express.static(dir, {
      index: false,
      // A page of a shared build (the kiosk's) answers at its own path, `GET /kiosk`, not
      // after a redirect to /kiosk/: its files are under the build's base.
      redirect: page === "index.html",
      setHeaders(res, path) {
        res.setHeader("Cache-Control", path.includes(`${join(dir, "assets")}`) ? "public, max-age=31536000, immutable" : "no-cache");
      },
    }),
  );
  router.get([mount, `${mount}/*rest`], (_req, res) => {
    if (!existsSync(index)) {
      res.status(503).type("text/plain").send(`The ${name} is not built yet. Run "npm run build" and reload.`);
      return;
    }
    res.setHeader("Cache-Control", "no-cache");
    res.sendFile(index);
  });
  return router;
}
