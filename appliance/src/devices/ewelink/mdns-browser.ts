// Listens for `_ewelink._tcp` announcements and hands each one on, reassembled: the
// device id, where it is (A record, else the sender), its port, type, seq, whether it is
// encrypted, and data1..data4 joined. Decrypting and judging seq is the adapter's job:
// only it holds the device key and what it has already seen.
//
// The socket joins the mDNS group on ONE interface, the one given: the LAN interface's
// address in production, 127.0.0.1 in tests and with the simulators (then anything not
// from loopback is dropped, so tests never listen to a real network).
import mdns, { type Mdns, type MdnsPacket, type MdnsRecord } from "multicast-dns";
import type { RemoteInfo } from "node:dgram";

export const EWELINK_SERVICE = "_ewelink._tcp.local";

export interface EwelinkAnnouncement {
  deviceId: string;
  ip: string;
  port: number;
  /** diy_plug, plug, strip, light... */
  type: string;
  seq: number | undefined;
  encrypted: boolean;
  iv: string | undefined;
  /** data1..data4 joined: the state JSON, or its encrypted base64 when `encrypted`. */
  data: string;
  /** When it was heard (the browser's clock). */
  at: number;
}

/** What an adapter needs from the browser: announcements as they come, the last one heard, a way to ask. */
export interface EwelinkAnnouncements {
  /** Calls `listener` with every announcement; returns the unsubscribe. */
  subscribe(listener: (announcement: EwelinkAnnouncement) => void): () => void;
  /** The latest announcement heard from this device, if any. */
  latest?(deviceId: string): EwelinkAnnouncement | undefined;
  /** Asks every eWeLink device to announce itself (at most once a second, however many ask). */
  query?(): void;
}

export interface EwelinkBrowserOptions {
  /** Address of the interface to join the group on (e.g. the LAN address, or 127.0.0.1). */
  interface: string;
  /** mDNS port (5353). */
  port?: number;
  /** Multicast group (224.0.0.251). */
  group?: string;
  now?: () => number;
  /** Told of socket trouble (a port taken, an interface gone); the browser itself never throws. */
  onError?: (error: Error) => void;
}

export interface EwelinkBrowser extends EwelinkAnnouncements {
  start(): Promise<void>;
  latest(deviceId: string): EwelinkAnnouncement | undefined;
  query(): void;
  /** The latest announcement of each device heard since start. */
  devices(): EwelinkAnnouncement[];
  stop(): Promise<void>;
}

function txtFields(record: MdnsRecord): Record<string, string> {
  const fields: Record<string, string> = {};
  const parts = Array.isArray(record.data) ? record.data : [record.data];
  for (const part of parts) {
    const text = Buffer.isBuffer(part) ? part.toString("utf8") : String(part ?? "");
    const eq = text.indexOf("=");
    if (eq > 0) fields[text.slice(0, eq).toLowerCase()] = text.slice(eq + 1);
  }
  return fields;
}

/** The announcements in one mDNS response (usually one device). Exported for tests of odd packets. */
export function parseEwelinkPacket(packet: MdnsPacket, sender: string, at: number): EwelinkAnnouncement[] {
  const records = [...(packet.answers ?? []), ...(packet.additionals ?? [])];
  const found: EwelinkAnnouncement[] = [];
  for (const txt of records) {
    if (txt.type !== "TXT" || !txt.name.toLowerCase().endsWith(`.${EWELINK_SERVICE}`)) continue;
    const fields = txtFields(txt);
    const fromName = /^ewelink_([0-9a-f]{10})\./i.exec(txt.name)?.[1];
    const deviceId = (fields.id ?? fromName ?? "").toLowerCase();
    if (!/^[0-9a-f]{10}$/.test(deviceId)) continue;
    const srv = records.find((r) => r.type === "SRV" && r.name.toLowerCase() === txt.name.toLowerCase());
    const srvData = srv?.data as { port?: number; target?: string } | undefined;
    const a = records.find((r) => r.type === "A" && srvData?.target !== undefined && r.name.toLowerCase() === srvData.target.toLowerCase());
    const seq = fields.seq !== undefined && /^\d+$/.test(fields.seq) ? Number(fields.seq) : undefined;
    found.push({
      deviceId,
      ip: typeof a?.data === "string" ? a.data : sender,
      port: srvData?.port ?? 8081,
      type: fields.type ?? "",
      seq,
      encrypted: fields.encrypt === "true",
      iv: fields.iv,
      data: [1, 2, 3, 4].map((i) => fields[`data${i}`] ?? "").join(""),
      at,
    });
  }
  return found;
}

export function createEwelinkBrowser(options: EwelinkBrowserOptions): EwelinkBrowser {
  const listeners = new Set<(a: EwelinkAnnouncement) => void>();
  const latest = new Map<string, EwelinkAnnouncement>();
  const loopbackOnly = options.interface.startsWith("127.");
  const now = options.now ?? Date.now;
  let socket: Mdns | undefined;
  let queriedAt = -Infinity;

  const onResponse = (packet: MdnsPacket, rinfo: RemoteInfo) => {
    if (loopbackOnly && !rinfo.address.startsWith("127.")) return;
    for (const announcement of parseEwelinkPacket(packet, rinfo.address, now())) {
      latest.set(announcement.deviceId, announcement);
      for (const listener of listeners) {
        try {
          listener(announcement);
        } catch {
          // One adapter's trouble must not keep the others from hearing their devices.
        }
      }
    }
  };

  return {
    start() {
      if (socket) return Promise.resolve();
      const s = mdns({
        interface: options.interface,
        bind: "0.0.0.0",
        port: options.port ?? 5353,
        ip: options.group ?? "224.0.0.251",
        reuseAddr: true,
        loopback: true,
        ttl: loopbackOnly ? 1 : 255,
      });
      socket = s;
      s.on("response", onResponse);
      // A port taken or an interface gone leaves the adapters on polling; it never takes the process down.
      const report = (error: Error) => options.onError?.(error);
      s.on("warning", report);
      s.on("error", report);
      return new Promise<void>((resolve) => {
        s.once("ready", () => resolve());
        s.once("error", () => resolve());
      });
    },
    query() {
      // Fifty adapters connecting at once ask once: every device answers every query.
      if (!socket || now() - queriedAt < 1000) return;
      queriedAt = now();
      socket.query({ questions: [{ name: EWELINK_SERVICE, type: "PTR" }] });
    },
    latest: (id) => latest.get(id.toLowerCase()),
    devices: () => [...latest.values()],
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    stop() {
      const s = socket;
      socket = undefined;
      listeners.clear();
      if (!s) return Promise.resolve();
      return new Promise<void>((resolve) => s.destroy(() => resolve()));
    },
  };
}
