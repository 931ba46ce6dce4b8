import { createHash, generateKeyPair, randomBytes, X509Certificate } from "node:crypto";
import { isIP } from "node:net";
import { promisify } from "node:util";
import forge from "node-forge";

// Node can verify X.509 certificates but not make them: node-forge (pure JS) writes them,
// node's own crypto makes the keys (fast, native) and reads the results back.

const generateRsa = promisify(generateKeyPair);
const DAY_MS = 86_400_000;

/** A certificate and its private key, both PEM. */
export interface KeyAndCertificate {
  keyPem: string;
  certPem: string;
}

/** The CA lives ten years; devices that trust it need not be touched again in that time. */
export const CA_DAYS = 3650;
/** Browsers refuse server certificates valid for longer than 398 days. */
export const SERVER_DAYS = 397;
/** Issued certificates start a little in the past: a tablet whose clock runs slow still accepts them. */
const BACKDATE_MS = DAY_MS;

async function rsaKeyPair(): Promise<{ privateKey: forge.pki.rsa.PrivateKey; publicKey: forge.pki.rsa.PublicKey; keyPem: string }> {
  const { privateKey } = await generateRsa("rsa", {
    modulusLength: 2048,
    publicKeyEncoding: { type: "spki", format: "pem" },
    privateKeyEncoding: { type: "pkcs8", format: "pem" },
  });
  const key = forge.pki.privateKeyFromPem(privateKey) as forge.pki.rsa.PrivateKey;
  return { privateKey: key, publicKey: forge.pki.setRsaPublicKey(key.n, key.e), keyPem: privateKey };
}

/** A positive 128-bit serial number, as hex (random, so two certificates never share one). */
function serialNumber(): string {
  const bytes = randomBytes(16);
  bytes[0] = bytes[0]! & 0x7f;
  if (bytes[0] === 0) bytes[0] = 1;
  return bytes.toString("hex");
}

const UTF8 = forge.asn1.Type.UTF8 as unknown as forge.asn1.Class;

/** Names in UTF-8 (the CA's name has a dash and a property name may have any letter); forge encodes them. */
function utf8Name(commonName: string): forge.pki.CertificateField[] {
  return [
    { name: "commonName", value: commonName, valueTagClass: UTF8 },
    { name: "organizationName", value: "Innbox", valueTagClass: UTF8 },
  ];
}

/**
 * The CA's subject as the issuer of what it signs, byte for byte: forge reads UTF-8 values
 * as raw bytes but encodes them again on writing, so they are decoded first.
 */
function issuerOf(caCert: forge.pki.Certificate): forge.pki.CertificateField[] {
  return caCert.subject.attributes.map((attr) => ({
    type: attr.type,
    value: attr.valueTagClass === UTF8 ? forge.util.decodeUtf8(String(attr.value)) : attr.value,
    ...(attr.valueTagClass !== undefined ? { valueTagClass: attr.valueTagClass } : {}),
  }));
}

/** PEM with plain line ends (forge writes CRLF). */
const pem = (text: string) => text.replace(/\r\n/g, "\n");

/** A self-signed CA that may sign server certificates and nothing below them (pathlen 0). */
export async function createCertificateAuthority(commonName: string, now: number): Promise<KeyAndCertificate> {
  const keys = await rsaKeyPair();
  const cert = forge.pki.createCertificate();
  cert.publicKey = keys.publicKey;
  cert.serialNumber = serialNumber();
  cert.validity.notBefore = new Date(now - BACKDATE_MS);
  cert.validity.notAfter = new Date(now + CA_DAYS * DAY_MS);
  const name = utf8Name(commonName);
  cert.setSubject(name);
  cert.setIssuer(name);
  cert.setExtensions([
    { name: "basicConstraints", cA: true, pathLenConstraint: 0, critical: true },
    { name: "keyUsage", keyCertSign: true, cRLSign: true, digitalSignature: true, critical: true },
    // forge derives it from the key (SHA-1 of the public key, RFC 5280's method 1).
    { name: "subjectKeyIdentifier" },
  ]);
  cert.sign(keys.privateKey, forge.md.sha256.create());
  return { keyPem: keys.keyPem, certPem: pem(forge.pki.certificateToPem(cert)) };
}

/**
 * A server certificate for `names` (host names and IP addresses), signed by the CA, valid
 * for SERVER_DAYS from `now` (never past the CA's own end).
 */
export async function issueServerCertificate(ca: KeyAndCertificate, names: readonly string[], now: number): Promise<KeyAndCertificate> {
  const caCert = forge.pki.certificateFromPem(ca.certPem);
  const caKey = forge.pki.privateKeyFromPem(ca.keyPem);
  const keys = await rsaKeyPair();
  const cert = forge.pki.createCertificate();
  cert.publicKey = keys.publicKey;
  cert.serialNumber = serialNumber();
  cert.validity.notBefore = new Date(now - BACKDATE_MS);
  cert.validity.notAfter = new Date(Math.min(now + SERVER_DAYS * DAY_MS, caCert.validity.notAfter.getTime()));
  const hostName = names.find((n) => !isIP(n)) ?? names[0] ?? "localhost";
  cert.setSubject(utf8Name(hostName));
  cert.setIssuer(issuerOf(caCert));
  cert.setExtensions([
    { name: "basicConstraints", cA: false, critical: true },
    { name: "keyUsage", digitalSignature: true, keyEncipherment: true, critical: true },
    { name: "extKeyUsage", serverAuth: true },
    { name: "subjectAltName", altNames: names.map((n) => (isIP(n) ? { type: 7, ip: n } : { type: 2, value: n })) },
    { name: "subjectKeyIdentifier" },
    // The CA's own key identifier, derived the same way, so clients find the issuer by it.
    { name: "authorityKeyIdentifier", keyIdentifier: caCert.generateSubjectKeyIdentifier().getBytes() },
  ]);
  cert.sign(caKey as forge.pki.rsa.PrivateKey, forge.md.sha256.create());
  return { keyPem: keys.keyPem, certPem: pem(forge.pki.certificateToPem(cert)) };
}

/** What the admin page and the renewal check need to know about a certificate. */
export interface CertificateFacts {
  subject: string;
  serialNumber: string;
  notBefore: number;
  notAfter: number;
  /** SHA-256 of the DER, as AB:CD:… */
  fingerprint256: string;
  /** The DNS names and IP addresses it is valid for. */
  names: string[];
  /** base64 SHA-256 of its SubjectPublicKeyInfo (what browsers pin). */
  spkiSha256: string;
}

export function certificateFacts(certPem: string): CertificateFacts {
  const x509 = new X509Certificate(certPem);
  const names = (x509.subjectAltName ?? "")
    .split(/,\s*/)
    .filter(Boolean)
    .map((entry) => entry.replace(/^(DNS|IP Address):/, ""));
  const spki = x509.publicKey.export({ type: "spki", format: "der" });
  return {
    subject: x509.subject,
    serialNumber: x509.serialNumber,
    notBefore: Date.parse(x509.validFrom),
    notAfter: Date.parse(x509.validTo),
    fingerprint256: x509.fingerprint256,
    names,
    spkiSha256: createHash("sha256").update(spki).digest("base64"),
  };
}

/** Whether `certPem` was signed by this CA (a CA replaced by hand makes the old server certificate useless). */
export function isIssuedBy(certPem: string, caPem: string): boolean {
  try {
    const ca = new X509Certificate(caPem);
    const cert = new X509Certificate(certPem);
    return cert.checkIssued(ca) && cert.verify(ca.publicKey);
  } catch {
    return false;
  }
}
