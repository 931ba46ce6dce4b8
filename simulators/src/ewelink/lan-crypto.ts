// eWeLink's LAN encryption as the devices do it: AES-128-CBC with PKCS#7 padding, the key
// the MD5 of the device key, a fresh 16-byte iv per message, both sent as base64.
import { createCipheriv, createDecipheriv, createHash, randomBytes } from "node:crypto";

export function lanKey(deviceKey: string): Buffer {
  return createHash("md5").update(deviceKey, "utf8").digest();
}

export function encryptLan(json: unknown, deviceKey: string, iv: Buffer = randomBytes(16)): { iv: string; data: string } {
  const cipher = createCipheriv("aes-128-cbc", lanKey(deviceKey), iv);
  const data = Buffer.concat([cipher.update(JSON.stringify(json), "utf8"), cipher.final()]);
  return { iv: iv.toString("base64"), data: data.toString("base64") };
}

/** The JSON inside, or undefined when the key, iv or data do not fit (bad padding, not JSON). */
export function decryptLan(data: string, iv: string, deviceKey: string): unknown {
  try {
    const ivBytes = Buffer.from(iv, "base64");
    if (ivBytes.length !== 16) return undefined;
    const decipher = createDecipheriv("aes-128-cbc", lanKey(deviceKey), ivBytes);
    const text = Buffer.concat([decipher.update(Buffer.from(data, "base64")), decipher.final()]).toString("utf8");
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}
