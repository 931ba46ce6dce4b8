import { afterEach, describe, expect, it } from "vitest";
import { ApiClient, MANAGER, startTestApp, type TestApp } from "../helpers/app.js";

// With HOST=127.0.0.1 the appliance answers on loopback only: the links it gives out
// (setup, reception) must name that address, not the LAN address it does not answer on.
let app: TestApp | undefined;
afterEach(async () => {
  await app?.stop();
  app = undefined;
});

describe("links when the appliance listens on one address", () => {
  it("gives the setup link and the reception link on 127.0.0.1, where it answers", async () => {
    app = await startTestApp({ config: { host: "127.0.0.1" } });
    const base = `http://127.0.0.1:${app.port}`;
    expect(app.publicUrl).toBe(base);
    expect(app.setupUrl).toBe(`${base}/admin/setup?token=${app.setupToken()}`);
    expect((await fetch(app.setupUrl!)).status).toBeLessThan(500);

    const manager = new ApiClient(base);
    expect((await manager.post("/api/setup", { token: app.setupToken(), ...MANAGER, propertyName: "Hotel Miramar" })).status).toBe(201);
    const property = await manager.get("/api/property");
    expect(property.body.receptionUrl).toBe(`${base}/r/${property.body.slug}`);
    const page = await fetch(property.body.receptionUrl);
    expect(page.status).toBeLessThan(500);
  });

  it("keeps a publicUrl from the config file as it is", async () => {
    app = await startTestApp({ config: { host: "127.0.0.1", publicUrl: "https://frontdesk.example.com/" } });
    expect(app.publicUrl).toBe("https://frontdesk.example.com");
    expect(app.setupUrl).toBe(`https://frontdesk.example.com/admin/setup?token=${app.setupToken()}`);
  });
});
