import { EnergyQuery, EnergyReport } from "@innbox/protocol";
import type { RouteRegistry } from "../http/index.js";
import { energyTexts as texts } from "./messages.js";
import type { EnergyReportService } from "./index.js";

export function registerEnergyRoutes(registry: RouteRegistry, energy: EnergyReportService): void {
  registry.add({
    method: "get",
    path: "/api/energy",
    operationId: "getEnergyReport",
    summary: texts.reportSummary,
    tag: "Energy",
    access: "signed-in",
    query: EnergyQuery,
    responses: { 200: { description: texts.reportAnswer, schema: EnergyReport } },
    handler: ({ query }) => energy.report(query),
  });
}
