// HTTPS on the LAN in Chromium: a browser that trusts the appliance's CA opens the admin
// page over HTTPS as a secure context (what kiosk calls and notifications need), signs in
// and sees the Secure connection panel; screenshots of the panel at three sizes.
import { X509Certificate, createHash } from "node:crypto";
import { chromium } from "playwright-core";
import { describe, expect, it } from "vitest";
import { en as t } from "../../admin-ui/src/messages/en/index.js";
import { setUpManager, startTestApp } from "../helpers/app.js";
import { CHROMIUM, VIEWPORTS, browserSuite, buildUi, screenshot, seriousAccessibilityProblems, signIn, type ViewportName } from "./browser-kit.js";

const suite = browserSuite({ name: "HTTPS on the LAN", tests: "HTTPS", build: () => buildUi("admin-ui"), timeout: 120_000 });

/** base64 SHA-256 of a certificate's public key (SubjectPublicKeyInfo): what Chromium pins. */
function spkiHash(pem: string): string {
  const der = new X509Certificate(pem).publicKey.export({ type: "spki", format: "der" });
  return createHash("sha256").update(der).digest("base64");
}

describe.skipIf(suite.skip)("HTTPS on the LAN", () => {
  it("opens the admin page over HTTPS as a secure context in a Chromium that trusts the CA", async () => {
    const app = suite.stopAfterTest(await startTestApp({ uiRoot: suite.uiRoot(), config: { https: { port: 0 } } }));
    await setUpManager(app);
    const ca = await (await fetch(`${app.url}/ca.crt`)).text();

    // Chromium on Linux keeps its trusted authorities in an NSS database; without certutil
    // here, the CA's key is pinned instead: certificate errors are waived for chains that
    // contain it, and only for those (another CA's certificate still fails).
    const browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync", `--ignore-certificate-errors-spki-list=${spkiHash(ca)}`],
    });
    suite.stopAfterTest({ stop: () => browser.close() });
    const context = await browser.newContext({ viewport: VIEWPORTS.desktop, locale: "en-GB" });
    const page = await context.newPage();
    const problems: string[] = [];
    page.on("pageerror", (error) => problems.push(error.message));

    const https = `https://127.0.0.1:${app.httpsPort}`;
    await signIn(page, https);
    expect(await page.evaluate(() => [window.isSecureContext, location.protocol])).toEqual([true, "https:"]);
    await page.goto(`${https}/admin/settings/secure-connection`);
    const panel = page.getByRole("region", { name: t.secure.heading });
    await panel.getByText(t.secure.on).waitFor();
    // Already on HTTPS: no link to it; the download is there.
    await expect(panel.getByRole("link", { name: t.secure.openHttps }).count()).resolves.toBe(0);
    const download = panel.getByRole("link", { name: t.secure.download });
    expect(await download.getAttribute("href")).toBe("/ca.crt");
    // The live socket (Messenger's) connects over HTTPS too.
    await page.goto(`${https}/admin/messenger`);
    await page.waitForFunction(() => performance.getEntriesByType("resource").some((entry) => entry.name.includes("/socket.io/")), undefined, { timeout: 10_000 });
    expect(problems).toEqual([]);

    // The same page in a Chromium that does not trust the CA: refused.
    const { page: untrusting } = await suite.open("desktop");
    await expect(untrusting.goto(`${https}/admin/`)).rejects.toThrow(/ERR_CERT_AUTHORITY_INVALID/);
  });

  it("shows the Secure connection panel with the download, the fingerprint, the names, the end and the install steps", async () => {
    const app = suite.stopAfterTest(await startTestApp({ uiRoot: suite.uiRoot(), config: { https: { port: 0 } } }));
    const manager = await setUpManager(app);
    const status = (await manager.get("/api/tls")).body;
    for (const viewport of Object.keys(VIEWPORTS) as ViewportName[]) {
      const { page, problems } = await suite.open(viewport);
      await signIn(page, app.url);
      await page.goto(`${app.url}/admin/settings/secure-connection`);
      const panel = page.getByRole("region", { name: t.secure.heading });
      await panel.getByText(status.caFingerprint).waitFor();
      await expect(panel.getByRole("link", { name: t.secure.openHttps }).getAttribute("href")).resolves.toBe(`https://127.0.0.1:${app.httpsPort}/admin/`);
      for (const name of ["localhost", "127.0.0.1"]) await expect(panel.getByText(name, { exact: true }).count()).resolves.toBe(1);
      // The page never scrolls sideways, whatever the width.
      expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
      // The README's picture: the window as a person first sees it.
      if (viewport === "desktop") await screenshot(page, "settings-secure-connection-window", viewport);
      await page.getByText("iPhone and iPad", { exact: true }).click();
      await page.getByText("Certificate Trust Settings").waitFor();
      expect(await seriousAccessibilityProblems(page)).toEqual([]);
      await screenshot(page, "settings-secure-connection", viewport, { fullPage: true });
      expect(problems()).toEqual([]);
    }
  });

  it("says how to turn HTTPS on when it is off", async () => {
    const app = await suite.startApp();
    await setUpManager(app);
    const { page } = await suite.open("phone");
    await signIn(page, app.url);
    await page.goto(`${app.url}/admin/settings/secure-connection`);
    await page.getByText(t.secure.off).waitFor();
    await expect(page.getByText("config.json").count()).resolves.toBeGreaterThan(0);
    await expect(page.getByRole("link", { name: t.secure.download }).count()).resolves.toBe(0);
  });
});
