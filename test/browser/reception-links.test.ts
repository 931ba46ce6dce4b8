// Property → Links and QR codes in headless Chromium: a manager types a room, sees its link
// and QR code (read back by zbarimg from what the page shows), copies the link, downloads
// the SVG, and after a new slug sees the new link. Screenshots at three sizes.
import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { en as t } from "../../admin-ui/src/messages/en/index.js";
import { setUpManager } from "../helpers/app.js";
import { VIEWPORTS, browserSuite, buildUi, screenshot, signIn, type ViewportName } from "./browser-kit.js";

const suite = browserSuite({ name: "links and QR codes", tests: "links and QR codes", build: () => buildUi("admin-ui"), timeout: 120_000 });
const { open, startApp } = suite;
const work = mkdtempSync(join(tmpdir(), "innbox-qr-page-"));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const zbar = (png: string) => execFileSync("zbarimg", ["--raw", "-q", png], { encoding: "utf8" }).replace(/\n$/, "");

describe.skipIf(suite.skip)("links and QR codes", () => {
  it("shows a room's link and QR code, copies the link and downloads the SVG", async () => {
    const app = await startApp();
    await setUpManager(app);
    const { page, context, problems } = await open("desktop", { permissions: ["clipboard-read", "clipboard-write"], acceptDownloads: true });
    await signIn(page, app.url);
    await page.goto(`${app.url}/admin/property`);
    const panel = page.locator("section.reception-links");
    await panel.getByRole("heading", { name: t.property.linksTitle }).waitFor();
    const link = panel.getByLabel(t.property.link);
    const tag = panel.getByLabel(t.property.tag);

    // Without a room: the plain link.
    await expect.poll(() => link.inputValue()).toBe(`${app.publicUrl}/r/hotel-miramar`);
    await tag.fill("Room 12");
    const room12 = `${app.publicUrl}/r/hotel-miramar?t=Room%2012`;
    await expect.poll(() => link.inputValue()).toBe(room12);
    const image = panel.getByRole("img", { name: t.property.qrAlt("Room 12") });
    await image.waitFor();
    await expect.poll(() => image.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth)).toBeGreaterThan(0);
    // What the page shows is the code of that link.
    await image.screenshot({ path: join(work, "shown.png") });
    expect(zbar(join(work, "shown.png"))).toBe(room12);

    await panel.getByRole("button", { name: t.property.copy }).click();
    await panel.getByText(t.property.copied).waitFor();
    await expect(page.evaluate(() => navigator.clipboard.readText())).resolves.toBe(room12);

    const [download] = await Promise.all([page.waitForEvent("download"), panel.getByRole("link", { name: t.property.downloadSvg }).click()]);
    expect(download.suggestedFilename()).toBe("innbox-qr-Room-12.svg");
    const svg = join(work, "download.svg");
    await download.saveAs(svg);
    execFileSync("rsvg-convert", ["--width", "600", "--background-color", "white", "--output", `${svg}.png`, svg]);
    expect(zbar(`${svg}.png`)).toBe(room12);
    expect(await panel.getByRole("link", { name: t.property.downloadPng }).getAttribute("href")).toBe("/api/reception/qr?tag=Room+12&format=png");

    // An odd room is refused in the page, in the form's words, before asking.
    await tag.fill("Room <12>");
    await panel.getByText(t.validation.tagCharacters(t.property.tag)).waitFor();
    await expect(panel.getByRole("button", { name: t.property.copy }).isDisabled()).resolves.toBe(true);
    await expect(link.inputValue()).resolves.toBe("");

    // A new slug: the same room's link follows it.
    await tag.fill("Suite #3");
    await expect.poll(() => link.inputValue()).toBe(`${app.publicUrl}/r/hotel-miramar?t=Suite%20%233`);
    await page.getByLabel(t.property.slug).fill("miramar-lisboa");
    await page.getByRole("button", { name: t.property.save }).click();
    await page.getByText(t.property.saved).waitFor();
    const suite3 = `${app.publicUrl}/r/miramar-lisboa?t=Suite%20%233`;
    await expect.poll(() => link.inputValue()).toBe(suite3);
    const suiteImage = panel.getByRole("img", { name: t.property.qrAlt("Suite #3") });
    await expect.poll(() => suiteImage.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth)).toBeGreaterThan(0);
    await suiteImage.screenshot({ path: join(work, "after-slug.png") });
    expect(zbar(join(work, "after-slug.png"))).toBe(suite3);
    expect(problems()).toEqual([]);
    await context.close();
  });

  it("looks right on a phone, a tablet and a desktop", async () => {
    const app = await startApp();
    await setUpManager(app);
    for (const viewport of Object.keys(VIEWPORTS) as ViewportName[]) {
      const { page, problems } = await open(viewport);
      await signIn(page, app.url);
      await page.goto(`${app.url}/admin/property`);
      const panel = page.locator("section.reception-links");
      await panel.getByLabel(t.property.tag).fill("Room 12");
      const image = panel.getByRole("img", { name: t.property.qrAlt("Room 12") });
      await expect.poll(() => image.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth)).toBeGreaterThan(0);
      // Nothing sticks out sideways.
      await expect(page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).resolves.toBe(true);
      await panel.scrollIntoViewIfNeeded();
      await screenshot(page, "property-links", viewport);
      await screenshot(page, "property-links-full", viewport, { fullPage: true });
      expect(problems()).toEqual([]);
    }
  });
});
