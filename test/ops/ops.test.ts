// Checks of what puts Innbox on a mini-PC: scripts/install.sh, the systemd
// unit and the boot benchmark script. Nothing here changes the machine: the
// installer only ever runs with --dry-run (or is refused before acting).
import { spawnSync, type SpawnSyncReturns } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "..");
const installSh = path.join(repoRoot, "scripts", "install.sh");
const unitPath = path.join(repoRoot, "systemd", "innbox.service");
const benchBoot = path.join(repoRoot, "scripts", "bench-boot.mjs");

const isRoot = process.getuid?.() === 0;
const NOBODY_UID = 65534;

const tempDirs: string[] = [];
afterAll(() => {
  for (const dir of tempDirs) rmSync(dir, { recursive: true, force: true });
});

function tempDir(): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), "innbox-ops-test-"));
  tempDirs.push(dir);
  return dir;
}

function run(command: string, args: string[]): SpawnSyncReturns<string> {
  const result = spawnSync(command, args, { cwd: repoRoot, encoding: "utf8", timeout: 60_000 });
  if (result.error) throw result.error;
  return result;
}

/** Runs install.sh as an ordinary user: as nobody when the tests run as root. */
function installAsUser(args: string[]): SpawnSyncReturns<string> {
  if (!isRoot) return run("bash", [installSh, ...args]);
  return run("setpriv", [
    `--reuid=${NOBODY_UID}`,
    `--regid=${NOBODY_UID}`,
    "--clear-groups",
    "bash",
    installSh,
    ...args,
  ]);
}

/** The files a dry run shows as `install ... <generated> PATH` followed by `    | ` lines. */
function generatedFiles(output: string): Map<string, string> {
  const files = new Map<string, string>();
  let current: string | null = null;
  for (const line of output.split("\n")) {
    const header = /^\+ install .*<generated> (\S+)$/.exec(line);
    if (header?.[1]) {
      current = header[1];
      files.set(current, "");
    } else if (current && line.startsWith("    | ")) {
      files.set(current, `${files.get(current)}${line.slice(6)}\n`);
    } else {
      current = null;
    }
  }
  return files;
}

// --- unit file parsing (used by the assertions and by the fallback check) ----

type Unit = Map<string, Array<[string, string]>>;

function parseUnit(text: string): { unit: Unit; problems: string[] } {
  const unit: Unit = new Map();
  const problems: string[] = [];
  let section: string | null = null;
  text.split("\n").forEach((raw, index) => {
    const line = raw.trim();
    if (line === "" || line.startsWith("#") || line.startsWith(";")) return;
    const header = /^\[([A-Za-z]+)\]$/.exec(line);
    if (header?.[1]) {
      section = header[1];
      if (!unit.has(section)) unit.set(section, []);
      return;
    }
    const pair = /^([A-Za-z][A-Za-z0-9]*)=(.*)$/.exec(line);
    if (!pair?.[1] || pair[2] === undefined) problems.push(`line ${index + 1}: not "Key=value": ${line}`);
    else if (!section) problems.push(`line ${index + 1}: ${pair[1]} outside a section`);
    else unit.get(section)?.push([pair[1], pair[2]]);
  });
  return { unit, problems };
}

function values(unit: Unit, section: string, key: string): string[] {
  return (unit.get(section) ?? []).filter(([k]) => k === key).map(([, v]) => v);
}

/** The last assignment wins in systemd, as it does here. */
function value(unit: Unit, section: string, key: string): string | undefined {
  return values(unit, section, key).at(-1);
}

