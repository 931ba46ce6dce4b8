// A device's `_ewelink._tcp` announcements, multicast on the loopback interface only
// (224.0.0.251 joined and sent on 127.0.0.1, so nothing reaches a LAN). Real devices
// announce on every state change and answer PTR queries; the TXT record carries the state
// JSON split into data1..data4 (at most 249 bytes each, so "dataN=" + chunk fits in 255).
import mdns, { type Mdns, type MdnsRecord } from "multicast-dns";

export const EWELINK_SERVICE = "_ewelink._tcp.local";

export interface MdnsTarget {
  /** The interface whose multicast group is joined and sent on; loopback by default. */
  interface?: string;
  /** mDNS port; 5353 by default (tests may take another to keep to themselves). */
  port?: number;
  /** Multicast group; 224.0.0.251 by default. */
  group?: string;
}

export interface Announcement {
  deviceId: string;
  ip: string;
  port: number;
  txt: Record<string, string>;
}

export function splitData(text: string, size = 249): string[] {
  const chunks: string[] = [];
  for (let i = 0; i < text.length; i += size) chunks.push(text.slice(i, i + size));
  return chunks.length ? chunks : [""];
}

function records(a: Announcement): MdnsRecord[] {
  const instance = `eWeLink_${a.deviceId}.${EWELINK_SERVICE}`;
  const host = `eWeLink_${a.deviceId}.local`;
  return [
    { name: EWELINK_SERVICE, type: "PTR", ttl: 4500, data: instance },
    { name: instance, type: "SRV", ttl: 120, flush: true, data: { port: a.port, target: host, priority: 0, weight: 0 } },
    { name: instance, type: "TXT", ttl: 4500, flush: true, data: Object.entries(a.txt).map(([k, v]) => Buffer.from(`${k}=${v}`)) },
    { name: host, type: "A", ttl: 120, flush: true, data: a.ip },
  ];
}

export interface MdnsAnnouncer {
  announce(a: Announcement): void;
  /** Whether to answer queries (an offline device does not). */
  setAnswering(answering: () => Announcement | undefined): void;
  close(): Promise<void>;
}

export function createMdnsAnnouncer(target: MdnsTarget = {}): MdnsAnnouncer {
  const iface = target.interface ?? "127.0.0.1";
  const socket: Mdns = mdns({
    interface: iface,
    bind: "0.0.0.0",
    port: target.port ?? 5353,
    ip: target.group ?? "224.0.0.251",
    loopback: true,
    reuseAddr: true,
    ttl: 1,
  });
  // A simulator must never take the process down over a socket warning.
  socket.on("error", () => {});
  socket.on("warning", () => {});
  let current: () => Announcement | undefined = () => undefined;
  socket.on("query", (packet) => {
    const a = current();
    if (!a) return;
    const wanted = (packet.questions ?? []).some(
      (q) => q.name.toLowerCase() === EWELINK_SERVICE || q.name.toLowerCase() === `ewelink_${a.deviceId}.${EWELINK_SERVICE}`.toLowerCase(),
    );
    if (wanted) socket.respond({ answers: records(a) });
  });
  return {
    announce(a) {
      socket.respond({ answers: records(a) });
    },
    setAnswering(fn) {
      current = fn;
    },
    close: () => new Promise<void>((resolve) => socket.destroy(() => resolve())),
  };
}
