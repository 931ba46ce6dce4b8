import type { CreatePlaceBody, OrderPlacesBody, Place, PlaceCategory, PlaceDirectory, UpdatePlaceBody } from "@innbox/protocol";
import { newId, nowIso, type Db, type Transactions } from "../db/index.js";
import { AppError, type ErrorDetail } from "../http/index.js";
import { receptionTexts as texts } from "./messages.js";
import { mapUrl, navigationUrl } from "./place-links.js";
import { receptionRepository as repo } from "./repository.js";
import type { PlaceCategoryRow, PlaceRow } from "./tables.js";

export interface PlacesService {
  directory(): Promise<PlaceDirectory>;
  create(body: CreatePlaceBody): Promise<Place>;
  update(id: string, body: UpdatePlaceBody): Promise<Place>;
  remove(id: string): Promise<void>;
  order(body: OrderPlacesBody): Promise<PlaceDirectory>;
  renameCategory(id: string, name: string): Promise<PlaceCategory>;
}

/** Names compare whatever their capitals ("Taxi" is "taxi"). */
const keyOf = (name: string) => name.toLocaleLowerCase("und");
/** An optional text left empty is no text. */
const orNull = (text: string | null | undefined) => (text === undefined || text === null || text === "" ? null : text);

function toApi(row: PlaceRow, category: PlaceCategoryRow): Place {
  const place: Place = {
    id: row.id,
    category: category.name,
    categoryId: category.id,
    name: row.name,
    mapUrl: mapUrl(row),
    navigationUrl: navigationUrl(row),
  };
  if (row.description !== null) place.description = row.description;
  if (row.address !== null) place.address = row.address;
  if (row.phone !== null) place.phone = row.phone;
  if (row.website !== null) place.website = row.website;
  if (row.latitude !== null && row.longitude !== null) {
    place.latitude = row.latitude;
    place.longitude = row.longitude;
  }
  return place;
}

