import { describe, expect, it } from "vitest";
import { sql } from "kysely";
import { GroupCommit } from "./group-commit.js";
import { openDatabase } from "./database.js";

describe("group commit", () => {
  it("commits units of the same instant together, and undoes a failing unit alone", async () => {
    const opened = openDatabase(":memory:");
    const db = opened.db;
    await sql`create table t (v text not null)`.execute(db);
    const commits = new GroupCommit(db);
    const results = await Promise.allSettled([
      commits.run(async (trx) => sql`insert into t values ('a')`.execute(trx)),
      commits.run(async (trx) => {
        await sql`insert into t values ('b')`.execute(trx);
        throw new Error("unit b fails after writing");
      }),
      commits.run(async (trx) => sql`insert into t values ('c')`.execute(trx)),
    ]);
    expect(results.map((r) => r.status)).toEqual(["fulfilled", "rejected", "fulfilled"]);
    const rows = await sql<{ v: string }>`select v from t order by v`.execute(db);
    expect(rows.rows.map((r) => r.v)).toEqual(["a", "c"]);
    await opened.close();
  });
});
