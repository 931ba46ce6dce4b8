import type { Db } from "../db/index.js";
import type { PropertyRow } from "./tables.js";

/** The only code that touches the property table (one row, id 1). */
export const propertyRepository = {
  get: (db: Db) => db.selectFrom("property").selectAll().where("id", "=", 1).executeTakeFirst(),

  /** At setup (again, if an earlier setup was interrupted): names it and sets its slug. */
  upsert: (db: Db, row: PropertyRow) =>
    db
      .insertInto("property")
      .values(row)
      .onConflict((oc) => oc.column("id").doUpdateSet({ name: row.name, slug: row.slug, updated_at: row.updated_at }))
      .execute(),

  update: (db: Db, set: Partial<PropertyRow>) => db.updateTable("property").set(set).where("id", "=", 1).execute(),
};
