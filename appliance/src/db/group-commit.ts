import { sql } from "kysely";
import type { Db } from "./database.js";

interface Pending {
  fn: (trx: Db) => Promise<unknown>;
  resolve: (value: unknown) => void;
  reject: (error: unknown) => void;
}

/**
 * Group commit: units of work that arrive in the same turn of the event loop share one
 * transaction, so one fsync makes all of them durable. Each unit runs inside its own
 * savepoint, so a failing unit is undone alone; each caller's promise settles only after
 * the shared COMMIT, so nothing is acknowledged before it is on disk.
 */
export class GroupCommit {
  private queue: Pending[] = [];
  private scheduled = false;
  private flushing: Promise<void> = Promise.resolve();

  constructor(
    private readonly db: Db,
    private readonly maxBatch = 256,
  ) {}

  run<T>(fn: (trx: Db) => Promise<T>): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      this.queue.push({ fn, resolve: resolve as (v: unknown) => void, reject });
      if (!this.scheduled) {
        this.scheduled = true;
        setImmediate(() => {
          this.scheduled = false;
          this.flushing = this.flushing.then(() => this.flush());
        });
      }
    });
  }

  private async flush(): Promise<void> {
    while (this.queue.length) {
      const batch = this.queue.splice(0, this.maxBatch);
      const outcomes: Array<{ ok: true; value: unknown } | { ok: false; error: unknown }> = [];
      try {
        await this.db.transaction().execute(async (trx) => {
          for (const unit of batch) {
            await sql.raw("savepoint unit").execute(trx);
            try {
              const value = await unit.fn(trx);
              await sql.raw("release unit").execute(trx);
              outcomes.push({ ok: true, value });
            } catch (error) {
              await sql.raw("rollback to unit").execute(trx);
              await sql.raw("release unit").execute(trx);
              outcomes.push({ ok: false, error });
            }
          }
        });
      } catch (error) {
        for (const unit of batch) unit.reject(error);
        continue;
      }
      batch.forEach((unit, i) => {
        const outcome = outcomes[i]!;
        if (outcome.ok) unit.resolve(outcome.value);
        else unit.reject(outcome.error);
      });
    }
  }
}
