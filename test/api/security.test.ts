import { join } from "node:path";
import SQLite from "better-sqlite3";
import type { Socket } from "socket.io-client";
import { afterEach, describe, expect, it } from "vitest";
import { ApiClient, MANAGER, addMemberWithLogin, setUpManager, startTestApp, type ApiResponse, type TestApp } from "../helpers/app.js";
import { collect, connectSocket, disconnected } from "../helpers/sockets.js";
import { createTestClock } from "../helpers/test-clock.js";

// What an attacker tries, done the way they would: real HTTP and real sockets over loopback.

let app: TestApp | undefined;
const sockets: Socket[] = [];
afterEach(async () => {
  for (const s of sockets.splice(0)) s.close();
  await app?.stop();
  app = undefined;
});

/** A client behind the reverse proxy on this box: the proxy appends the address it saw to X-Forwarded-For. */
class ProxiedClient extends ApiClient {
  constructor(
    baseUrl: string,
    public address: string,
    /** What the client itself wrote into X-Forwarded-For, which the proxy keeps in front. */
    public forged?: string,
  ) {
    super(baseUrl);
  }
  override request<T = any>(method: string, path: string, body?: unknown, options: Parameters<ApiClient["request"]>[3] = {}) {
    const chain = [this.forged, this.address].filter(Boolean).join(", ");
    return super.requestWithHeaders<T>(method, path, body, options, { "x-forwarded-for": chain });
  }
}

const login = (client: ApiClient, password: string, username = MANAGER.username) => client.post("/api/auth/login", { username, password });

async function staffSocket(client: ApiClient, headers?: Record<string, string>) {
  const socket = await connectSocket(app!.url, "/staff", { cookie: client.cookie, ...(headers ? { headers } : {}) });
  sockets.push(socket);
  return socket;
}

async function newGuestToken(headers: Record<string, string> = {}) {
  const client = new ApiClient(app!.url);
  const res = await client.requestWithHeaders("POST", "/api/guest/sessions", { slug: "hotel-miramar" }, {}, headers);
  expect(res.status).toBe(201);
  return res.body.token as string;
}

const guestRequest = (method: string, path: string, token: string, body?: unknown) =>
  new ApiClient(app!.url).requestWithHeaders(method, path, body, {}, { authorization: `Bearer ${token}` });

