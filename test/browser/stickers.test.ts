// Property → Stickers and plates in headless Chromium: a manager lists rooms, designs the
// plate, uploads a logo (and sees a refusal in words), and downloads the PDF and the PNG;
// the codes in the downloads, in the preview and in the browser's print are read back by
// zbarimg. Screenshots at three sizes.
import { execFileSync } from "node:child_process";
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { en as t } from "../../admin-ui/src/messages/en/index.js";
import { setUpManager } from "../helpers/app.js";
import { VIEWPORTS, browserSuite, buildUi, screenshot, signIn, type ViewportName } from "./browser-kit.js";

const suite = browserSuite({ name: "stickers and plates", tests: "stickers and plates", build: () => buildUi("admin-ui"), timeout: 120_000 });
const { open, startApp } = suite;
const work = mkdtempSync(join(tmpdir(), "innbox-stickers-page-"));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** Every code zbarimg reads in a PNG, sorted. */
function codesIn(png: string): string[] {
  try {
    return execFileSync("zbarimg", ["--raw", "-q", "-Sdisable", "-Sqrcode.enable", png], { encoding: "utf8" }).split("\n").filter(Boolean).sort();
  } catch {
    return [];
  }
}

/** Every code on every page of a PDF, drawn at 150 dpi. */
function codesInPdf(pdf: string): string[][] {
  const prefix = `${pdf}-page`;
  execFileSync("pdftoppm", ["-r", "150", "-png", pdf, prefix]);
  const dir = join(pdf, "..");
  const base = prefix.split("/").pop()!;
  return readdirSync(dir)
    .filter((f) => f.startsWith(base) && f.endsWith(".png"))
    .sort()
    .map((f) => codesIn(join(dir, f)));
}

const LOGO = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 120 40"><rect width="120" height="40" rx="6" fill="#0b6e4f"/><circle cx="20" cy="20" r="12" fill="#f4d35e"/><path d="M40 12h70v6H40zM40 24h50v5H40z" fill="#fff"/></svg>`;