const BOOLEAN = /^(yes|no|true|false|on|off|1|0)$/;
const KNOWN_KEYS: Record<string, Record<string, RegExp>> = {
  Unit: {
    Description: /.+/,
    Documentation: /^(https?:|man:|file:|info:)\S+( \S+)*$/,
    Wants: /.+/,
    Requires: /.+/,
    After: /.+/,
    Before: /.+/,
    StartLimitIntervalSec: /^\d+(ms|s|min|m|h)?$/,
    StartLimitBurst: /^\d+$/,
  },
  Service: {
    Type: /^(simple|exec|forking|oneshot|dbus|notify|idle)$/,
    User: /^[a-z_][a-z0-9_-]*$/,
    Group: /^[a-z_][a-z0-9_-]*$/,
    WorkingDirectory: /^-?\//,
    ExecStart: /^$|^\//,
    Environment: /^(\S+=\S*)( \S+=\S*)*$/,
    EnvironmentFile: /^-?\//,
    StateDirectory: /^[a-z0-9._-]+$/,
    StateDirectoryMode: /^0?[0-7]{3}$/,
    UMask: /^0?[0-7]{3}$/,
    Restart: /^(no|on-success|on-failure|on-abnormal|on-watchdog|on-abort|always)$/,
    RestartSec: /^\d+(ms|s|min|m)?$/,
    KillSignal: /^SIG[A-Z]+$/,
    KillMode: /^(control-group|mixed|process|none)$/,
    TimeoutStopSec: /^\d+(ms|s|min|m)?$/,
    TimeoutStartSec: /^\d+(ms|s|min|m)?$/,
    NoNewPrivileges: BOOLEAN,
    CapabilityBoundingSet: /^(~?CAP_[A-Z_]+( CAP_[A-Z_]+)*)?$/,
    AmbientCapabilities: /^(CAP_[A-Z_]+( CAP_[A-Z_]+)*)?$/,
    ProtectSystem: /^(yes|no|true|false|full|strict)$/,
    ProtectHome: /^(yes|no|true|false|read-only|tmpfs)$/,
    PrivateTmp: BOOLEAN,
    PrivateDevices: BOOLEAN,
    ProtectKernelTunables: BOOLEAN,
    ProtectKernelModules: BOOLEAN,
    ProtectKernelLogs: BOOLEAN,
    ProtectControlGroups: BOOLEAN,
    ProtectClock: BOOLEAN,
    ProtectHostname: BOOLEAN,
    ProtectProc: /^(noaccess|invisible|ptraceable|default)$/,
    RestrictAddressFamilies: /^~?(AF_[A-Z0-9]+)( AF_[A-Z0-9]+)*$|^none$/,
    RestrictNamespaces: BOOLEAN,
    LockPersonality: BOOLEAN,
    RestrictRealtime: BOOLEAN,
    RestrictSUIDSGID: BOOLEAN,
    RemoveIPC: BOOLEAN,
    SystemCallArchitectures: /^(native|x86-64|x86|arm64|arm)( \S+)*$/,
    SystemCallFilter: /^~?[@a-z0-9_:-]+( [@a-z0-9_:-]+)*$/,
    SystemCallErrorNumber: /^E[A-Z]+$/,
  },
  Install: { WantedBy: /\.target$/, RequiredBy: /.+/, Alias: /.+/ },
};

/** Used only where systemd-analyze is missing outside CI: the subset of systemd's own checks we can repeat. */
function fallbackProblems(files: string[]): string[] {
  const problems: string[] = [];
  for (const file of files) {
    const parsed = parseUnit(readFileSync(file, "utf8"));
    problems.push(...parsed.problems.map((p) => `${file}: ${p}`));
    for (const [section, pairs] of parsed.unit) {
      const known = KNOWN_KEYS[section];
      if (!known) {
        problems.push(`${file}: unknown section [${section}]`);
        continue;
      }
      for (const [key, val] of pairs) {
        const pattern = known[key];
        if (!pattern) problems.push(`${file}: unknown key ${key} in [${section}]`);
        else if (!pattern.test(val)) problems.push(`${file}: bad value for ${key}: "${val}"`);
      }
    }
    const execStart = value(parsed.unit, "Service", "ExecStart");
    const binary = execStart?.split(" ")[0];
    if (binary && !existsSync(binary)) problems.push(`${file}: ExecStart binary ${binary} does not exist`);
  }
  return problems;
}

function hasSystemdAnalyze(): boolean {
  const probe = spawnSync("systemd-analyze", ["--version"], { encoding: "utf8" });
  if (!probe.error) return true;
  if (process.env.CI === "true") {
    throw new Error("systemd-analyze is missing; CI must check the unit with it (apt-get install systemd)");
  }
  return false;
}

/**
 * Copies the unit (and any drop-in) into a temp folder and checks it the way
 * systemd would load it. ExecStart keeps /usr/bin/node where that exists; on
 * machines where node lives elsewhere it points at this node, since verify
 * insists that the binary exists.
 */
