import { X509Certificate } from "node:crypto";
import forge from "node-forge";
import { beforeAll, describe, expect, it } from "vitest";
import { certificateFacts, createCertificateAuthority, isIssuedBy, issueServerCertificate, type KeyAndCertificate } from "./certificates.js";
import { caProblem, serverProblem } from "./renewal.js";

const DAY_MS = 86_400_000;
const NOW = Date.UTC(2026, 10, 30, 12);
const NAMES = ["box", "box.local", "localhost", "127.0.0.1", "192.168.1.10"];

let ca: KeyAndCertificate;
let server: KeyAndCertificate;
beforeAll(async () => {
  ca = await createCertificateAuthority("Innbox local CA — Hôtel Miramar", NOW);
  server = await issueServerCertificate(ca, NAMES, NOW);
});

describe("the local certificate authority", () => {
  it("is a self-signed CA for ten years that may sign only end certificates (pathlen 0), named in UTF-8", () => {
    const x509 = new X509Certificate(ca.certPem);
    expect(x509.ca).toBe(true);
    expect(x509.verify(x509.publicKey)).toBe(true);
    const parsed = forge.pki.certificateFromPem(ca.certPem);
    const constraints = parsed.getExtension("basicConstraints") as { cA: boolean; pathLenConstraint?: number; critical: boolean };
    expect(constraints).toMatchObject({ cA: true, pathLenConstraint: 0, critical: true });
    expect(forge.util.decodeUtf8(String(parsed.subject.getField("CN").value))).toBe("Innbox local CA — Hôtel Miramar");
    const facts = certificateFacts(ca.certPem);
    expect(facts.notAfter - NOW).toBe(3650 * DAY_MS);
    expect(facts.fingerprint256).toMatch(/^([0-9A-F]{2}:){31}[0-9A-F]{2}$/);
  });

  it("signs a server certificate for the names, for 397 days, for TLS servers only", () => {
    const facts = certificateFacts(server.certPem);
    expect(facts.names).toEqual(NAMES);
    expect(facts.notAfter - NOW).toBe(397 * DAY_MS);
    expect(facts.notBefore).toBeLessThan(NOW);
    expect(isIssuedBy(server.certPem, ca.certPem)).toBe(true);
    const x509 = new X509Certificate(server.certPem);
    expect(x509.ca).toBe(false);
    expect(x509.keyUsage).toEqual(["1.3.6.1.5.5.7.3.1"]);
    expect(x509.checkIP("192.168.1.10")).toBe("192.168.1.10");
    expect(x509.checkHost("box.local")).toBe("box.local");
    expect(x509.checkHost("other.local")).toBeUndefined();
  });

  it("never issues past the CA's own end", async () => {
    const late = await issueServerCertificate(ca, NAMES, NOW + 3600 * DAY_MS);
    expect(certificateFacts(late.certPem).notAfter).toBe(certificateFacts(ca.certPem).notAfter);
  });
});

describe("when the server certificate is issued anew", () => {
  it("keeps a good one", () => {
    expect(serverProblem(server, ca.certPem, [...NAMES].reverse(), NOW + 100 * DAY_MS)).toBeUndefined();
    expect(caProblem(ca, NOW + 100 * DAY_MS)).toBeUndefined();
  });

  it("replaces one with under 30 days left, one for other names, one from another CA, a missing or unreadable one", async () => {
    expect(serverProblem(server, ca.certPem, NAMES, NOW + 368 * DAY_MS)).toBe("expiring");
    expect(serverProblem(server, ca.certPem, [...NAMES, "192.168.1.11"], NOW)).toBe("names-changed");
    const other = await createCertificateAuthority("Innbox local CA — other", NOW);
    expect(serverProblem(server, other.certPem, NAMES, NOW)).toBe("other-ca");
    expect(serverProblem(undefined, ca.certPem, NAMES, NOW)).toBe("missing");
    expect(serverProblem({ keyPem: "", certPem: "garbage" }, ca.certPem, NAMES, NOW)).toBe("unreadable");
    expect(serverProblem(server, ca.certPem, NAMES, NOW - 2 * DAY_MS)).toBe("not-yet-valid");
  });

  it("makes the CA anew only when it is missing, unreadable or near its end", () => {
    expect(caProblem(undefined, NOW)).toBe("missing");
    expect(caProblem({ keyPem: "", certPem: "garbage" }, NOW)).toBe("unreadable");
    expect(caProblem(ca, NOW + 3630 * DAY_MS)).toBe("expiring");
  });
});