describe("sign-in throttling", () => {
  const limits = { loginSlowAfter: 2, loginLockAfter: 5, loginWindowMinutes: 15 };

  it("checks at most loginLockAfter of 60 parallel guesses, and refuses the right password after them", async () => {
    app = await startTestApp({ config: { auth: limits } });
    await setUpManager(app);
    const attacker = new ApiClient(app.url);
    const answers = await Promise.all(Array.from({ length: 60 }, (_, i) => login(attacker, `guess ${i}`)));
    const statuses = answers.map((r) => r.status);
    expect(statuses.filter((s) => s === 401)).toHaveLength(limits.loginLockAfter);
    expect(statuses.filter((s) => s === 429)).toHaveLength(60 - limits.loginLockAfter);
    for (const refused of answers.filter((r) => r.status === 429)) {
      expect(refused.body.error).toMatch(/Too many failed sign-ins\. Try again in \d+ minutes?/);
      expect(Number(refused.headers.get("retry-after"))).toBeGreaterThan(0);
    }
    const right = await login(attacker, MANAGER.password);
    expect(right.status).toBe(429);
  });

  it("lets the right password in only within the limit when it rides in a parallel burst", async () => {
    app = await startTestApp({ config: { auth: limits } });
    await setUpManager(app);
    const attacker = new ApiClient(app.url);
    const passwords = [...Array.from({ length: 59 }, (_, i) => `guess ${i}`), MANAGER.password];
    const statuses = (await Promise.all(passwords.map((p) => login(attacker, p)))).map((r) => r.status);
    const checked = statuses.filter((s) => s !== 429).length;
    expect(checked).toBeLessThanOrEqual(limits.loginLockAfter);
    expect(statuses.every((s) => s === 200 || s === 401 || s === 429)).toBe(true);
  });

  it("counts per username and address: a stranger's failures do not lock the manager out elsewhere", async () => {
    const delays: number[] = [];
    app = await startTestApp({ config: { auth: limits }, sleep: async (ms) => void delays.push(ms) });
    await setUpManager(app);
    const stranger = new ProxiedClient(app.url, "203.0.113.7");
    for (let i = 0; i < 20; i++) await login(stranger, `guess ${i}`);
    expect((await login(stranger, MANAGER.password)).status).toBe(429);

    delays.length = 0;
    const manager = new ProxiedClient(app.url, "198.51.100.20");
    const signedIn = await login(manager, MANAGER.password);
    expect(signedIn.status).toBe(200);
    // The username is under attack: the manager is slowed down, not refused.
    expect(Math.max(0, ...delays)).toBeGreaterThan(0);
    expect((await manager.get("/api/auth/session")).body.user.username).toBe(MANAGER.username);
  });

  it("limits one address across usernames, three times the allowance of one username", async () => {
    app = await startTestApp({ config: { auth: limits } });
    const managerClient = await setUpManager(app);
    await addMemberWithLogin(managerClient, "staff", "sam");
    const guesser = new ProxiedClient(app.url, "203.0.113.8");
    const statuses: number[] = [];
    for (let i = 0; i < 20; i++) statuses.push((await login(guesser, "wrong password", `user${i}`)).status);
    expect(statuses.filter((s) => s === 401)).toHaveLength(limits.loginLockAfter * 3);
    // A username never tried from this address is refused too, even with its right password.
    expect((await login(guesser, "sam-password-1", "sam")).status).toBe(429);
    // Another address is not affected.
    expect((await login(new ProxiedClient(app.url, "203.0.113.9"), "sam-password-1", "sam")).status).toBe(200);
  });

  it("clears a username's count when its owner signs in", async () => {
    app = await startTestApp({ config: { auth: limits } });
    await setUpManager(app);
    const client = new ApiClient(app.url);
    for (let round = 0; round < 3; round++) {
      for (let i = 0; i < limits.loginLockAfter - 1; i++) expect((await login(client, "typo")).status).toBe(401);
      expect((await login(client, MANAGER.password)).status).toBe(200);
    }
  });

  it("forgets the count once the window has passed without an attempt", async () => {
    const clock = createTestClock(Date.parse("2026-11-25T10:00:00Z"));
    app = await startTestApp({ clock, config: { auth: limits } });
    await setUpManager(app);
    const client = new ApiClient(app.url);
    for (let i = 0; i < 8; i++) await login(client, "nope");
    const locked = await login(client, MANAGER.password);
    expect(locked.status).toBe(429);
    expect(Number(locked.headers.get("retry-after"))).toBeLessThanOrEqual(15 * 60);
    await clock.advance(14 * 60_000);
    expect((await login(client, MANAGER.password)).status).toBe(429);
    await clock.advance(2 * 60_000);
    expect((await login(client, MANAGER.password)).status).toBe(200);
  });
});

describe("forwarded addresses", () => {
  it("keeps counting a client behind the proxy whatever it writes into X-Forwarded-For", async () => {
    app = await startTestApp({ config: { auth: { loginSlowAfter: 2, loginLockAfter: 4 } } });
    await setUpManager(app);
    const statuses: number[] = [];
    for (let i = 0; i < 12; i++) {
      const client = new ProxiedClient(app.url, "203.0.113.50", `10.0.0.${i}, 192.0.2.${i}`);
      statuses.push((await login(client, `guess ${i}`)).status);
    }
    expect(statuses.filter((s) => s === 401)).toHaveLength(4);
    expect(statuses.slice(4).every((s) => s === 429)).toBe(true);
  });

  it("ignores X-Forwarded-For from a client that is not a named proxy", async () => {
    // The box is reached directly: no proxy is trusted, so loopback's own header is the client's.
    app = await startTestApp({ config: { http: { trustProxy: ["192.0.2.1"] }, auth: { loginSlowAfter: 2, loginLockAfter: 4 } } });
    await setUpManager(app);
    const statuses: number[] = [];
    for (let i = 0; i < 12; i++) {
      const res = await new ApiClient(app.url).requestWithHeaders("POST", "/api/auth/login", { username: MANAGER.username, password: `g${i}` }, {}, {
        "x-forwarded-for": `198.51.100.${i}`,
      });
      statuses.push(res.status);
    }
    expect(statuses.filter((s) => s === 401)).toHaveLength(4);
  });

  it("limits new guest chats per address, forged X-Forwarded-For or not", async () => {
    app = await startTestApp({ config: { http: { trustProxy: false }, chat: { guestSessionsPerMinute: 3 } } });
    await setUpManager(app);
    const statuses: number[] = [];
    for (let i = 0; i < 6; i++) {
      const res = await new ApiClient(app.url).requestWithHeaders("POST", "/api/guest/sessions", { slug: "hotel-miramar" }, {}, { "x-forwarded-for": `198.51.100.${i}` });
      statuses.push(res.status);
    }
    expect(statuses).toEqual([201, 201, 201, 429, 429, 429]);
  });

  it("refuses trustProxy: true in the config, naming the key", async () => {
    await expect(startTestApp({ config: { http: { trustProxy: true as never } } })).rejects.toThrow(/http\.trustProxy: true would believe any X-Forwarded-For/);
  });
});

