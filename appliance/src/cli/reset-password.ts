// `npm run reset-password -- <username> [--generate]`: sets a new password for an
// admin-page login, straight in the database on this box. Signs that login out everywhere
// and clears its failed sign-in count. Works while the appliance runs (SQLite WAL).
import { randomBytes } from "node:crypto";
import { createInterface } from "node:readline";
import pino from "pino";
import { Password } from "@innbox/protocol";
import { openForMaintenance } from "../app.js";
import { ConfigError, loadConfig } from "../config/index.js";
import { existsSync } from "node:fs";
import { join, resolve } from "node:path";

function fail(message: string): never {
  process.stderr.write(`${message}\n`);
  process.exit(1);
}

async function askHidden(question: string): Promise<string> {
  const rl = createInterface({ input: process.stdin, output: process.stdout, terminal: true });
  const output = rl as unknown as { _writeToOutput: (s: string) => void; output: NodeJS.WriteStream };
  let prompted = false;
  output._writeToOutput = (s: string) => {
    if (!prompted) {
      process.stdout.write(s);
      prompted = true;
    }
  };
  const answer = await new Promise<string>((resolve) => rl.question(question, resolve));
  rl.close();
  process.stdout.write("\n");
  return answer;
}

async function readLine(): Promise<string> {
  const rl = createInterface({ input: process.stdin });
  for await (const line of rl) {
    rl.close();
    return line;
  }
  return "";
}

async function main() {
  const args = process.argv.slice(2);
  const generate = args.includes("--generate");
  const username = args.find((a) => !a.startsWith("--"));
  if (!username || args.includes("--help")) {
    fail("Usage: npm run reset-password -- <username> [--generate]\nAsks for the new password (or reads it from standard input); --generate makes one up and prints it.");
  }
  let config;
  try {
    config = loadConfig();
  } catch (err) {
    if (err instanceof ConfigError) fail(err.problems.map((p) => `Bad setting: ${p}`).join("\n"));
    throw err;
  }

  // Opening a missing file would create an empty database: a wrong INNBOX_DATA_DIR
  // would then "work" on a database the appliance never reads.
  const file = join(config.dataDir, "innbox.sqlite");
  if (!existsSync(file)) {
    fail(`There is no Innbox database in ${resolve(config.dataDir)}, so nothing was changed: set INNBOX_DATA_DIR to the folder the appliance keeps its data in (an installed appliance: sudo innbox-reset-password <username>).`);
  }

  const log = pino({ level: "silent" });
  const { auth, close } = await openForMaintenance(config, log);
  try {
    // Before asking for a password: a typo in the name should not cost typing one twice.
    const known = await auth.listUsernames();
    if (!known.some((k) => k.toLowerCase() === username.trim().toLowerCase())) {
      fail(`There is no login named "${username}" in ${resolve(config.dataDir)}. ${known.length ? `Logins: ${known.join(", ")}.` : "No logins exist yet: open the setup link from the appliance's log."}`);
    }

    let password: string;
    if (generate) password = randomBytes(12).toString("base64url");
    else if (process.stdin.isTTY) {
      password = await askHidden(`New password for ${username}: `);
      const again = await askHidden("Same password again: ");
      if (again !== password) fail("The two passwords differ; nothing was changed.");
    } else password = await readLine();
    const checked = Password.safeParse(password);
    if (!checked.success) fail(`${checked.error.issues[0]?.message ?? "Invalid password."} Nothing was changed.`);

    const done = await auth.resetPassword(username, password);
    if (!done) fail(`There is no login named "${username}" in ${resolve(config.dataDir)}. Nothing was changed.`);
    process.stdout.write(`Password of ${done.username} changed; their sessions were signed out.\n`);
    if (generate) process.stdout.write(`New password: ${password}\n`);
  } finally {
    await close();
  }
}

void main();