describe.skipIf(suite.skip)("stickers and plates", () => {
  it("designs door plates for a series of rooms, and the PDF, PNG, preview and print all carry each room's code", async () => {
    const app = await startApp();
    await setUpManager(app);
    const { page, problems } = await open("desktop", { acceptDownloads: true });
    await signIn(page, app.url);
    await page.goto(`${app.url}/admin/property`);
    await page.getByRole("link", { name: t.stickers.openEditor }).click();
    await page.getByRole("heading", { name: t.stickers.title, level: 1 }).waitFor();

    // A numbered series, then a room with letters of other scripts.
    await page.getByLabel(t.stickers.fillPrefix).fill("Room");
    await page.getByLabel(t.stickers.fillFrom).fill("101");
    await page.getByLabel(t.stickers.fillTo).fill("103");
    await page.getByRole("button", { name: t.stickers.fillAdd }).click();
    const tags = page.getByLabel(t.stickers.tags);
    await expect.poll(() => tags.inputValue()).toBe("Room 101\nRoom 102\nRoom 103");
    await tags.fill("Room 101\nRoom 102\nRoom 103\nZimmer Ö 4");
    await page.getByLabel(t.stickers.heading, { exact: true }).fill("Hotel Miramar");

    // Bad input is named beside its field, and nothing can be exported meanwhile.
    await page.getByRole("textbox", { name: t.stickers.accentColor, exact: true }).fill("#12345");
    await page.getByText(t.stickers.colourShape(t.stickers.accentColor)).waitFor();
    await expect(page.getByRole("button", { name: t.stickers.downloadPdf }).isDisabled()).resolves.toBe(true);
    await page.getByRole("textbox", { name: t.stickers.accentColor, exact: true }).fill("#9c2c2c");
    await tags.fill("Room 101\nRoom 102\nRoom 103\nZimmer Ö 4\nRoom <5>");
    await page.getByText(t.stickers.tagLine(5, t.validation.tagCharacters(t.stickers.tagLabel))).waitFor();
    await tags.fill("Room 101\nRoom 102\nRoom 103\nZimmer Ö 4");

    // A logo that is not an image is refused in the appliance's words; an SVG one is kept.
    const notImage = join(work, "notes.png");
    writeFileSync(notImage, "this is not a picture");
    await page.locator("input[type=file]").setInputFiles(notImage);
    await page.getByText("This file is not a PNG, JPEG or SVG image", { exact: false }).waitFor();
    const logo = join(work, "logo.svg");
    writeFileSync(logo, LOGO.replace("<rect", '<script>alert(1)</script><rect onload="alert(2)"'));
    await page.locator("input[type=file]").setInputFiles(logo);
    await page.getByText(t.stickers.logoCleaned).waitFor();
    await page.getByRole("img", { name: t.stickers.logoAlt }).waitFor();

    // The preview: page 1 of 4, its code is Room 101's.
    const room = (tag: string) => `${app.publicUrl}/r/hotel-miramar?t=${encodeURIComponent(tag)}`;
    const preview = page.getByRole("img", { name: t.stickers.previewLabel(t.stickers.templates["door-plate"]!.name, 1, 4) });
    await preview.waitFor();
    await expect.poll(() => preview.locator("image").count()).toBe(1);
    await preview.screenshot({ path: join(work, "preview.png") });
    await page.evaluate(() => window.scrollTo(0, 0));
    await screenshot(page, "stickers-editor", "desktop");
    expect(codesIn(join(work, "preview.png"))).toEqual([room("Room 101")]);

    // The PDF has every room.
    const [pdfDownload] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: t.stickers.downloadPdf }).click()]);
    expect(pdfDownload.suggestedFilename()).toBe("innbox-door-plate-4.pdf");
    const pdf = join(work, "plates.pdf");
    await pdfDownload.saveAs(pdf);
    expect(codesInPdf(pdf)).toEqual(["Room 101", "Room 102", "Room 103", "Zimmer Ö 4"].map((tag) => [room(tag)]));

    // The PNG is the page shown, at 300 dpi.
    await page.getByRole("button", { name: t.stickers.nextPage }).click();
    await page.getByText(t.stickers.pageOf(2, 4)).waitFor();
    const [pngDownload] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: t.stickers.downloadPng }).click()]);
    expect(pngDownload.suggestedFilename()).toBe("innbox-door-plate-Room-102.png");
    const png = join(work, "plate.png");
    await pngDownload.saveAs(png);
    const size = execFileSync("file", [png], { encoding: "utf8" });
    expect(size).toMatch(/1748 x 1240/);
    expect(codesIn(png)).toEqual([room("Room 102")]);

    // Print: every page alone at its paper size; what Chromium prints carries each code.
    await page.evaluate(() => {
      (window as unknown as { printed: number }).printed = 0;
      window.print = () => {
        (window as unknown as { printed: number }).printed++;
      };
    });
    await page.getByRole("button", { name: t.stickers.print }).click();
    await expect.poll(() => page.evaluate(() => (window as unknown as { printed: number }).printed)).toBe(1);
    await page.emulateMedia({ media: "print" });
    const printed = join(work, "printed.pdf");
    writeFileSync(printed, await page.pdf({ preferCSSPageSize: true, printBackground: true }));
    const info = execFileSync("pdfinfo", [printed], { encoding: "utf8" });
    expect(info).toMatch(/^Pages:\s+4$/m);
    // A6 landscape, 148 × 105 mm (419.5 × 297.6 pt); Chromium rounds to whole CSS pixels.
    const [, width, height] = /Page size:\s+([\d.]+) x ([\d.]+) pts/.exec(info)!;
    expect(Math.abs(Number(width) - 419.5)).toBeLessThan(1);
    expect(Math.abs(Number(height) - 297.6)).toBeLessThan(1);
    expect(codesInPdf(printed)).toEqual(["Room 101", "Room 102", "Room 103", "Zimmer Ö 4"].map((tag) => [room(tag)]));
    await page.emulateMedia({ media: "screen" });

    // The design is remembered.
    await page.getByRole("button", { name: t.stickers.save }).click();
    await page.getByText(t.stickers.saved).waitFor();
    await page.reload();
    await expect.poll(() => page.getByLabel(t.stickers.tags).inputValue()).toBe("Room 101\nRoom 102\nRoom 103\nZimmer Ö 4");
    await expect(page.getByRole("textbox", { name: t.stickers.accentColor, exact: true }).inputValue()).resolves.toBe("#9c2c2c");
    expect(problems()).toEqual([]);
  });

  it("looks right on a phone, a tablet and a desktop, for each template", async () => {
    const app = await startApp();
    const manager = await setUpManager(app);
    await manager.request("PUT", "/api/reception/stickers/design", {
      template: "table-tent",
      heading: "Hotel Miramar",
      text: "Scan to chat with reception, see the weather and places nearby.",
      textColor: "#1f2933",
      backgroundColor: "#fdf8ef",
      accentColor: "#9c2c2c",
      withLogo: true,
      tags: ["Room 101", "Room 102", "Suite #3", "客房 8"],
    });
    for (const viewport of Object.keys(VIEWPORTS) as ViewportName[]) {
      const { page, problems } = await open(viewport);
      await signIn(page, app.url);
      await page.goto(`${app.url}/admin/property/stickers`);
      for (const template of ["table-tent", "stickers", "door-plate"] as const) {
        const name = t.stickers.templates[template]!.name;
        await page.getByRole("radio", { name: new RegExp(`^${name}`) }).check();
        const preview = page.getByRole("img", { name: new RegExp(`^${name}, page 1 of`) });
        await preview.waitFor();
        await expect(page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).resolves.toBe(true);
        if (template === "door-plate" || viewport === "desktop") {
          await preview.scrollIntoViewIfNeeded();
          await screenshot(page, `stickers-${template}`, viewport);
        }
      }
      await screenshot(page, "stickers-full", viewport, { fullPage: true });
      expect(problems()).toEqual([]);
    }
  });
});
