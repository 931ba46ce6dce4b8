import type { Db } from "../db/index.js";
import type { ScenarioDueRow, ScenarioRow, ScenarioRunRow } from "./tables.js";

/** The only code that touches the scenarios tables. */
export const scenariosRepository = {
  scenarios: (db: Db) => db.selectFrom("scenarios").selectAll().orderBy("name").orderBy("created_at").execute(),
  scenario: (db: Db, id: string) => db.selectFrom("scenarios").selectAll().where("id", "=", id).executeTakeFirst(),
  insert: (db: Db, row: ScenarioRow) => db.insertInto("scenarios").values(row).execute(),
  update: (db: Db, id: string, set: Partial<ScenarioRow>) => db.updateTable("scenarios").set(set).where("id", "=", id).execute(),
  delete: async (db: Db, id: string) => {
    await db.deleteFrom("scenario_trigger_state").where("scenario_id", "=", id).execute();
    await db.deleteFrom("scenario_due").where("scenario_id", "=", id).execute();
    await db.deleteFrom("scenarios").where("id", "=", id).execute();
  },

  insertRun: (db: Db, row: ScenarioRunRow) => db.insertInto("scenario_runs").values(row).execute(),
  runs: (db: Db, filter: { scenarioId?: string | undefined; limit: number }) => {
    let q = db.selectFrom("scenario_runs").selectAll();
    if (filter.scenarioId) q = q.where("scenario_id", "=", filter.scenarioId);
    return q.orderBy("started_at", "desc").orderBy("finished_at", "desc").limit(filter.limit).execute();
  },
  lastRun: (db: Db, scenarioId: string) =>
    db.selectFrom("scenario_runs").select(["id", "started_at", "outcome"]).where("scenario_id", "=", scenarioId).orderBy("started_at", "desc").orderBy("finished_at", "desc").limit(1).executeTakeFirst(),
  deleteRunsBefore: (db: Db, before: string) => db.deleteFrom("scenario_runs").where("started_at", "<", before).executeTakeFirst(),

  triggerState: (db: Db, scenarioId: string, key: string) =>
    db.selectFrom("scenario_trigger_state").selectAll().where("scenario_id", "=", scenarioId).where("trigger_key", "=", key).executeTakeFirst(),
  triggerStates: (db: Db) => db.selectFrom("scenario_trigger_state").select(["scenario_id", "trigger_key", "handled_at"]).execute(),
  setHandled: (db: Db, scenarioId: string, key: string, handledAt: string) =>
    db
      .insertInto("scenario_trigger_state")
      .values({ scenario_id: scenarioId, trigger_key: key, handled_at: handledAt, inside: null })
      .onConflict((oc) => oc.columns(["scenario_id", "trigger_key"]).doUpdateSet({ handled_at: handledAt }))
      .execute(),
  setInside: (db: Db, scenarioId: string, key: string, inside: boolean) =>
    db
      .insertInto("scenario_trigger_state")
      .values({ scenario_id: scenarioId, trigger_key: key, handled_at: null, inside: inside ? 1 : 0 })
      .onConflict((oc) => oc.columns(["scenario_id", "trigger_key"]).doUpdateSet({ inside: inside ? 1 : 0 }))
      .execute(),

  insertDue: (db: Db, row: ScenarioDueRow) => db.insertInto("scenario_due").values(row).execute(),
  due: (db: Db) => db.selectFrom("scenario_due").selectAll().orderBy("due_at").execute(),
  deleteDue: (db: Db, id: string) => db.deleteFrom("scenario_due").where("id", "=", id).execute(),

  getState: async (db: Db, key: string) => (await db.selectFrom("scenario_state").select("value").where("key", "=", key).executeTakeFirst())?.value,
  putState: (db: Db, key: string, value: string) =>
    db.insertInto("scenario_state").values({ key, value }).onConflict((oc) => oc.column("key").doUpdateSet({ value })).execute(),
};
