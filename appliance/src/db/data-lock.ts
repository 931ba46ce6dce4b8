import { chmodSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import SQLite from "better-sqlite3";

/** A second appliance on a data folder that one already uses. */
export class DataFolderInUseError extends Error {
  constructor(
    readonly dataDir: string,
    readonly ownerPid: number | undefined,
  ) {
    const who = ownerPid ? `Another Innbox (pid ${ownerPid})` : "Another Innbox";
    super(`${who} is already running on the data folder ${dataDir}: stop it first, or give this one its own folder with INNBOX_DATA_DIR.`);
    this.name = "DataFolderInUseError";
  }
}

export interface DataFolderLock {
  release(): void;
}

/**
 * One appliance per data folder: two would both send every outbox message and answer
 * every Telegram update. The lock is SQLite's exclusive lock on `innbox.lock` (a POSIX
 * record lock), which the kernel drops when the process dies, kill -9 included, so a
 * crash leaves no stale lock and a reused pid never passes for a live owner. The owner's
 * pid in `innbox.pid` only names it in the refusal. The database itself stays open to
 * `reset-password` while the appliance runs.
 */
export function lockDataFolder(dataDir: string): DataFolderLock {
  const dir = resolve(dataDir);
  mkdirSync(dir, { recursive: true, mode: 0o750 });
  const lockFile = join(dir, "innbox.lock");
  const pidFile = join(dir, "innbox.pid");
  const lock = new SQLite(lockFile, { timeout: 0 });
  try {
    lock.pragma("locking_mode = EXCLUSIVE");
    lock.pragma("journal_mode = MEMORY");
    // In exclusive locking mode the lock a write transaction takes is kept until close.
    lock.exec("BEGIN EXCLUSIVE; COMMIT;");
  } catch (err) {
    lock.close();
    if ((err as { code?: string }).code === "SQLITE_BUSY") throw new DataFolderInUseError(dir, livePid(pidFile));
    throw err;
  }
  chmodSync(lockFile, 0o600);
  writeFileSync(pidFile, `${process.pid}\n`, { mode: 0o600 });
  let released = false;
  return {
    release() {
      if (released) return;
      released = true;
      if (livePid(pidFile) === process.pid) rmSync(pidFile, { force: true });
      lock.close();
    },
  };
}

/** The pid written in the file, if that process still exists. */
function livePid(pidFile: string): number | undefined {
  let pid: number;
  try {
    pid = Number(readFileSync(pidFile, "utf8").trim());
  } catch {
    return undefined;
  }
  if (!Number.isInteger(pid) || pid <= 0) return undefined;
  try {
    process.kill(pid, 0);
    return pid;
  } catch (err) {
    // EPERM: it exists but belongs to another user (systemd's ProtectProc hides it).
    return (err as NodeJS.ErrnoException).code === "EPERM" ? pid : undefined;
  }
}
