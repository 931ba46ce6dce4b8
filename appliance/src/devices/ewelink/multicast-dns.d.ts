// The few parts of multicast-dns (7.x, no bundled types) that the eWeLink mDNS browser uses.
declare module "multicast-dns" {
  import type { EventEmitter } from "node:events";
  import type { RemoteInfo } from "node:dgram";

  interface MdnsRecord {
    name: string;
    type: string;
    ttl?: number;
    class?: string;
    flush?: boolean;
    data?: unknown;
  }
  interface MdnsPacket {
    type?: "query" | "response";
    flags?: number;
    questions?: Array<{ name: string; type: string }>;
    answers?: MdnsRecord[];
    additionals?: MdnsRecord[];
  }
  interface MdnsOptions {
    port?: number;
    ip?: string;
    interface?: string;
    bind?: string | false;
    multicast?: boolean;
    loopback?: boolean;
    reuseAddr?: boolean;
    ttl?: number;
  }
  interface Mdns extends EventEmitter {
    respond(packet: MdnsPacket, rinfo?: { port: number; address: string }, cb?: (err?: Error | null) => void): void;
    query(packet: MdnsPacket, rinfo?: { port: number; address: string }, cb?: (err?: Error | null) => void): void;
    destroy(cb?: () => void): void;
    on(event: "response" | "query" | "packet", listener: (packet: MdnsPacket, rinfo: RemoteInfo) => void): this;
    on(event: "ready", listener: () => void): this;
    on(event: "error" | "warning", listener: (err: Error) => void): this;
  }
  function mdns(options?: MdnsOptions): Mdns;
  export = mdns;
  export type { Mdns, MdnsPacket, MdnsRecord, MdnsOptions };
}
