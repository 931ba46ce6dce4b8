// The Guest Services Directory's order as the editor changes it: places within and
// between categories, and the categories themselves. Each change is sent whole
// (orderPlaces takes every category and every place).
import type { OrderPlacesBody, PlaceCategory } from "@innbox/protocol";
import { moveItem } from "./reorder";

/** Where a place is: its category's index and its own index there. */
export function findPlace(categories: readonly PlaceCategory[], placeId: string): { category: number; index: number } | null {
  for (let category = 0; category < categories.length; category++) {
    const index = categories[category]!.places.findIndex((place) => place.id === placeId);
    if (index >= 0) return { category, index };
  }
  return null;
}

/** The place moved to `index` of the category at `toCategory`. */
export function movePlace(categories: readonly PlaceCategory[], placeId: string, toCategory: number, index: number): PlaceCategory[] {
  const from = findPlace(categories, placeId);
  const target = categories[toCategory];
  if (!from || !target) return categories.slice();
  const place = categories[from.category]!.places[from.index]!;
  const next = categories.map((category) => ({ ...category, places: category.places.filter((p) => p.id !== placeId) }));
  const places = next[toCategory]!.places;
  places.splice(Math.max(0, Math.min(index, places.length)), 0, { ...place, categoryId: target.id, category: target.name });
  return next;
}

/**
 * One step up or down, as the move buttons and Alt+Arrow keys go: within the category,
 * and from its first (last) place to the end (start) of the category before (after).
 * Null when there is nowhere to go.
 */
export function stepPlace(categories: readonly PlaceCategory[], placeId: string, step: -1 | 1): PlaceCategory[] | null {
  const at = findPlace(categories, placeId);
  if (!at) return null;
  const count = categories[at.category]!.places.length;
  const index = at.index + step;
  if (index >= 0 && index < count) return movePlace(categories, placeId, at.category, index);
  const neighbour = at.category + step;
  if (neighbour < 0 || neighbour >= categories.length) return null;
  return movePlace(categories, placeId, neighbour, step < 0 ? categories[neighbour]!.places.length : 0);
}

export function moveCategory(categories: readonly PlaceCategory[], categoryId: string, to: number): PlaceCategory[] {
  return moveItem(
    categories,
    categories.findIndex((category) => category.id === categoryId),
    to,
  );
}

export function orderBody(categories: readonly PlaceCategory[]): OrderPlacesBody {
  return { categories: categories.map((category) => ({ id: category.id, placeIds: category.places.map((place) => place.id) })) };
}

export function sameOrder(a: readonly PlaceCategory[], b: readonly PlaceCategory[]): boolean {
  return JSON.stringify(orderBody(a)) === JSON.stringify(orderBody(b));
}
