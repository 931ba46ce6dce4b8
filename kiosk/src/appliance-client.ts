import { request as httpRequest } from "node:http";
import { request as httpsRequest } from "node:https";
import type { TLSSocket } from "node:tls";
import { decideChain, fingerprintSha256, splitPemBundle } from "./cert-trust.js";
import { messages } from "./messages.js";

/**
 * The shell's few calls to the appliance (CONTRACT "Kiosk"), over node's own HTTP
 * client in the main process: the CA download on first use, pairing, and a token check
 * at start. HTTPS calls trust only the pinned CA.
 */

export interface RawResponse {
  status: number;
  body: string;
  /** The server's certificate chain as PEMs (HTTPS only). */
  peerChain: string[];
}

interface RequestOptions {
  method: "GET" | "POST";
  url: string;
  body?: unknown;
  token?: string;
  /** Pinned CA; required for https unless `trustOnFirstUse`. */
  caPem?: string;
  /** Accept any certificate, to read the CA and the chain the server presents. */
  trustOnFirstUse?: boolean;
  timeoutMs?: number;
}

export class KioskSetupError extends Error {
  constructor(message: string, readonly kind: "unreachable" | "no-ca" | "ca-mismatch" | "bad-code" | "rate-limited" | "server") {
    super(message);
  }
}

export function rawRequest(options: RequestOptions): Promise<RawResponse> {
  const url = new URL(options.url);
  const payload = options.body === undefined ? undefined : JSON.stringify(options.body);
  const headers: Record<string, string> = { accept: "application/json, application/x-pem-file, */*" };
  if (payload !== undefined) {
    headers["content-type"] = "application/json";
    headers["content-length"] = String(Buffer.byteLength(payload));
  }
  if (options.token) headers.authorization = `Bearer ${options.token}`;
  const isHttps = url.protocol === "https:";
  return new Promise((resolve, reject) => {
    const req = (isHttps ? httpsRequest : httpRequest)(
      url,
      {
        method: options.method,
        headers,
        timeout: options.timeoutMs ?? 10_000,
        ...(isHttps ? (options.trustOnFirstUse ? { rejectUnauthorized: false } : { ca: options.caPem, rejectUnauthorized: true }) : {}),
        agent: false,
      },
      (res) => {
        const peerChain = isHttps ? peerChainOf(res.socket as TLSSocket) : [];
        const chunks: Buffer[] = [];
        res.on("data", (chunk: Buffer) => chunks.push(chunk));
        res.on("end", () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString("utf8"), peerChain }));
        res.on("error", reject);
      },
    );
    req.on("timeout", () => req.destroy(new Error("timeout")));
    req.on("error", reject);
    req.end(payload);
  });
}

function peerChainOf(socket: TLSSocket): string[] {
  const pems: string[] = [];
  let cert = socket.getPeerCertificate(true);
  const seen = new Set<string>();
  while (cert && cert.raw && !seen.has(cert.fingerprint256)) {
    seen.add(cert.fingerprint256);
    const base64 = cert.raw.toString("base64").replace(/.{64}/g, "$&\n");
    pems.push(`-----BEGIN CERTIFICATE-----\n${base64}\n-----END CERTIFICATE-----\n`.replace("\n\n", "\n"));
    cert = cert.issuerCertificate;
  }
  return pems;
}

export interface CaOnFirstUse {
  caPem: string;
  /** For the installer to compare with the admin page's. */
  fingerprint: string;
}

/**
 * Downloads `<url>/ca.crt` without checking the certificate (nothing is pinned yet),
 * then insists that the certificate the server presented on that very connection chains
 * to the CA it handed over: an impostor would have to offer a CA of its own, whose
 * fingerprint the installer then sees differ from the admin page's.
 */
export async function fetchCaOnFirstUse(applianceUrl: string, now: number): Promise<CaOnFirstUse> {
  let res: RawResponse;
  try {
    res = await rawRequest({ method: "GET", url: `${applianceUrl}/ca.crt`, trustOnFirstUse: true });
  } catch {
    throw new KioskSetupError(messages.unreachable, "unreachable");
  }
  const caPem = res.status === 200 ? splitPemBundle(res.body)[0] : undefined;
  if (!caPem) throw new KioskSetupError(messages.noCa, "no-ca");
  const hostname = new URL(applianceUrl).hostname;
  const decision = decideChain({ caPem, chainPems: res.peerChain, hostname, now });
  if (!decision.trusted) throw new KioskSetupError(messages.caMismatch, "ca-mismatch");
  return { caPem: caPem + "\n", fingerprint: fingerprintSha256(caPem) };
}

/** `POST /api/kiosk/pair {code}` → the kiosk's token. */
export async function pairKiosk(applianceUrl: string, code: string, caPem?: string): Promise<string> {
  const trimmed = code.trim();
  if (!trimmed) throw new KioskSetupError(messages.codeMissing, "bad-code");
  let res: RawResponse;
  try {
    res = await rawRequest({ method: "POST", url: `${applianceUrl}/api/kiosk/pair`, body: { code: trimmed }, caPem });
  } catch (err) {
    if (isCertificateError(err)) throw new KioskSetupError(messages.caChanged, "ca-mismatch");
    throw new KioskSetupError(messages.unreachable, "unreachable");
  }
  if (res.status === 404 || res.status === 400) throw new KioskSetupError(messages.badCode, "bad-code");
  if (res.status === 429) throw new KioskSetupError(messages.tooManyCodes, "rate-limited");
  if (res.status < 200 || res.status >= 300) throw new KioskSetupError(messages.serverError, "server");
  let token: unknown;
  try {
    token = (JSON.parse(res.body) as { token?: unknown }).token;
  } catch {
    token = undefined;
  }
  if (typeof token !== "string" || !token) throw new KioskSetupError(messages.serverError, "server");
  return token;
}

export type TokenState = "ok" | "revoked" | "unreachable" | "ca-changed";

/**
 * At start: is the stored token still good? `GET /api/kiosk/screen` answers 401 once the
 * kiosk was revoked; anything else that is not an answer (network down, appliance
 * restarting) is "unreachable" and the page is loaded anyway (it says it is offline).
 */
export async function checkKioskToken(applianceUrl: string, token: string, caPem?: string): Promise<TokenState> {
  try {
    const res = await rawRequest({ method: "GET", url: `${applianceUrl}/api/kiosk/screen`, token, caPem, timeoutMs: 5_000 });
    if (res.status === 401) return "revoked";
    return res.status >= 200 && res.status < 300 ? "ok" : "unreachable";
  } catch (err) {
    return isCertificateError(err) ? "ca-changed" : "unreachable";
  }
}

function isCertificateError(err: unknown): boolean {
  const code = (err as { code?: unknown })?.code;
  return typeof code === "string" && /CERT|SELF_SIGNED|ISSUER|VERIFY|ERR_TLS_CERT_ALTNAME/.test(code);
}
