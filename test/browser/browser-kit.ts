// What the browser tests share: fresh builds of the pages in a temp folder (so a test run
// never races `npm run build` writing admin-ui/dist or guest-ui/dist), the real app serving
// them, headless Chromium, and each suite's set-up and clean-up around its tests.
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { chromium, type Browser, type BrowserContext, type BrowserContextOptions, type Page } from "playwright-core";
import { build } from "vite";
import { afterAll, afterEach, beforeAll, describe, it } from "vitest";
import { en as t } from "../../admin-ui/src/messages/en/index.js";
import { MANAGER, startTestApp, type TestApp } from "../helpers/app.js";

export const ROOT = join(import.meta.dirname, "..", "..");
export const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
export const SCREENSHOTS = join(ROOT, "test-artifacts", "screenshots");

export const VIEWPORTS = {
  phone: { width: 390, height: 844 },
  tablet: { width: 820, height: 1180 },
  desktop: { width: 1440, height: 900 },
} as const;
export type ViewportName = keyof typeof VIEWPORTS;

/** The lobby kiosk's tablets, on the counter either way round (kiosk tests only). */
export const KIOSK_VIEWPORTS = {
  kioskLandscape: { width: 1280, height: 800 },
  kioskPortrait: { width: 800, height: 1280 },
} as const;
export type KioskViewportName = keyof typeof KIOSK_VIEWPORTS;

/** Refusals (401 when nobody is signed in, 400/409 the page shows): Chromium logs each as "Failed to load resource … status of 4xx". */
export const REFUSAL_NOISE = /Failed to load resource.*status of 4\d\d/;
/** What a lost connection makes Chromium log. */
export const OFFLINE_NOISE = /ERR_INTERNET_DISCONNECTED|ERR_NETWORK_CHANGED|ERR_CONNECTION_REFUSED|WebSocket connection to .* failed/;

/** Builds admin-ui or guest-ui into `<uiRoot>/<ui>/dist` (a new temp folder unless given); returns `<uiRoot>` for the app. */
export async function buildUi(ui: "admin-ui" | "guest-ui", uiRoot = mkdtempSync(join(tmpdir(), `innbox-${ui}-`))): Promise<string> {
  await build({
    configFile: join(ROOT, ui, "vite.config.ts"),
    logLevel: "warn",
    build: { outDir: join(uiRoot, ui, "dist"), sourcemap: false },
  });
  return uiRoot;
}

