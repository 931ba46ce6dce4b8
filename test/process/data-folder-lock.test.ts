import { spawn } from "node:child_process";
import { once } from "node:events";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { build, childProcesses, freePort, MAIN, ROOT } from "../helpers/process-kit.js";

// Two appliances on one data folder would both deliver every outbox message and answer
// every Telegram update: the second must refuse, and a crash must not lock the folder.
const children = childProcesses();

beforeAll(() => build(), 240_000);

afterEach(() => children.killAll());


function start(dataDir: string, port: number) {
  const child = spawn(process.execPath, [MAIN], {
    cwd: ROOT,
    env: { ...process.env, HOST: "127.0.0.1", PORT: String(port), INNBOX_DATA_DIR: dataDir, LOG_FORMAT: "pretty" },
  });
  children.track(child);
  let output = "";
  child.stdout!.on("data", (d) => (output += d));
  child.stderr!.on("data", (d) => (output += d));
  return { child, output: () => output };
}

async function started(app: ReturnType<typeof start>) {
  const until = Date.now() + 15_000;
  while (!app.output().includes("First run")) {
    if (app.child.exitCode !== null || Date.now() > until) throw new Error(`the appliance did not start:\n${app.output()}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

describe("one appliance per data folder", () => {
  it("refuses a second appliance on the same folder, in one sentence naming the folder and the first one's pid", async () => {
    const dataDir = mkdtempSync(join(tmpdir(), "innbox-lock-"));
    const first = start(dataDir, await freePort());
    await started(first);

    const second = start(dataDir, await freePort());
    const [code] = await once(second.child, "exit");
    expect(code).toBe(1);
    const lines = second.output().trim().split("\n");
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain(`Another Innbox (pid ${first.child.pid}) is already running on the data folder ${dataDir}: stop it first`);

    // The first one carries on undisturbed.
    expect(first.child.exitCode).toBeNull();
    expect(readFileSync(join(dataDir, "innbox.pid"), "utf8").trim()).toBe(String(first.child.pid));
    first.child.kill("SIGTERM");
    expect((await once(first.child, "exit"))[0]).toBe(0);
  });

  it("starts after the previous appliance was killed with SIGKILL, and after its pid went to another process", async () => {
    const dataDir = mkdtempSync(join(tmpdir(), "innbox-lock-"));
    const crashed = start(dataDir, await freePort());
    await started(crashed);
    crashed.child.kill("SIGKILL");
    await once(crashed.child, "exit");
    // The pid file still names the dead appliance; the lock went with it.
    expect(readFileSync(join(dataDir, "innbox.pid"), "utf8").trim()).toBe(String(crashed.child.pid));

    const next = start(dataDir, await freePort());
    await started(next);
    next.child.kill("SIGKILL");
    await once(next.child, "exit");

    // A pid file naming a live process that holds no lock (a reused pid) does not block.
    writeFileSync(join(dataDir, "innbox.pid"), `${process.pid}\n`);
    const after = start(dataDir, await freePort());
    await started(after);
    expect(readFileSync(join(dataDir, "innbox.pid"), "utf8").trim()).toBe(String(after.child.pid));
    after.child.kill("SIGTERM");
    expect((await once(after.child, "exit"))[0]).toBe(0);
  });
});
