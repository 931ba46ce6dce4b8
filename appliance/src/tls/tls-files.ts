import { chmodSync, existsSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { KeyAndCertificate } from "./certificates.js";

/** The files beside the database: the CA and the server certificate, each with its key (mode 600). */
export const TLS_FILES = {
  caKey: "local-ca.key",
  caCert: "local-ca.crt",
  serverKey: "https.key",
  serverCert: "https.crt",
} as const;

function read(dataDir: string, keyFile: string, certFile: string): KeyAndCertificate | undefined {
  const keyPath = join(dataDir, keyFile);
  const certPath = join(dataDir, certFile);
  if (!existsSync(keyPath) || !existsSync(certPath)) return undefined;
  return { keyPem: readFileSync(keyPath, "utf8"), certPem: readFileSync(certPath, "utf8") };
}

/** Written beside and renamed over, so a power cut leaves the old file or the new one, never half of one. */
function writeAtomically(path: string, text: string, mode: number): void {
  const temporary = `${path}.new`;
  writeFileSync(temporary, text, { mode });
  chmodSync(temporary, mode);
  renameSync(temporary, path);
}

function write(dataDir: string, keyFile: string, certFile: string, pair: KeyAndCertificate): void {
  // The key first: a certificate without its key is replaced on the next start anyway.
  writeAtomically(join(dataDir, keyFile), pair.keyPem, 0o600);
  writeAtomically(join(dataDir, certFile), pair.certPem, 0o644);
}

export const tlsFiles = {
  readCa: (dataDir: string) => read(dataDir, TLS_FILES.caKey, TLS_FILES.caCert),
  writeCa: (dataDir: string, pair: KeyAndCertificate) => write(dataDir, TLS_FILES.caKey, TLS_FILES.caCert, pair),
  readServer: (dataDir: string) => read(dataDir, TLS_FILES.serverKey, TLS_FILES.serverCert),
  writeServer: (dataDir: string, pair: KeyAndCertificate) => write(dataDir, TLS_FILES.serverKey, TLS_FILES.serverCert, pair),
};
