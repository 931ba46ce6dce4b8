import { beforeAll, describe, expect, it } from "vitest";
import { X509Certificate } from "node:crypto";
import { VERIFY_CHROMIUM, VERIFY_REFUSE, VERIFY_TRUST, chainFromElectron, decideChain, fingerprintSha256, splitPemBundle, verifyProcResult } from "./cert-trust.js";
import { makeTestPki, type TestPki } from "./test-helpers/certs.js";

let pki: TestPki;
// Certificates are made during beforeAll, so "now" is read after it.
let now = 0;

beforeAll(() => {
  pki = makeTestPki();
  now = Date.now() + 1_000;
});

describe("decideChain", () => {
  it("trusts the appliance's certificate issued by the pinned CA, by name and by address", () => {
    expect(decideChain({ caPem: pki.caPem, chainPems: [pki.serverPem], hostname: "innbox.local", now })).toEqual({ trusted: true });
    expect(decideChain({ caPem: pki.caPem, chainPems: [pki.serverPem], hostname: "127.0.0.1", now })).toEqual({ trusted: true });
  });

  it("trusts a chain through an intermediate the CA signed, and a chain that repeats the CA at its end", () => {
    expect(decideChain({ caPem: pki.caPem, chainPems: [pki.viaIntermediatePem, pki.intermediatePem], hostname: "innbox.local", now }).trusted).toBe(true);
    expect(decideChain({ caPem: pki.caPem, chainPems: [pki.serverPem, pki.caPem], hostname: "innbox.local", now }).trusted).toBe(true);
  });

  it("refuses a certificate from another CA with the same name as ours", () => {
    expect(decideChain({ caPem: pki.caPem, chainPems: [pki.impostorPem], hostname: "innbox.local", now })).toEqual({ trusted: false, reason: "not-issued-by-ca" });
  });

  it("refuses an intermediate-issued certificate when the intermediate is missing", () => {
    expect(decideChain({ caPem: pki.caPem, chainPems: [pki.viaIntermediatePem], hostname: "innbox.local", now }).trusted).toBe(false);
  });

  it("refuses a certificate for another host, a pinned certificate that is not a CA, and garbage", () => {
    expect(decideChain({ caPem: pki.caPem, chainPems: [pki.otherHostPem], hostname: "innbox.local", now })).toEqual({ trusted: false, reason: "wrong-host" });
    expect(decideChain({ caPem: pki.caPem, chainPems: [pki.serverPem], hostname: "192.168.1.9", now })).toEqual({ trusted: false, reason: "wrong-host" });
    expect(decideChain({ caPem: pki.leafAsCaPem, chainPems: [pki.serverPem], hostname: "innbox.local", now })).toEqual({ trusted: false, reason: "not-a-ca" });
    expect(decideChain({ caPem: "nonsense", chainPems: [pki.serverPem], hostname: "innbox.local", now })).toEqual({ trusted: false, reason: "unreadable" });
    expect(decideChain({ caPem: pki.caPem, chainPems: [], hostname: "innbox.local", now })).toEqual({ trusted: false, reason: "unreadable" });
  });

  it("refuses a certificate outside its validity", () => {
    const validTo = Date.parse(new X509Certificate(pki.serverPem).validTo);
    expect(decideChain({ caPem: pki.caPem, chainPems: [pki.serverPem], hostname: "innbox.local", now: validTo + 86_400_000 })).toEqual({ trusted: false, reason: "expired" });
    expect(decideChain({ caPem: pki.caPem, chainPems: [pki.serverPem], hostname: "innbox.local", now: Date.parse("2001-01-01") })).toEqual({ trusted: false, reason: "not-yet-valid" });
  });
});

describe("verifyProcResult", () => {
  const pinned = () => ({ applianceUrl: "https://innbox.local:8443", caPem: pki.caPem });

  it("trusts the appliance through the pinned CA and refuses an impostor on the appliance's name", () => {
    expect(verifyProcResult({ hostname: "innbox.local", certificate: { data: pki.serverPem } }, pinned(), now)).toBe(VERIFY_TRUST);
    expect(verifyProcResult({ hostname: "innbox.local", certificate: { data: pki.impostorPem, issuerCert: { data: pki.impostorCaPem } } }, pinned(), now)).toBe(VERIFY_REFUSE);
  });

  it("follows Electron's issuerCert links, stopping at a self-signed root", () => {
    const root: { data: string; issuerCert?: unknown } = { data: pki.caPem };
    root.issuerCert = root;
    const chain = { data: pki.viaIntermediatePem, issuerCert: { data: pki.intermediatePem, issuerCert: root } };
    expect(chainFromElectron(chain as never)).toEqual([pki.viaIntermediatePem, pki.intermediatePem, pki.caPem]);
    expect(verifyProcResult({ hostname: "innbox.local", certificate: chain as never }, pinned(), now)).toBe(VERIFY_TRUST);
  });

  it("leaves other hosts and a plain-HTTP appliance to Chromium", () => {
    expect(verifyProcResult({ hostname: "fonts.example", certificate: { data: pki.impostorPem } }, pinned(), now)).toBe(VERIFY_CHROMIUM);
    expect(verifyProcResult({ hostname: "innbox.local", certificate: { data: pki.impostorPem } }, { applianceUrl: "http://innbox.local:8080" }, now)).toBe(VERIFY_CHROMIUM);
  });
});

describe("fingerprints", () => {
  it("gives the colon-separated SHA-256 the admin page shows, and splits bundles", () => {
    expect(fingerprintSha256(pki.caPem)).toMatch(/^([0-9A-F]{2}:){31}[0-9A-F]{2}$/);
    expect(splitPemBundle(pki.serverPem + pki.caPem)).toHaveLength(2);
  });
});
