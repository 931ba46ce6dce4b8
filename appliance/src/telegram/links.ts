import QRCode from "qrcode";
import type { TelegramLink } from "@innbox/protocol";
import { newToken, sha256 } from "../crypto/index.js";
import type { Db } from "../db/index.js";
import { telegramRepository as repo } from "./repository.js";

const CODE_LIFETIME_MS = 24 * 3_600_000;

/** A one-time code for `/start <code>`; only its hash is stored. */
export async function createLinkCode(db: Db, memberId: string, botUsername: string, clock: () => number): Promise<TelegramLink> {
  const code = newToken(18);
  const expiresAt = new Date(clock() + CODE_LIFETIME_MS).toISOString();
  await repo.insertCode(db, { code_hash: sha256(code), member_id: memberId, expires_at: expiresAt });
  const url = `https://t.me/${botUsername}?start=${code}`;
  const qrSvg = await QRCode.toString(url, { type: "svg", margin: 1, errorCorrectionLevel: "M" });
  return { code, url, expiresAt, qrSvg };
}
