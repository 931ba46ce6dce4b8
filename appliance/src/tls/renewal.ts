import { certificateFacts, isIssuedBy, type KeyAndCertificate } from "./certificates.js";
import { sameNames } from "./lan-names.js";

const DAY_MS = 86_400_000;
/** A certificate with less than this left is replaced (browsers would soon refuse it). */
export const RENEW_BEFORE_DAYS = 30;

export type RenewReason = "missing" | "unreadable" | "other-ca" | "expiring" | "not-yet-valid" | "names-changed";

/** Why the CA must be made anew, or undefined when it is good. */
export function caProblem(ca: KeyAndCertificate | undefined, now: number): RenewReason | undefined {
  if (!ca) return "missing";
  try {
    const facts = certificateFacts(ca.certPem);
    return facts.notAfter - now < RENEW_BEFORE_DAYS * DAY_MS ? "expiring" : undefined;
  } catch {
    return "unreadable";
  }
}

/** Why the server certificate must be issued anew, or undefined when it can be served as it is. */
export function serverProblem(server: KeyAndCertificate | undefined, caPem: string, names: readonly string[], now: number): RenewReason | undefined {
  if (!server) return "missing";
  let facts;
  try {
    facts = certificateFacts(server.certPem);
  } catch {
    return "unreadable";
  }
  if (!isIssuedBy(server.certPem, caPem)) return "other-ca";
  if (facts.notAfter - now < RENEW_BEFORE_DAYS * DAY_MS) return "expiring";
  // The box's clock was wrong when it was made (or was set back since).
  if (facts.notBefore > now) return "not-yet-valid";
  if (!sameNames(facts.names, names)) return "names-changed";
  return undefined;
}
