import { X509Certificate } from "node:crypto";
import { rmSync, statSync } from "node:fs";
import { Writable } from "node:stream";
import pino from "pino";
import { request, type RequestOptions } from "node:https";
import { join } from "node:path";
import type { TLSSocket } from "node:tls";
import { io } from "socket.io-client";
import { afterEach, describe, expect, it } from "vitest";
import { createApp } from "../../appliance/src/app.js";
import { ConfigError, parseConfig } from "../../appliance/src/config/index.js";
import { TLS_FILES } from "../../appliance/src/tls/index.js";
import { ApiClient, setUpManager, startTestApp, tempDataDir, type TestApp } from "../helpers/app.js";
import { createTestClock } from "../helpers/test-clock.js";

// HTTPS on the LAN with the appliance's own CA: the real app on loopback, node's https
// client trusting (or not) the CA it downloads from GET /ca.crt.

const DAY_MS = 86_400_000;
let apps: TestApp[] = [];
afterEach(async () => {
  for (const app of apps.splice(0).reverse()) await app.stop();
});

async function startHttps(options: Parameters<typeof startTestApp>[0] = {}) {
  const app = await startTestApp({ ...options, config: { https: { port: 0 }, ...options.config } });
  apps.push(app);
  return app;
}

interface HttpsAnswer {
  status: number;
  body: string;
  headers: Record<string, string | string[] | undefined>;
  peer: X509Certificate;
}

/** One GET over HTTPS to 127.0.0.1; rejects when the certificate is not trusted. */
function httpsGet(port: number, path: string, options: RequestOptions = {}): Promise<HttpsAnswer> {
  return new Promise((resolve, reject) => {
    const req = request({ host: "127.0.0.1", port, path, method: "GET", agent: false, ...options }, (res) => {
      const raw = (res.socket as TLSSocket).getPeerCertificate().raw;
      let body = "";
      res.setEncoding("utf8");
      res.on("data", (chunk: string) => (body += chunk));
      res.on("end", () => resolve({ status: res.statusCode!, body, headers: res.headers, peer: new X509Certificate(raw) }));
    });
    req.on("error", reject);
    req.end();
  });
}

async function downloadCa(app: TestApp): Promise<string> {
  const res = await fetch(`${app.url}/ca.crt`);
  expect(res.status).toBe(200);
  return res.text();
}

