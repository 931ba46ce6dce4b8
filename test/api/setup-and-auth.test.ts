import { createTestClock } from "../helpers/test-clock.js";
import { existsSync, statSync } from "node:fs";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { ApiClient, MANAGER, addMemberWithLogin, setUpManager, startTestApp, tempDataDir, type TestApp } from "../helpers/app.js";

let app: TestApp | undefined;
afterEach(async () => {
  await app?.stop();
  app = undefined;
});

describe("first-run setup", () => {
  it("writes a setup token readable by its owner only and reports the setup URL", async () => {
    app = await startTestApp();
    const file = join(app.dataDir, "setup-token");
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(app.setupUrl).toContain(`/admin/setup?token=${app.setupToken()}`);
    const status = await new ApiClient(app.url).get("/api/setup");
    expect(status.body).toEqual({ needed: true });
  });

  it("creates the manager, names the property, signs in, and removes the token", async () => {
    app = await startTestApp();
    const client = new ApiClient(app.url);
    const res = await client.post("/api/setup", { token: app.setupToken(), ...MANAGER, propertyName: "Casa Azul" });
    expect(res.status).toBe(201);
    expect(res.body.user).toMatchObject({ username: MANAGER.username, name: MANAGER.name, role: "manager" });
    expect(res.headers.get("set-cookie")).toMatch(/innbox_session=.+; .*HttpOnly.*SameSite=Lax/i);
    expect(existsSync(join(app.dataDir, "setup-token"))).toBe(false);
    const property = await client.get("/api/property");
    expect(property.body).toMatchObject({ name: "Casa Azul", slug: "casa-azul" });
    const session = await client.get("/api/auth/session");
    expect(session.body.user.role).toBe("manager");
    expect(session.body.csrfToken).toBe(res.body.csrfToken);
    expect((await client.get("/api/setup")).body).toEqual({ needed: false });
  });

  it("refuses a wrong token and keeps the right one working", async () => {
    app = await startTestApp();
    const client = new ApiClient(app.url);
    const wrong = await client.post("/api/setup", { token: "guessed", ...MANAGER });
    expect(wrong.status).toBe(401);
    expect(wrong.body.error).toMatch(/setup token is wrong/);
    expect((await client.post("/api/setup", { token: app.setupToken(), ...MANAGER })).status).toBe(201);
  });

  it("refuses a second setup, even with a valid body", async () => {
    app = await startTestApp();
    const token = app.setupToken();
    await setUpManager(app);
    const again = await new ApiClient(app.url).post("/api/setup", { token, username: "intruder", password: "another password" });
    expect(again.status).toBe(409);
    expect(again.body.error).toMatch(/already done/);
    const login = await new ApiClient(app.url).post("/api/auth/login", { username: "intruder", password: "another password" });
    expect(login.status).toBe(401);
  });

  it("lets only one of two simultaneous setups win", async () => {
    app = await startTestApp();
    const token = app.setupToken();
    const results = await Promise.all(
      ["first", "second"].map((username) => new ApiClient(app!.url).post("/api/setup", { token, username, password: "password 123" })),
    );
    expect(results.map((r) => r.status).sort()).toEqual([201, 409]);
  });

  it("keeps the same setup token across a restart until setup is done", async () => {
    const dataDir = tempDataDir();
    app = await startTestApp({ dataDir });
    const token = app.setupToken();
    await app.stop();
    app = await startTestApp({ dataDir });
    expect(app.setupToken()).toBe(token);
  });
});

