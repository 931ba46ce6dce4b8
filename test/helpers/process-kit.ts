// What the process tests share: the repository's paths, building the appliance once, a
// free loopback port, and children that are killed when a test ends.
import { spawnSync, type ChildProcess } from "node:child_process";
import { once } from "node:events";
import { createServer } from "node:net";
import { join } from "node:path";

export const ROOT = join(import.meta.dirname, "..", "..");
/** The compiled appliance as its owner runs it: `node appliance/dist/main.js`. */
export const MAIN = join(ROOT, "appliance", "dist", "main.js");

/** Builds what is out of date (`applianceOnly`: not the web pages); for a `beforeAll` with a long timeout. */
export function build({ applianceOnly = true }: { applianceOnly?: boolean } = {}): void {
  const args = [join(ROOT, "scripts", "build.mjs"), "--quiet", ...(applianceOnly ? ["--appliance-only"] : [])];
  const result = spawnSync(process.execPath, args, { cwd: ROOT, encoding: "utf8" });
  if (result.status !== 0) throw new Error(`build failed: ${result.stderr}`);
}

/** A port nothing listens on right now, on 127.0.0.1. */
export async function freePort(): Promise<number> {
  const server = createServer().listen(0, "127.0.0.1");
  await once(server, "listening");
  const { port } = server.address() as { port: number };
  server.close();
  await once(server, "close");
  return port;
}

/** Children a test started; `killAll()` (in an `afterEach`) ends those still running. */
export function childProcesses() {
  const children: ChildProcess[] = [];
  return {
    track<C extends ChildProcess>(child: C): C {
      children.push(child);
      return child;
    },
    killAll(): void {
      for (const child of children.splice(0)) if (child.exitCode === null && child.signalCode === null) child.kill("SIGKILL");
    },
  };
}
