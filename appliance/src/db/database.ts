import { chmodSync, mkdirSync } from "node:fs";
import { dirname } from "node:path";
import SQLite from "better-sqlite3";
import { Kysely, SqliteDialect } from "kysely";
import type { Database } from "./tables.js";

export type Db = Kysely<Database>;

export interface OpenedDatabase {
  db: Db;
  /** The raw handle, for SQLite-only work kept inside db/ (backup, checkpoint). */
  sqlite: SQLite.Database;
  close(): Promise<void>;
}

/**
 * Opens the SQLite file with WAL, foreign keys and a busy timeout. synchronous=FULL makes
 * every acknowledged write survive a power cut, which is what the chat promises.
 */
export function openDatabase(file: string): OpenedDatabase {
  if (file !== ":memory:") mkdirSync(dirname(file), { recursive: true, mode: 0o750 });
  const sqlite = new SQLite(file);
  // Password hashes and guest data: readable by the appliance's user only.
  if (file !== ":memory:") chmodSync(file, 0o600);
  sqlite.pragma("journal_mode = WAL");
  sqlite.pragma("synchronous = FULL");
  sqlite.pragma("foreign_keys = ON");
  sqlite.pragma("busy_timeout = 5000");
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: withStatementCache(sqlite) }) });
  let closed = false;
  return {
    db,
    sqlite,
    async close() {
      if (closed) return;
      closed = true;
      await db.destroy(); // closes the better-sqlite3 handle too
    },
  };
}

/**
 * kysely prepares every statement anew; preparing costs about as much as running a small
 * query. Our queries are built from a fixed set of shapes, so their SQL repeats: keep the
 * prepared statements, a bounded number of them, keyed by SQL text.
 */
function withStatementCache(sqlite: SQLite.Database, max = 500) {
  const cache = new Map<string, SQLite.Statement>();
  return {
    close: () => sqlite.close(),
    prepare(sql: string) {
      let statement = cache.get(sql);
      if (!statement) {
        statement = sqlite.prepare(sql);
        if (cache.size >= max) cache.delete(cache.keys().next().value!);
        cache.set(sql, statement);
      }
      return statement;
    },
  };
}