describe("sign-in and sessions", () => {
  it("signs in with the right password, case-insensitive username, and signs out", async () => {
    app = await startTestApp();
    await setUpManager(app);
    const client = new ApiClient(app.url);
    expect((await client.get("/api/auth/session")).status).toBe(401);
    const login = await client.post("/api/auth/login", { username: MANAGER.username.toUpperCase(), password: MANAGER.password });
    expect(login.status).toBe(200);
    expect(login.body.user.username).toBe(MANAGER.username);
    expect((await client.get("/api/auth/session")).status).toBe(200);
    const cookie = client.cookie;
    expect((await client.post("/api/auth/logout")).status).toBe(204);
    client.cookie = cookie; // the old cookie must be dead, not just forgotten by the browser
    expect((await client.get("/api/auth/session")).status).toBe(401);
  });

  it("answers a wrong password and an unknown user the same way", async () => {
    app = await startTestApp();
    await setUpManager(app);
    const a = await new ApiClient(app.url).post("/api/auth/login", { username: MANAGER.username, password: "wrong password" });
    const b = await new ApiClient(app.url).post("/api/auth/login", { username: "nobody", password: "wrong password" });
    expect([a.status, b.status]).toEqual([401, 401]);
    expect(a.body).toEqual(b.body);
  });

  it("keeps sessions across a restart", async () => {
    const dataDir = tempDataDir();
    app = await startTestApp({ dataDir });
    const client = await setUpManager(app);
    await app.stop();
    app = await startTestApp({ dataDir });
    const again = new ApiClient(app.url);
    again.cookie = client.cookie;
    const session = await again.get("/api/auth/session");
    expect(session.status).toBe(200);
    expect(session.body.user.username).toBe(MANAGER.username);
  });

  it("refuses changes without the CSRF token, or with another session's", async () => {
    app = await startTestApp();
    const manager = await setUpManager(app);
    const other = new ApiClient(app.url);
    await other.login(MANAGER.username, MANAGER.password);
    for (const csrf of [null, "forged", other.csrfToken]) {
      const res = await manager.request("POST", "/api/team", { name: "Eve", role: "staff" }, { csrf });
      expect(res.status).toBe(403);
      expect(res.body.error).toMatch(/X-CSRF-Token/);
    }
    expect((await manager.get("/api/team")).body.members).toHaveLength(1);
  });

  it("slows repeated failures, then refuses with 429 even for the right password", async () => {
    app = await startTestApp({ config: { auth: { loginSlowAfter: 2, loginLockAfter: 4, loginWindowMinutes: 15 } } });
    await setUpManager(app);
    const client = new ApiClient(app.url);
    for (let i = 0; i < 4; i++) {
      expect((await client.post("/api/auth/login", { username: MANAGER.username, password: `nope ${i}` })).status).toBe(401);
    }
    const locked = await client.post("/api/auth/login", { username: MANAGER.username, password: MANAGER.password });
    expect(locked.status).toBe(429);
    expect(locked.body.error).toMatch(/Too many failed sign-ins/);
    expect(Number(locked.headers.get("retry-after"))).toBeGreaterThan(0);
  });

  it("lets sign-ins through again once the window has passed", async () => {
    const clock = createTestClock(Date.parse("2026-11-25T10:00:00Z"));
    app = await startTestApp({ clock, config: { auth: { loginSlowAfter: 2, loginLockAfter: 3, loginWindowMinutes: 15 } } });
    await setUpManager(app);
    const client = new ApiClient(app.url);
    for (let i = 0; i < 3; i++) await client.post("/api/auth/login", { username: MANAGER.username, password: "nope" });
    expect((await client.post("/api/auth/login", { username: MANAGER.username, password: MANAGER.password })).status).toBe(429);
    await clock.advance(16 * 60_000);
    expect((await client.post("/api/auth/login", { username: MANAGER.username, password: MANAGER.password })).status).toBe(200);
  });

  it("ends sessions that pass their lifetime", async () => {
    const clock = createTestClock(Date.parse("2026-11-25T10:00:00Z"));
    app = await startTestApp({ clock, config: { auth: { sessionDays: 1 } } });
    const client = await setUpManager(app);
    await clock.advance(2 * 86_400_000);
    expect((await client.get("/api/auth/session")).status).toBe(401);
  });
});

describe("roles", () => {
  it("keeps staff out of manager routes but lets them read the team and property", async () => {
    app = await startTestApp();
    const manager = await setUpManager(app);
    const { client: staff } = await addMemberWithLogin(manager, "staff", "sam");
    expect((await staff.get("/api/team")).status).toBe(200);
    expect((await staff.get("/api/property")).status).toBe(200);
    const attempts = [
      await staff.post("/api/team", { name: "Mallory", role: "manager" }),
      await staff.patch("/api/property", { name: "Taken over" }),
      await staff.delete(`/api/team/${(await manager.get("/api/auth/session")).body.user.id}`),
    ];
    for (const res of attempts) {
      expect(res.status).toBe(403);
      expect(res.body.error).toBe("Only a manager can do this.");
    }
    expect((await manager.get("/api/property")).body.name).toBe("Hotel Miramar");
    expect((await manager.get("/api/team")).body.members).toHaveLength(2);
  });

  it("signs a member out when their password is changed or their login removed", async () => {
    app = await startTestApp();
    const manager = await setUpManager(app);
    const { client: staff, member } = await addMemberWithLogin(manager, "staff", "sam");
    expect((await manager.patch(`/api/team/${member.id}`, { password: "a brand new password" })).status).toBe(200);
    expect((await staff.get("/api/auth/session")).status).toBe(401);
    await staff.login("sam", "a brand new password");
    expect((await manager.patch(`/api/team/${member.id}`, { username: null })).status).toBe(200);
    expect((await staff.get("/api/auth/session")).status).toBe(401);
  });
});
