import { X509Certificate } from "node:crypto";
import { isIP } from "node:net";

/** The SHA-256 fingerprint as `AB:CD:…`, the form the admin page shows next to the CA download. */
export function fingerprintSha256(pem: string): string {
  return new X509Certificate(pem).fingerprint256;
}

/** Splits a PEM bundle into its certificates. */
export function splitPemBundle(pem: string): string[] {
  return pem.match(/-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/g) ?? [];
}

export type TrustDecision =
  | { trusted: true }
  | { trusted: false; reason: "not-a-ca" | "not-issued-by-ca" | "bad-signature" | "expired" | "not-yet-valid" | "wrong-host" | "unreadable" };

export interface ChainInput {
  /** The pinned CA certificate (PEM). */
  caPem: string;
  /** The server's certificate followed by any intermediates, as the server sent them. */
  chainPems: string[];
  /** The host name or address the kiosk connected to. */
  hostname: string;
  /** Milliseconds since the epoch. */
  now: number;
}

/**
 * Whether the appliance's HTTPS certificate is one the pinned CA vouches for: each
 * certificate in the chain issued and signed by the next, the last one by the pinned
 * CA, every certificate within its validity, and the server's certificate naming the
 * host. Only the pinned CA is trusted here, never the operating system's store.
 */
export function decideChain(input: ChainInput): TrustDecision {
  let ca: X509Certificate;
  let chain: X509Certificate[];
  try {
    ca = new X509Certificate(input.caPem);
    chain = input.chainPems.map((pem) => new X509Certificate(pem));
  } catch {
    return { trusted: false, reason: "unreadable" };
  }
  if (!ca.ca) return { trusted: false, reason: "not-a-ca" };
  const leaf = chain[0];
  if (!leaf) return { trusted: false, reason: "unreadable" };
  // A server may send the CA itself at the end of its chain; it is checked as the anchor.
  const links = chain.filter((cert, index) => index === 0 || cert.fingerprint256 !== ca.fingerprint256);
  for (const cert of [...links, ca]) {
    const validity = checkValidity(cert, input.now);
    if (validity) return { trusted: false, reason: validity };
  }
  for (let i = 0; i < links.length; i++) {
    const cert = links[i]!;
    const issuer = links[i + 1] ?? ca;
    if (i + 1 < links.length && !issuer.ca) return { trusted: false, reason: "not-a-ca" };
    if (!cert.checkIssued(issuer)) return { trusted: false, reason: "not-issued-by-ca" };
    if (!cert.verify(issuer.publicKey)) return { trusted: false, reason: "bad-signature" };
  }
  const host = input.hostname.replace(/^\[|\]$/g, "");
  const named = isIP(host) ? leaf.checkIP(host) : leaf.checkHost(host);
  if (!named) return { trusted: false, reason: "wrong-host" };
  return { trusted: true };
}

function checkValidity(cert: X509Certificate, now: number): "expired" | "not-yet-valid" | undefined {
  if (now < Date.parse(cert.validFrom)) return "not-yet-valid";
  if (now > Date.parse(cert.validTo)) return "expired";
  return undefined;
}

/** The fields of Electron's `setCertificateVerifyProc` request this decision needs. */
export interface VerifyRequest {
  hostname: string;
  certificate: CertificateLike;
}

/** Electron's `Certificate`: `data` is the PEM, `issuerCert` the next one up the chain as sent. */
export interface CertificateLike {
  data: string;
  issuerCert?: CertificateLike;
}

/** Electron's verify-proc answers: 0 trust, -2 refuse, -3 let Chromium decide. */
export const VERIFY_TRUST = 0;
export const VERIFY_REFUSE = -2;
export const VERIFY_CHROMIUM = -3;

export function chainFromElectron(certificate: CertificateLike): string[] {
  const pems: string[] = [];
  let current: CertificateLike | undefined = certificate;
  // issuerCert of a self-signed root points at itself in some builds; stop on a repeat.
  while (current && !pems.includes(current.data) && pems.length < 10) {
    pems.push(current.data);
    current = current.issuerCert;
  }
  return pems;
}

/**
 * The verify-proc answer for one connection: the appliance's host is trusted only
 * through the pinned CA (refused otherwise, whatever Chromium thinks); any other host
 * is left to Chromium (the kiosk page loads nothing from elsewhere, but a weather icon
 * CDN would still be checked normally).
 */
export function verifyProcResult(request: VerifyRequest, pinned: { applianceUrl: string; caPem?: string }, now: number): number {
  const appliance = new URL(pinned.applianceUrl);
  if (appliance.protocol !== "https:" || !pinned.caPem) return VERIFY_CHROMIUM;
  if (request.hostname.replace(/^\[|\]$/g, "") !== appliance.hostname.replace(/^\[|\]$/g, "")) return VERIFY_CHROMIUM;
  const decision = decideChain({ caPem: pinned.caPem, chainPems: chainFromElectron(request.certificate), hostname: request.hostname, now });
  return decision.trusted ? VERIFY_TRUST : VERIFY_REFUSE;
}
