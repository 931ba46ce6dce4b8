import { afterEach, describe, expect, it } from "vitest";
import { ApiClient, addMemberWithLogin, setUpManager, startTestApp, type TestApp } from "../helpers/app.js";
import { startTelegramWorld, type TelegramWorld } from "../helpers/telegram-setup.js";

let app: TestApp | undefined;
let world: TelegramWorld | undefined;
afterEach(async () => {
  await app?.stop();
  app = undefined;
  await world?.stop();
  world = undefined;
});

describe("team", () => {
  it("adds a member without a login, then gives them one they can sign in with", async () => {
    app = await startTestApp();
    const manager = await setUpManager(app);
    const created = await manager.post("/api/team", { name: "Lucía Gómez", role: "staff" });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ name: "Lucía Gómez", role: "staff", username: null });
    expect(typeof created.body.id).toBe("string");
    const updated = await manager.patch(`/api/team/${created.body.id}`, { username: "lucia", password: "breakfast at 7" });
    expect(updated.body.username).toBe("lucia");
    const lucia = new ApiClient(app.url);
    const login = await lucia.login("lucia", "breakfast at 7");
    expect(login.body.user).toMatchObject({ id: created.body.id, name: "Lucía Gómez", role: "staff" });
  });

  it("lists members oldest first with their logins", async () => {
    app = await startTestApp();
    const manager = await setUpManager(app);
    await manager.post("/api/team", { name: "Night porter", role: "staff" });
    await addMemberWithLogin(manager, "manager", "owner", "The Owner");
    const list = await manager.get("/api/team");
    expect(list.body.members.map((m: { name: string; username: string | null }) => [m.name, m.username])).toEqual([
      ["Mara Manager", "manager"],
      ["Night porter", null],
      ["The Owner", "owner"],
    ]);
  });

  it("refuses a username that is already taken, whatever its case", async () => {
    app = await startTestApp();
    const manager = await setUpManager(app);
    const res = await manager.post("/api/team", { name: "Twin", role: "staff", username: "MANAGER", password: "some password" });
    expect(res.status).toBe(409);
    expect(res.body.error).toMatch(/username "MANAGER" is taken/);
    expect((await manager.get("/api/team")).body.members).toHaveLength(1);
  });

  it("renames and changes roles", async () => {
    app = await startTestApp();
    const manager = await setUpManager(app);
    const { member } = await addMemberWithLogin(manager, "staff", "sam");
    const res = await manager.patch(`/api/team/${member.id}`, { name: "Samuel", role: "manager" });
    expect(res.body).toMatchObject({ name: "Samuel", role: "manager", username: "sam" });
  });

  it("removes a member: their login stops working and they leave the list", async () => {
    app = await startTestApp();
    const manager = await setUpManager(app);
    const { client: sam, member, password } = await addMemberWithLogin(manager, "staff", "sam");
    expect((await manager.delete(`/api/team/${member.id}`)).status).toBe(204);
    expect((await sam.get("/api/auth/session")).status).toBe(401);
    expect((await new ApiClient(app.url).post("/api/auth/login", { username: "sam", password })).status).toBe(401);
    expect((await manager.get("/api/team")).body.members.map((m: { id: string }) => m.id)).not.toContain(member.id);
    expect((await manager.delete(`/api/team/${member.id}`)).status).toBe(404);
  });

  it("never leaves the property without a manager who can sign in", async () => {
    app = await startTestApp();
    const manager = await setUpManager(app);
    const me = (await manager.get("/api/auth/session")).body.user.id;
    const demote = await manager.patch(`/api/team/${me}`, { role: "staff" });
    expect(demote.status).toBe(409);
    expect(demote.body.error).toMatch(/at least one manager/);
    expect((await manager.patch(`/api/team/${me}`, { username: null })).status).toBe(409);
    expect((await manager.delete(`/api/team/${me}`)).status).toBe(409);
    const { client: second } = await addMemberWithLogin(manager, "manager", "second");
    expect((await second.delete(`/api/team/${me}`)).status).toBe(204);
  });

  it("does not let a manager remove themselves", async () => {
    app = await startTestApp();
    const manager = await setUpManager(app);
    await addMemberWithLogin(manager, "manager", "second");
    const me = (await manager.get("/api/auth/session")).body.user.id;
    const res = await manager.delete(`/api/team/${me}`);
    expect(res.status).toBe(409);
    expect(res.body.error).toMatch(/cannot remove yourself/);
  });
});

