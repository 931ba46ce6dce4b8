import { BLOCK_IDS, defaultReceptionSettings, ReceptionSettings, type ReceptionSettingsInput } from "@innbox/protocol";
import { nowIso, type Db } from "../db/index.js";
import type { Logger } from "pino";
import { receptionRepository as repo } from "./repository.js";

export interface ReceptionSettingsService {
  /** The settings as stored, or the defaults before the manager saves any. */
  get(): Promise<ReceptionSettings>;
  /** Replaces them (already checked against the schema). */
  save(settings: ReceptionSettings): Promise<ReceptionSettings>;
}

/**
 * Stored settings read back through the schema: a block a later version adds joins at the
 * end with its defaults, and a row that no longer fits (edited by hand) gives the defaults
 * rather than a broken page; the row itself is left for the manager's next save.
 */
function fromStored(json: string, log: Logger): ReceptionSettings {
  const defaults = defaultReceptionSettings();
  try {
    const raw = JSON.parse(json) as ReceptionSettingsInput;
    const listed = new Set((raw.blocks ?? []).map((b) => b.id));
    const blocks = [...(raw.blocks ?? []), ...defaults.blocks.filter((b) => !listed.has(b.id))];
    return ReceptionSettings.parse({ ...raw, blocks: blocks.filter((b) => (BLOCK_IDS as readonly string[]).includes(b.id)) });
  } catch (error) {
    log.warn({ err: error }, "stored reception settings do not fit; the page uses the defaults until the manager saves again");
    return defaults;
  }
}

export function createReceptionSettings(deps: { db: Db; clock: () => number; log: Logger }): ReceptionSettingsService {
  let cached: ReceptionSettings | undefined;
  return {
    async get() {
      if (cached) return cached;
      const row = await repo.settings(deps.db);
      cached = row ? fromStored(row.settings, deps.log) : defaultReceptionSettings();
      return cached;
    },
    async save(settings) {
      await repo.saveSettings(deps.db, JSON.stringify(settings), nowIso(deps.clock));
      cached = settings;
      return settings;
    },
  };
}
