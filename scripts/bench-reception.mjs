#!/usr/bin/env node
// Reception benchmark: what a guest's phone downloads on the first visit of /r/<slug> and
// how soon it shows the title and the chat, under Chromium's mid-range-phone throttling.
// `npm run bench:reception` builds first; run directly with
// `node scripts/bench-reception.mjs [--runs N]`.
//
// The built appliance runs on 127.0.0.1 with a fresh data folder, a designed reception
// (every block shown, texts in two languages, twelve places, a location), a forecast from
// a local server in Open-Meteo's format and map tiles from a local tile server. Each run is
// a new browser context with an empty cache, on Lighthouse's mobile profile: 150 ms round
// trip, 1.6 Mbit/s down, 750 kbit/s up, the CPU slowed 4×, a 390×844 screen.
//
// Bytes: every response of the load (document, scripts, styles, data, icons) as it came
// over the wire (compressed, with headers), until the page is quiet; map tiles are counted
// apart, and the map's own code only loads when the guest scrolls to it.
// Time: from navigation start until the title (h1) and the chat's message box are on screen.
import { writeFileSync } from "node:fs";
import path from "node:path";
import { chromium } from "playwright-core";
import {
  applianceEnv,
  cleanUpOnExit,
  fmt,
  freePort,
  listenLoopback,
  machineSummary,
  mainJs,
  makeFail,
  makeTempDir,
  parseCommandLine,
  removeTempDir,
  requestJson,
  requireBuiltAppliance,
  spawnNode,
  verdict,
  waitForHealth,
  wholeOption,
} from "./bench-kit.mjs";

const TARGET_KB = 120;
const TARGET_MS = 1500;
const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
const PASSWORD = "bench password 1";
const ROME = { latitude: 41.9028, longitude: 12.4964, timezone: "Europe/Rome" };

const usage = `Usage: node scripts/bench-reception.mjs [--runs N]

Loads /r/<slug> N times (default 5) in headless Chromium with an empty cache under
mobile throttling (150 ms RTT, 1.6 Mbit/s down, 750 kbit/s up, CPU 4x slower) and
reports the bytes transferred (compressed, without map tiles) and the time until the
title and the chat show; each run and the median.
Targets: at most ${TARGET_KB} KB, at most ${TARGET_MS} ms.`;

const fail = makeFail("bench-reception");
const values = parseCommandLine({ runs: { type: "string", default: "5" } }, usage, fail);
const runs = wholeOption(values, "runs", 1, 50, fail);
requireBuiltAppliance(fail, "bench:reception");

// --- a forecast server in Open-Meteo's format, and a tile server ---------------------------

function forecast(url) {
  const q = url.searchParams;
  const now = Math.floor(Date.now() / 3600_000) * 3600;
  const start = now - (now % 86400) - 7200;
  const hours = Array.from({ length: 168 }, (_, i) => start + i * 3600);
  const days = Array.from({ length: 7 }, (_, i) => start + i * 86400);
  const codes = [0, 1, 2, 3, 45, 61, 80, 95];
  const temp = (t) => Math.round((16 + 6 * Math.sin(((t / 3600) % 24 - 9) / 24 * 2 * Math.PI)) * 10) / 10;
  return {
    latitude: Number(q.get("latitude")),
    longitude: Number(q.get("longitude")),
    timezone: q.get("timezone"),
    utc_offset_seconds: 3600,
    current: { time: now, temperature_2m: temp(now), weather_code: 2, cloud_cover: 40, precipitation: 0, wind_speed_10m: 9.4, is_day: 1 },
    hourly: {
      time: hours,
      temperature_2m: hours.map(temp),
      weather_code: hours.map((t) => codes[Math.floor(t / 10800) % codes.length]),
      precipitation_probability: hours.map((t) => (Math.floor(t / 10800) * 23) % 101),
      cloud_cover: hours.map((t) => (Math.floor(t / 10800) * 37) % 101),
    },
    daily: {
      time: days,
      weather_code: days.map((_, i) => codes[i % codes.length]),
      temperature_2m_max: days.map((_, i) => 21 + (i % 4)),
      temperature_2m_min: days.map((_, i) => 11 + (i % 3)),
      precipitation_sum: days.map((_, i) => (i % 3) * 1.2),
      sunrise: days.map((d) => d + 6 * 3600),
      sunset: days.map((d) => d + 18 * 3600),
    },
  };
}

const TILE = Buffer.from(
  "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAIAAACQd1PeAAAADElEQVR4nGP4/58BAAT/Af9jgNErAAAAAElFTkSuQmCC",
  "base64",
);

// --- the run --------------------------------------------------------------------------------

const median = (list) => {
  const sorted = [...list].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};

/**
 * Lighthouse's accessibility (target >= 95) and performance scores for the page, with
 * Debian's Chromium, when Lighthouse is installed: it is not a dependency of the project
 * (two hundred packages for one figure); `npm install --no-save lighthouse@12` adds it.
 */