describe("Telegram links", () => {
  it("lets staff link their own Telegram, and only their own", async () => {
    world = await startTelegramWorld();
    const { manager } = world;
    const { client: sam, member } = await addMemberWithLogin(manager, "staff", "sam", "Sam Porter");
    const samId = member.id;
    const other = (await manager.post("/api/team", { name: "Ana Lima", role: "staff" })).body.id;
    const managerId = (await manager.get("/api/auth/session")).body.user.id;

    const own = await sam.post(`/api/team/${samId}/telegram-link`);
    expect(own.status).toBe(201);
    expect(own.body.url).toMatch(new RegExp(`^https://t\\.me/${world.tg.botUsername}\\?start=`));
    expect((await sam.get(`/api/team/${samId}/telegram`)).body).toMatchObject({ linked: false });

    for (const id of [other, managerId]) {
      const refused = await sam.post(`/api/team/${id}/telegram-link`);
      expect(refused.status).toBe(403);
      expect(refused.body.error).toMatch(/only their own Telegram/);
    }
    // Unlinking stays the manager's.
    expect((await sam.delete(`/api/team/${samId}/telegram`)).status).toBe(403);
    // Managers still link anyone.
    expect((await manager.post(`/api/team/${other}/telegram-link`)).status).toBe(201);
  });
});

describe("property", () => {
  it("updates name, slug, timezone, location and city", async () => {
    app = await startTestApp();
    const manager = await setUpManager(app);
    const res = await manager.patch("/api/property", {
      name: "Hotel Miramar & Spa",
      slug: "miramar",
      timezone: "Europe/Lisbon",
      latitude: 38.7223,
      longitude: -9.1393,
      city: "Lisboa",
      checkInTime: "14:00",
    });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      name: "Hotel Miramar & Spa",
      slug: "miramar",
      timezone: "Europe/Lisbon",
      latitude: 38.7223,
      longitude: -9.1393,
      city: "Lisboa",
      checkInTime: "14:00",
      checkOutTime: "11:00",
      receptionUrl: `${app.publicUrl}/r/miramar`,
    });
    expect((await manager.get("/api/property")).body).toEqual(res.body);
  });

  it("builds the reception link and the setup link on publicUrl", async () => {
    app = await startTestApp({ config: { publicUrl: "https://frontdesk.example.com/" } });
    expect(app.setupUrl).toMatch(/^https:\/\/frontdesk\.example\.com\/admin\/setup\?token=/);
    const manager = await setUpManager(app);
    expect((await manager.get("/api/property")).body.receptionUrl).toBe("https://frontdesk.example.com/r/hotel-miramar");
  });

  it("clears the location only as a pair", async () => {
    app = await startTestApp();
    const manager = await setUpManager(app);
    await manager.patch("/api/property", { latitude: 10, longitude: 20 });
    const half = await manager.patch("/api/property", { latitude: null });
    expect(half.status).toBe(400);
    expect(half.body.details).toEqual([{ field: "latitude", message: expect.stringMatching(/clear both/) }]);
    const both = await manager.patch("/api/property", { latitude: null, longitude: null });
    expect(both.body).toMatchObject({ latitude: null, longitude: null });
  });

  it("generates a slug from the property name at setup", async () => {
    app = await startTestApp();
    const manager = await setUpManager(app, "Pensão Ça Va Bem!");
    expect((await manager.get("/api/property")).body.slug).toBe("pensao-ca-va-bem");
  });

  it("refuses timezones that are not IANA names and slugs that break the pattern", async () => {
    app = await startTestApp();
    const manager = await setUpManager(app);
    const before = (await manager.get("/api/property")).body;
    for (const [body, field] of [
      [{ timezone: "Mars/Olympus" }, "timezone"],
      [{ timezone: "CET+1" }, "timezone"],
      [{ slug: "No Spaces" }, "slug"],
      [{ slug: "ab" }, "slug"],
      [{ latitude: 91, longitude: 0 }, "latitude"],
    ] as const) {
      const res = await manager.patch("/api/property", body);
      expect(res.status).toBe(400);
      expect(res.body.details[0].field).toBe(field);
    }
    expect((await manager.get("/api/property")).body).toEqual(before);
    expect(before.slug).toBe("hotel-miramar");
  });
});
