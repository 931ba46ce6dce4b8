// One simulated eWeLink/Sonoff device on its own loopback address: the zeroconf HTTP API
// in DIY mode (plain JSON) or in the encrypted LAN mode of ordinary eWeLink devices
// (AES-128-CBC, key MD5(deviceKey)), state announced over mDNS `_ewelink._tcp` on the
// loopback interface, and faults on demand. Checked against the unmodified
// ewelink-api-next Lan client.
import { randomBytes } from "node:crypto";
import { applyCommand, applyPress, initialParams, localType, type EwelinkKind, type EwelinkParams, type EwelinkPress } from "./device-state.js";
import { decryptLan, encryptLan } from "./lan-crypto.js";
import { createMdnsAnnouncer, splitData, type Announcement, type MdnsAnnouncer, type MdnsTarget } from "./mdns-announcer.js";
import { startZeroconfServer, type ServedRequest, type ZeroconfReply, type ZeroconfServer } from "./zeroconf-server.js";

export interface EwelinkDeviceOptions {
  /** Loopback address of its own (127.0.0.x); 127.0.0.41 by default. */
  ip?: string;
  /** 8081 like the real ones; 0 takes a free port. */
  port?: number;
  /** 10 hex characters; a random "1000xxxxxx" by default. */
  deviceId?: string;
  /** "switch" (one relay), "switches" (a strip of `outlets` gangs) or "light" (dimmable). */
  kind?: EwelinkKind;
  /** Gangs of a "switches" device, 1–4 (4 by default). */
  outlets?: number;
  /** Present: an ordinary eWeLink device in encrypted LAN mode. Absent: DIY mode. */
  deviceKey?: string;
  /** Where announcements go; false for none. Loopback multicast 224.0.0.251:5353 by default. */
  mdns?: MdnsTarget | false;
  /** Rest the web server needs between requests (200 ms). */
  recoveryMs?: number;
  /** A connection that arrives while busy: reset (the firmware's way, default) or held. */
  whenBusy?: "reset" | "wait";
  /** false: like some ordinary (non-DIY) firmware, /zeroconf/info answers an HTML page, not JSON. */
  answersInfo?: boolean;
}

export interface EwelinkDevice {
  readonly deviceId: string;
  readonly kind: EwelinkKind;
  /** Gangs wired (a "switches" device reports four outlets whatever this is). */
  readonly outlets: number;
  readonly ip: string;
  readonly port: number;
  readonly deviceKey: string | undefined;
  /** The `seq` of the current state (incremented on each change). */
  readonly seq: number;
  readonly online: boolean;
  /** The state as the device would report it (a copy). */
  params(): EwelinkParams;
  /** Every request taken on since start (or since `clearServed`), in order. */
  served(): ServedRequest[];
  clearServed(): void;
  /** A change made by hand at the device: applied, and announced with seq + 1. */
  press(change: EwelinkPress): void;
  /** Announces the current state again (as devices do now and then). */
  announce(): void;
  faults: {
    /** The next `count` connections are reset on arrival. */
    resetNext(count?: number): void;
    /** Every answer waits `ms` (0: back to normal). */
    answerSlowly(ms: number): void;
    /** Requests are read but never answered (true) or answered again (false). */
    silent(on: boolean): void;
    /** The device was paired again: its key changes, requests with the old one fail as a wrong key does. */
    changeKey(deviceKey: string): void;
  };
  /** Power or Wi-Fi gone: the port refuses, announcements stop. */
  goOffline(): Promise<void>;
  /** Back with its state (and its address unless `ip` is given). */
  comeBack(options?: { ip?: string }): Promise<void>;
  /** Restarts, on a new address if `ip` is given; seq starts again from 1 unless `keepSeq`. */
  reboot(options?: { ip?: string; keepSeq?: boolean }): Promise<void>;
  stop(): Promise<void>;
}

function json(body: unknown, status = 200): ZeroconfReply {
  return { status, body: JSON.stringify(body), contentType: "application/json" };
}