function verifyUnit(unitText: string, dropIn?: string): { ok: boolean; problems: string[] } {
  const dir = tempDir();
  const file = path.join(dir, "innbox.service");
  const text = existsSync("/usr/bin/node")
    ? unitText
    : unitText.replace(/^ExecStart=\/usr\/bin\/node /m, `ExecStart=${process.execPath} `);
  writeFileSync(file, text);
  const files = [file];
  if (dropIn !== undefined) {
    mkdirSync(path.join(dir, "innbox.service.d"));
    const dropInFile = path.join(dir, "innbox.service.d", "10-install.conf");
    writeFileSync(dropInFile, dropIn);
    files.push(dropInFile);
  }

  if (!hasSystemdAnalyze()) {
    const problems = fallbackProblems(files);
    return { ok: problems.length === 0, problems };
  }
  const result = run("systemd-analyze", ["verify", file]);
  // verify exits 0 on unknown keys and unparsable values, only printing them;
  // every line that names our unit (or its drop-in) is a problem.
  const problems = `${result.stdout}\n${result.stderr}`.split("\n").filter((line) => line.includes("innbox.service"));
  return { ok: result.status === 0 && problems.length === 0, problems };
}

const unitText = readFileSync(unitPath, "utf8");
const { unit } = parseUnit(unitText);

describe("scripts/install.sh", () => {
  it("is valid bash", () => {
    const result = run("bash", ["-n", installSh]);
    expect(result.stderr).toBe("");
    expect(result.status).toBe(0);
  });

  it("starts with set -euo pipefail", () => {
    expect(readFileSync(installSh, "utf8")).toMatch(/^set -euo pipefail$/m);
  });

  it("prints its options with --help and exits 0", () => {
    const result = installAsUser(["--help"]);
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/^Usage: install\.sh/);
    for (const option of ["--prefix", "--port", "--dry-run", "--help"]) expect(result.stdout).toContain(option);
  });

  it("rejects an unknown option with a message that names it and points to --help", () => {
    const result = installAsUser(["--dry-run", "--frobnicate"]);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain("unknown option '--frobnicate'");
    expect(result.stderr).toContain("--help");
    expect(result.stdout).toBe("");
  });

  it("rejects a relative prefix, a prefix in a home folder and a port out of range", () => {
    const cases: Array<[string[], string]> = [
      [["--prefix", "opt/innbox"], "absolute path"],
      [["--prefix", "/home/manager/innbox"], "home folder"],
      [["--prefix"], "--prefix needs a directory"],
      [["--port", "70000"], "from 1 to 65535"],
      [["--port", "http"], "from 1 to 65535"],
    ];
    for (const [args, message] of cases) {
      const result = installAsUser(["--dry-run", ...args]);
      expect(result.status, args.join(" ")).toBe(2);
      expect(result.stderr).toContain(message);
    }
  });

  it("refuses to install for real without root and says to use sudo", () => {
    const result = installAsUser([]);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain("needs root");
    expect(result.stderr).toContain("sudo");
    expect(result.stdout).toBe("");
  });

  it("lists every install step in a dry run as an ordinary user and exits 0", () => {
    const result = installAsUser(["--dry-run"]);
    expect(result.status, result.stderr).toBe(0);
    const out = result.stdout;
    expect(out).toContain("Dry run");
    expect(out).toMatch(/useradd --system .*innbox/);
    expect(out).toMatch(/npm ci\b/);
    expect(out).toContain("npm run build");
    expect(out).toContain("install -d -m 700 -o innbox -g innbox /var/lib/innbox");
    expect(out).toContain("/etc/innbox/config.json");
    expect(out).toMatch(/install -m 644 .*systemd\/innbox\.service \/etc\/systemd\/system\/innbox\.service/);
    expect(out).toContain("systemctl daemon-reload");
    expect(out).toContain("systemctl enable innbox");
    expect(out).toContain("systemctl restart innbox");
    expect(out).toContain("http://127.0.0.1:8080/healthz");
    expect(out).toContain("/var/lib/innbox/setup-token");
    expect(out).toContain("/admin/setup?token=");
    // Steps come in the order that works on a fresh machine.
    const order = [
      "useradd",
      "npm ci",
      "npm run build",
      "install -d -m 700 -o innbox",
      "systemctl enable",
      "healthz",
      "setup-token",
    ];
    const positions = order.map((needle) => out.indexOf(needle));
    expect(positions).toEqual([...positions].sort((a, b) => a - b));
  });

  it("changes nothing on the machine in a dry run, even when run as root", () => {
    const prefix = `/opt/innbox-dry-run-test-${process.pid}`;
    const watched = [
      prefix,
      `${prefix}.new`,
      "/etc/systemd/system/innbox.service",
      "/etc/systemd/system/innbox.service.d",
      "/etc/innbox",
      "/var/lib/innbox",
      "/usr/local/sbin/innbox-reset-password",
    ];
    const userExists = () => spawnSync("id", ["-u", "innbox"]).status === 0;
    const before = { files: watched.map((p) => existsSync(p)), user: userExists() };

    const result = run("bash", [installSh, "--dry-run", "--prefix", prefix, "--port", "80"]);

    expect(result.status, result.stderr).toBe(0);
    expect(result.stdout).toContain(`mv ${prefix}.new ${prefix}`);
    expect({ files: watched.map((p) => existsSync(p)), user: userExists() }).toEqual(before);
  });

  it("writes a drop-in for another prefix and a port below 1024 that systemd accepts", () => {
    const prefix = "/srv/innbox";
    const result = installAsUser(["--dry-run", "--prefix", prefix, "--port", "80"]);
    expect(result.status, result.stderr).toBe(0);
    const dropIn = generatedFiles(result.stdout).get("/etc/systemd/system/innbox.service.d/10-install.conf");
    expect(dropIn).toBeDefined();
    expect(dropIn).toContain(`WorkingDirectory=${prefix}\n`);
    expect(dropIn).toMatch(new RegExp(`^ExecStart=\\n^ExecStart=/\\S+/node ${prefix}/appliance/dist/main\\.js$`, "m"));
    expect(dropIn).not.toContain("PORT");
    expect(result.stdout).toMatch(/c\.port = Number\(port\).* \/etc\/innbox\/config\.json 80$/m);
    expect(dropIn).toContain("AmbientCapabilities=CAP_NET_BIND_SERVICE\n");
    expect(dropIn).toContain("CapabilityBoundingSet=CAP_NET_BIND_SERVICE\n");

    const verdict = verifyUnit(unitText, dropIn);
    expect(verdict.problems).toEqual([]);
    expect(verdict.ok).toBe(true);
  });

  it("sets another port in config.json and grants no capability for a port of 1024 or above", () => {
    const result = installAsUser(["--dry-run", "--port", "8081"]);
    expect(result.status, result.stderr).toBe(0);
    expect(result.stdout).toMatch(/c\.port = Number\(port\).* \/etc\/innbox\/config\.json 8081$/m);
    expect(result.stdout).not.toContain("Environment=PORT");
    expect(result.stdout).toContain("http://127.0.0.1:8081/healthz");
    expect(result.stdout).not.toContain("CAP_NET_BIND_SERVICE");
  });
});

