// The Tuya LAN wire format as the devices speak it: 55AA frames (CRC32 for 3.1/3.3,
// HMAC-SHA256 for 3.4) and 6699 frames (AES-128-GCM for 3.5), with the payload
// encryption of each version. Messages from a device carry a 4-byte return code before
// the payload (3.5: inside the encrypted part); messages to it carry none.
import { createCipheriv, createDecipheriv, createHash, createHmac, randomBytes } from "node:crypto";
import { crc32 } from "node:zlib";

export type TuyaProtocolVersion = "3.1" | "3.3" | "3.4" | "3.5";

export const Command = {
  UDP: 0,
  SESS_KEY_NEG_START: 3,
  SESS_KEY_NEG_RES: 4,
  SESS_KEY_NEG_FINISH: 5,
  CONTROL: 7,
  STATUS: 8,
  HEART_BEAT: 9,
  DP_QUERY: 10,
  CONTROL_NEW: 13,
  DP_QUERY_NEW: 16,
  DP_REFRESH: 18,
  UDP_NEW: 19,
} as const;

/** The key every device encrypts its UDP presence broadcasts with (3.3 and later). */
export const UDP_KEY = createHash("md5").update("yGAdlopoPVldABfn", "utf8").digest();

export interface Frame {
  seq: number;
  command: number;
  /** 55AA: the bytes between the length field and the CRC/HMAC; 6699: iv + ciphertext + tag. */
  body: Buffer;
  /** The whole frame, for checking its CRC, HMAC or GCM header. */
  raw: Buffer;
}

const PREFIX_55AA = 0x000055aa;
const SUFFIX_55AA = 0x0000aa55;
const PREFIX_6699 = 0x00006699;
const SUFFIX_6699 = 0x00009966;

/**
 * Cuts complete frames off the front of `buffer`. Returns the frames and what is left
 * (an incomplete frame). Throws on bytes that are not a frame.
 */
export function splitFrames(buffer: Buffer, version: TuyaProtocolVersion): { frames: Frame[]; rest: Buffer } {
  const frames: Frame[] = [];
  let at = 0;
  for (;;) {
    if (buffer.length - at < 4) break;
    const prefix = buffer.readUInt32BE(at);
    if (prefix === PREFIX_55AA) {
      if (buffer.length - at < 16) break;
      const length = buffer.readUInt32BE(at + 12);
      const end = at + 16 + length;
      if (buffer.length < end) break;
      const trailer = version === "3.4" ? 36 : 8;
      const raw = Buffer.from(buffer.subarray(at, end));
      frames.push({ seq: raw.readUInt32BE(4), command: raw.readUInt32BE(8), body: raw.subarray(16, raw.length - trailer), raw });
      at = end;
    } else if (prefix === PREFIX_6699) {
      if (buffer.length - at < 18) break;
      const length = buffer.readUInt32BE(at + 14);
      const end = at + 18 + length + 4;
      if (buffer.length < end) break;
      const raw = Buffer.from(buffer.subarray(at, end));
      frames.push({ seq: raw.readUInt32BE(6), command: raw.readUInt32BE(10), body: raw.subarray(18, raw.length - 4), raw });
      at = end;
    } else {
      throw new Error(`not a Tuya frame: ${buffer.subarray(at, at + 8).toString("hex")}`);
    }
  }
  return { frames, rest: buffer.subarray(at) };
}

/** Checks a frame's CRC (3.1/3.3) or HMAC (3.4). GCM frames (3.5) are checked on decryption. */
export function frameIntact(frame: Frame, version: TuyaProtocolVersion, key: Buffer): boolean {
  const raw = frame.raw;
  if (version === "3.5") return true;
  if (version === "3.4") {
    const signed = raw.subarray(0, raw.length - 36);
    const mac = raw.subarray(raw.length - 36, raw.length - 4);
    return createHmac("sha256", key).update(signed).digest().equals(mac);
  }
  return (crc32(raw.subarray(0, raw.length - 8)) | 0) === raw.readInt32BE(raw.length - 8);
}