describe("staff sockets follow their session", () => {
  async function signedInStaff() {
    app = await startTestApp();
    const manager = await setUpManager(app);
    const staff = await addMemberWithLogin(manager, "staff", "sam");
    return { manager, ...staff };
  }

  it("disconnects a removed member's open page at once, and it hears no more guest chats", async () => {
    const { manager, client, member } = await signedInStaff();
    const socket = await staffSocket(client);
    const managerSocket = await staffSocket(manager);
    const gone = disconnected(socket);
    expect((await manager.delete(`/api/team/${member.id}`)).status).toBe(204);
    expect(await gone).toBe("io server disconnect");

    const heard = collect(socket, "message");
    const managerHeard = collect(managerSocket, "message");
    const token = await newGuestToken();
    expect((await guestRequest("POST", "/api/guest/messages", token, { text: "my passport number is…" })).status).toBe(201);
    await managerHeard.waitFor((m) => m.message.text.startsWith("my passport"));
    expect(heard.items).toEqual([]);
    await expect(staffSocket(client)).rejects.toThrow(/Sign in first/);
  });

  it("disconnects on sign-out, but leaves the member's other signed-in pages connected", async () => {
    const { client } = await signedInStaff();
    const otherDevice = new ApiClient(app!.url);
    await otherDevice.login("sam", "sam-password-1");
    const socket = await staffSocket(client);
    const otherSocket = await staffSocket(otherDevice);
    const gone = disconnected(socket);
    expect((await client.post("/api/auth/logout")).status).toBe(204);
    expect(await gone).toBe("io server disconnect");

    const heard = collect(otherSocket, "message");
    const token = await newGuestToken();
    await guestRequest("POST", "/api/guest/messages", token, { text: "still there?" });
    await heard.waitFor((m) => m.message.text === "still there?");
    expect(otherSocket.connected).toBe(true);
  });

  it("disconnects when a manager changes the member's password or removes their login", async () => {
    const { manager, client, member } = await signedInStaff();
    let socket = await staffSocket(client);
    let gone = disconnected(socket);
    expect((await manager.patch(`/api/team/${member.id}`, { password: "a brand new password" })).status).toBe(200);
    expect(await gone).toBe("io server disconnect");

    await client.login("sam", "a brand new password");
    socket = await staffSocket(client);
    gone = disconnected(socket);
    expect((await manager.patch(`/api/team/${member.id}`, { username: null })).status).toBe(200);
    expect(await gone).toBe("io server disconnect");
  });

  it("disconnects when the member's role changes, and lets them reconnect with the new role", async () => {
    const { manager, client, member } = await signedInStaff();
    const socket = await staffSocket(client);
    const gone = disconnected(socket);
    expect((await manager.patch(`/api/team/${member.id}`, { role: "manager" })).status).toBe(200);
    expect(await gone).toBe("io server disconnect");
    expect((await client.get("/api/auth/session")).body.user.role).toBe("manager");
    expect((await staffSocket(client)).connected).toBe(true);
  });

  it("disconnects when the session is ended outside the app (the reset-password command works on the database)", async () => {
    app = await startTestApp({ config: { auth: { sessionCheckSeconds: 1 } } });
    const manager = await setUpManager(app);
    const { client } = await addMemberWithLogin(manager, "staff", "sam");
    const socket = await staffSocket(client);
    const gone = disconnected(socket, 10_000);
    // Another process on the same database, as the command line tools are.
    const other = new SQLite(join(app.dataDir, "innbox.sqlite"));
    other.pragma("busy_timeout = 5000");
    try {
      other.prepare("DELETE FROM sessions WHERE account_id = (SELECT id FROM accounts WHERE username = 'sam')").run();
    } finally {
      other.close();
    }
    expect(await gone).toBe("io server disconnect");
  });

  it("disconnects a page whose session passed its absolute lifetime, however busy it was", async () => {
    const clock = createTestClock(Date.parse("2026-11-25T10:00:00Z"));
    app = await startTestApp({ clock, config: { auth: { sessionDays: 2, sessionMaxDays: 5, sessionCheckSeconds: 1 } } });
    const manager = await setUpManager(app);
    for (let day = 1; day < 5; day++) {
      await clock.advance(86_400_000);
      expect((await manager.get("/api/auth/session")).status).toBe(200);
    }
    const socket = await staffSocket(manager);
    const gone = disconnected(socket, 10_000);
    await clock.advance(86_400_000);
    expect(await gone).toBe("io server disconnect");
    expect((await manager.get("/api/auth/session")).status).toBe(401);
  });
});

