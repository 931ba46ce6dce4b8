#!/usr/bin/env node
// Kiosk benchmark: the lobby kiosk page and a call to the admin page, on a fresh appliance
// started as a child process, with Debian's Chromium (fake camera and microphone).
// `npm run bench:kiosk` builds first; run directly with `node scripts/bench-kiosk.mjs [--calls N]`.
//
// Measured:
//   - page weight: /kiosk and every script, style sheet and font it loads, as the appliance
//     sends them (gzip), without the API answers;
//   - tap to ringing: from the tap on "Call reception" on the kiosk to the ringing banner in
//     the admin page (both read the same machine clock in the pages);
//   - accept to media: from Accept in the admin page to the first decoded video frame on
//     each side (kiosk and admin), over loopback.
import http from "node:http";
import { existsSync } from "node:fs";
import { chromium } from "playwright-core";
import { fmt, loadAverage, machineSummary, makeFail, parseCommandLine, requireBuiltAppliance, sleep, startManagedAppliance, verdict, wholeOption } from "./bench-kit.mjs";

const TARGET_PAGE_KB = 150;
const TARGET_RING_MS = 500;
const TARGET_MEDIA_MS = 2000;
const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

const usage = `Usage: node scripts/bench-kiosk.mjs [--calls N]

Starts a fresh appliance, pairs a kiosk page in Chromium, signs a manager in on the admin
page, and makes --calls calls (default 5): tap to ringing (target <= ${TARGET_RING_MS} ms) and Accept
to the first decoded video frame on both sides (target <= ${TARGET_MEDIA_MS} ms). Also the kiosk page's
weight over the wire (target <= ${TARGET_PAGE_KB} KB).`;

const fail = makeFail("bench-kiosk");
const values = parseCommandLine({ calls: { type: "string", default: "5" } }, usage, fail);
const calls = wholeOption(values, "calls", 1, 50, fail);
requireBuiltAppliance(fail, "bench:kiosk");
if (!existsSync(CHROMIUM)) fail(`Chromium was not found at ${CHROMIUM} (install Debian's chromium package, or set CHROMIUM_PATH).`);

/** Bytes of a response as sent with gzip accepted. */
function wireBytes(port, urlPath) {
  return new Promise((resolve, reject) => {
    const req = http.get({ host: "127.0.0.1", port, path: urlPath, headers: { "accept-encoding": "gzip" } }, (res) => {
      let bytes = 0;
      res.on("data", (chunk) => (bytes += chunk.length));
      res.on("end", () => (res.statusCode === 200 ? resolve({ bytes }) : reject(new Error(`${urlPath}: ${res.statusCode}`))));
    });
    req.on("error", reject);
  });
}

const median = (list) => [...list].sort((a, b) => a - b)[Math.floor(list.length / 2)];

