import { z } from "zod";
import { ErrorBody } from "@innbox/protocol";
import type { RouteRegistry } from "./route-registry.js";

const ERROR_STATUSES: Record<string, string> = {
  "400": "Invalid input; `details` name the fields.",
  "401": "Not signed in, or a bad token.",
  "403": "Not allowed, or a missing or wrong X-CSRF-Token header.",
  "404": "Unknown id.",
  "409": "Conflict with what is stored.",
  "413": "The body is too large.",
  "415": "The body is not of a type this request accepts.",
  "429": "Too many attempts; retry after the Retry-After header.",
};

type JsonSchema = Record<string, unknown>;

/** OpenAPI 3.1 for every registered `/api` route, from the same zod schemas that validate them. */
export function buildOpenApi(registry: RouteRegistry, version: string): JsonSchema {
  const components: Record<string, JsonSchema> = {};
  const toSchema = (schema: z.ZodType, io: "input" | "output"): JsonSchema => {
    const json = z.toJSONSchema(schema, {
      io,
      unrepresentable: "any",
      target: "draft-2020-12",
      override: (ctx) => {
        delete (ctx.jsonSchema as JsonSchema).$schema;
      },
    }) as JsonSchema;
    delete json.$schema;
    const defs = json.$defs as Record<string, JsonSchema> | undefined;
    if (defs) {
      Object.assign(components, defs);
      delete json.$defs;
    }
    return JSON.parse(JSON.stringify(json).replaceAll('"#/$defs/', '"#/components/schemas/')) as JsonSchema;
  };
  const errorRef = { $ref: "#/components/schemas/Error" };
  toSchema(ErrorBody, "output"); // registers components.Error (its schema has meta id "Error")

  const paths: Record<string, Record<string, JsonSchema>> = {};
  for (const route of registry.routes()) {
    const path = route.path.replace(/:([A-Za-z0-9_]+)/g, "{$1}");
    const parameters: JsonSchema[] = [];
    for (const [where, schema] of [
      ["path", route.params],
      ["query", route.query],
    ] as const) {
      if (!schema) continue;
      const json = toSchema(schema, "input");
      const props = (json.properties ?? {}) as Record<string, JsonSchema>;
      const required = new Set((json.required ?? []) as string[]);
      for (const [name, prop] of Object.entries(props)) {
        parameters.push({ name, in: where, required: where === "path" || required.has(name), schema: prop });
      }
    }
    const responses: Record<string, JsonSchema> = {};
    for (const [status, spec] of Object.entries(route.responses)) {
      responses[status] = spec.schema
        ? { description: spec.description, content: { [[spec.contentType ?? "application/json"].flat()[0]!]: { schema: toSchema(spec.schema, "output") } } }
        : Number(status) >= 400
          ? { description: spec.description, content: { "application/json": { schema: errorRef } } }
          : spec.contentType
            ? { description: spec.description, content: Object.fromEntries([spec.contentType].flat().map((type) => [type, {}])) }
            : { description: spec.description };
    }
    const errorStatuses = ["400"];
    if (route.access !== "public") errorStatuses.push("401");
    if (route.access === "manager" || (route.access === "signed-in" && route.method !== "get")) errorStatuses.push("403");
    if (route.path.includes(":")) errorStatuses.push("404");
    if (route.body || route.rawBody) errorStatuses.push("413");
    if (route.rawBody) errorStatuses.push("415");
    for (const status of errorStatuses) {
      responses[status] ??= { description: ERROR_STATUSES[status] ?? "Error", content: { "application/json": { schema: errorRef } } };
    }
    const operation: JsonSchema = {
      operationId: route.operationId,
      summary: route.summary,
      tags: [route.tag],
      responses,
    };
    if (parameters.length) operation.parameters = parameters;
    if (route.body) operation.requestBody = { required: true, content: { "application/json": { schema: toSchema(route.body, "input") } } };
    if (route.rawBody) {
      const content = Object.fromEntries(route.rawBody.contentTypes.map((type) => [type, { schema: { type: "string", contentMediaType: type } }]));
      operation.requestBody = { required: true, description: route.rawBody.description, content };
    }
    if (route.access === "signed-in" || route.access === "manager") operation.security = [{ session: [] }];
    if (route.access === "bearer") operation.security = [{ bearer: [] }];
    if (route.access === "manager") operation.description = "Managers only.";
    (paths[path] ??= {})[route.method] = operation;
  }
  return {
    openapi: "3.1.0",
    info: { title: "Innbox appliance API", version, description: "The HTTP API of one Innbox appliance. Times are ISO 8601 in UTC; ids are strings." },
    paths,
    components: {
      schemas: components,
      securitySchemes: {
        session: { type: "apiKey", in: "cookie", name: "innbox_session", description: "State-changing requests also send X-CSRF-Token." },
        bearer: { type: "http", scheme: "bearer" },
      },
    },
  };
}
