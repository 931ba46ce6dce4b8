import { randomInt } from "node:crypto";
import { KIOSK_CODE_ALPHABET, KIOSK_CODE_LENGTH, normalizePairingCode } from "@innbox/protocol";
import { sha256 } from "../crypto/index.js";

/** A fresh one-time code from the unambiguous alphabet (25^8 ≈ 1.5·10^11 codes). */
export function newPairingCode(): string {
  let code = "";
  for (let i = 0; i < KIOSK_CODE_LENGTH; i++) code += KIOSK_CODE_ALPHABET[randomInt(KIOSK_CODE_ALPHABET.length)];
  return code;
}

/** How a code is stored and looked up: hashed, whatever case, spaces or dashes it was typed with. */
export const pairingCodeHash = (typed: string) => sha256(`kiosk-code:${normalizePairingCode(typed)}`);