export function createPlacesService(deps: { db: Db; transactions: Transactions; clock: () => number }): PlacesService {
  const { db, transactions } = deps;

  async function directory(on: Db = db): Promise<PlaceDirectory> {
    const [categories, places] = await Promise.all([repo.categories(on), repo.places(on)]);
    const byCategory = new Map<string, PlaceRow[]>();
    for (const place of places) byCategory.set(place.category_id, [...(byCategory.get(place.category_id) ?? []), place]);
    return {
      categories: categories.map((c) => ({ id: c.id, name: c.name, places: (byCategory.get(c.id) ?? []).map((p) => toApi(p, c)) })),
    };
  }

  async function describe(on: Db, id: string): Promise<Place> {
    const row = await repo.place(on, id);
    if (!row) throw AppError.notFound(texts.placeNotFound);
    return toApi(row, (await repo.category(on, row.category_id))!);
  }

  /** The category of that name (any capitals), or a new one, last. */
  async function categoryNamed(on: Db, name: string): Promise<PlaceCategoryRow> {
    const existing = await repo.categoryByKey(on, keyOf(name));
    if (existing) return existing;
    const row: PlaceCategoryRow = { id: newId("pc_"), name, name_key: keyOf(name), position: await repo.nextCategoryPosition(on), created_at: nowIso(deps.clock) };
    await repo.insertCategory(on, row);
    return row;
  }

  return {
    directory: () => directory(),

    create: (body) =>
      transactions.run(async ({ db: tx }) => {
        const category = await categoryNamed(tx, body.category);
        const now = nowIso(deps.clock);
        const row: PlaceRow = {
          id: newId("pl_"),
          category_id: category.id,
          position: await repo.nextPlacePosition(tx, category.id),
          name: body.name,
          description: orNull(body.description),
          address: orNull(body.address),
          phone: orNull(body.phone),
          website: orNull(body.website),
          latitude: body.latitude ?? null,
          longitude: body.longitude ?? null,
          created_at: now,
          updated_at: now,
        };
        await repo.insertPlace(tx, row);
        return toApi(row, category);
      }),

    update: (id, body) =>
      transactions.run(async ({ db: tx }) => {
        const current = await repo.place(tx, id);
        if (!current) throw AppError.notFound(texts.placeNotFound);
        const latitude = body.latitude !== undefined ? body.latitude : current.latitude;
        const longitude = body.longitude !== undefined ? body.longitude : current.longitude;
        if ((latitude === null) !== (longitude === null)) {
          const missing = latitude === null ? "latitude" : "longitude";
          throw AppError.badRequest(texts.coordinatesTogether, [{ field: missing, message: texts.giveOtherCoordinate(missing) }]);
        }
        const set: Partial<PlaceRow> = { updated_at: nowIso(deps.clock), latitude, longitude };
        if (body.name !== undefined) set.name = body.name;
        if (body.description !== undefined) set.description = orNull(body.description);
        if (body.address !== undefined) set.address = orNull(body.address);
        if (body.phone !== undefined) set.phone = orNull(body.phone);
        if (body.website !== undefined) set.website = orNull(body.website);
        if (body.category !== undefined) {
          const category = await categoryNamed(tx, body.category);
          if (category.id !== current.category_id) {
            set.category_id = category.id;
            set.position = await repo.nextPlacePosition(tx, category.id);
          }
        }
        await repo.updatePlace(tx, id, set);
        if (set.category_id !== undefined && (await repo.countPlacesIn(tx, current.category_id)) === 0) await repo.deleteCategory(tx, current.category_id);
        return describe(tx, id);
      }),

    remove: (id) =>
      transactions.run(async ({ db: tx }) => {
        const current = await repo.place(tx, id);
        if (!current) throw AppError.notFound(texts.placeNotFound);
        await repo.deletePlace(tx, id);
        if ((await repo.countPlacesIn(tx, current.category_id)) === 0) await repo.deleteCategory(tx, current.category_id);
      }),

    order: (body) =>
      transactions.run(async ({ db: tx }) => {
        const categories = new Set((await repo.categories(tx)).map((c) => c.id));
        const places = new Set((await repo.places(tx)).map((p) => p.id));
        const details: ErrorDetail[] = [];
        const seenCategories = new Set<string>();
        const seenPlaces = new Set<string>();
        body.categories.forEach((entry, i) => {
          if (!categories.has(entry.id)) details.push({ field: `categories.${i}.id`, message: texts.categoryUnknown(entry.id) });
          else if (seenCategories.has(entry.id)) details.push({ field: `categories.${i}.id`, message: texts.categoryRepeated(entry.id) });
          seenCategories.add(entry.id);
          entry.placeIds.forEach((placeId, j) => {
            const field = `categories.${i}.placeIds.${j}`;
            if (!places.has(placeId)) details.push({ field, message: texts.placeUnknown(placeId) });
            else if (seenPlaces.has(placeId)) details.push({ field, message: texts.placeRepeated(placeId) });
            seenPlaces.add(placeId);
          });
        });
        for (const id of categories) if (!seenCategories.has(id)) details.push({ field: "categories", message: texts.categoryMissing(id) });
        for (const id of places) if (!seenPlaces.has(id)) details.push({ field: "categories", message: texts.placeMissing(id) });
        if (details.length) throw AppError.badRequest(texts.orderIncomplete, details);

        for (const [i, entry] of body.categories.entries()) {
          await repo.setCategoryPosition(tx, entry.id, i);
          for (const [j, placeId] of entry.placeIds.entries()) await repo.setPlacePosition(tx, placeId, entry.id, j);
        }
        // A category exists while it holds places (as after deletePlace).
        await repo.deleteEmptyCategories(tx);
        return directory(tx);
      }),

    renameCategory: (id, name) =>
      transactions.run(async ({ db: tx }) => {
        const category = await repo.category(tx, id);
        if (!category) throw AppError.notFound(texts.categoryNotFound);
        const other = await repo.categoryByKey(tx, keyOf(name));
        if (other && other.id !== id) throw AppError.conflict(texts.categoryNameTaken(other.name));
        await repo.renameCategory(tx, id, name, keyOf(name));
        const found = (await directory(tx)).categories.find((c) => c.id === id)!;
        return found;
      }),
  };
}
