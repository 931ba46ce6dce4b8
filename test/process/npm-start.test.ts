import { spawn, type ChildProcess } from "node:child_process";
import { once } from "node:events";
import { createServer } from "node:net";
import { mkdtempSync, readdirSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { build, freePort, ROOT } from "../helpers/process-kit.js";

// `npm start` as a person runs it, stopped the way a process manager or a terminal does:
// a signal to the npm process only.
const started: ChildProcess[] = [];
const descendants: number[] = [];

beforeAll(() => build({ applianceOnly: false }), 240_000);

afterEach(() => {
  for (const pid of descendants.splice(0)) if (alive(pid)) process.kill(pid, "SIGKILL");
  for (const child of started.splice(0)) if (child.exitCode === null && child.signalCode === null) child.kill("SIGKILL");
});


function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** Every process below `pid`, from /proc. */
function processesUnder(pid: number): Array<{ pid: number; ppid: number; command: string }> {
  const parents = new Map<number, number[]>();
  const commands = new Map<number, string>();
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, "utf8");
      const ppid = Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
      parents.set(ppid, [...(parents.get(ppid) ?? []), Number(entry)]);
      commands.set(Number(entry), readFileSync(`/proc/${entry}/cmdline`, "utf8").replaceAll("\0", " ").trim());
    } catch {
      // gone meanwhile
    }
  }
  const found: Array<{ pid: number; ppid: number; command: string }> = [];
  const walk = (p: number) => {
    for (const c of parents.get(p) ?? []) {
      found.push({ pid: c, ppid: p, command: commands.get(c) ?? "" });
      walk(c);
    }
  };
  walk(pid);
  return found;
}

async function waitFor(check: () => boolean, timeoutMs: number, what: () => string) {
  const until = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > until) throw new Error(`timed out waiting: ${what()}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

async function portIsFree(port: number): Promise<boolean> {
  const server = createServer();
  const listening = new Promise<boolean>((resolve) => {
    server.once("error", () => resolve(false));
    server.once("listening", () => resolve(true));
  });
  server.listen(port, "127.0.0.1");
  const free = await listening;
  if (free) {
    server.close();
    await once(server, "close");
  }
  return free;
}

function npmStart(env: Record<string, string>) {
  const child = spawn("npm", ["start"], { cwd: ROOT, env: { ...process.env, HOST: "127.0.0.1", LOG_FORMAT: "pretty", npm_config_update_notifier: "false", ...env }, stdio: ["ignore", "pipe", "pipe"] });
  started.push(child);
  let output = "";
  child.stdout!.on("data", (d) => (output += d));
  child.stderr!.on("data", (d) => (output += d));
  return { child, output: () => output };
}

describe("npm start", () => {
  it("stops the appliance when npm alone gets SIGTERM: the port is freed and no process is left", async () => {
    const port = await freePort();
    const { child, output } = npmStart({ PORT: String(port), INNBOX_DATA_DIR: mkdtempSync(join(tmpdir(), "innbox-npm-")) });
    await waitFor(() => output().includes("First run"), 60_000, output);
    const below = processesUnder(child.pid!);
    descendants.push(...below.map((p) => p.pid));
    const appliance = below.find((p) => p.command.includes("appliance/dist/main.js"));
    expect(appliance, JSON.stringify(below)).toBeDefined();
    expect(await portIsFree(port)).toBe(false);

    child.kill("SIGTERM");
    await once(child, "exit");
    await waitFor(() => below.every((p) => !alive(p.pid)), 15_000, () => `still running: ${JSON.stringify(below.filter((p) => alive(p.pid)))}`);
    expect(await portIsFree(port)).toBe(true);
    expect(output()).toContain("SIGTERM received");
    expect(output()).toContain("stopped");
  }, 90_000);

  it("runs the appliance as its own process with the allocator setting that keeps memory low after sign-ins", async () => {
    const port = await freePort();
    const { child, output } = npmStart({ PORT: String(port), INNBOX_DATA_DIR: mkdtempSync(join(tmpdir(), "innbox-npm-")) });
    await waitFor(() => output().includes("First run"), 60_000, output);
    const below = processesUnder(child.pid!);
    descendants.push(...below.map((p) => p.pid));
    // npm's shell has become the appliance (exec): npm's one child is node itself.
    const direct = below.filter((p) => p.ppid === child.pid);
    expect(direct.map((p) => p.command)).toEqual(["node appliance/dist/main.js"]);
    const environ = readFileSync(`/proc/${direct[0]!.pid}/environ`, "utf8").split("\0");
    expect(environ).toContain("MALLOC_MMAP_THRESHOLD_=131072");
    child.kill("SIGTERM");
    await once(child, "exit");
  }, 90_000);
});
