// What the admin-page browser tests share: a fresh build of the admin page in a temp
// folder (so a test run never races `npm run build` writing admin-ui/dist), the real app
// serving it, and headless Chromium.
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { chromium, type Browser, type BrowserContext, type Page } from "playwright-core";
import pino from "pino";
import { build } from "vite";
import { createApp } from "../../appliance/src/app.js";
import { parseConfig } from "../../appliance/src/config/index.js";
import type { TestApp } from "../helpers/app.js";

export const ROOT = join(import.meta.dirname, "..", "..");
export const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
export const SCREENSHOTS = join(ROOT, "test-artifacts", "screenshots");

export const VIEWPORTS = {
  phone: { width: 390, height: 844 },
  tablet: { width: 820, height: 1180 },
  desktop: { width: 1440, height: 900 },
} as const;
export type ViewportName = keyof typeof VIEWPORTS;

/** Builds admin-ui into `<dir>/admin-ui/dist`; returns `<dir>` for the app's uiRoot. */
export async function buildAdminUi(): Promise<string> {
  const uiRoot = mkdtempSync(join(tmpdir(), "innbox-admin-ui-"));
  await build({
    configFile: join(ROOT, "admin-ui", "vite.config.ts"),
    logLevel: "warn",
    build: { outDir: join(uiRoot, "admin-ui", "dist"), sourcemap: false },
  });
  return uiRoot;
}

/** The real app on a temp SQLite file, serving the admin page built by buildAdminUi. */
export async function startAppWithUi(uiRoot: string): Promise<TestApp> {
  const dataDir = mkdtempSync(join(tmpdir(), "innbox-browser-"));
  const config = parseConfig({ port: 0, host: "127.0.0.1", dataDir, logLevel: "silent" });
  const app = createApp(config, {
    log: pino({ level: process.env.TEST_LOG_LEVEL ?? "silent" }),
    sleep: async () => undefined,
    uiRoot,
  });
  const running = await app.start();
  return {
    ...running,
    url: `http://127.0.0.1:${running.port}`,
    dataDir,
    setupToken: () => readFileSync(join(dataDir, "setup-token"), "utf8").trim(),
    async stop() {
      await app.stop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
  });
}

export function chromiumAvailable(): boolean {
  return existsSync(CHROMIUM);
}

/**
 * A browser context whose pages record console errors, page errors and CSP
 * violations; `problems()` lists them so a test can require there were none.
 */
export async function openContext(browser: Browser, viewport: ViewportName = "desktop") {
  const context = await browser.newContext({ viewport: VIEWPORTS[viewport], locale: "en-GB", timezoneId: "Europe/Lisbon" });
  const problems: string[] = [];
  const watch = (page: Page) => {
    page.on("console", (message) => {
      // Refusals (401 when nobody is signed in, 400/409 the page shows) are expected;
      // Chromium logs each one as "Failed to load resource … status of 4xx".
      if (message.type() === "error" && !/Failed to load resource.*status of 4\d\d/.test(message.text())) {
        problems.push(message.text());
      }
    });
    page.on("pageerror", (error) => problems.push(error.message));
  };
  context.on("page", watch);
  const page = await context.newPage();
  return { context, page, problems: () => [...problems] };
}

export async function screenshot(page: Page, name: string, viewport: ViewportName): Promise<string> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  const path = join(SCREENSHOTS, `${name}-${viewport}.png`);
  // Let fonts and images (the brand icon) arrive so screenshots are stable.
  await page.evaluate(async () => {
    await document.fonts.ready;
    await Promise.all(Array.from(document.images).map((image) => image.decode().catch(() => undefined)));
  });
  await page.screenshot({ path });
  return path;
}

export async function closeContext(context: BrowserContext): Promise<void> {
  await context.close().catch(() => undefined);
}
