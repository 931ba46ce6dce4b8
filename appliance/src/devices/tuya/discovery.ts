// Tuya devices announce themselves on the LAN every few seconds: UDP 6666 in clear (3.1),
// 6667 encrypted with a key every device shares (md5 of "yGAdlopoPVldABfn"; 3.3, 3.4),
// 7000 in an AES-GCM frame with the same key (3.5). Listening tells the appliance which
// devices are there, and where a known device went after a new DHCP lease.
import { createDecipheriv, createHash } from "node:crypto";
import { createSocket, type Socket } from "node:dgram";
import type { Logger } from "pino";
import type { TuyaVersion } from "../adapter.js";
import type { Timers } from "../../time/index.js";

export const TUYA_DISCOVERY_PORTS = [6666, 6667, 7000] as const;
const UDP_KEY = createHash("md5").update("yGAdlopoPVldABfn", "utf8").digest();
const VERSIONS = new Set(["3.1", "3.3", "3.4", "3.5"]);

export interface FoundTuyaDevice {
  deviceId: string;
  ip: string;
  version: TuyaVersion;
  productKey?: string;
  /** When it was last heard (the app's clock). */
  seenAt: number;
}

export interface TuyaDiscoveryOptions {
  timers: Timers;
  log: Logger;
  /**
   * The address to listen on. The product leaves it out and listens on every interface
   * (the LAN's broadcasts arrive there); tests bind the loopback broadcast address, where
   * the simulators announce themselves.
   */
  bindAddress?: string;
  /** Called when a device is heard for the first time or at a new address or version. */
  onDevice?: (device: FoundTuyaDevice) => void;
}

export interface TuyaDiscovery {
  /** Every device heard since start. */
  devices(): FoundTuyaDevice[];
  stop(): Promise<void>;
}

/** Decodes one announcement, or undefined when it is not one. */
export function decodeAnnouncement(message: Buffer): { gwId: string; ip: string; version: string; productKey?: string } | undefined {
  try {
    let plain: Buffer | undefined;
    const prefix = message.readUInt32BE(0);
    if (prefix === 0x55aa) {
      const length = message.readUInt32BE(12);
      let body = message.subarray(16, 16 + length - 8);
      if (body.length >= 4 && body.readUInt32BE(0) === 0) body = body.subarray(4); // return code
      if (body[0] === 0x7b) plain = body; // "{": 3.1 sends it in clear
      else {
        const decipher = createDecipheriv("aes-128-ecb", UDP_KEY, null);
        plain = Buffer.concat([decipher.update(body), decipher.final()]);
      }
    } else if (prefix === 0x6699) {
      const decipher = createDecipheriv("aes-128-gcm", UDP_KEY, message.subarray(18, 30));
      decipher.setAAD(message.subarray(4, 18));
      decipher.setAuthTag(message.subarray(message.length - 20, message.length - 4));
      plain = Buffer.concat([decipher.update(message.subarray(30, message.length - 20)), decipher.final()]);
      if (plain[0] !== 0x7b) plain = plain.subarray(4);
    }
    if (!plain) return undefined;
    const json = JSON.parse(plain.toString("utf8")) as Record<string, unknown>;
    if (typeof json.gwId !== "string" || typeof json.ip !== "string") return undefined;
    return { gwId: json.gwId, ip: json.ip, version: String(json.version ?? "3.1"), ...(typeof json.productKey === "string" ? { productKey: json.productKey } : {}) };
  } catch {
    return undefined;
  }
}

export async function startTuyaDiscovery(options: TuyaDiscoveryOptions): Promise<TuyaDiscovery> {
  const { timers, log } = options;
  const found = new Map<string, FoundTuyaDevice>();
  const sockets: Socket[] = [];

  const heard = (message: Buffer) => {
    const announced = decodeAnnouncement(message);
    if (!announced || !VERSIONS.has(announced.version)) return;
    const previous = found.get(announced.gwId);
    const device: FoundTuyaDevice = {
      deviceId: announced.gwId,
      ip: announced.ip,
      version: announced.version as TuyaVersion,
      ...(announced.productKey ? { productKey: announced.productKey } : {}),
      seenAt: timers.now(),
    };
    found.set(device.deviceId, device);
    if (previous && previous.ip === device.ip && previous.version === device.version) return;
    try {
      options.onDevice?.(device);
    } catch (error) {
      log.error({ err: error }, "tuya discovery listener failed");
    }
  };

  for (const port of TUYA_DISCOVERY_PORTS) {
    const socket = createSocket({ type: "udp4", reuseAddr: true });
    socket.on("message", heard);
    // A port another program holds only costs that port's announcements.
    socket.on("error", (error) => log.warn({ err: error, port }, "tuya discovery socket error"));
    await new Promise<void>((resolve) => {
      socket.once("error", () => resolve());
      socket.bind(port, options.bindAddress, () => resolve());
    });
    sockets.push(socket);
  }

  return {
    devices: () => [...found.values()],
    async stop() {
      await Promise.all(sockets.map((socket) => new Promise<void>((resolve) => socket.close(() => resolve()))));
    },
  };
}