describe("HTTPS on the LAN", () => {
  it("answers over HTTPS to a client that trusts the downloaded CA, and fails verification without it", async () => {
    const app = await startHttps();
    expect(app.httpsPort).toBeGreaterThan(0);
    const ca = await downloadCa(app);

    const health = await httpsGet(app.httpsPort!, "/healthz", { ca });
    expect(health.status).toBe(200);
    expect(JSON.parse(health.body).status).toBe("ok");
    // The appliance's own HTTPS never sends HSTS: plain HTTP to the same name must keep working.
    const page = await httpsGet(app.httpsPort!, "/admin/", { ca });
    expect(page.headers["strict-transport-security"]).toBeUndefined();

    await expect(httpsGet(app.httpsPort!, "/healthz")).rejects.toMatchObject({ code: expect.stringMatching(/SELF_SIGNED|UNABLE_TO_GET_ISSUER|UNABLE_TO_VERIFY/) });
    // Plain HTTP keeps working beside it.
    expect((await fetch(`${app.url}/healthz`)).status).toBe(200);
  });

  it("serves a certificate for localhost and 127.0.0.1, signed by a CA limited to one level", async () => {
    const app = await startHttps();
    const ca = new X509Certificate(await downloadCa(app));
    expect(ca.ca).toBe(true);
    expect(ca.subject).toMatch(/CN=Innbox local CA — /);
    expect(Date.parse(ca.validTo) - Date.now()).toBeGreaterThan(3640 * DAY_MS);

    const { peer } = await httpsGet(app.httpsPort!, "/healthz", { ca: ca.toString() });
    const san = peer.subjectAltName ?? "";
    expect(san).toContain("DNS:localhost");
    expect(san).toContain("IP Address:127.0.0.1");
    expect(peer.ca).toBe(false);
    expect(peer.checkIssued(ca)).toBe(true);
    expect(peer.verify(ca.publicKey)).toBe(true);
    expect(peer.checkHost("localhost")).toBe("localhost");
    expect(peer.checkIP("127.0.0.1")).toBe("127.0.0.1");
    // Browsers refuse server certificates valid for more than 398 days.
    expect(Date.parse(peer.validTo) - Date.parse(peer.validFrom)).toBeLessThanOrEqual(398 * DAY_MS);
  });

  it("keeps its keys private in the data folder and the same CA after a restart", async () => {
    const dataDir = tempDataDir();
    const first = await startHttps({ dataDir });
    const ca = await downloadCa(first);
    const served = (await httpsGet(first.httpsPort!, "/healthz", { ca })).peer;
    for (const key of [TLS_FILES.caKey, TLS_FILES.serverKey]) expect(statSync(join(dataDir, key)).mode & 0o777).toBe(0o600);
    await first.stop();
    apps = apps.filter((a) => a !== first);

    const second = await startHttps({ dataDir });
    expect(await downloadCa(second)).toBe(ca);
    const again = (await httpsGet(second.httpsPort!, "/healthz", { ca })).peer;
    expect(again.serialNumber).toBe(served.serialNumber);
  });

  it("renews a server certificate close to its end and serves the new one without a restart", async () => {
    const clock = createTestClock();
    const app = await startHttps({ clock });
    const ca = await downloadCa(app);
    const before = (await httpsGet(app.httpsPort!, "/healthz", { ca })).peer;

    // 370 days on: under 30 days left, the daily check issues a new one.
    await clock.advance(370 * DAY_MS);
    await clock.advanceUntil(async () => (await httpsGet(app.httpsPort!, "/healthz", { rejectUnauthorized: false })).peer.serialNumber !== before.serialNumber, {
      stepMs: 60_000,
      maxMs: 3600_000,
      what: "the renewed certificate",
    });
    // Checked against the CA by hand: the new one starts on the app's clock, a year ahead of this machine's.
    const after = (await httpsGet(app.httpsPort!, "/healthz", { rejectUnauthorized: false })).peer;
    expect(Date.parse(after.validTo)).toBeGreaterThan(Date.parse(before.validTo) + 300 * DAY_MS);
    expect(after.verify(new X509Certificate(ca).publicKey)).toBe(true);
    expect(await downloadCa(app)).toBe(ca);

    const manager = await setUpManager(app);
    const status = await manager.get("/api/tls");
    expect(status.body.notAfter).toBe(new Date(after.validTo).toISOString());
  });

  it("serves GET /ca.crt as a downloadable CA certificate, and the status to managers only", async () => {
    const app = await startHttps();
    const res = await fetch(`${app.url}/ca.crt`);
    expect(res.headers.get("content-type")).toBe("application/x-x509-ca-cert");
    expect(res.headers.get("content-disposition")).toBe('attachment; filename="innbox-local-ca.crt"');
    const pem = await res.text();
    expect(pem).toMatch(/^-----BEGIN CERTIFICATE-----\n[\s\S]+\n-----END CERTIFICATE-----\n?$/);
    // Over HTTPS too, and never a key.
    const overHttps = await httpsGet(app.httpsPort!, "/ca.crt", { ca: pem });
    expect(overHttps.body).toBe(pem);
    expect(pem).not.toContain("PRIVATE KEY");

    expect((await new ApiClient(app.url).get("/api/tls")).status).toBe(401);
    const manager = await setUpManager(app);
    const status = await manager.get("/api/tls");
    expect(status.status).toBe(200);
    expect(status.body).toMatchObject({ enabled: true, port: app.httpsPort, caUrl: "/ca.crt", caFingerprint: new X509Certificate(pem).fingerprint256 });
    expect(status.body.names).toEqual(expect.arrayContaining(["localhost", "127.0.0.1"]));
    expect(status.body.caName).toMatch(/^Innbox local CA — /);
  });

  it("names the CA after the property once it is set up", async () => {
    const dataDir = tempDataDir();
    const plain = await startTestApp({ dataDir });
    apps.push(plain);
    await setUpManager(plain, "Casa Azul");
    await plain.stop();
    apps = [];
    const app = await startHttps({ dataDir });
    expect(new X509Certificate(await downloadCa(app)).subject).toContain("CN=Innbox local CA — Casa Azul");
  });

  it("carries the sockets over HTTPS too", async () => {
    const app = await startHttps();
    const ca = await downloadCa(app);
    const socket = io(`https://127.0.0.1:${app.httpsPort}/guest`, { transports: ["websocket"], reconnection: false, forceNew: true, ca, auth: { token: "not-a-token" } });
    // The server answers (a refusal of the token, not a TLS or transport failure).
    const error = await new Promise<Error>((resolve) => socket.once("connect_error", resolve));
    socket.close();
    expect(error.message).not.toMatch(/websocket error|certificate|xhr poll/i);
  });

  it("is off when https.port is absent: no HTTPS, and /ca.crt says how to turn it on", async () => {
    const app = await startTestApp();
    apps.push(app);
    expect(app.httpsPort).toBeUndefined();
    const res = await fetch(`${app.url}/ca.crt`);
    expect(res.status).toBe(404);
    expect(await res.text()).toMatch(/https\.port/);
    const manager = await setUpManager(app);
    expect((await manager.get("/api/tls")).body).toMatchObject({ enabled: false, port: null, caFingerprint: null, names: [] });
  });

  it("says in its first log lines where HTTPS listens and where to get the CA, and that it made the CA", async () => {
    const lines: string[] = [];
    const sink = new Writable({
      write(chunk, _encoding, done) {
        for (const line of String(chunk).split("\n").filter(Boolean)) lines.push((JSON.parse(line) as { msg: string }).msg);
        done();
      },
    });
    const dataDir = tempDataDir();
    const app = createApp(parseConfig({ port: 0, host: "127.0.0.1", dataDir, https: { port: 0 }, devices: { discovery: false }, weather: { apiBase: "http://127.0.0.1:9" } }), {
      log: pino({ level: "info" }, sink),
      sleep: async () => undefined,
    });
    try {
      const running = await app.start();
      expect(lines.some((l) => l.startsWith("Created the local certificate authority"))).toBe(true);
      const line = lines.find((l) => l.startsWith("HTTPS on "));
      expect(line).toBe(
        `HTTPS on https://127.0.0.1:${running.httpsPort}/admin/ with the appliance's own certificate: install its authority on each device from http://127.0.0.1:${running.port}/ca.crt (Settings → Secure connection explains how).`,
      );
      // Among the first lines: after where the admin page is and the first-run setup link.
      const first = lines.findIndex((l) => l.startsWith("Innbox "));
      expect(lines.indexOf(line!) - first).toBe(lines[first + 1]!.startsWith("First run") ? 2 : 1);
    } finally {
      await app.stop();
      rmSync(dataDir, { recursive: true, force: true });
    }
  });

  it("refuses a bad https.port with a sentence naming the key", () => {
    for (const bad of [{ https: { port: "x" } }, { https: { port: 70000 } }, { https: { port: 1.5 } }, { https: 8443 }, { port: 8443, https: { port: 8443 } }]) {
      let problems: string[] = [];
      try {
        parseConfig(bad);
      } catch (err) {
        problems = (err as ConfigError).problems;
      }
      expect(problems.length, JSON.stringify(bad)).toBe(1);
      expect(problems[0]).toMatch(/^config: https(\.port)?: must (be|differ from port)/);
    }
  });
});
