import { CreateScenarioBody, IdParams, PreviewAnswer, PreviewBody, PreviewQuery, RunsQuery, RunStarted, ScenarioAnswer, ScenarioList, ScenarioRunList, UpdateScenarioBody } from "@innbox/protocol";
import type { RouteRegistry } from "../http/index.js";
import { scenariosTexts as texts } from "./messages.js";
import type { ScenariosService } from "./scenarios-service.js";

export function registerScenariosRoutes(registry: RouteRegistry, scenarios: ScenariosService): void {
  const tag = "Scenarios";
  registry.add({
    method: "get",
    path: "/api/scenarios",
    operationId: "listScenarios",
    summary: texts.listSummary,
    tag,
    access: "signed-in",
    responses: { 200: { description: texts.listAnswer, schema: ScenarioList } },
    handler: async () => ({ scenarios: await scenarios.list() }),
  });
  registry.add({
    method: "post",
    path: "/api/scenarios",
    operationId: "createScenario",
    summary: texts.createSummary,
    tag,
    access: "manager",
    body: CreateScenarioBody,
    responses: { 201: { description: texts.createAnswer, schema: ScenarioAnswer } },
    handler: async ({ body }) => ({ scenario: await scenarios.create(body) }),
  });
  // Before the /:id routes: "preview" is not an id.
  registry.add({
    method: "post",
    path: "/api/scenarios/preview",
    operationId: "previewScenarioDraft",
    summary: texts.previewDraftSummary,
    tag,
    access: "signed-in",
    body: PreviewBody,
    responses: { 200: { description: texts.previewAnswer, schema: PreviewAnswer } },
    handler: ({ body }) => scenarios.previewDraft(body.scenario, body.from, body.days),
  });
  registry.add({
    method: "patch",
    path: "/api/scenarios/:id",
    operationId: "updateScenario",
    summary: texts.updateSummary,
    tag,
    access: "manager",
    params: IdParams,
    body: UpdateScenarioBody,
    responses: { 200: { description: texts.updateAnswer, schema: ScenarioAnswer } },
    handler: async ({ params, body }) => ({ scenario: await scenarios.update(params.id, body) }),
  });
  registry.add({
    method: "delete",
    path: "/api/scenarios/:id",
    operationId: "deleteScenario",
    summary: texts.deleteSummary,
    tag,
    access: "manager",
    params: IdParams,
    responses: { 204: { description: texts.deleteAnswer }, 409: { description: "Another scenario runs it." } },
    handler: async ({ params, res }) => {
      await scenarios.remove(params.id);
      res.status(204).end();
    },
  });
  registry.add({
    method: "post",
    path: "/api/scenarios/:id/run",
    operationId: "runScenario",
    summary: texts.runSummary,
    tag,
    access: "signed-in",
    params: IdParams,
    responses: { 202: { description: texts.runAnswer, schema: RunStarted } },
    handler: async ({ params }) => ({ runId: await scenarios.run(params.id) }),
  });
  registry.add({
    method: "get",
    path: "/api/scenarios/:id/preview",
    operationId: "previewScenario",
    summary: texts.previewSummary,
    tag,
    access: "signed-in",
    params: IdParams,
    query: PreviewQuery,
    responses: { 200: { description: texts.previewAnswer, schema: PreviewAnswer } },
    handler: ({ params, query }) => scenarios.preview(params.id, query.from, query.days),
  });
  registry.add({
    method: "get",
    path: "/api/scenario-runs",
    operationId: "listScenarioRuns",
    summary: texts.runsSummary,
    tag,
    access: "signed-in",
    query: RunsQuery,
    responses: { 200: { description: texts.runsAnswer, schema: ScenarioRunList } },
    handler: async ({ query }) => ({ runs: await scenarios.runs(query) }),
  });
}
