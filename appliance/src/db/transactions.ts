import type { Db } from "./database.js";
import { GroupCommit } from "./group-commit.js";

/**
 * One unit of work: its queries go through `db`, and what it announces (socket events,
 * bus events, waking the outbox) waits in `afterCommit` until the data is on disk.
 */
export interface Tx {
  readonly db: Db;
  afterCommit(fn: () => void): void;
}

export interface Transactions {
  /**
   * Runs `fn` atomically, in its own savepoint of a transaction shared with other work of
   * the same instant (one fsync for all); its after-commit hooks run once that commits.
   */
  run<T>(fn: (tx: Tx) => Promise<T>): Promise<T>;
}

export function createTransactions(db: Db): Transactions {
  const commits = new GroupCommit(db);
  return {
    async run(fn) {
      const hooks: Array<() => void> = [];
      const result = await commits.run((trx) => fn({ db: trx, afterCommit: (hook) => hooks.push(hook) }));
      for (const hook of hooks) hook();
      return result;
    },
  };
}
