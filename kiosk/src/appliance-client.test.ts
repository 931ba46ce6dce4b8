import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createServer as createHttpsServer, type Server as HttpsServer } from "node:https";
import { createServer as createHttpServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { checkKioskToken, fetchCaOnFirstUse, pairKiosk, KioskSetupError } from "./appliance-client.js";
import { fingerprintSha256 } from "./cert-trust.js";
import { makeTestPki, type TestPki } from "./test-helpers/certs.js";
import { applianceStub } from "./test-helpers/appliance-stub.js";

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