async function main() {
  const appliance = await startManagedAppliance("bench-kiosk", fail);
  const { port, cookie } = appliance;
  const api = async (method, urlPath, body) => (await appliance.api(method, urlPath, body)).body;
  let browser;
  try {
    const base = `http://127.0.0.1:${port}`;
    await api("PUT", "/api/kiosk-settings", { wifi: { ssid: "Miramar Guests", password: "sea view 2026", security: "WPA" }, phone: "+351 21 000 0000", emergencyText: { en: "Fire, police, ambulance: 112." } });
    const kiosk = await api("POST", "/api/kiosks", { name: "Lobby" });

    // Page weight: the HTML and what it links, as sent.
    const html = await new Promise((resolve, reject) => http.get(`${base}/kiosk`, (res) => {
      let text = "";
      res.setEncoding("utf8");
      res.on("data", (c) => (text += c));
      res.on("end", () => resolve(text));
    }).on("error", reject));
    const assets = [...html.matchAll(/(?:src|href)="(\/[^"]+\.(?:js|css|woff2?|ttf|svg|png|webmanifest))"/g)].map((m) => m[1]);
    let pageBytes = (await wireBytes(port, "/kiosk")).bytes;
    for (const asset of new Set(assets)) pageBytes += (await wireBytes(port, asset)).bytes;

    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--use-fake-device-for-media-stream", "--use-fake-ui-for-media-stream", "--autoplay-policy=no-user-gesture-required"],
    });
    const kioskContext = await browser.newContext({ viewport: { width: 1280, height: 800 }, permissions: ["camera", "microphone"] });
    const adminContext = await browser.newContext({ viewport: { width: 1440, height: 900 }, permissions: ["camera", "microphone"] });
    const [name, value] = cookie.split("=");
    await adminContext.addCookies([{ name, value, url: base }]);
    const kioskPage = await kioskContext.newPage();
    const admin = await adminContext.newPage();
    await kioskPage.goto(`${base}${kiosk.pairingUrl}`);
    const callButton = kioskPage.getByRole("button", { name: "Call reception" });
    await callButton.waitFor({ timeout: 30_000 });
    await admin.goto(`${base}/admin/rooms`);
    await admin.getByRole("button", { name: "Sign out" }).waitFor({ timeout: 30_000 });
    // Pages and their sockets settle before the first call (a busy machine takes a while).
    await sleep(3000);

    const ring = [];
    const kioskMedia = [];
    const adminMedia = [];
    for (let i = 0; i < calls; i++) {
      await admin.evaluate(() => {
        window.__ringAt = 0;
        const seen = () => [...document.querySelectorAll("[role=alert]")].some((el) => el.textContent?.includes("is calling"));
        const observer = new MutationObserver(() => {
          if (!window.__ringAt && seen()) {
            window.__ringAt = Date.now();
            observer.disconnect();
          }
        });
        observer.observe(document.body, { subtree: true, childList: true, characterData: true });
      });
      const firstFrameWatch = () => {
        window.__frameAt = 0;
        const timer = setInterval(() => {
          const video = document.querySelector("[data-testid=remote-video]");
          if (video && video.getVideoPlaybackQuality().totalVideoFrames > 0) {
            window.__frameAt = Date.now();
            clearInterval(timer);
          }
        }, 5);
      };
      const tapAt = await kioskPage.evaluate(() => {
        const button = [...document.querySelectorAll("button")].find((b) => b.textContent?.includes("Call reception"));
        const at = Date.now();
        button.click();
        return at;
      });
      const banner = admin.getByRole("alert").filter({ hasText: "is calling" });
      await banner.waitFor({ timeout: 10_000 }).catch(async (err) => {
        if (process.env.BENCH_DEBUG) {
          await kioskPage.screenshot({ path: "/tmp/bench-kiosk-kiosk.png" });
          await admin.screenshot({ path: "/tmp/bench-kiosk-admin.png" });
        }
        throw err;
      });
      const ringAt = await admin.evaluate(() => window.__ringAt);
      ring.push(ringAt - tapAt);
      await kioskPage.evaluate(firstFrameWatch);
      await admin.evaluate(firstFrameWatch);
      const accept = banner.getByRole("button", { name: "Accept" });
      const acceptAt = await accept.evaluate((button) => {
        const at = Date.now();
        button.click();
        return at;
      });
      for (const [page, list, who] of [[kioskPage, kioskMedia, "kiosk"], [admin, adminMedia, "admin page"]]) {
        const started = performance.now();
        let at = 0;
        while (!(at = await page.evaluate(() => window.__frameAt))) {
          if (performance.now() - started > 20_000) fail(`no video frame on the ${who} within 20 s of Accept (call ${i + 1})`);
          await sleep(20);
        }
        list.push(at - acceptAt);
      }
      await admin.getByRole("button", { name: "Hang up" }).click();
      // The kiosk says the call ended; Close takes it back to the idle screen.
      await kioskPage.getByText("The call ended.").waitFor({ timeout: 30_000 });
      await kioskPage.getByRole("button", { name: "Close" }).click();
      await sleep(1000);
    }

    const worst = (list) => Math.max(...list);
    const logged = await api("GET", "/api/calls");
    console.log("");
    console.log(`machine: ${machineSummary()}, load ${loadAverage()}`);
    console.log(`kiosk page weight (HTML, ${new Set(assets).size} linked files, gzip as sent): ${fmt(pageBytes / 1024, 1)} KB (target <= ${TARGET_PAGE_KB} KB) ${verdict(pageBytes / 1024 <= TARGET_PAGE_KB)}`);
    console.log(`tap to ringing (${ring.length} calls): median ${fmt(median(ring), 0)} ms, worst ${fmt(worst(ring), 0)} ms (target <= ${TARGET_RING_MS} ms) ${verdict(worst(ring) <= TARGET_RING_MS)}`);
    console.log(
      `accept to first decoded frame: kiosk median ${fmt(median(kioskMedia), 0)} ms, worst ${fmt(worst(kioskMedia), 0)} ms; admin page median ${fmt(median(adminMedia), 0)} ms, worst ${fmt(worst(adminMedia), 0)} ms (target <= ${TARGET_MEDIA_MS} ms) ${verdict(Math.max(worst(kioskMedia), worst(adminMedia)) <= TARGET_MEDIA_MS)}`,
    );
    console.log(`call log: ${logged.calls.length} calls, ${logged.calls.filter((c) => c.outcome === "answered").length} answered`);
  } finally {
    await browser?.close().catch(() => undefined);
    await appliance.stop();
  }
}

main().catch((error) => fail(error instanceof Error ? (error.stack ?? error.message) : String(error)));
