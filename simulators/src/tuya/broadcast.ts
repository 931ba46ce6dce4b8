// A device's presence broadcasts, as real Tuya devices send them every few seconds: UDP
// 6666 in clear (3.1), 6667 encrypted with the well-known UDP key (3.3, 3.4), 7000 in a
// GCM 6699 frame (3.5). Sent to the loopback broadcast address only, so a simulator never
// shouts onto a real LAN.
import { createSocket, type Socket } from "node:dgram";
import { Command, UDP_KEY, ecbEncrypt, frame55aa, frame6699, type TuyaProtocolVersion } from "./frames.js";

export const LOOPBACK_BROADCAST = "127.255.255.255";

export interface Presence {
  ip: string;
  gwId: string;
  version: TuyaProtocolVersion;
  productKey: string;
}

export function presencePacket(presence: Presence): { port: number; bytes: Buffer } {
  const json = Buffer.from(
    JSON.stringify({ ip: presence.ip, gwId: presence.gwId, active: 2, ability: 0, mode: 0, encrypt: presence.version !== "3.1", productKey: presence.productKey, version: presence.version }),
    "utf8",
  );
  const retcode = Buffer.alloc(4);
  if (presence.version === "3.1") return { port: 6666, bytes: frame55aa(0, Command.UDP, Buffer.concat([retcode, json])) };
  if (presence.version === "3.5") return { port: 7000, bytes: frame6699(0, Command.UDP_NEW, Buffer.concat([retcode, json]), UDP_KEY) };
  return { port: 6667, bytes: frame55aa(0, Command.UDP_NEW, Buffer.concat([retcode, ecbEncrypt(UDP_KEY, json)])) };
}

/** Broadcasts `presence()` now and every `intervalMs`, from the device's own address. */
export async function startBroadcasting(presence: () => Presence, intervalMs: number): Promise<{ stop(): void; now(): void }> {
  const socket: Socket = createSocket({ type: "udp4", reuseAddr: true });
  await new Promise<void>((resolve, reject) => {
    socket.once("error", reject);
    socket.bind(0, presence().ip, () => {
      socket.off("error", reject);
      resolve();
    });
  });
  socket.setBroadcast(true);
  socket.on("error", () => undefined); // a lost broadcast is not worth a crash
  const now = () => {
    const { port, bytes } = presencePacket(presence());
    socket.send(bytes, port, LOOPBACK_BROADCAST);
  };
  now();
  const timer = intervalMs > 0 ? setInterval(now, intervalMs) : undefined;
  timer?.unref();
  return {
    now,
    stop() {
      if (timer) clearInterval(timer);
      socket.close();
    },
  };
}
