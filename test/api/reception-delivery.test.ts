// How the reception page travels to a guest's phone: compressed, its hashed files kept for
// good, the page itself and its data asked again each time, the data preloaded with the
// page. Served from the built guest-ui (npm test builds it first).
import { readdirSync } from "node:fs";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { setUpManager, startTestApp, type TestApp } from "../helpers/app.js";

let app: TestApp | undefined;
afterEach(async () => {
  await app?.stop();
  app = undefined;
});

const ASSETS = join(import.meta.dirname, "..", "..", "guest-ui", "dist", "assets");

describe("delivering the reception page", () => {
  it("revalidates the page, keeps hashed files for a year, gzips them, and preloads the data in the page's language", async () => {
    app = await startTestApp();
    await setUpManager(app);
    const page = await fetch(`${app.url}/r/hotel-miramar?t=Room12`, { headers: { "accept-language": "de-AT,de;q=0.9,en;q=0.5" } });
    expect(page.status).toBe(200);
    expect(page.headers.get("cache-control")).toBe("no-cache");
    expect(page.headers.get("link")).toBe("</api/guest/reception/hotel-miramar?lang=de>; rel=preload; as=fetch; crossorigin");
    const html = await page.text();
    const script = /src="(\/r\/assets\/index-[\w-]+\.js)"/.exec(html)?.[1];
    expect(script, html).toBeDefined();
    expect(readdirSync(ASSETS)).toContain(script!.split("/").pop());

    const asset = await fetch(`${app.url}${script}`, { headers: { "accept-encoding": "gzip" } });
    expect(asset.status).toBe(200);
    expect(asset.headers.get("cache-control")).toBe("public, max-age=31536000, immutable");
    expect(asset.headers.get("content-encoding")).toBe("gzip");

    const data = await fetch(`${app.url}/api/guest/reception/hotel-miramar?lang=de`, { headers: { "accept-encoding": "gzip" } });
    expect(data.headers.get("cache-control")).toBe("no-cache");
    expect((await data.json()).language).toBe("de");

    // The link's own language wins over the browser's.
    const english = await fetch(`${app.url}/r/hotel-miramar?lang=en`, { headers: { "accept-language": "de" } });
    expect(english.headers.get("link")).toContain("?lang=en>");
  });

  it("answers an unknown link with the page and a 404, and a former one with a 301 that keeps the room", async () => {
    app = await startTestApp();
    const manager = await setUpManager(app);
    await manager.patch("/api/property", { slug: "miramar-rome" });
    const unknown = await fetch(`${app.url}/r/nowhere`);
    expect(unknown.status).toBe(404);
    expect(await unknown.text()).toContain('<div id="app">');
    expect(unknown.headers.get("link")).toBeNull();
    const former = await fetch(`${app.url}/r/hotel-miramar?t=Room%2012`, { redirect: "manual" });
    expect(former.status).toBe(301);
    expect(former.headers.get("location")).toBe("/r/miramar-rome?t=Room%2012");
    // The page's own files under /r/ are not links.
    expect((await fetch(`${app.url}/r/icon.svg`)).status).toBe(200);
  });
});
