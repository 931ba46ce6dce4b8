import { spawn, spawnSync } from "node:child_process";
import { once } from "node:events";
import { existsSync, mkdtempSync, readdirSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { build, MAIN, ROOT } from "../helpers/process-kit.js";

// `npm run reset-password -- <user>` (the installed `sudo innbox-reset-password <user>`)
// on a wrong folder or a wrong name says so before anything else, and changes nothing.
const CLI = join(ROOT, "appliance", "dist", "cli", "reset-password.js");

beforeAll(() => build(), 240_000);

const resetPassword = (dataDir: string, args: string[], input: string) =>
  spawnSync(process.execPath, [CLI, ...args], { cwd: ROOT, input, encoding: "utf8", env: { ...process.env, INNBOX_DATA_DIR: dataDir } });

/** A data folder as a first start leaves it: the database, no manager yet. */
async function firstStartedDataDir(): Promise<string> {
  const dataDir = mkdtempSync(join(tmpdir(), "innbox-reset-"));
  const child = spawn(process.execPath, [MAIN], {
    cwd: ROOT,
    env: { ...process.env, HOST: "127.0.0.1", PORT: "0", INNBOX_DATA_DIR: dataDir },
  });
  let output = "";
  child.stdout!.on("data", (d) => (output += d));
  while (!output.includes("First run")) {
    if (child.exitCode !== null) throw new Error(`the appliance exited: ${output}`);
    await new Promise((r) => setTimeout(r, 25));
  }
  child.kill("SIGTERM");
  await once(child, "exit");
  return dataDir;
}

describe("reset-password", () => {
  it("refuses a data folder without a database, and does not create one", () => {
    const empty = mkdtempSync(join(tmpdir(), "innbox-reset-"));
    const result = resetPassword(empty, ["manager"], "a fresh password\n");
    expect(result.status).toBe(1);
    expect(result.stderr.trim()).toBe(
      `There is no Innbox database in ${empty}, so nothing was changed: set INNBOX_DATA_DIR to the folder the appliance keeps its data in (an installed appliance: sudo innbox-reset-password <username>).`,
    );
    expect(readdirSync(empty)).toEqual([]);
    const missing = join(empty, "not-here");
    expect(resetPassword(missing, ["manager"], "a fresh password\n").status).toBe(1);
    expect(existsSync(missing)).toBe(false);
  });

  it("checks that the login exists before it reads a password", async () => {
    const dataDir = await firstStartedDataDir();
    // No password given at all: the name is what it must answer about.
    const result = resetPassword(dataDir, ["nobody"], "");
    expect(result.status).toBe(1);
    expect(result.stderr).toContain(`There is no login named "nobody" in ${dataDir}. No logins exist yet: open the setup link from the appliance's log.`);
    expect(result.stdout).not.toContain("password");
  });
});