describe("staff socket origin", () => {
  it("refuses a page of another website, even with the session cookie", async () => {
    app = await startTestApp({ config: { publicUrl: "https://frontdesk.example.com" } });
    const manager = await setUpManager(app);
    for (const origin of ["https://evil.example", "http://127.0.0.1.evil.example", "null", "https://frontdesk.example.com.evil.example"]) {
      await expect(staffSocket(manager, { origin })).rejects.toThrow(/another website/);
    }
  });

  it("accepts the appliance's own address, its publicUrl, and programs that send no Origin", async () => {
    app = await startTestApp({ config: { publicUrl: "https://frontdesk.example.com" } });
    const manager = await setUpManager(app);
    for (const headers of [{ origin: app.url }, { origin: `http://localhost:${app.port}`, host: `localhost:${app.port}` }, { origin: "https://frontdesk.example.com" }, undefined]) {
      const socket = await staffSocket(manager, headers);
      expect(socket.connected).toBe(true);
    }
  });
});

describe("guest profile", () => {
  it("limits name, language and email changes like messages, and staff hear no more than that", async () => {
    app = await startTestApp({ config: { chat: { guestMessagesPerMinute: 5 } } });
    const manager = await setUpManager(app);
    const socket = await staffSocket(manager);
    const changes = collect(socket, "conversation");
    const token = await newGuestToken();
    const answers: ApiResponse[] = [];
    for (let i = 0; i < 12; i++) answers.push(await guestRequest("PATCH", "/api/guest/conversation", token, { name: `Name ${i}` }));
    expect(answers.map((r) => r.status)).toEqual([...Array(5).fill(200), ...Array(7).fill(429)]);
    const refused = answers[5]!;
    expect(refused.body.error).toMatch(/Too many changes in a short time/);
    expect(Number(refused.headers.get("retry-after"))).toBeGreaterThan(0);
    await changes.waitFor((c) => c.guestName === "Name 4");
    expect(changes.items.length).toBeLessThanOrEqual(5);
  });
});

describe("names and text", () => {
  const BAD_NAMES = ["Anna\u202Egnp.exe", "Ann\u2066a", "Bell\u0007", "Two\nlines", "Null\u0000"];

  it("refuses control and text-direction characters in guest names, and keeps right-to-left names", async () => {
    app = await startTestApp();
    await setUpManager(app);
    const client = new ApiClient(app.url);
    for (const name of BAD_NAMES) {
      const res = await client.post("/api/guest/sessions", { slug: "hotel-miramar", name });
      expect(res.status, JSON.stringify(name)).toBe(400);
      expect(res.body.details).toContainEqual({ field: "name", message: expect.stringMatching(/control characters/) });
    }
    const token = await newGuestToken();
    for (const name of BAD_NAMES) expect((await guestRequest("PATCH", "/api/guest/conversation", token, { name })).status).toBe(400);
    expect((await client.post("/api/guest/sessions", { slug: "hotel-miramar", name: "\u05D3\u05E0\u05D4 \u200F" })).status).toBe(201);
  });

  it("refuses them in team member and property names, and in message text", async () => {
    app = await startTestApp();
    const manager = await setUpManager(app);
    const memberId = (await manager.post("/api/team", { name: "Sam", role: "staff" })).body.id;
    for (const name of BAD_NAMES) {
      expect((await manager.post("/api/team", { name, role: "staff" })).status).toBe(400);
      expect((await manager.patch(`/api/team/${memberId}`, { name })).status).toBe(400);
      expect((await manager.patch("/api/property", { name })).status).toBe(400);
    }
    const token = await newGuestToken();
    const text = await guestRequest("POST", "/api/guest/messages", token, { text: "pay to \u202E1234" });
    expect(text.status).toBe(400);
    expect(text.body.details[0].message).toMatch(/text-direction/);
    expect((await manager.get("/api/team")).body.members.map((m: { name: string }) => m.name)).toEqual([MANAGER.name, "Sam"]);
    expect((await manager.get("/api/property")).body.name).toBe("Hotel Miramar");
  });

  it("refuses them in the names given at setup", async () => {
    app = await startTestApp();
    const client = new ApiClient(app.url);
    for (const body of [{ propertyName: "Hotel\u202E" }, { name: "Mara\u0007" }]) {
      const res = await client.post("/api/setup", { token: app.setupToken(), ...MANAGER, ...body });
      expect(res.status).toBe(400);
    }
    expect((await client.get("/api/setup")).body).toEqual({ needed: true });
  });
});

