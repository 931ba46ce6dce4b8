// A call from the lobby kiosk to the admin page in two headless Chromium windows with fake
// cameras and microphones: the kiosk taps Call reception, the admin page rings on every page,
// Accept, video frames flow both ways, Hang up from the staff side releases both.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { chromium, type Browser, type Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { en as t } from "../../admin-ui/src/messages/en/index.js";
import { CALL_WORDS } from "../../guest-ui/src/kiosk/call-words.js";
import { KIOSK_WORDS } from "../../guest-ui/src/kiosk/kiosk-words.js";
import { setUpManager, startTestApp, type TestApp } from "../helpers/app.js";
import { CHROMIUM, KIOSK_VIEWPORTS, VIEWPORTS, buildUi, chromiumAvailable, screenshot, seriousAccessibilityProblems, signIn } from "./browser-kit.js";

const words = CALL_WORDS.en!;

/** Frames the page's remote <video> has shown. */
const framesIn = (page: Page) =>
  page.getByTestId("remote-video").evaluate((video) => (video as HTMLVideoElement).getVideoPlaybackQuality().totalVideoFrames);

describe.skipIf(!chromiumAvailable())("kiosk call in Chromium", () => {
  let uiRoot: string;
  let browser: Browser;
  let app: TestApp | undefined;

  beforeAll(async () => {
    uiRoot = mkdtempSync(join(tmpdir(), "innbox-call-"));
    await buildUi("guest-ui", uiRoot);
    await buildUi("admin-ui", uiRoot);
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--use-fake-device-for-media-stream", "--use-fake-ui-for-media-stream", "--autoplay-policy=no-user-gesture-required"],
    });
  }, 180_000);
  afterAll(async () => {
    await app?.stop();
    await browser?.close();
    rmSync(uiRoot, { recursive: true, force: true });
  });

  for (const adminViewport of ["phone", "desktop"] as const) {
    it(`rings the admin page (${adminViewport}), Accept, video both ways, Hang up from the staff side`, async () => {
      await app?.stop();
      app = await startTestApp({ uiRoot });
      const manager = await setUpManager(app);
      const created = await manager.post("/api/kiosks", { name: "Lobby" });
      expect(created.status).toBe(201);

      const kioskContext = await browser.newContext({ viewport: KIOSK_VIEWPORTS.kioskLandscape, locale: "en-GB", permissions: ["camera", "microphone"] });
      const adminContext = await browser.newContext({ viewport: VIEWPORTS[adminViewport], locale: "en-GB", permissions: ["camera", "microphone"] });
      const errors: string[] = [];
      for (const context of [kioskContext, adminContext])
        context.on("page", (p) => p.on("pageerror", (e) => errors.push(e.message)));
      try {
        const kiosk = await kioskContext.newPage();
        const admin = await adminContext.newPage();
        await kiosk.goto(`${app.url}${created.body.pairingUrl}`);
        await kiosk.getByRole("button", { name: KIOSK_WORDS.en.callReception }).waitFor();
        await signIn(admin, app.url);
        // Any page rings: the Rooms page here.
        await admin.goto(`${app.url}/admin/rooms`);
        await admin.getByRole("button", { name: t.layout.signOut }).waitFor();

        await kiosk.getByRole("button", { name: KIOSK_WORDS.en.callReception }).click();
        await kiosk.getByText(words.calling).waitFor();
        const banner = admin.getByRole("alert").filter({ hasText: t.calls.ringing("Lobby") });
        await banner.waitFor({ timeout: 10_000 });
        await screenshot(kiosk, "kiosk-call-calling", "kioskLandscape");
        await screenshot(admin, "kiosk-call-ringing", adminViewport);
        expect(await seriousAccessibilityProblems(admin)).toEqual([]);
        expect(await seriousAccessibilityProblems(kiosk)).toEqual([]);

        await banner.getByRole("button", { name: t.calls.accept }).click();
        await kiosk.getByText(words.with("Mara Manager")).waitFor();
        await expect.poll(() => framesIn(kiosk), { timeout: 20_000 }).toBeGreaterThan(0);
        await expect.poll(() => framesIn(admin), { timeout: 20_000 }).toBeGreaterThan(0);
        await new Promise((r) => setTimeout(r, 1000));
        await screenshot(kiosk, "kiosk-call-talking", "kioskLandscape");
        await screenshot(admin, "kiosk-call-talking", adminViewport);
        expect(await seriousAccessibilityProblems(admin)).toEqual([]);
        expect(await seriousAccessibilityProblems(kiosk)).toEqual([]);

        await admin.getByRole("button", { name: t.calls.hangUp }).click();
        await kiosk.getByText(words.ended).waitFor();
        // Nothing holds the camera or microphone after the call.
        const live = await kiosk.evaluate(() => document.querySelectorAll("video").length);
        expect(live).toBe(0);
        const calls = (await manager.get("/api/calls")).body.calls;
        expect(calls).toEqual([expect.objectContaining({ kioskName: "Lobby", outcome: "answered", answeredBy: expect.objectContaining({ name: expect.any(String) }) })]);
        // The Kiosk page's call log shows it.
        await admin.goto(`${app.url}/admin/kiosk`);
        await admin.getByText(/^Answered by Mara Manager · \d+ s$/).waitFor();
        expect(errors).toEqual([]);
      } finally {
        await kioskContext.close().catch(() => undefined);
        await adminContext.close().catch(() => undefined);
      }
    }, 120_000);
  }
});
