// The sentence the pairing screen shows for a refused or failed pairing.
import { KioskApiError } from "./kiosk-api";
import { PAIRING_WORDS } from "./kiosk-words";

/** 404 is one sentence for a wrong, used or expired code; 429 says how long to wait. */
export function pairingError(error: unknown): string {
  if (!(error instanceof KioskApiError)) return PAIRING_WORDS.unreachable;
  if (error.status === 404) return PAIRING_WORDS.wrongCode;
  if (error.status === 429) return error.retryAfter ? PAIRING_WORDS.tooManyTries(error.retryAfter) : PAIRING_WORDS.tooManyTriesNoWait;
  if (error.status === 0 || error.status >= 500) return PAIRING_WORDS.unreachable;
  return error.message;
}
