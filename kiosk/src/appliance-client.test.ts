import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createServer as createHttpsServer, type Server as HttpsServer } from "node:https";
import { createServer as createHttpServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { checkKioskToken, fetchCaOnFirstUse, pairKiosk, KioskSetupError } from "./appliance-client.js";
import { fingerprintSha256 } from "./cert-trust.js";
import { makeTestPki, type TestPki } from "./test-helpers/certs.js";

/**
 * A stand-in for the appliance on 127.0.0.1 speaking CONTRACT "Kiosk"'s routes the
 * shell uses: GET /ca.crt, POST /api/kiosk/pair {code} → {token} (404 for an unknown,
 * used or expired code, 429 after too many), GET /api/kiosk/screen (401 when revoked).
 */
function applianceStub(caPem: string) {
  const codes = new Set(["482913"]);
  const tokens = new Set<string>();
  let wrong = 0;
  const handler = (req: IncomingMessage, res: ServerResponse) => {
    const send = (status: number, body: unknown) => {
      res.writeHead(status, { "content-type": "application/json" }).end(JSON.stringify(body));
    };
    let body = "";
    req.on("data", (c: Buffer) => (body += c.toString()));
    req.on("end", () => {
      if (req.method === "GET" && req.url === "/ca.crt") {
        res.writeHead(200, { "content-type": "application/x-x509-ca-cert" }).end(caPem);
      } else if (req.method === "POST" && req.url === "/api/kiosk/pair") {
        const code = (JSON.parse(body) as { code?: string }).code ?? "";
        if (codes.delete(code)) {
          const token = `kt_${code}`;
          tokens.add(token);
          send(200, { token });
        } else if (++wrong > 10) {
          send(429, { error: "Too many wrong codes." });
        } else {
          send(404, { error: "This pairing code is unknown, used or expired." });
        }
      } else if (req.method === "GET" && req.url === "/api/kiosk/screen") {
        const token = (req.headers.authorization ?? "").replace(/^Bearer /, "");
        if (tokens.has(token)) send(200, { phone: "+1 555 0100" });
        else send(401, { error: "This kiosk is no longer paired." });
      } else {
        send(404, { error: "Not found." });
      }
    });
  };
  return { handler, revokeAll: () => tokens.clear(), addCode: (c: string) => codes.add(c) };
}

async function listen(server: Server | HttpsServer): Promise<number> {
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return (server.address() as AddressInfo).port;
}

let pki: TestPki;
let appliance: HttpsServer;
let impostor: HttpsServer;
let plain: Server;
let stub: ReturnType<typeof applianceStub>;
let url: string;
let impostorUrl: string;
let plainUrl: string;

beforeAll(async () => {
  pki = makeTestPki();
  stub = applianceStub(pki.caPem);
  appliance = createHttpsServer({ key: pki.serverKeyPem, cert: pki.serverPem }, stub.handler);
  url = `https://127.0.0.1:${await listen(appliance)}`;
  // Someone answering on the LAN who offers the real CA but holds another CA's certificate.
  impostor = createHttpsServer({ key: pki.impostorKeyPem, cert: pki.impostorPem }, applianceStub(pki.caPem).handler);
  impostorUrl = `https://127.0.0.1:${await listen(impostor)}`;
  plain = createHttpServer(applianceStub(pki.caPem).handler);
  plainUrl = `http://127.0.0.1:${await listen(plain)}`;
});

afterAll(async () => {
  for (const server of [appliance, impostor, plain]) await new Promise((resolve) => server.close(resolve));
});

describe("first use: the CA", () => {
  it("downloads the CA the appliance's certificate chains to and shows its fingerprint", async () => {
    const ca = await fetchCaOnFirstUse(url, Date.now());
    expect(ca.fingerprint).toBe(fingerprintSha256(pki.caPem));
    expect(ca.caPem).toContain("BEGIN CERTIFICATE");
  });

  it("refuses a server whose certificate the offered CA did not issue", async () => {
    await expect(fetchCaOnFirstUse(impostorUrl, Date.now())).rejects.toMatchObject({ kind: "ca-mismatch" });
  });

  it("says the appliance did not answer when nothing listens there", async () => {
    const closed = createHttpServer();
    const port = await listen(closed);
    await new Promise((resolve) => closed.close(resolve));
    const err = await fetchCaOnFirstUse(`https://127.0.0.1:${port}`, Date.now()).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(KioskSetupError);
    expect((err as KioskSetupError).kind).toBe("unreachable");
    expect((err as Error).message).toMatch(/did not answer/);
  });
});

describe("pairing", () => {
  it("pairs with a code over HTTPS trusting only the pinned CA, then the token is good", async () => {
    const token = await pairKiosk(url, " 482913 ", pki.caPem);
    expect(token).toBe("kt_482913");
    expect(await checkKioskToken(url, token, pki.caPem)).toBe("ok");
  });

  it("refuses a used or unknown code with one sentence, and an empty one before asking", async () => {
    stub.addCode("111111");
    await pairKiosk(url, "111111", pki.caPem);
    await expect(pairKiosk(url, "111111", pki.caPem)).rejects.toMatchObject({ kind: "bad-code", message: expect.stringMatching(/unknown, used or expired/) });
    await expect(pairKiosk(url, "  ", pki.caPem)).rejects.toMatchObject({ kind: "bad-code", message: expect.stringMatching(/Type the pairing code/) });
  });

  it("says to wait after too many wrong codes", async () => {
    let last: unknown;
    for (let i = 0; i < 11; i++) last = await pairKiosk(url, `00000${i}`, pki.caPem).catch((e: unknown) => e);
    expect(last).toMatchObject({ kind: "rate-limited" });
  });

  it("will not send the code to a server the pinned CA does not vouch for", async () => {
    await expect(pairKiosk(impostorUrl, "482913", pki.caPem)).rejects.toMatchObject({ kind: "ca-mismatch" });
    expect(await checkKioskToken(impostorUrl, "kt_482913", pki.caPem)).toBe("ca-changed");
  });

  it("pairs over plain HTTP when the address is http (loopback, tests)", async () => {
    expect(await pairKiosk(plainUrl, "482913")).toBe("kt_482913");
  });

  it("sees a revoked token as revoked and a silent appliance as unreachable", async () => {
    stub.addCode("222222");
    const token = await pairKiosk(url, "222222", pki.caPem);
    stub.revokeAll();
    expect(await checkKioskToken(url, token, pki.caPem)).toBe("revoked");
    expect(await checkKioskToken("https://127.0.0.1:1", token, pki.caPem)).toBe("unreachable");
  });
});