async function lighthouseScores(url) {
  let lighthouse;
  let launcher;
  try {
    lighthouse = (await import("lighthouse")).default;
    launcher = await import("chrome-launcher");
  } catch {
    return ["Lighthouse: not installed here (npm install --no-save lighthouse@12 to add its accessibility score)"];
  }
  const chrome = await launcher.launch({
    chromePath: CHROMIUM,
    chromeFlags: ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
  });
  try {
    const { lhr } = await lighthouse(url, { port: chrome.port, onlyCategories: ["accessibility", "performance"], logLevel: "error" });
    const score = (id) => Math.round((lhr.categories[id]?.score ?? 0) * 100);
    const failed = Object.values(lhr.audits)
      .filter((a) => a.scoreDisplayMode === "binary" && a.score === 0 && lhr.categories.accessibility.auditRefs.some((r) => r.id === a.id))
      .map((a) => a.id);
    return [
      `Lighthouse accessibility: ${score("accessibility")} (target >= 95) ${verdict(score("accessibility") >= 95)}${failed.length ? `; failed: ${failed.join(", ")}` : ""}`,
      `Lighthouse performance (its own simulated mobile throttling): ${score("performance")}; LCP ${lhr.audits["largest-contentful-paint"].displayValue}`,
    ];
  } finally {
    await chrome.kill();
  }
}

/** requestJson() without keep-alive. */
const call = (port, method, urlPath, options) => requestJson(undefined, port, method, urlPath, options);