/** Builds a 55AA frame; `key` signs it with HMAC-SHA256 (3.4), otherwise CRC32. */
export function frame55aa(seq: number, command: number, body: Buffer, hmacKey?: Buffer): Buffer {
  const trailer = hmacKey ? 36 : 8;
  const head = Buffer.alloc(16);
  head.writeUInt32BE(PREFIX_55AA, 0);
  head.writeUInt32BE(seq >>> 0, 4);
  head.writeUInt32BE(command, 8);
  head.writeUInt32BE(body.length + trailer, 12);
  const signed = Buffer.concat([head, body]);
  const check = hmacKey ? createHmac("sha256", hmacKey).update(signed).digest() : int32(crc32(signed) | 0);
  const tail = Buffer.alloc(4);
  tail.writeUInt32BE(SUFFIX_55AA, 0);
  return Buffer.concat([signed, check, tail]);
}

/** Builds a 6699 frame: AES-128-GCM over `plain`, the header as associated data. */
export function frame6699(seq: number, command: number, plain: Buffer, key: Buffer): Buffer {
  const head = Buffer.alloc(18);
  head.writeUInt32BE(PREFIX_6699, 0);
  head.writeUInt16BE(0, 4);
  head.writeUInt32BE(seq >>> 0, 6);
  head.writeUInt32BE(command, 10);
  head.writeUInt32BE(plain.length + 28, 14);
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-128-gcm", key, iv);
  cipher.setAAD(head.subarray(4, 18));
  const sealed = Buffer.concat([cipher.update(plain), cipher.final()]);
  const tail = Buffer.alloc(4);
  tail.writeUInt32BE(SUFFIX_6699, 0);
  return Buffer.concat([head, iv, sealed, cipher.getAuthTag(), tail]);
}

/** Opens a 6699 frame's body with `key`; undefined when the key is wrong (the tag fails). */
export function open6699(frame: Frame, key: Buffer): Buffer | undefined {
  const raw = frame.raw;
  const body = frame.body;
  if (body.length < 28) return undefined;
  try {
    const decipher = createDecipheriv("aes-128-gcm", key, body.subarray(0, 12));
    decipher.setAAD(raw.subarray(4, 18));
    decipher.setAuthTag(body.subarray(body.length - 16));
    return Buffer.concat([decipher.update(body.subarray(12, body.length - 16)), decipher.final()]);
  } catch {
    return undefined;
  }
}

export function ecbEncrypt(key: Buffer, plain: Buffer): Buffer {
  const cipher = createCipheriv("aes-128-ecb", key, null);
  return Buffer.concat([cipher.update(plain), cipher.final()]);
}

/** AES-128-ECB with PKCS#7 padding removed; undefined when the key does not fit. */
export function ecbDecrypt(key: Buffer, sealed: Buffer): Buffer | undefined {
  if (sealed.length === 0 || sealed.length % 16 !== 0) return undefined;
  try {
    const decipher = createDecipheriv("aes-128-ecb", key, null);
    return Buffer.concat([decipher.update(sealed), decipher.final()]);
  } catch {
    return undefined;
  }
}

export function hmacSha256(key: Buffer, data: Buffer): Buffer {
  return createHmac("sha256", key).update(data).digest();
}

/** The 3.1 signature on a set command: md5("data=<base64>||lpv=3.1||<key>"), hex characters 8–24. */
export function md5Signature31(base64: string, key: string): string {
  return createHash("md5").update(`data=${base64}||lpv=3.1||${key}`, "utf8").digest("hex").slice(8, 24);
}

/** The 15-byte version header ("3.3" and twelve zero bytes) that 3.3+ put before a command or push. */
export function versionHeader(version: TuyaProtocolVersion): Buffer {
  const header = Buffer.alloc(15);
  header.write(version, 0, "latin1");
  return header;
}

export function int32(value: number): Buffer {
  const b = Buffer.alloc(4);
  b.writeInt32BE(value, 0);
  return b;
}
