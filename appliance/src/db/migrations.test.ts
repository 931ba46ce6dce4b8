import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import pino from "pino";
import { createApp } from "../app.js";
import { parseConfig } from "../config/index.js";
import { migrate, openDatabase } from "./index.js";

describe("migrations", () => {
  it("run on an empty database, in order, and a second start applies nothing", async () => {
    const dataDir = mkdtempSync(join(tmpdir(), "innbox-db-"));
    const config = parseConfig({ port: 0, host: "127.0.0.1", dataDir, logLevel: "silent" });
    const first = createApp(config, { log: pino({ level: "silent" }) });
    const { migrationsApplied } = await first.start();
    await first.stop();
    expect(migrationsApplied.length).toBeGreaterThan(0);
    expect(migrationsApplied).toEqual([...migrationsApplied].sort());
    const opened = openDatabase(join(dataDir, "innbox.sqlite"));
    const tables = opened.sqlite
      .prepare("select name from sqlite_master where type = 'table' and name not like 'sqlite_%' order by name")
      .all()
      .map((r) => (r as { name: string }).name);
    expect(tables).toEqual(expect.arrayContaining(["accounts", "sessions", "login_failures", "team_members", "property", "conversations", "messages", "outbox", "weather_forecasts", "place_categories", "places", "migrations"]));
    const recorded = opened.sqlite.prepare("select name from migrations order by name").all().map((r) => (r as { name: string }).name);
    expect(recorded).toEqual(migrationsApplied);
    await opened.close();
    const second = createApp(config, { log: pino({ level: "silent" }) });
    expect((await second.start()).migrationsApplied).toEqual([]);
    await second.stop();
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