async function main() {
  const dataDir = makeTempDir("innbox-bench-reception-");
  cleanUpOnExit("bench-reception", () => removeTempDir(dataDir));
  const weather = await listenLoopback((req, res) => {
    const url = new URL(req.url ?? "/", "http://x");
    res.writeHead(200, { "content-type": "application/json" });
    res.end(JSON.stringify(forecast(url)));
  });
  let tileRequests = 0;
  const tiles = await listenLoopback((_req, res) => {
    tileRequests += 1;
    res.writeHead(200, { "content-type": "image/png" });
    res.end(TILE);
  });
  const configPath = path.join(dataDir, "config.json");
  writeFileSync(
    configPath,
    JSON.stringify({
      weather: { apiBase: `http://127.0.0.1:${weather.port}` },
      reception: { mapTiles: `http://127.0.0.1:${tiles.port}/{z}/{x}/{y}.png` },
    }),
  );
  const port = await freePort();
  const server = spawnNode([mainJs], applianceEnv({ port, dataDir, configPath, logLevel: "warn" }), { tailLines: 40 });
  await waitForHealth(server, port, {
    everyMs: 20,
    timeoutMs: 30_000,
    exitedMessage: (e) => `the appliance exited (${JSON.stringify(e)}):\n${server.logTail.join("\n")}`,
    timedOutMessage: () => "the appliance did not answer /healthz within 30 s",
  });

  // The property, designed as a manager would.
  const token = (await import("node:fs")).readFileSync(path.join(dataDir, "setup-token"), "utf8").trim();
  const setup = await call(port, "POST", "/api/setup", { body: { token, username: "manager", password: PASSWORD, name: "Mara", propertyName: "Hotel Miramar" } });
  if (setup.status >= 300) fail(`setup failed: ${setup.status} ${JSON.stringify(setup.body)}`);
  const cookie = setup.headers["set-cookie"]?.[0]?.split(";")[0] ?? "";
  const csrf = setup.body?.csrfToken ?? "";
  const manager = (method, urlPath, body) => call(port, method, urlPath, { body, headers: { cookie, "x-csrf-token": csrf } });
  const patched = await manager("PATCH", "/api/property", { ...ROME, city: "Roma" });
  if (patched.status !== 200) fail(`property: ${patched.status} ${JSON.stringify(patched.body)}`);
  const settings = (await manager("GET", "/api/reception")).body;
  for (const block of settings.blocks) {
    block.visible = true;
    block.texts = {
      en: { heading: `${block.id[0].toUpperCase()}${block.id.slice(1)}`, body: "Welcome to the Miramar. Breakfast is served from 7 to 10:30 on the terrace; ask us anything." },
      de: { heading: `${block.id} (de)`, body: "Willkommen im Miramar. Frühstück gibt es von 7 bis 10:30 Uhr auf der Terrasse." },
    };
  }
  settings.languages = ["en", "de"];
  const saved = await manager("PUT", "/api/reception", settings);
  if (saved.status !== 200) fail(`reception: ${saved.status} ${JSON.stringify(saved.body)}`);
  const categories = ["Taxi", "Restaurants", "Pharmacy", "Parking"];
  for (let i = 0; i < 12; i++) {
    const place = { category: categories[i % 4], name: `Place ${i + 1}`, description: "Open every day from 8 to 22.", address: `Via Roma ${i + 1}`, phone: "+39 06 123456", latitude: 41.9 + i / 1000, longitude: 12.49 };
    const created = await manager("POST", "/api/places", place);
    if (created.status !== 201) fail(`place: ${created.status} ${JSON.stringify(created.body)}`);
  }
  // The forecast is in once the guest answer carries it.
  for (let i = 0; ; i++) {
    const answer = await call(port, "GET", "/api/guest/reception/hotel-miramar");
    if (answer.body?.weather) break;
    if (i > 200) fail("no forecast after 10 s");
    await new Promise((r) => setTimeout(r, 50));
  }

  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
  });
  const results = [];
  let lighthouseLines = [];
  let tilesDuringRuns = 0;
  try {
    for (let run = 0; run < runs; run++) {
      const context = await browser.newContext({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true, locale: "de-DE" });
      const page = await context.newPage();
      const cdp = await context.newCDPSession(page);
      await cdp.send("Network.enable");
      await cdp.send("Network.setCacheDisabled", { cacheDisabled: true });
      await cdp.send("Network.emulateNetworkConditions", { offline: false, latency: 150, downloadThroughput: (1.6 * 1024 * 1024) / 8, uploadThroughput: (750 * 1024) / 8 });
      await cdp.send("Emulation.setCPUThrottlingRate", { rate: 4 });
      const urls = new Map();
      let bytes = 0;
      let tileBytes = 0;
      cdp.on("Network.responseReceived", (e) => urls.set(e.requestId, e.response.url));
      cdp.on("Network.loadingFinished", (e) => {
        const url = urls.get(e.requestId) ?? "";
        if (url.startsWith(`http://127.0.0.1:${tiles.port}/`)) tileBytes += e.encodedDataLength;
        else if (!url.startsWith("data:")) bytes += e.encodedDataLength;
      });
      // The page notes, on its own clock from navigation start, the first frame with both the
      // title and the chat's message box laid out (a test driver polling would add its own delay).
      await page.addInitScript(() => {
        const shown = (selector) => {
          const el = document.querySelector(selector);
          return Boolean(el && el.getBoundingClientRect().height > 0);
        };
        const check = () => {
          if (window.__shownAt === undefined && shown("h1") && shown("textarea")) window.__shownAt = performance.now();
          else if (window.__shownAt === undefined) requestAnimationFrame(check);
        };
        requestAnimationFrame(check);
      });
      await page.goto(`http://127.0.0.1:${port}/r/hotel-miramar?t=Room%2012`, { waitUntil: "commit" });
      await page.waitForFunction(() => window.__shownAt !== undefined, null, { timeout: 60_000 });
      const shownMs = await page.evaluate(() => window.__shownAt);
      if (process.env.BENCH_DETAIL) {
        const timeline = await page.evaluate(() => performance.getEntriesByType("resource").map((r) => `${Math.round(r.startTime)}-${Math.round(r.responseEnd)} ${r.transferSize}B ${r.name.replace(location.origin, "")}`));
        const nav = await page.evaluate(() => JSON.stringify(performance.getEntriesByType("navigation").map((n) => [Math.round(n.responseEnd), Math.round(n.domContentLoadedEventEnd)])));
        console.log(nav, timeline.join("\n"));
      }
      await page.waitForLoadState("networkidle");
      results.push({ kb: bytes / 1024, ms: shownMs, tilesKb: tileBytes / 1024, files: urls.size });
      console.log(`run ${run + 1}: ${fmt(bytes / 1024)} KB in ${urls.size} responses, title and chat at ${Math.round(shownMs)} ms`);
      await context.close();
    }
    tilesDuringRuns = tileRequests;
    lighthouseLines = await lighthouseScores(`http://127.0.0.1:${port}/r/hotel-miramar?t=Room%2012`);
  } finally {
    await browser.close();
    await server.stop(10_000, "bench-reception: the appliance did not stop; killed");
    weather.server.close();
    tiles.server.close();
  }

  const kb = median(results.map((r) => r.kb));
  const ms = median(results.map((r) => r.ms));
  console.log("");
  console.log(`machine: ${machineSummary()}; Chromium ${browser.version?.() ?? ""}`);
  console.log(`first load of /r/<slug>, compressed, without map tiles: median ${fmt(kb)} KB (target <= ${TARGET_KB} KB) ${verdict(kb <= TARGET_KB)}`);
  console.log(`title and chat on screen under mobile throttling: median ${Math.round(ms)} ms (target <= ${TARGET_MS} ms) ${verdict(ms <= TARGET_MS)}`);
  console.log(`map tiles fetched by the ${runs} first loads: ${tilesDuringRuns} (the map loads only when it comes on screen)`);
  for (const line of lighthouseLines) console.log(line);
}

main().catch((error) => fail(error instanceof Error ? error.stack ?? error.message : String(error)));
