import { chmodSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { newToken } from "../crypto/index.js";

/** The one-time setup token lives in `<dataDir>/setup-token`, readable by the owner only. */
export class SetupTokenFile {
  readonly path: string;
  constructor(dataDir: string) {
    this.path = join(dataDir, "setup-token");
  }

  /** Returns the token, creating the file on first run; a restart keeps the same token. */
  ensure(): string {
    const existing = this.read();
    if (existing) return existing;
    mkdirSync(join(this.path, ".."), { recursive: true, mode: 0o750 });
    const token = newToken(24);
    writeFileSync(this.path, `${token}\n`, { mode: 0o600 });
    chmodSync(this.path, 0o600);
    return token;
  }

  read(): string | undefined {
    if (!existsSync(this.path)) return undefined;
    const token = readFileSync(this.path, "utf8").trim();
    return token || undefined;
  }

  remove(): void {
    rmSync(this.path, { force: true });
  }
}
