import { Migrator, type Migration, type MigrationProvider } from "kysely";
import type { Db } from "./database.js";

/**
 * Each capability owns numbered migrations named `NNNN-capability-what`. The number is
 * global so that tables referring to another capability's tables come after them.
 */
export type MigrationSet = Record<string, Migration>;

export async function migrate(db: Db, sets: MigrationSet[]): Promise<string[]> {
  const all: Record<string, Migration> = {};
  for (const set of sets) {
    for (const [name, migration] of Object.entries(set)) {
      if (!/^\d{4}-[a-z]+-[a-z0-9-]+$/.test(name)) throw new Error(`Migration name "${name}" must look like 0001-capability-what`);
      if (all[name]) throw new Error(`Two migrations are named "${name}"`);
      all[name] = migration;
    }
  }
  const provider: MigrationProvider = { getMigrations: async () => all };
  const migrator = new Migrator({ db, provider, migrationTableName: "migrations", migrationLockTableName: "migrations_lock" });
  const { error, results } = await migrator.migrateToLatest();
  if (error) {
    const failed = results?.find((r) => r.status === "Error");
    throw new Error(`Database migration ${failed?.migrationName ?? ""} failed: ${error instanceof Error ? error.message : String(error)}`);
  }
  return (results ?? []).filter((r) => r.status === "Success").map((r) => r.migrationName);
}
