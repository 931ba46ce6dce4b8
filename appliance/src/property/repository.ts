import type { Db } from "../db/index.js";
import type { PropertyRow } from "./tables.js";

/** The only code that touches the property tables (one property row, id 1, and its old slugs). */
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

  isOldSlug: async (db: Db, slug: string) =>
    Boolean(await db.selectFrom("property_slug_history").select("slug").where("slug", "=", slug).executeTakeFirst()),

  /** The slugs the property used before, most recently retired first. */
  oldSlugs: async (db: Db) =>
    (await db.selectFrom("property_slug_history").select("slug").orderBy("retired_at", "desc").execute()).map((r) => r.slug),

  /** Remembers `old` (again: its retirement moves to `at`) and forgets `current`, which is in use once more. */
  retireSlug: async (db: Db, old: string, current: string, at: string) => {
    await db.deleteFrom("property_slug_history").where("slug", "=", current).execute();
    await db
      .insertInto("property_slug_history")
      .values({ slug: old, retired_at: at })
      .onConflict((oc) => oc.column("slug").doUpdateSet({ retired_at: at }))
      .execute();
  },
};
