// Decrypting what an encrypted eWeLink device says (its mDNS data and its answers):
// AES-128-CBC, key = MD5(device key), base64 iv. Node's decipher checks the PKCS#7
// padding, so a wrong key shows as a failure here and not as garbage further on.
import { createDecipheriv, createHash } from "node:crypto";

/** The AES key as ewelink-api-next takes it (`secretKey`): MD5 of the device key, in hex. */
export function lanKeyHex(deviceKey: string): string {
  return createHash("md5").update(deviceKey, "utf8").digest("hex");
}

/** The JSON object inside, or undefined when this key does not open it. */
export function decryptLan(data: string, iv: string, keyHex: string): Record<string, unknown> | undefined {
  try {
    const ivBytes = Buffer.from(iv, "base64");
    if (ivBytes.length !== 16) return undefined;
    const decipher = createDecipheriv("aes-128-cbc", Buffer.from(keyHex, "hex"), ivBytes);
    // Some firmware pads with stray 0x02 bytes after the JSON (SonoffLAN strips them too).
    const text = Buffer.concat([decipher.update(Buffer.from(data, "base64")), decipher.final()]).toString("utf8").replace(/\u0002+$/, "");
    const parsed = JSON.parse(text) as unknown;
    return typeof parsed === "object" && parsed !== null ? (parsed as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}
