// Renders public/icon.svg into the PNG icons the manifest and iOS need, with the
// system's Chromium. Run after changing the SVG and commit the PNGs:
//   node admin-ui/scripts/render-icons.mjs
import { readFile, writeFile } from "node:fs/promises";
import { chromium } from "playwright-core";

const publicDir = new URL("../public/", import.meta.url);
const svg = await readFile(new URL("icon.svg", publicDir), "utf8");
// Maskable and Apple icons are cut to shape by the system: fill the square and keep
// the bell inside the central safe zone (80 %).
const square = svg
  .replace('rx="112"', 'rx="0"')
  .replace(/<g /, '<g transform="translate(51.2 51.2) scale(0.8)" ')
  .replace(/<path d="M180/, '<path transform="translate(51.2 51.2) scale(0.8)" d="M180');

const targets = [
  { file: "icon-192.png", size: 192, source: svg, transparent: true },
  { file: "icon-512.png", size: 512, source: svg, transparent: true },
  { file: "icon-maskable-512.png", size: 512, source: square, transparent: false },
  { file: "apple-touch-icon.png", size: 180, source: square, transparent: false },
];

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
  args: ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking"],
});
try {
  const page = await browser.newPage({ deviceScaleFactor: 1 });
  for (const { file, size, source, transparent } of targets) {
    await page.setViewportSize({ width: size, height: size });
    const dataUrl = `data:image/svg+xml;base64,${Buffer.from(source).toString("base64")}`;
    await page.setContent(
      `<html><body style="margin:0;background:transparent"><img src="${dataUrl}" width="${size}" height="${size}"></body></html>`,
    );
    await page.locator("img").evaluate((img) => img.decode());
    const png = await page.screenshot({ omitBackground: transparent, clip: { x: 0, y: 0, width: size, height: size } });
    await writeFile(new URL(file, publicDir), png);
    console.log(`wrote ${file} (${size}×${size})`);
  }
} finally {
  await browser.close();
}
