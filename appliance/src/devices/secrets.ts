// Device keys at rest: AES-256-GCM with a 32-byte key in a file beside the database
// (device-keys.key, mode 0600), made on first need. A copy of the database alone (a
// backup sent somewhere, a support bundle) then holds no usable device key. Stored as
// "v1:" + base64(iv | tag | ciphertext).
import { createCipheriv, createDecipheriv, randomBytes } from "node:crypto";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";

const FILE = "device-keys.key";

export interface DeviceSecrets {
  seal(plain: string): string;
  open(sealed: string): string;
}

export function createDeviceSecrets(dataDir: string): DeviceSecrets {
  let key: Buffer | undefined;
  const keyFile = join(dataDir, FILE);
  const load = (): Buffer => {
    if (key) return key;
    if (existsSync(keyFile)) {
      const read = readFileSync(keyFile);
      if (read.length !== 32) throw new Error(`${keyFile} is not a device key file (32 bytes); restore it from the backup taken with the database.`);
      key = read;
    } else {
      key = randomBytes(32);
      writeFileSync(keyFile, key, { mode: 0o600, flag: "wx" });
    }
    return key;
  };
  return {
    seal(plain) {
      const iv = randomBytes(12);
      const cipher = createCipheriv("aes-256-gcm", load(), iv);
      const body = Buffer.concat([cipher.update(plain, "utf8"), cipher.final()]);
      return `v1:${Buffer.concat([iv, cipher.getAuthTag(), body]).toString("base64")}`;
    },
    open(sealed) {
      if (!sealed.startsWith("v1:")) throw new Error("unknown device key format");
      const raw = Buffer.from(sealed.slice(3), "base64");
      const decipher = createDecipheriv("aes-256-gcm", load(), raw.subarray(0, 12));
      decipher.setAuthTag(raw.subarray(12, 28));
      return Buffer.concat([decipher.update(raw.subarray(28)), decipher.final()]).toString("utf8");
    },
  };
}
