import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { ALL_MIGRATIONS } from "../app.js";
import { migrate, openDatabase } from "./index.js";

describe("migrations", () => {
  it("run on an empty database, in order, and a second run applies nothing", async () => {
    const file = join(mkdtempSync(join(tmpdir(), "innbox-db-")), "innbox.sqlite");
    const opened = openDatabase(file);
    const applied = await migrate(opened.db, ALL_MIGRATIONS);
    expect(applied).toEqual([...applied].sort());
    expect(applied.length).toBe(ALL_MIGRATIONS.reduce((n, set) => n + Object.keys(set).length, 0));
    const tables = opened.sqlite
      .prepare("select name from sqlite_master where type = 'table' and name not like 'sqlite_%' order by name")
      .all()
      .map((r) => (r as { name: string }).name);
    expect(tables).toEqual(expect.arrayContaining(["accounts", "sessions", "login_failures", "team_members", "property", "migrations"]));
    expect(await migrate(opened.db, ALL_MIGRATIONS)).toEqual([]);
    await opened.close();
  });

  it("opens SQLite with WAL, foreign keys and a busy timeout", async () => {
    const file = join(mkdtempSync(join(tmpdir(), "innbox-db-")), "innbox.sqlite");
    const opened = openDatabase(file);
    expect(opened.sqlite.pragma("journal_mode", { simple: true })).toBe("wal");
    expect(opened.sqlite.pragma("foreign_keys", { simple: true })).toBe(1);
    expect(opened.sqlite.pragma("busy_timeout", { simple: true })).toBe(5000);
    await opened.close();
  });

  it("refuses two migrations with the same name", async () => {
    const opened = openDatabase(":memory:");
    const m = { up: async () => undefined };
    await expect(migrate(opened.db, [{ "0001-a-x": m }, { "0001-a-x": m }])).rejects.toThrow(/Two migrations are named/);
    await opened.close();
  });
});
