#!/usr/bin/env node
// Builds what is out of date: the TypeScript of protocol/ and appliance/ (tsc -b is
// incremental) and each web app whose sources are newer than its last build.
// `--force` rebuilds everything.
import { spawn } from "node:child_process";
import { existsSync, readdirSync, statSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const force = process.argv.includes("--force");
const quiet = process.argv.includes("--quiet");
// Process tests need only the compiled service, not the web apps.
const applianceOnly = process.argv.includes("--appliance-only");

// A signal stops the step under way too (tsc, or vite with its esbuild), so that stopping
// `npm start` while it builds leaves nothing running.
let current;
for (const [signal, code] of [["SIGINT", 130], ["SIGTERM", 143]]) {
  process.on(signal, () => {
    if (!current) process.exit(code);
    current.once("exit", () => process.exit(code));
    current.kill("SIGTERM");
  });
}

async function run(label, command, args, cwd = root) {
  const started = Date.now();
  current = spawn(command, args, { cwd, stdio: quiet ? ["ignore", "ignore", "inherit"] : "inherit" });
  const [status, signal] = await new Promise((resolve) => current.once("exit", (code, sig) => resolve([code, sig])));
  current = undefined;
  if (status !== 0) {
    console.error(`build: ${label} failed (exit ${status ?? signal}).`);
    process.exit(status || 1);
  }
  if (!quiet) console.log(`build: ${label} done in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}

function newestMtime(path) {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = 0;
  for (const entry of readdirSync(path)) {
    if (entry === "node_modules" || entry === "dist") continue;
    newest = Math.max(newest, newestMtime(join(path, entry)));
  }
  return newest;
}

const tsc = join(root, "node_modules", "typescript", "bin", "tsc");
const tscArgs = [tsc, "-b", "protocol", "simulators", "appliance"];
if (force) tscArgs.push("--force");
await run("appliance (tsc -b)", process.execPath, tscArgs);

const vite = join(root, "node_modules", "vite", "bin", "vite.js");
for (const app of applianceOnly ? [] : ["admin-ui", "guest-ui"]) {
  const dir = join(root, app);
  if (!existsSync(join(dir, "index.html")) && !existsSync(join(dir, "vite.config.ts"))) continue;
  const stamp = join(dir, "dist", ".build-stamp");
  const sources = Math.max(
    newestMtime(dir),
    newestMtime(join(root, "protocol", "src")),
    newestMtime(join(root, "package-lock.json")),
  );
  if (!force && existsSync(stamp) && statSync(stamp).mtimeMs >= sources) continue;
  if (quiet) console.log(`build: building ${app} (${existsSync(stamp) ? "sources changed since the last build" : "first build"})…`);
  await run(`${app} (vite build)`, process.execPath, [vite, "build", "--logLevel", quiet ? "error" : "warn"], dir);
  writeFileSync(stamp, new Date().toISOString());
}
