import { Property, UpdatePropertyBody } from "@innbox/protocol";
import type { RouteRegistry } from "../http/index.js";
import type { PropertyService } from "./property-service.js";

export function registerPropertyRoutes(registry: RouteRegistry, property: PropertyService, publicUrl: () => string): void {
  const withLink = (p: Awaited<ReturnType<PropertyService["get"]>>) => ({ ...p, receptionUrl: `${publicUrl()}/r/${p.slug}` });
  registry.add({
    method: "get",
    path: "/api/property",
    operationId: "getProperty",
    summary: "The property: name, reception slug, timezone and location.",
    tag: "Property",
    access: "signed-in",
    responses: { 200: { description: "The property.", schema: Property } },
    handler: async () => withLink(await property.get()),
  });
  registry.add({
    method: "patch",
    path: "/api/property",
    operationId: "updateProperty",
    summary: "Change the property's name, slug, timezone or location. Fields left out stay as they are.",
    tag: "Property",
    access: "manager",
    body: UpdatePropertyBody,
    responses: { 200: { description: "The property as now stored.", schema: Property } },
    handler: async ({ body }) => withLink(await property.update(body)),
  });
}
