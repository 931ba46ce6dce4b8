#!/usr/bin/env node
// Builds what is out of date: the TypeScript of protocol/ and appliance/ (tsc -b is
// incremental) and each web app whose sources are newer than its last build.
// `--force` rebuilds everything.
import { spawnSync } from "node:child_process";
import { existsSync, readdirSync, statSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const force = process.argv.includes("--force");
const quiet = process.argv.includes("--quiet");
// Process tests need only the compiled service, not the web apps.
const applianceOnly = process.argv.includes("--appliance-only");

function run(label, command, args, cwd = root) {
  const started = Date.now();
  const result = spawnSync(command, args, { cwd, stdio: quiet ? ["ignore", "ignore", "inherit"] : "inherit" });
  if (result.status !== 0) {
    console.error(`build: ${label} failed (exit ${result.status ?? result.signal}).`);
    process.exit(result.status || 1);
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
const tscArgs = [tsc, "-b", "protocol", "appliance"];
if (force) tscArgs.push("--force");
run("appliance (tsc -b)", process.execPath, tscArgs);

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
  run(`${app} (vite build)`, process.execPath, [vite, "build", "--logLevel", quiet ? "error" : "warn"], dir);
  writeFileSync(stamp, new Date().toISOString());
}
