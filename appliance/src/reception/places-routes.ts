import { CreatePlaceBody, IdParams, OrderPlacesBody, Place, PlaceCategory, PlaceDirectory, RenamePlaceCategoryBody, UpdatePlaceBody } from "@innbox/protocol";
import type { RouteRegistry } from "../http/index.js";
import { receptionTexts as texts } from "./messages.js";
import type { PlacesService } from "./places-service.js";

/** The Guest Services Directory, as the manager edits it. */
export function registerPlacesRoutes(registry: RouteRegistry, places: PlacesService): void {
  const tag = "Online Reception";

  registry.add({
    method: "get",
    path: "/api/places",
    operationId: "listPlaces",
    summary: texts.listPlacesSummary,
    tag,
    access: "signed-in",
    responses: { 200: { description: texts.listPlacesAnswer, schema: PlaceDirectory } },
    handler: () => places.directory(),
  });

  registry.add({
    method: "post",
    path: "/api/places",
    operationId: "createPlace",
    summary: texts.createPlaceSummary,
    tag,
    access: "manager",
    body: CreatePlaceBody,
    responses: { 201: { description: texts.createPlaceAnswer, schema: Place } },
    handler: ({ body }) => places.create(body),
  });

  // Before /api/places/:id, though only PATCH and DELETE take an id there.
  registry.add({
    method: "put",
    path: "/api/places/order",
    operationId: "orderPlaces",
    summary: texts.orderPlacesSummary,
    tag,
    access: "manager",
    body: OrderPlacesBody,
    responses: { 200: { description: texts.orderPlacesAnswer, schema: PlaceDirectory } },
    handler: ({ body }) => places.order(body),
  });

  registry.add({
    method: "patch",
    path: "/api/places/:id",
    operationId: "updatePlace",
    summary: texts.updatePlaceSummary,
    tag,
    access: "manager",
    params: IdParams,
    body: UpdatePlaceBody,
    responses: { 200: { description: texts.updatePlaceAnswer, schema: Place } },
    handler: ({ params, body }) => places.update(params.id, body),
  });

  registry.add({
    method: "delete",
    path: "/api/places/:id",
    operationId: "deletePlace",
    summary: texts.deletePlaceSummary,
    tag,
    access: "manager",
    params: IdParams,
    responses: { 204: { description: texts.deletePlaceAnswer } },
    handler: ({ params }) => places.remove(params.id),
  });

  registry.add({
    method: "patch",
    path: "/api/place-categories/:id",
    operationId: "renameCategory",
    summary: texts.renameCategorySummary,
    tag,
    access: "manager",
    params: IdParams,
    body: RenamePlaceCategoryBody,
    responses: { 200: { description: texts.renameCategoryAnswer, schema: PlaceCategory } },
    handler: ({ params, body }) => places.renameCategory(params.id, body.name),
  });
}
