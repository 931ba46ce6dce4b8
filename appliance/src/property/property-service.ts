import type { Property, UpdatePropertyBody } from "@innbox/protocol";
import { nowIso, type Db } from "../db/index.js";
import type { EventBus } from "../events/index.js";
import { AppError } from "../http/index.js";
import { propertyRepository as repo } from "./repository.js";
import { propertyTexts } from "./messages.js";
import { slugFromName, systemTimeZone } from "./slug.js";
import type { PropertyRow } from "./tables.js";

export interface PropertyService {
  get(): Promise<Property>;
  /** At setup: names the property and gives it a slug and the box's timezone. */
  initialize(name: string): Promise<Property>;
  update(patch: UpdatePropertyBody): Promise<Property>;
  /**
   * The current slug when `slug` is it or one the property used before (old QR codes keep
   * working); undefined for a slug that was never the property's, or before setup.
   */
  currentSlugFor(slug: string): Promise<string | undefined>;
  /** The slugs the property used before (they redirect to the current one), most recent first. */
  formerSlugs(): Promise<string[]>;
}

const toApi = (row: PropertyRow): Property => ({
  name: row.name,
  slug: row.slug,
  timezone: row.timezone,
  latitude: row.latitude,
  longitude: row.longitude,
  city: row.city,
  checkInTime: row.check_in_time,
  checkOutTime: row.check_out_time,
  ...(row.arrival_instructions ? { arrivalInstructions: row.arrival_instructions } : {}),
});

export function createPropertyService(deps: { db: Db; bus: EventBus; clock: () => number }): PropertyService {
  const { db } = deps;
  const read = () => repo.get(db);

  return {
    async get() {
      const row = await read();
      if (!row) throw AppError.notFound(propertyTexts.notSetUp);
      return toApi(row);
    },
    async initialize(name) {
      const row: PropertyRow = {
        id: 1,
        name,
        slug: slugFromName(name),
        timezone: systemTimeZone(),
        latitude: null,
        longitude: null,
        city: null,
        check_in_time: "15:00",
        check_out_time: "11:00",
        arrival_instructions: null,
        updated_at: nowIso(deps.clock),
      };
      await repo.upsert(db, row);
      return toApi((await read())!);
    },
    async update(patch) {
      const current = await read();
      if (!current) throw AppError.notFound(propertyTexts.notSetUp);
      const latitude = patch.latitude !== undefined ? patch.latitude : current.latitude;
      const longitude = patch.longitude !== undefined ? patch.longitude : current.longitude;
      if ((latitude === null) !== (longitude === null)) {
        const missing = latitude === null ? "latitude" : "longitude";
        throw AppError.badRequest(propertyTexts.coordinatesTogether, [{ field: missing, message: propertyTexts.giveOtherCoordinate(missing) }]);
      }
      const set: Partial<PropertyRow> = { updated_at: nowIso(deps.clock) };
      if (patch.name !== undefined) set.name = patch.name;
      if (patch.slug !== undefined) set.slug = patch.slug;
      if (patch.timezone !== undefined) set.timezone = patch.timezone;
      if (patch.latitude !== undefined) set.latitude = patch.latitude;
      if (patch.longitude !== undefined) set.longitude = patch.longitude;
      if (patch.city !== undefined) set.city = patch.city || null;
      if (patch.checkInTime !== undefined) set.check_in_time = patch.checkInTime;
      if (patch.checkOutTime !== undefined) set.check_out_time = patch.checkOutTime;
      if (patch.arrivalInstructions !== undefined) set.arrival_instructions = patch.arrivalInstructions || null;
      if (set.slug !== undefined && set.slug !== current.slug) {
        const { slug: newSlug, updated_at: at } = set as { slug: string; updated_at: string };
        await db.transaction().execute(async (trx) => {
          await repo.update(trx, set);
          await repo.retireSlug(trx, current.slug, newSlug, at);
        });
      } else {
        await repo.update(db, set);
      }
      const updated = toApi((await read())!);
      deps.bus.emit("property.updated", { name: updated.name, slug: updated.slug, timezone: updated.timezone, latitude: updated.latitude ?? null, longitude: updated.longitude ?? null });
      return updated;
    },
    formerSlugs: () => repo.oldSlugs(db),
    async currentSlugFor(slug) {
      const row = await read();
      if (!row) return undefined;
      if (slug === row.slug) return row.slug;
      return (await repo.isOldSlug(db, slug)) ? row.slug : undefined;
    },
  };
}
