import type { Db } from "../db/index.js";
import type { PlaceCategoryRow, PlaceRow, ReceptionLogoRow } from "./tables.js";

/** The only code that touches the reception tables (the page's settings, the Guest Services Directory, the logo and the sticker design). */
export const receptionRepository = {
  settings: (db: Db) => db.selectFrom("reception_settings").selectAll().where("id", "=", 1).executeTakeFirst(),

  saveSettings: (db: Db, settings: string, at: string) =>
    db
      .insertInto("reception_settings")
      .values({ id: 1, settings, updated_at: at })
      .onConflict((oc) => oc.column("id").doUpdateSet({ settings, updated_at: at }))
      .execute(),

  logo: (db: Db) => db.selectFrom("reception_logo").selectAll().where("id", "=", 1).executeTakeFirst(),

  /** Without the bytes, for answers about the logo. */
  logoInfo: (db: Db) => db.selectFrom("reception_logo").select(["content_type", "cleaned", "updated_at"]).select((eb) => eb.fn<number>("length", ["bytes"]).as("size")).where("id", "=", 1).executeTakeFirst(),

  saveLogo: (db: Db, row: Omit<ReceptionLogoRow, "id">) =>
    db
      .insertInto("reception_logo")
      .values({ id: 1, ...row })
      .onConflict((oc) => oc.column("id").doUpdateSet(row))
      .execute(),

  deleteLogo: (db: Db) => db.deleteFrom("reception_logo").where("id", "=", 1).execute(),

  stickerDesign: (db: Db) => db.selectFrom("sticker_design").selectAll().where("id", "=", 1).executeTakeFirst(),

  saveStickerDesign: (db: Db, design: string, at: string) =>
    db
      .insertInto("sticker_design")
      .values({ id: 1, design, updated_at: at })
      .onConflict((oc) => oc.column("id").doUpdateSet({ design, updated_at: at }))
      .execute(),

  categories: (db: Db) => db.selectFrom("place_categories").selectAll().orderBy("position").orderBy("created_at").execute(),

  places: (db: Db) => db.selectFrom("places").selectAll().orderBy("category_id").orderBy("position").orderBy("created_at").execute(),

  category: (db: Db, id: string) => db.selectFrom("place_categories").selectAll().where("id", "=", id).executeTakeFirst(),

  categoryByKey: (db: Db, nameKey: string) => db.selectFrom("place_categories").selectAll().where("name_key", "=", nameKey).executeTakeFirst(),

  insertCategory: (db: Db, row: PlaceCategoryRow) => db.insertInto("place_categories").values(row).execute(),

  renameCategory: (db: Db, id: string, name: string, nameKey: string) =>
    db.updateTable("place_categories").set({ name, name_key: nameKey }).where("id", "=", id).execute(),

  setCategoryPosition: (db: Db, id: string, position: number) => db.updateTable("place_categories").set({ position }).where("id", "=", id).execute(),

  deleteCategory: (db: Db, id: string) => db.deleteFrom("place_categories").where("id", "=", id).execute(),

  /** The position after the last category. */
  nextCategoryPosition: async (db: Db) => {
    const row = await db.selectFrom("place_categories").select((eb) => eb.fn.max<number | null>("position").as("max")).executeTakeFirst();
    return (row?.max ?? -1) + 1;
  },

  place: (db: Db, id: string) => db.selectFrom("places").selectAll().where("id", "=", id).executeTakeFirst(),

  /** The position after the last place of a category. */
  nextPlacePosition: async (db: Db, categoryId: string) => {
    const row = await db
      .selectFrom("places")
      .select((eb) => eb.fn.max<number | null>("position").as("max"))
      .where("category_id", "=", categoryId)
      .executeTakeFirst();
    return (row?.max ?? -1) + 1;
  },

  countPlacesIn: async (db: Db, categoryId: string) => {
    const row = await db.selectFrom("places").select((eb) => eb.fn.countAll<number>().as("n")).where("category_id", "=", categoryId).executeTakeFirst();
    return Number(row?.n ?? 0);
  },

  insertPlace: (db: Db, row: PlaceRow) => db.insertInto("places").values(row).execute(),

  updatePlace: (db: Db, id: string, set: Partial<Omit<PlaceRow, "id" | "created_at">>) => db.updateTable("places").set(set).where("id", "=", id).execute(),

  setPlacePosition: (db: Db, id: string, categoryId: string, position: number) =>
    db.updateTable("places").set({ category_id: categoryId, position }).where("id", "=", id).execute(),

  deletePlace: (db: Db, id: string) => db.deleteFrom("places").where("id", "=", id).execute(),

  /** Removes the categories left without places. */
  deleteEmptyCategories: (db: Db) =>
    db
      .deleteFrom("place_categories")
      .where(({ not, exists, selectFrom }) => not(exists(selectFrom("places").select("places.id").whereRef("places.category_id", "=", "place_categories.id"))))
      .execute(),
};