describe("systemd/innbox.service", () => {
  it("passes systemd-analyze verify", () => {
    const verdict = verifyUnit(unitText);
    expect(verdict.problems).toEqual([]);
    expect(verdict.ok).toBe(true);
  });

  it("fails that same check when the unit is broken", () => {
    const broken: Array<[string, string]> = [
      ["a misspelled key", unitText.replace(/^Restart=on-failure$/m, "Restrat=on-failure")],
      ["an invalid Restart value", unitText.replace(/^Restart=on-failure$/m, "Restart=sometimes")],
      ["an invalid ProtectSystem value", unitText.replace(/^ProtectSystem=strict$/m, "ProtectSystem=strictest")],
      ["a missing ExecStart binary", unitText.replace(/^ExecStart=\S+/m, "ExecStart=/nonexistent/bin/node")],
    ];
    for (const [what, text] of broken) {
      expect(text, what).not.toBe(unitText);
      expect(verifyUnit(text).ok, what).toBe(false);
    }
  });

  it("is also accepted by the fallback parse check, which rejects the same broken units", () => {
    // The fallback only runs where systemd-analyze is missing; keep it in step with the unit.
    const dir = tempDir();
    const write = (name: string, text: string) => {
      const file = path.join(dir, name);
      writeFileSync(file, text.replace(/^ExecStart=\/usr\/bin\/node /m, `ExecStart=${process.execPath} `));
      return file;
    };
    expect(fallbackProblems([write("good.service", unitText)])).toEqual([]);
    const misspelled = write("misspelled.service", unitText.replace(/^Restart=on-failure$/m, "Restrat=on-failure"));
    expect(fallbackProblems([misspelled])).toHaveLength(1);
    const badValue = write("bad-value.service", unitText.replace(/^ProtectSystem=strict$/m, "ProtectSystem=strictest"));
    expect(fallbackProblems([badValue])).toHaveLength(1);
  });

  it("runs the built appliance as the innbox user with its data and config folders", () => {
    expect(value(unit, "Service", "User")).toBe("innbox");
    expect(value(unit, "Service", "Group")).toBe("innbox");
    expect(value(unit, "Service", "WorkingDirectory")).toBe("/opt/innbox");
    expect(value(unit, "Service", "ExecStart")).toBe("/usr/bin/node /opt/innbox/appliance/dist/main.js");
    expect(value(unit, "Service", "StateDirectory")).toBe("innbox");
    const environment = values(unit, "Service", "Environment");
    expect(environment).toContain("INNBOX_DATA_DIR=/var/lib/innbox");
    expect(environment).toContain("INNBOX_CONFIG=/etc/innbox/config.json");
    // Port, host and log level come from config.json: the environment would win over it.
    expect(environment.filter((e) => /^(PORT|HOST|LOG_LEVEL)=/.test(e))).toEqual([]);
    expect(value(unit, "Install", "WantedBy")).toBe("multi-user.target");
  });

  it("restarts on failure and stops with SIGTERM and a time limit", () => {
    expect(value(unit, "Service", "Restart")).toBe("on-failure");
    expect(value(unit, "Service", "KillSignal")).toBe("SIGTERM");
    expect(value(unit, "Service", "TimeoutStopSec")).toMatch(/^\d+s?$/);
  });

  it("carries the hardening settings and grants no capability", () => {
    const expected: Record<string, string> = {
      NoNewPrivileges: "yes",
      ProtectSystem: "strict",
      ProtectHome: "yes",
      PrivateTmp: "yes",
      PrivateDevices: "yes",
      ProtectKernelTunables: "yes",
      ProtectKernelModules: "yes",
      ProtectKernelLogs: "yes",
      ProtectControlGroups: "yes",
      RestrictAddressFamilies: "AF_UNIX AF_INET AF_INET6 AF_NETLINK",
      LockPersonality: "yes",
      RestrictRealtime: "yes",
      RestrictSUIDSGID: "yes",
      SystemCallArchitectures: "native",
      CapabilityBoundingSet: "",
    };
    for (const [key, want] of Object.entries(expected)) expect(value(unit, "Service", key), key).toBe(want);
    expect(values(unit, "Service", "AmbientCapabilities").every((v) => v === "")).toBe(true);
  });

  it("leaves MemoryDenyWriteExecute unset, because V8 compiles code at run time", () => {
    expect(values(unit, "Service", "MemoryDenyWriteExecute")).toEqual([]);
  });

  it("rates OK or better in systemd-analyze security (exposure 2.5 or less)", () => {
    if (!hasSystemdAnalyze()) return; // outside CI only; the key checks above still ran
    const dir = tempDir();
    writeFileSync(path.join(dir, "innbox.service"), unitText);
    const result = spawnSync("systemd-analyze", ["security", "--offline=yes", "innbox.service"], {
      cwd: dir,
      encoding: "utf8",
    });
    const output = `${result.stdout}\n${result.stderr}`;
    if (/unrecognized option|unknown option/i.test(output)) return; // systemd < 250 has no --offline
    const score = /Overall exposure level for innbox\.service: ([\d.]+)/.exec(output)?.[1];
    expect(score, output).toBeDefined();
    expect(Number(score)).toBeLessThanOrEqual(2.5);
  });
});

describe("scripts/bench-boot.mjs", () => {
  it("is valid JavaScript and explains its options with --help", () => {
    expect(run(process.execPath, ["--check", benchBoot]).status).toBe(0);
    const result = run(process.execPath, [benchBoot, "--help"]);
    expect(result.status).toBe(0);
    expect(result.stdout).toContain("--idle-seconds");
    expect(result.stdout).toContain("ready <= 1000 ms");
    expect(result.stdout).toContain("RSS <= 90 MB");
  });

  it("rejects an idle time that is not a number", () => {
    const result = run(process.execPath, [benchBoot, "--idle-seconds", "soon"]);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain("--idle-seconds must be a number");
  });
});
