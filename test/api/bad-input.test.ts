import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ApiClient, setUpManager, startTestApp, type TestApp } from "../helpers/app.js";

// Every route of the foundation, fed what a broken client, a typo or an attacker sends.
// Each must answer the contract's 4xx with a sentence, and change nothing stored.

let app: TestApp;
let manager: ApiClient;
let staffId: string;

async function snapshot() {
  const [team, property] = await Promise.all([manager.get("/api/team"), manager.get("/api/property")]);
  return { team: team.body, property: property.body };
}

beforeAll(async () => {
  app = await startTestApp();
  manager = await setUpManager(app);
  staffId = (await manager.post("/api/team", { name: "Sam", role: "staff", username: "sam", password: "sam password" })).body.id;
});
afterAll(() => app.stop());

function expectError(res: { status: number; body: any }, status: number, pattern?: RegExp) {
  expect(res.status).toBe(status);
  expect(typeof res.body.error).toBe("string");
  expect(res.body.error.length).toBeGreaterThan(10);
  if (pattern) expect(res.body.error).toMatch(pattern);
}

const ROUTES_WITH_BODY = [
  { method: "POST", path: "/api/auth/login", valid: { username: "x", password: "y" } },
  { method: "POST", path: "/api/team", valid: { name: "New", role: "staff" } },
  { method: "PATCH", path: "/api/team/:staff", valid: { name: "Renamed" } },
  { method: "PATCH", path: "/api/property", valid: { name: "Renamed" } },
];

describe("bad input", () => {
  for (const route of ROUTES_WITH_BODY) {
    describe(`${route.method} ${route.path}`, () => {
      const path = () => route.path.replace(":staff", staffId);

      it("answers broken JSON with 400", async () => {
        const before = await snapshot();
        const res = await manager.request(route.method, path(), undefined, { rawBody: '{"name": "x",' });
        expectError(res, 400, /not valid JSON/);
        expect(await snapshot()).toEqual(before);
      });

      it("answers an oversized body with 413", async () => {
        const before = await snapshot();
        const res = await manager.request(route.method, path(), { ...route.valid, name: "x".repeat(200_000) });
        expectError(res, 413, /larger than/);
        expect(await snapshot()).toEqual(before);
      });

      it("answers unknown fields with 400 naming them", async () => {
        const before = await snapshot();
        const res = await manager.request(route.method, path(), { ...route.valid, isAdmin: true });
        expectError(res, 400);
        expect(res.body.details).toContainEqual({ field: "isAdmin", message: expect.stringContaining("not a field") });
        expect(await snapshot()).toEqual(before);
      });

      it("answers a body that is not an object with 400", async () => {
        for (const raw of ["[1,2]", '"text"', "42", "null"]) {
          const res = await manager.request(route.method, path(), undefined, { rawBody: raw });
          expectError(res, 400);
        }
      });

      it("answers a form-encoded body with 400", async () => {
        const res = await manager.request(route.method, path(), undefined, { rawBody: "name=x", contentType: "application/x-www-form-urlencoded" });
        expectError(res, 400, /JSON object/);
      });
    });
  }

  it("names each missing field", async () => {
    const res = await manager.post("/api/team", {});
    expectError(res, 400);
    expect(res.body.details.map((d: { field: string }) => d.field).sort()).toEqual(["name", "role"]);
    expect(res.body.details[0].message).toMatch(/is required/);
  });

  it("names each field of the wrong type", async () => {
    const before = await snapshot();
    const res = await manager.post("/api/team", { name: 42, role: "boss", username: ["a"], password: 5 });
    expectError(res, 400);
    expect(res.body.details).toEqual(
      expect.arrayContaining([
        { field: "name", message: "Name must be text." },
        { field: "role", message: 'Role must be "manager" or "staff".' },
        { field: "username", message: "Username must be text." },
        { field: "password", message: "Password must be text." },
      ]),
    );
    const property = await manager.patch("/api/property", { latitude: "north", timezone: 3 });
    expectError(property, 400);
    expect(property.body.details.map((d: { field: string }) => d.field).sort()).toEqual(["latitude", "timezone"]);
    expect(await snapshot()).toEqual(before);
  });

  it("asks for username and password together", async () => {
    const res = await manager.post("/api/team", { name: "Half", role: "staff", username: "half" });
    expectError(res, 400);
    expect(res.body.details[0]).toEqual({ field: "password", message: expect.stringMatching(/both a username and a password/) });
  });

  it("answers unknown ids with 404", async () => {
    const before = await snapshot();
    expectError(await manager.patch("/api/team/m_doesnotexist", { name: "x" }), 404, /no team member/);
    expectError(await manager.delete("/api/team/m_doesnotexist"), 404, /no team member/);
    expect(await snapshot()).toEqual(before);
  });

  it("answers unknown API paths with a JSON 404", async () => {
    expectError(await manager.get("/api/nothing-here"), 404, /openapi/);
  });

  it("refuses every change without a session, with 401", async () => {
    const anonymous = new ApiClient(app.url);
    const before = await snapshot();
    for (const [method, path] of [
      ["GET", "/api/team"],
      ["POST", "/api/team"],
      ["PATCH", `/api/team/${staffId}`],
      ["DELETE", `/api/team/${staffId}`],
      ["GET", "/api/property"],
      ["PATCH", "/api/property"],
      ["POST", "/api/auth/logout"],
      ["GET", "/api/auth/session"],
    ] as const) {
      expectError(await anonymous.request(method, path, method === "GET" ? undefined : { name: "x" }), 401, /Sign in/);
    }
    expect(await snapshot()).toEqual(before);
  });

  it("refuses every change with a missing or wrong CSRF token, with 403", async () => {
    const before = await snapshot();
    for (const csrf of [null, "wrong"]) {
      for (const [method, path, body] of [
        ["POST", "/api/team", { name: "x", role: "staff" }],
        ["PATCH", `/api/team/${staffId}`, { name: "x" }],
        ["DELETE", `/api/team/${staffId}`, undefined],
        ["PATCH", "/api/property", { name: "x" }],
        ["POST", "/api/auth/logout", undefined],
      ] as const) {
        expectError(await manager.request(method, path, body, { csrf }), 403, /X-CSRF-Token/);
      }
    }
    expect(await snapshot()).toEqual(before);
    expect((await manager.get("/api/auth/session")).status).toBe(200);
  });

  it("answers a bad setup body with 400 before setup and 409 after", async () => {
    const fresh = await startTestApp();
    try {
      const client = new ApiClient(fresh.url);
      const res = await client.post("/api/setup", { token: fresh.setupToken(), username: "a", password: "short", extra: 1 });
      expectError(res, 400);
      expect(res.body.details.map((d: { field: string }) => d.field).sort()).toEqual(["extra", "password", "username"]);
      expectError(await client.request("POST", "/api/setup", undefined, { rawBody: "{" }), 400, /not valid JSON/);
      expectError(await client.post("/api/setup", { token: fresh.setupToken(), username: "anna", password: "x".repeat(200_000) }), 413, /larger than/);
      const missing = await client.post("/api/setup", {});
      expectError(missing, 400);
      expect(missing.body.details.map((d: { field: string }) => d.field).sort()).toEqual(["password", "token", "username"]);
      expectError(await client.post("/api/setup", { token: 5, username: 5, password: 5 }), 400);
      expect((await client.get("/api/setup")).body.needed).toBe(true);
    } finally {
      await fresh.stop();
    }
    expectError(await new ApiClient(app.url).post("/api/setup", { nonsense: true }), 409, /already done/);
  });
});
