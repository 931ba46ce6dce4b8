import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ApiClient, startTestApp, type TestApp } from "../helpers/app.js";

let app: TestApp;
let doc: any;
beforeAll(async () => {
  app = await startTestApp();
  doc = (await new ApiClient(app.url).get("/api/openapi.json")).body;
});
afterAll(() => app.stop());

const operations = () =>
  Object.entries(doc.paths as Record<string, Record<string, any>>).flatMap(([path, methods]) =>
    Object.entries(methods).map(([method, op]) => ({ path, method, op })),
  );

describe("OpenAPI document", () => {
  it("is OpenAPI 3.1 with an operationId on every route", () => {
    expect(doc.openapi).toBe("3.1.0");
    const ids = operations().map(({ op }) => op.operationId);
    expect(ids.every((id) => typeof id === "string" && id.length > 0)).toBe(true);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it("has the contract's operations at the contract's paths", () => {
    const byId = Object.fromEntries(operations().map(({ path, method, op }) => [op.operationId, `${method.toUpperCase()} ${path}`]));
    expect(byId).toMatchObject({
      setup: "POST /api/setup",
      login: "POST /api/auth/login",
      getSession: "GET /api/auth/session",
      getProperty: "GET /api/property",
      updateProperty: "PATCH /api/property",
      createTeamMember: "POST /api/team",
      listTeamMembers: "GET /api/team",
      getWeatherStatus: "GET /api/weather",
      refreshWeather: "POST /api/weather/refresh",
      getReceptionQr: "GET /api/reception/qr",
      getReceptionLink: "GET /api/reception/link",
      listPlaces: "GET /api/places",
      createPlace: "POST /api/places",
      updatePlace: "PATCH /api/places/{id}",
      deletePlace: "DELETE /api/places/{id}",
      orderPlaces: "PUT /api/places/order",
      renameCategory: "PATCH /api/place-categories/{id}",
      getEnergyReport: "GET /api/energy",
      createKiosk: "POST /api/kiosks",
      listKiosks: "GET /api/kiosks",
      updateKiosk: "PATCH /api/kiosks/{id}",
      deleteKiosk: "DELETE /api/kiosks/{id}",
      createKioskPairingCode: "POST /api/kiosks/{id}/pairing-code",
      reloadKiosk: "POST /api/kiosks/{id}/reload",
      getKioskSettings: "GET /api/kiosk-settings",
      updateKioskSettings: "PUT /api/kiosk-settings",
      pairKiosk: "POST /api/kiosk/pair",
      getKioskScreen: "GET /api/kiosk/screen",
      sendKioskMessage: "POST /api/kiosk/messages",
      listCalls: "GET /api/calls",
    });
    expect(Object.values(byId)).toEqual(expect.arrayContaining(["POST /api/auth/logout", "PATCH /api/team/{id}", "DELETE /api/team/{id}"]));
  });

  it("describes request bodies from the validating schemas, and the error shape", () => {
    const createTeam = doc.paths["/api/team"].post;
    const schema = createTeam.requestBody.content["application/json"].schema;
    expect(schema.required).toEqual(expect.arrayContaining(["name", "role"]));
    expect(schema.properties.role.enum).toEqual(["manager", "staff"]);
    expect(schema.additionalProperties).toBe(false);
    expect(createTeam.responses["400"].content["application/json"].schema.$ref).toBe("#/components/schemas/Error");
    expect(doc.components.schemas.Error.required).toEqual(["error"]);
    expect(doc.paths["/api/team/{id}"].patch.parameters).toContainEqual(expect.objectContaining({ name: "id", in: "path", required: true }));
  });

  it("documents the refusals of sign-in and guest routes with the error shape", () => {
    const errorOf = (op: any, status: string) => op.responses[status]?.content?.["application/json"]?.schema?.$ref;
    expect(errorOf(doc.paths["/api/auth/login"].post, "429")).toBe("#/components/schemas/Error");
    expect(errorOf(doc.paths["/api/guest/sessions"].post, "429")).toBe("#/components/schemas/Error");
    expect(errorOf(doc.paths["/api/guest/conversation"].patch, "429")).toBe("#/components/schemas/Error");
    const channel = doc.paths["/api/guest/sessions"].post.requestBody.content["application/json"].schema.properties.channel;
    expect(channel.const ?? channel.enum).toEqual(channel.const !== undefined ? "web" : ["web"]);
  });

  it("resolves every $ref it uses", () => {
    const refs = JSON.stringify(doc).match(/"\$ref":"[^"]+"/g) ?? [];
    for (const ref of refs) {
      const name = ref.slice(ref.lastIndexOf("/") + 1, -1);
      expect(doc.components.schemas[name], ref).toBeDefined();
    }
  });
});
