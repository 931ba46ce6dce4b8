import { ReceptionSettings } from "@innbox/protocol";
import type { RouteRegistry } from "../http/index.js";
import { receptionTexts as texts } from "./messages.js";
import type { ReceptionSettingsService } from "./settings-service.js";

/** The editor's settings: the page's blocks, languages and chat. */
export function registerSettingsRoutes(registry: RouteRegistry, settings: ReceptionSettingsService): void {
  registry.add({
    method: "get",
    path: "/api/reception",
    operationId: "getReception",
    summary: texts.getReceptionSummary,
    tag: "Online Reception",
    access: "manager",
    responses: { 200: { description: texts.getReceptionAnswer, schema: ReceptionSettings } },
    handler: () => settings.get(),
  });

  registry.add({
    method: "put",
    path: "/api/reception",
    operationId: "updateReception",
    summary: texts.updateReceptionSummary,
    tag: "Online Reception",
    access: "manager",
    body: ReceptionSettings,
    responses: { 200: { description: texts.updateReceptionAnswer, schema: ReceptionSettings } },
    handler: ({ body }) => settings.save(body),
  });
}
