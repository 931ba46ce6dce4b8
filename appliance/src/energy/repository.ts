import type { Db } from "../db/index.js";
import type { PowerChangeRow } from "./tables.js";

const columns = ["device_id", "at", "on", "online"] as const;

/** The only code that touches the energy tables. */
export const energyRepository = {
  insert: (db: Db, rows: PowerChangeRow[]) => db.insertInto("energy_power_changes").values(rows).execute(),
  /** Each device's latest row. */
  latest: (db: Db) =>
    db
      .selectFrom("energy_power_changes")
      .select(columns)
      .where("seq", "in", (eb) => eb.selectFrom("energy_power_changes").select((e) => e.fn.max("seq").as("seq")).groupBy("device_id"))
      .execute(),
  /** The rows of [from, to) and, per device, the last one before `from` (the state the window opens with). */
  between: async (db: Db, from: string, to: string) => {
    const [before, within] = await Promise.all([
      db
        .selectFrom("energy_power_changes")
        .select(columns)
        .where("seq", "in", (eb) => eb.selectFrom("energy_power_changes").select((e) => e.fn.max("seq").as("seq")).where("at", "<", from).groupBy("device_id"))
        .execute(),
      db.selectFrom("energy_power_changes").select(columns).where("at", ">=", from).where("at", "<", to).orderBy("at").orderBy("seq").execute(),
    ]);
    return [...before, ...within];
  },
  /** Rows older than `before`, but each device's latest (what it still counts as). */
  sweep: (db: Db, before: string) =>
    db
      .deleteFrom("energy_power_changes")
      .where("at", "<", before)
      .where("seq", "not in", (eb) => eb.selectFrom("energy_power_changes").select((e) => e.fn.max("seq").as("seq")).groupBy("device_id"))
      .executeTakeFirst(),
  heartbeat: async (db: Db) => (await db.selectFrom("energy_heartbeat").select("at").where("id", "=", 1).executeTakeFirst())?.at,
  beat: (db: Db, at: string) =>
    db
      .insertInto("energy_heartbeat")
      .values({ id: 1, at })
      .onConflict((oc) => oc.column("id").doUpdateSet({ at }))
      .execute(),
};
