import { afterEach, describe, expect, it } from "vitest";
import { ApiClient, addMemberWithLogin, setUpManager, startTestApp, tempDataDir, type TestApp } from "../helpers/app.js";

let apps: TestApp[] = [];
afterEach(async () => {
  for (const app of apps.reverse()) await app.stop();
  apps = [];
});

async function start(dataDir?: string) {
  const app = await startTestApp(dataDir ? { dataDir } : {});
  apps.push(app);
  return app;
}

const names = (dir: any) => dir.categories.map((c: any) => [c.name, c.places.map((p: any) => p.name)]);

async function seed(manager: ApiClient) {
  const created: Record<string, any> = {};
  for (const [category, name, extra] of [
    ["Taxi", "City Cabs", { phone: "+351 21 000 0000" }],
    ["Restaurants", "Casa Lisboa", { latitude: 38.7107, longitude: -9.1366, address: "Rua Augusta 1, Lisboa" }],
    ["taxi", "Night Taxi", {}],
    ["Restaurants", "O Pescador", { address: "Rua das Flores 10, Lisboa" }],
  ] as const) {
    const res = await manager.post("/api/places", { category, name, ...extra });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    created[name] = res.body;
  }
  return created;
}

describe("Guest Services Directory", () => {
  it("creates places in categories (names match whatever their capitals) and lists them in order", async () => {
    const app = await start();
    const manager = await setUpManager(app);
    expect((await manager.get("/api/places")).body).toEqual({ categories: [] });
    const created = await seed(manager);
    expect(created["City Cabs"]).toMatchObject({ id: expect.any(String), category: "Taxi", name: "City Cabs", phone: "+351 21 000 0000" });
    expect(created["Night Taxi"].category).toBe("Taxi");
    expect(created["Night Taxi"].categoryId).toBe(created["City Cabs"].categoryId);
    expect(created["Night Taxi"]).not.toHaveProperty("description");
    const list = await manager.get("/api/places");
    expect(list.status).toBe(200);
    expect(names(list.body)).toEqual([
      ["Taxi", ["City Cabs", "Night Taxi"]],
      ["Restaurants", ["Casa Lisboa", "O Pescador"]],
    ]);
    expect(list.body.categories[0].places[0]).toEqual(created["City Cabs"]);
  });

  it("gives map and navigation links from the coordinates, or from the address", async () => {
    const app = await start();
    const manager = await setUpManager(app);
    const created = await seed(manager);
    const withCoords = created["Casa Lisboa"];
    expect(withCoords).toMatchObject({ latitude: 38.7107, longitude: -9.1366 });
    const map = new URL(withCoords.mapUrl);
    expect(map.origin).toBe("https://www.openstreetmap.org");
    expect(map.searchParams.get("mlat")).toBe("38.7107");
    expect(map.searchParams.get("mlon")).toBe("-9.1366");
    expect(withCoords.navigationUrl).toBe("geo:38.7107,-9.1366?q=38.7107,-9.1366(Casa%20Lisboa)");

    const byAddress = created["O Pescador"];
    expect(byAddress).not.toHaveProperty("latitude");
    const search = new URL(byAddress.mapUrl);
    expect(search.origin + search.pathname).toBe("https://www.openstreetmap.org/search");
    expect(search.searchParams.get("query")).toBe("Rua das Flores 10, Lisboa");
    expect(byAddress.navigationUrl.startsWith("geo:0,0?q=")).toBe(true);
    expect(decodeURIComponent(byAddress.navigationUrl.slice("geo:0,0?q=".length))).toBe("Rua das Flores 10, Lisboa");

    // A name with parentheses cannot break the label of the geo: link.
    const odd = await manager.post("/api/places", { category: "Bars", name: "Bar (rooftop)", latitude: 1.5, longitude: 2 });
    const label = odd.body.navigationUrl.match(/\(([^()]*)\)$/)[1];
    expect(decodeURIComponent(label)).toBe("Bar (rooftop)");
  });

  it("edits a place: partial, null clears, a new category puts it last there and an emptied category goes", async () => {
    const app = await start();
    const manager = await setUpManager(app);
    const created = await seed(manager);
    const id = created["Casa Lisboa"].id;
    let res = await manager.patch(`/api/places/${id}`, { description: "Fish and wine.\nOpen late.", phone: "+351 1" + "23" });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ name: "Casa Lisboa", description: "Fish and wine.\nOpen late.", latitude: 38.7107 });
    res = await manager.patch(`/api/places/${id}`, { latitude: null, longitude: null, address: null });
    expect(res.status).toBe(200);
    expect(res.body).not.toHaveProperty("latitude");
    expect(res.body).not.toHaveProperty("address");
    expect(res.body.navigationUrl).toBe("geo:0,0?q=Casa%20Lisboa");
    res = await manager.patch(`/api/places/${id}`, { latitude: 10 });
    expect(res.status).toBe(400);
    expect(res.body.details).toEqual([expect.objectContaining({ field: "longitude" })]);

    res = await manager.patch(`/api/places/${id}`, { category: "TAXI" });
    expect(res.body.category).toBe("Taxi");
    expect(names((await manager.get("/api/places")).body)).toEqual([
      ["Taxi", ["City Cabs", "Night Taxi", "Casa Lisboa"]],
      ["Restaurants", ["O Pescador"]],
    ]);
    await manager.patch(`/api/places/${created["O Pescador"].id}`, { category: "Seafood" });
    expect(names((await manager.get("/api/places")).body)).toEqual([
      ["Taxi", ["City Cabs", "Night Taxi", "Casa Lisboa"]],
      ["Seafood", ["O Pescador"]],
    ]);
  });

  it("deletes places; an emptied category is removed; unknown ids are 404", async () => {
    const app = await start();
    const manager = await setUpManager(app);
    const created = await seed(manager);
    expect((await manager.delete(`/api/places/${created["City Cabs"].id}`)).status).toBe(204);
    expect(names((await manager.get("/api/places")).body)).toEqual([
      ["Taxi", ["Night Taxi"]],
      ["Restaurants", ["Casa Lisboa", "O Pescador"]],
    ]);
    expect((await manager.delete(`/api/places/${created["Night Taxi"].id}`)).status).toBe(204);
    expect(names((await manager.get("/api/places")).body)).toEqual([["Restaurants", ["Casa Lisboa", "O Pescador"]]]);

    for (const res of [
      await manager.delete(`/api/places/${created["City Cabs"].id}`),
      await manager.delete("/api/places/nope"),
      await manager.patch("/api/places/nope", { name: "X" }),
      await manager.patch("/api/place-categories/nope", { name: "X" }),
    ]) {
      expect(res.status).toBe(404);
      expect(res.body.error).toMatch(/no such/);
    }
  });

  it("renames a category; another category's name (any capitals) is 409", async () => {
    const app = await start();
    const manager = await setUpManager(app);
    const created = await seed(manager);
    const taxi = created["City Cabs"].categoryId;
    let res = await manager.patch(`/api/place-categories/${taxi}`, { name: "restaurants" });
    expect(res.status).toBe(409);
    expect(res.body.error).toMatch(/Restaurants/);
    res = await manager.patch(`/api/place-categories/${taxi}`, { name: "TAXI" });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ id: taxi, name: "TAXI" });
    res = await manager.patch(`/api/place-categories/${taxi}`, { name: "Taxis & Transfers" });
    expect(res.body.places.map((p: any) => [p.name, p.category])).toEqual([
      ["City Cabs", "Taxis & Transfers"],
      ["Night Taxi", "Taxis & Transfers"],
    ]);
    expect((await manager.patch(`/api/place-categories/${taxi}`, { name: "" })).status).toBe(400);
  });

  it("reorders categories and places, moves a place across categories, and keeps it after a restart", async () => {
    const dataDir = tempDataDir();
    const app = await start(dataDir);
    const manager = await setUpManager(app);
    const created = await seed(manager);
    const dir = (await manager.get("/api/places")).body;
    const [taxi, restaurants] = dir.categories;
    const order = {
      categories: [
        { id: restaurants.id, placeIds: [created["O Pescador"].id, created["Casa Lisboa"].id, created["Night Taxi"].id] },
        { id: taxi.id, placeIds: [created["City Cabs"].id] },
      ],
    };
    const res = await manager.request("PUT", "/api/places/order", order);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    const expected = [
      ["Restaurants", ["O Pescador", "Casa Lisboa", "Night Taxi"]],
      ["Taxi", ["City Cabs"]],
    ];
    expect(names(res.body)).toEqual(expected);
    expect(res.body.categories[0].places[2].category).toBe("Restaurants");
    expect(names((await manager.get("/api/places")).body)).toEqual(expected);

    // A new place goes last in its category, after the new order.
    await manager.post("/api/places", { category: "restaurants", name: "Late Bite" });
    expected[0]![1] = [...(expected[0]![1] as string[]), "Late Bite"];

    await app.stop();
    apps = [];
    const again = await start(dataDir);
    const client = new ApiClient(again.url);
    await client.login("manager", "correct horse battery");
    expect(names((await client.get("/api/places")).body)).toEqual(expected);
  });

  it("removes a category the new order leaves empty", async () => {
    const app = await start();
    const manager = await setUpManager(app);
    const created = await seed(manager);
    const [taxi, restaurants] = (await manager.get("/api/places")).body.categories;
    const res = await manager.request("PUT", "/api/places/order", {
      categories: [
        { id: taxi.id, placeIds: [] },
        { id: restaurants.id, placeIds: ["City Cabs", "Casa Lisboa", "Night Taxi", "O Pescador"].map((n) => created[n].id) },
      ],
    });
    expect(res.status).toBe(200);
    expect(names(res.body)).toEqual([["Restaurants", ["City Cabs", "Casa Lisboa", "Night Taxi", "O Pescador"]]]);
    expect((await manager.get("/api/places")).body).toEqual(res.body);
  });

  it("refuses an incomplete, unknown or repeated order with details, and changes nothing", async () => {
    const app = await start();
    const manager = await setUpManager(app);
    const created = await seed(manager);
    const before = (await manager.get("/api/places")).body;
    const [taxi, restaurants] = before.categories;
    const cases: Array<[unknown, RegExp[]]> = [
      // A category and its places left out.
      [{ categories: [{ id: restaurants.id, placeIds: [created["Casa Lisboa"].id, created["O Pescador"].id] }] }, [/Category .* is missing/, /Place .* is missing/]],
      // A place twice.
      [
        {
          categories: [
            { id: taxi.id, placeIds: [created["City Cabs"].id, created["Night Taxi"].id, created["City Cabs"].id] },
            { id: restaurants.id, placeIds: [created["Casa Lisboa"].id, created["O Pescador"].id] },
          ],
        },
        [/Place .* is named more than once/],
      ],
      // A category twice, and an unknown place and category.
      [
        {
          categories: [
            { id: taxi.id, placeIds: [created["City Cabs"].id, created["Night Taxi"].id, "pl_ghost"] },
            { id: taxi.id, placeIds: [created["Casa Lisboa"].id, created["O Pescador"].id] },
            { id: "pc_ghost", placeIds: [] },
          ],
        },
        [/Category .* is named more than once/, /There is no place pl_ghost/, /There is no category pc_ghost/, /Category .* is missing/],
      ],
      [{ categories: "all" }, [/categories/]],
      [{ categories: [{ id: taxi.id }] }, [/placeIds/]],
      [{ categories: [], extra: 1 }, [/"extra"/]],
    ];
    for (const [body, messages] of cases) {
      const res = await manager.request("PUT", "/api/places/order", body);
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(res.body.error).toEqual(expect.any(String));
      const said = res.body.details.map((d: any) => `${d.field}: ${d.message}`).join("\n");
      for (const message of messages) expect(said).toMatch(message);
    }
    expect((await manager.get("/api/places")).body).toEqual(before);
  });

  it("answers bad input with 400 naming the field, and stores nothing", async () => {
    const app = await start();
    const manager = await setUpManager(app);
    const created = await seed(manager);
    const before = (await manager.get("/api/places")).body;
    const ok = { category: "Pharmacy", name: "Farmácia Central" };
    const cases: Array<[Record<string, unknown>, string]> = [
      [{ name: "No category" }, "category"],
      [{ ...ok, category: "" }, "category"],
      [{ ...ok, category: "x".repeat(81) }, "category"],
      [{ category: "Pharmacy" }, "name"],
      [{ ...ok, name: "" }, "name"],
      [{ ...ok, name: "   " }, "name"],
      [{ ...ok, name: "x".repeat(81) }, "name"],
      [{ ...ok, name: "two\nlines" }, "name"],
      [{ ...ok, name: 42 }, "name"],
      [{ ...ok, description: "x".repeat(1001) }, "description"],
      [{ ...ok, description: "bell\u0007" }, "description"],
      [{ ...ok, description: "evil \u202Eoverride" }, "description"],
      [{ ...ok, phone: "call me" }, "phone"],
      [{ ...ok, phone: "12" }, "phone"],
      [{ ...ok, phone: "1".repeat(33) }, "phone"],
      [{ ...ok, website: "javascript:alert(1)" }, "website"],
      [{ ...ok, website: "JavaScript:alert(1)//http://x" }, "website"],
      [{ ...ok, website: "data:text/html,<script>alert(1)</script>" }, "website"],
      [{ ...ok, website: "ftp://example.com" }, "website"],
      [{ ...ok, website: "example.com" }, "website"],
      [{ ...ok, latitude: 91, longitude: 0 }, "latitude"],
      [{ ...ok, latitude: 0, longitude: -180.5 }, "longitude"],
      [{ ...ok, latitude: "38.7", longitude: 0 }, "latitude"],
      [{ ...ok, latitude: 38.7 }, "longitude"],
      [{ ...ok, longitude: -9.1 }, "latitude"],
      [{ ...ok, rating: 5 }, "rating"],
    ];
    for (const [body, field] of cases) {
      const res = await manager.post("/api/places", body);
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(res.body.details.map((d: any) => d.field), JSON.stringify(body)).toContain(field);
    }
    const lone = await manager.post("/api/places", { ...ok, latitude: 38.7 });
    expect(lone.body.error).toMatch(/longitude/);

    const id = created["City Cabs"].id;
    for (const [body, field] of [
      [{ website: "javascript:alert(1)" }, "website"],
      [{ name: null }, "name"],
      [{ category: null }, "category"],
      [{ phone: "x" }, "phone"],
      [{ id: "other" }, "id"],
    ] as const) {
      const res = await manager.patch(`/api/places/${id}`, body);
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(res.body.details.map((d: any) => d.field)).toContain(field);
    }
    expect((await manager.request("POST", "/api/places", undefined, { rawBody: "not json", contentType: "application/json" })).status).toBe(400);
    expect((await manager.get("/api/places")).body).toEqual(before);
  });

  it("stores script and HTML as text and answers it verbatim", async () => {
    const app = await start();
    const manager = await setUpManager(app);
    const name = `<img src=x onerror="alert(1)">`;
    const description = `<script>alert("x")</script>\n<b>bold</b> & 'quotes'`;
    const res = await manager.post("/api/places", { category: "<i>Cat</i>", name, description, website: "https://example.com/?q=<x>" });
    expect(res.status).toBe(201);
    expect(res.headers.get("content-type")).toMatch(/^application\/json/);
    const place = (await manager.get("/api/places")).body.categories[0].places[0];
    expect(place).toMatchObject({ name, description, category: "<i>Cat</i>" });
    expect(new URL(place.website).hostname).toBe("example.com");
  });

  it("lets staff read but not change; anonymous callers are 401", async () => {
    const app = await start();
    const manager = await setUpManager(app);
    const created = await seed(manager);
    const { client: staff } = await addMemberWithLogin(manager, "staff", "sam");
    expect((await staff.get("/api/places")).status).toBe(200);
    const id = created["City Cabs"].id;
    const changes = (c: ApiClient) => [
      c.post("/api/places", { category: "Taxi", name: "Mine" }),
      c.patch(`/api/places/${id}`, { name: "Mine" }),
      c.delete(`/api/places/${id}`),
      c.request("PUT", "/api/places/order", { categories: [] }),
      c.patch(`/api/place-categories/${created["City Cabs"].categoryId}`, { name: "Mine" }),
    ];
    for (const res of await Promise.all(changes(staff))) expect(res.status).toBe(403);
    const anonymous = new ApiClient(app.url);
    expect((await anonymous.get("/api/places")).status).toBe(401);
    for (const res of await Promise.all(changes(anonymous))) expect(res.status).toBe(401);
    expect(names((await manager.get("/api/places")).body)).toEqual([
      ["Taxi", ["City Cabs", "Night Taxi"]],
      ["Restaurants", ["Casa Lisboa", "O Pescador"]],
    ]);
  });

  it("is described in the OpenAPI document from the validating schemas", async () => {
    const app = await start();
    const doc = (await new ApiClient(app.url).get("/api/openapi.json")).body;
    const create = doc.paths["/api/places"].post;
    const body = create.requestBody.content["application/json"].schema;
    expect(body.required).toEqual(expect.arrayContaining(["category", "name"]));
    expect(body.additionalProperties).toBe(false);
    expect(Object.keys(body.properties)).toEqual(["category", "name", "description", "address", "phone", "website", "latitude", "longitude"]);
    expect(create.responses["201"].content["application/json"].schema.$ref).toBe("#/components/schemas/Place");
    expect(doc.components.schemas.Place.required).toEqual(expect.arrayContaining(["id", "category", "name", "mapUrl", "navigationUrl"]));
    expect(doc.paths["/api/places/order"].put.requestBody.content["application/json"].schema.properties.categories.type).toBe("array");
    expect(doc.paths["/api/place-categories/{id}"].patch.parameters).toContainEqual(expect.objectContaining({ name: "id", in: "path", required: true }));
  });
});