export async function startEwelinkDevice(options: EwelinkDeviceOptions = {}): Promise<EwelinkDevice> {
  const deviceId = options.deviceId ?? `1000${randomBytes(3).toString("hex")}`;
  if (!/^[0-9a-f]{10}$/i.test(deviceId)) throw new Error(`eWeLink device ids are 10 hex characters, not "${deviceId}"`);
  const kind = options.kind ?? "switch";
  const outlets = kind === "switches" ? Math.min(4, Math.max(1, options.outlets ?? 4)) : 1;
  const recoveryMs = options.recoveryMs ?? 200;
  const whenBusy = options.whenBusy ?? "reset";
  let deviceKey = options.deviceKey;
  let ip = options.ip ?? "127.0.0.41";
  let port = options.port ?? 8081;
  let params = initialParams(kind, outlets);
  let seq = 1;
  let online = false;
  let served: ServedRequest[] = [];
  let server: ZeroconfServer | undefined;
  let slowMs = 0;
  let isSilent = false;
  const announcer: MdnsAnnouncer | undefined = options.mdns === false ? undefined : createMdnsAnnouncer(options.mdns ?? {});

  const stateJson = (): string => JSON.stringify(params);

  const announcement = (): Announcement => {
    const txt: Record<string, string> = { txtvers: "1", id: deviceId, type: localType(kind, !deviceKey), apivers: "1", seq: String(seq) };
    let data = stateJson();
    if (deviceKey) {
      const sealed = encryptLan(params, deviceKey);
      txt.encrypt = "true";
      txt.iv = sealed.iv;
      data = sealed.data;
    }
    splitData(data).forEach((chunk, i) => (txt[`data${i + 1}`] = chunk));
    return { deviceId, ip, port, txt };
  };

  // Each announcement goes out twice, a second apart, as mDNS responders do (RFC 6762 §8.3),
  // so listeners see duplicates as they would on a real network.
  let repeat: ReturnType<typeof setTimeout> | undefined;
  const announce = () => {
    if (!online || !announcer) return;
    const a = announcement();
    announcer.announce(a);
    clearTimeout(repeat);
    repeat = setTimeout(() => {
      if (online) announcer.announce(a);
    }, 1000);
  };

  const handle = (path: string, raw: string): ZeroconfReply => {
    const m = /^\/zeroconf\/([a-z]+)$/i.exec(path);
    if (!m) return { status: 404, body: "<html><body>404 Not Found</body></html>", contentType: "text/html" };
    const command = m[1]!.toLowerCase();
    let body: Record<string, unknown>;
    try {
      body = JSON.parse(raw) as Record<string, unknown>;
      if (typeof body !== "object" || body === null) throw new Error("not an object");
    } catch {
      return json({ seq, error: 400 });
    }
    const sequence = body.sequence;
    const reply = (extra: Record<string, unknown>) => json({ seq, ...(sequence !== undefined ? { sequence } : {}), ...extra });
    if (body.deviceid !== undefined && body.deviceid !== "" && String(body.deviceid).toLowerCase() !== deviceId.toLowerCase()) return reply({ error: 404 });

    let data: unknown = body.data;
    if (deviceKey) {
      // Encryption on: a plain request is unauthorized; one the key does not open is not JSON to the device.
      if (body.encrypt !== true) return reply({ error: 401 });
      if (typeof data !== "string" || typeof body.iv !== "string") return reply({ error: 400, encrypt: true });
      data = decryptLan(data, body.iv, deviceKey);
      if (data === undefined) return reply({ error: 400, encrypt: true });
    } else if (typeof data === "string") {
      // DIY firmware 3.x took `data` as a JSON string (ewelink-api-next still sends it so); newer takes an object.
      try {
        data = JSON.parse(data);
      } catch {
        return reply({ error: 400 });
      }
    }
    if (data === undefined || data === null) data = {};

    if (command === "info" || command === "getstate") {
      if (options.answersInfo === false) return { status: 200, body: "<html><body>eWeLink</body></html>", contentType: "text/html" };
      const info = { ...params, deviceid: deviceId, ssid: "innbox-sim" };
      if (deviceKey) return reply({ error: 0, encrypt: true, ...encryptLan(info, deviceKey) });
      return reply({ error: 0, data: info });
    }
    const result = applyCommand(params, kind, outlets, command, data);
    if (!result.ok) return reply({ error: result.error, ...(deviceKey ? { encrypt: true } : {}) });
    seq += 1;
    // Announce once the answer is on its way, as the device does.
    setImmediate(announce);
    return reply({ error: 0, ...(deviceKey ? { encrypt: true } : {}) });
  };

  const listen = async () => {
    server = await startZeroconfServer(ip, port, { recoveryMs, whenBusy }, handle);
    port = server.port;
    server.answerSlowly(slowMs);
    server.silent(isSilent);
    online = true;
    announce();
  };
  const unlisten = async () => {
    online = false;
    clearTimeout(repeat);
    if (!server) return;
    served = served.concat(server.served);
    const s = server;
    server = undefined;
    await s.close();
  };

  announcer?.setAnswering(() => (online ? announcement() : undefined));
  await listen();

  return {
    deviceId,
    kind,
    outlets,
    get ip() {
      return ip;
    },
    get port() {
      return port;
    },
    get deviceKey() {
      return deviceKey;
    },
    get seq() {
      return seq;
    },
    get online() {
      return online;
    },
    params: () => structuredClone(params),
    served: () => served.concat(server?.served ?? []),
    clearServed() {
      served = [];
      if (server) server.served.length = 0;
    },
    press(change) {
      applyPress(params, kind, change);
      seq += 1;
      announce();
    },
    announce,
    faults: {
      resetNext: (count = 1) => server?.resetNext(count),
      answerSlowly(ms) {
        slowMs = ms;
        server?.answerSlowly(ms);
      },
      silent(on) {
        isSilent = on;
        server?.silent(on);
      },
      changeKey(key) {
        deviceKey = key;
      },
    },
    goOffline: unlisten,
    async comeBack(opts = {}) {
      if (online) return;
      if (opts.ip) ip = opts.ip;
      await listen();
    },
    async reboot(opts = {}) {
      await unlisten();
      if (opts.ip) ip = opts.ip;
      if (!opts.keepSeq) seq = 1;
      // Relays keep their state through a restart (startup "stay" is the common setting).
      await listen();
    },
    async stop() {
      await unlisten();
      await announcer?.close();
    },
  };
}
