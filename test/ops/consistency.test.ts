// What must say the same thing in several places: the password-reset command the
// installer puts on the appliance and the sign-in page's hint; the allocator setting
// npm start, the systemd unit and the benchmarks run the appliance with; and CI's
// font check, which must not be fooled by pipefail.
import { spawnSync } from "node:child_process";
import { chmodSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";

const root = path.join(import.meta.dirname, "..", "..");
const read = (file: string) => readFileSync(path.join(root, file), "utf8");

describe("the password reset command", () => {
  it("is the one the sign-in page's hint names", () => {
    const installed = /^readonly RESET_CMD=(\S+)$/m.exec(read("scripts/install.sh"))?.[1];
    expect(installed).toBeDefined();
    const command = `sudo ${path.basename(installed!)} <username>`;
    const hint = /forgot: "(.*)",$/m.exec(read("admin-ui/src/messages/en/login.ts"))?.[1];
    expect(hint).toContain(`\`${command}\``);
    expect(read("README.md")).toContain(command);
  });
});

describe("the allocator setting", () => {
  it("is the same for npm start, the systemd unit and the benchmarks", () => {
    const start = /MALLOC_MMAP_THRESHOLD_="\$\{MALLOC_MMAP_THRESHOLD_:-(\d+)\}"/.exec(read("scripts/start.sh"))?.[1];
    const unit = /^Environment=MALLOC_MMAP_THRESHOLD_=(\d+)$/m.exec(read("systemd/innbox.service"))?.[1];
    const bench = /process\.env\.MALLOC_MMAP_THRESHOLD_ \?\? "(\d+)"/.exec(read("scripts/bench-kit.mjs"))?.[1];
    expect(start).toBeDefined();
    expect([unit, bench]).toEqual([start, start]);
    expect(JSON.parse(read("package.json")).scripts.start).toBe("exec sh scripts/start.sh");
  });
});

describe(".ci/run", () => {
  /** Runs .ci/run's font check under its own shell options with a stand-in fc-list. */
  function fontsNeeded(fcListOutput: string): string {
    const check = /^fonts=.*\n.*need\+=\(fonts-dejavu-core\)$/m.exec(read(".ci/run"))?.[0];
    expect(check).toBeDefined();
    const bin = mkdtempSync(path.join(os.tmpdir(), "innbox-fc-"));
    writeFileSync(path.join(bin, "fonts.txt"), fcListOutput);
    writeFileSync(path.join(bin, "fc-list"), `#!/bin/sh\ncat "${path.join(bin, "fonts.txt")}"\n`);
    chmodSync(path.join(bin, "fc-list"), 0o755);
    const script = `set -euo pipefail\nneed=()\n${check}\necho "\${need[*]:-}"`;
    const result = spawnSync("bash", ["-c", script], { encoding: "utf8", env: { ...process.env, PATH: `${bin}:${process.env.PATH}` } });
    expect(result.status, result.stderr).toBe(0);
    return result.stdout.trim();
  }

  it("installs no fonts when DejaVu is there, however many fonts fc-list lists", () => {
    const many = ["/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf: DejaVu Sans:style=Book", ...Array.from({ length: 50_000 }, (_, i) => `/usr/share/fonts/other/Font${i}.ttf: Other ${i}:style=Regular`)];
    expect(fontsNeeded(`${many.join("\n")}\n`)).toBe("");
  });

  it("installs DejaVu when it is missing", () => {
    expect(fontsNeeded("/usr/share/fonts/other/Other.ttf: Other:style=Regular\n")).toBe("fonts-dejavu-core");
  });
});