/** The real app on a temp SQLite file, serving the pages built by buildUi. */
export function startAppWithUi(uiRoot: string): Promise<TestApp> {
  return startTestApp({ uiRoot });
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

interface OpenOptions {
  /** More for the context: a locale, a timezone, a storage state… */
  options?: BrowserContextOptions;
  /** Console errors that are expected here, not problems. */
  noise?: readonly RegExp[];
}

/**
 * A browser context whose pages record console errors, page errors and CSP
 * violations; `problems()` lists them so a test can require there were none.
 */
export async function openContext(browser: Browser, viewport: ViewportName = "desktop", { options = {}, noise = [REFUSAL_NOISE] }: OpenOptions = {}) {
  const context = await browser.newContext({ viewport: VIEWPORTS[viewport], locale: "en-GB", timezoneId: "Europe/Lisbon", ...options });
  const problems: string[] = [];
  const watch = (page: Page) => {
    page.on("console", (message) => {
      const text = message.text();
      if (message.type() === "error" && !noise.some((expected) => expected.test(text))) problems.push(text);
    });
    page.on("pageerror", (error) => problems.push(error.message));
  };
  context.on("page", watch);
  const page = await context.newPage();
  return { context, page, problems: () => [...problems] };
}

interface SuiteOptions {
  /** The describe block's name (with " in Chromium"), and what its tests are, for when Chromium is missing. */
  name: string;
  tests: string;
  /** Builds the pages the tests open; returns the folder for the app's uiRoot. */
  build: () => Promise<string>;
  /** How long building and launching Chromium may take. */
  timeout: number;
  /** Console errors these tests expect (see openContext). */
  noise?: readonly RegExp[];
}

/**
 * A test file's browser: builds the pages and launches Chromium before its tests and
 * closes it after them; after each test, closes the contexts it opened and stops the
 * apps it started. Without Chromium it registers nothing: the tests are to be skipped
 * (`skip`) with a warning, and on CI a test fails to say what is missing.
 */
export function browserSuite({ name, tests, build: buildPages, timeout, noise }: SuiteOptions) {
  const skip = !chromiumAvailable();
  let uiRoot: string | undefined;
  let browser: Browser | undefined;
  const contexts: BrowserContext[] = [];
  const running: Array<{ stop(): Promise<void> }> = [];

  if (skip && process.env.CI === "true") {
    describe(`${name} in Chromium`, () => {
      it("has Chromium to run in", () => {
        throw new Error(`No Chromium at ${CHROMIUM}: install the chromium package (or set CHROMIUM_PATH).`);
      });
    });
  } else if (skip) {
    console.warn(`Skipping the ${tests} browser tests: no Chromium at ${CHROMIUM} (install it or set CHROMIUM_PATH).`);
  } else {
    beforeAll(async () => {
      uiRoot = await buildPages();
      browser = await launchChromium();
    }, timeout);

    afterAll(async () => {
      await browser?.close();
      if (uiRoot) rmSync(uiRoot, { recursive: true, force: true });
    });

    afterEach(async () => {
      for (const context of contexts.splice(0)) await closeContext(context);
      for (const started of running.splice(0)) await started.stop();
    });
  }

  /** Stopped once the test is over. */
  const stopAfterTest = <T extends { stop(): Promise<void> }>(started: T): T => {
    running.push(started);
    return started;
  };

  return {
    skip,
    /** The folder the pages were built into. */
    uiRoot: () => uiRoot!,
    stopAfterTest,
    /** The real app serving the built pages, stopped after the test. */
    startApp: async () => stopAfterTest(await startAppWithUi(uiRoot!)),
    /** A fresh context and page (see openContext), closed after the test. */
    open: async (viewport: ViewportName = "desktop", options: BrowserContextOptions = {}) => {
      const opened = await openContext(browser!, viewport, { options, noise });
      contexts.push(opened.context);
      return opened;
    },
  };
}

/** Signs in on the admin page, by default as the manager, and waits for the signed-in screen. */
export async function signIn(page: Page, url: string, username = MANAGER.username, password = MANAGER.password) {
  await page.goto(`${url}/admin/login`);
  await page.getByLabel(t.login.username).fill(username);
  await page.getByLabel(t.login.password).fill(password);
  await page.getByRole("button", { name: t.login.submit }).click();
  await page.getByRole("button", { name: t.layout.signOut }).waitFor();
}

/** The admin page's section navigation. */
export function navigation(page: Page) {
  return page.getByRole("navigation", { name: t.layout.navLabel });
}

/** Saves `<name>-<viewport>.png` in test-artifacts/screenshots/ (`fullPage`: the whole page, not just the window). */
export async function screenshot(page: Page, name: string, viewport: ViewportName | KioskViewportName, { fullPage = false } = {}): Promise<string> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  const path = join(SCREENSHOTS, `${name}-${viewport}.png`);
  // Let fonts and images (the brand icon) arrive so screenshots are stable.
  await page.evaluate(async () => {
    await document.fonts.ready;
    await Promise.all(Array.from(document.images).map((image) => image.decode().catch(() => undefined)));
  });
  await page.screenshot({ path, fullPage });
  return path;
}

export async function closeContext(context: BrowserContext): Promise<void> {
  await context.close().catch(() => undefined);
}

/** axe-core's findings on the page as it is now, at "serious" and "critical" impact (WCAG 2.x A and AA rules). */
export async function seriousAccessibilityProblems(page: Page): Promise<string[]> {
  const source = readFileSync(join(ROOT, "node_modules", "axe-core", "axe.min.js"), "utf8");
  // Run through the debugging protocol, so the page's own CSP (no inline script) stays as it is.
  await page.evaluate(source);
  const violations = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (context: Document, options: unknown) => Promise<{ violations: Array<{ id: string; impact: string; help: string; nodes: Array<{ target: string[] }> }> }> } }).axe;
    const result = await axe.run(document, { runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] } });
    return result.violations;
  });
  return violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map((v) => `${v.id} (${v.impact}): ${v.help} at ${v.nodes.map((n) => n.target.join(" ")).slice(0, 3).join(", ")}`);
}
