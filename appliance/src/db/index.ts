export { openDatabase, type Db, type OpenedDatabase } from "./database.js";
export { DataFolderInUseError, lockDataFolder } from "./data-lock.js";
export { migrate, type MigrationSet } from "./migrator.js";
export type { Database } from "./tables.js";
export { newId, nowIso } from "./ids.js";
export { GroupCommit } from "./group-commit.js";
export { createTransactions, type Transactions, type Tx } from "./transactions.js";