describe("caching", () => {
  it("answers every /api request with Cache-Control: no-store, errors included", async () => {
    app = await startTestApp({ config: { chat: { guestSessionsPerMinute: 1 } } });
    const manager = await setUpManager(app);
    const stranger = new ApiClient(app.url);
    const answers = [
      await manager.get("/api/auth/session"),
      await manager.get("/api/team"),
      await stranger.get("/api/auth/session"),
      await stranger.get("/api/openapi.json"),
      await stranger.get("/api/setup"),
      await stranger.get("/api/no-such-route"),
      await manager.request("POST", "/api/team", undefined, { rawBody: "{broken" }),
      await manager.post("/api/team", { name: "x".repeat(200_000), role: "staff" }),
      await manager.post("/api/team", {}),
      await manager.request("POST", "/api/team", { name: "Eve", role: "staff" }, { csrf: null }),
      await stranger.post("/api/guest/sessions", { slug: "hotel-miramar" }),
      await stranger.post("/api/guest/sessions", { slug: "hotel-miramar" }),
    ];
    expect(answers.map((r) => r.status)).toEqual([200, 200, 401, 200, 200, 404, 400, 413, 400, 403, 201, 429]);
    for (const res of answers) expect(res.headers.get("cache-control")).toBe("no-store");
  });
});

describe("guest channels", () => {
  it("opens web chats only: the kiosk and widget channels cannot be claimed", async () => {
    app = await startTestApp();
    const manager = await setUpManager(app);
    const client = new ApiClient(app.url);
    for (const channel of ["kiosk", "widget", "telegram"]) {
      const res = await client.post("/api/guest/sessions", { slug: "hotel-miramar", channel });
      expect(res.status).toBe(400);
      expect(res.body.details).toContainEqual({ field: "channel", message: expect.stringMatching(/own credentials/) });
    }
    expect((await client.post("/api/guest/sessions", { slug: "hotel-miramar", channel: "web" })).status).toBe(201);
    expect((await client.post("/api/guest/sessions", { slug: "hotel-miramar" })).status).toBe(201);
    const token = await newGuestToken();
    await guestRequest("POST", "/api/guest/messages", token, { text: "hello" });
    const list = (await manager.get("/api/conversations")).body.conversations as Array<{ channel: string }>;
    expect(new Set(list.map((c) => c.channel))).toEqual(new Set(["web"]));
  });
});

describe("session lifetime", () => {
  it("ends a session at its absolute lifetime even when it is used every day", async () => {
    const clock = createTestClock(Date.parse("2026-11-25T10:00:00Z"));
    app = await startTestApp({ clock, config: { auth: { sessionDays: 3, sessionMaxDays: 10 } } });
    const manager = await setUpManager(app);
    for (let day = 1; day < 10; day++) {
      await clock.advance(86_400_000);
      expect((await manager.get("/api/auth/session")).status, `day ${day}`).toBe(200);
    }
    await clock.advance(86_400_000);
    const ended = await manager.get("/api/auth/session");
    expect(ended.status).toBe(401);
    expect(ended.body.error).toMatch(/Sign in/);
    await manager.login(MANAGER.username, MANAGER.password);
    expect((await manager.get("/api/auth/session")).status).toBe(200);
  });
});
