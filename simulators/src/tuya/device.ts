// A simulated Tuya device on its own loopback address, TCP 6668, speaking protocol 3.1,
// 3.3, 3.4 or 3.5 exactly as the hardware does (see session.ts), broadcasting its presence,
// pushing its state when a button is pressed by hand, and misbehaving on demand the way
// real devices do: silent heartbeats, dropped connections, slow answers, a small limit of
// LAN clients, a reboot onto a new address.
import { createServer, type Server, type Socket } from "node:net";
import { startBroadcasting } from "./broadcast.js";
import { acceptedDps, initialDps, type Dps, type TuyaDeviceKind } from "./data-points.js";
import { Command, type TuyaProtocolVersion } from "./frames.js";
import { TuyaSession } from "./session.js";

export const TUYA_PORT = 6668;

export interface TuyaDeviceOptions {
  /** Loopback address to listen on, e.g. "127.0.0.21". */
  host: string;
  devId: string;
  /** 16 characters. */
  localKey: string;
  version: TuyaProtocolVersion;
  kind?: TuyaDeviceKind;
  /** Switches: how many gangs (DPs 1..n). */
  gangs?: number;
  /** Starting values, merged over the kind's defaults. */
  dps?: Dps;
  /** How many LAN clients at once; more are closed as soon as they connect (real devices: 1–3). */
  maxClients?: number;
  /** Presence broadcasts every this many ms; 0 turns them off. */
  broadcastIntervalMs?: number;
  port?: number;
}

export interface TuyaDevice {
  readonly devId: string;
  readonly localKey: string;
  readonly version: TuyaProtocolVersion;
  readonly kind: TuyaDeviceKind;
  readonly port: number;
  /** The address it listens and broadcasts on now. */
  readonly host: string;
  /** A copy of the data points now. */
  readonly dps: Dps;
  /** LAN clients connected now (3.4/3.5: counted from the TCP connection, like the hardware). */
  readonly clients: number;
  /** Changes DPs as a button pressed by hand does, and pushes the new state to every client. */
  press(dps: Dps): void;
  /** Stops (true) or resumes (false) answering heartbeats. */
  dropHeartbeats(on?: boolean): void;
  /** Drops every client connection at once (a Wi-Fi hiccup). */
  resetConnections(): void;
  /**
   * Answers state queries with a sequence number the client never used (true) or
   * as usual (false): tuyapi's get() then never resolves, as reported for 3.5 devices
   * after a push (tuyapi issue #634), though the answer still arrives as a `data` event.
   */
  misnumberAnswers(on?: boolean): void;
  /** Delays every answer by `ms` (0: answer at once). */
  slow(ms: number): void;
  /** Changes how many clients it serves at once. */
  setMaxClients(n: number): void;
  /** Goes away and comes back on `host` (a new DHCP lease), broadcasting the new address. */
  reboot(options?: { host?: string }): Promise<void>;
  /** Broadcasts its presence now (besides the periodic broadcast). */
  announce(): void;
  stop(): Promise<void>;
  start(): Promise<void>;
}

export async function startTuyaDevice(options: TuyaDeviceOptions): Promise<TuyaDevice> {
  if (Buffer.byteLength(options.localKey, "utf8") !== 16) throw new Error("a Tuya local key is 16 bytes");
  const kind = options.kind ?? "switch";
  const port = options.port ?? TUYA_PORT;
  let host = options.host;
  let dps: Dps = { ...initialDps(kind, options.gangs ?? 1), ...options.dps };
  let maxClients = options.maxClients ?? 3;
  let heartbeatsDropped = false;
  let misnumbered = false;
  let delayMs = 0;
  let server: Server | undefined;
  let broadcaster: { stop(): void; now(): void } | undefined;
  const sessions = new Map<Socket, TuyaSession>();
  const productKey = "keyinnboxsim0001";

  const statusBody = (changed: Dps) => {
    const t = Math.round(Date.now() / 1000);
    if (options.version === "3.4" || options.version === "3.5") return { protocol: 4, t, data: { dps: changed } };
    return { devId: options.devId, dps: changed, t };
  };

  const handler = {
    onHeartbeat(session: TuyaSession, seq: number) {
      if (!heartbeatsDropped) session.send(seq, Command.HEART_BEAT);
    },
    onRequest(session: TuyaSession, command: number, seq: number, body: unknown) {
      const request = (body ?? {}) as { dps?: Record<string, unknown>; data?: { dps?: Record<string, unknown> } };
      switch (command) {
        case Command.DP_QUERY:
        case Command.DP_QUERY_NEW:
          session.sendJson(misnumbered ? seq + 0x10000 : seq, command, { devId: options.devId, dps, t: Math.round(Date.now() / 1000) });
          return;
        case Command.DP_REFRESH:
          session.send(seq, command);
          return;
        case Command.CONTROL:
        case Command.CONTROL_NEW: {
          const wanted = (command === Command.CONTROL_NEW ? request.data?.dps : request.dps) ?? {};
          const accepted = acceptedDps(dps, wanted);
          session.send(seq, command); // the acknowledgement
          if (Object.keys(accepted).length === 0) return; // nothing it knows: no status follows
          dps = { ...dps, ...accepted };
          // The status goes to every client, so an app and a hub both see the change.
          for (const other of sessions.values()) if (other.ready) other.push(Command.STATUS, statusBody(accepted));
          return;
        }
        default:
          return;
      }
    },
  };

  const listen = async () => {
    const srv = createServer((socket) => {
      socket.on("error", () => undefined);
      if (sessions.size >= maxClients) {
        socket.destroy();
        return;
      }
      socket.setNoDelay(true);
      sessions.set(socket, new TuyaSession(socket, options.version, options.localKey, handler, () => delayMs));
      socket.on("close", () => sessions.delete(socket));
    });
    await new Promise<void>((resolve, reject) => {
      srv.once("error", reject);
      srv.listen(port, host, () => {
        srv.off("error", reject);
        resolve();
      });
    });
    server = srv;
    const interval = options.broadcastIntervalMs ?? 5000;
    broadcaster = await startBroadcasting(() => ({ ip: host, gwId: options.devId, version: options.version, productKey }), interval);
  };

  const close = async () => {
    broadcaster?.stop();
    broadcaster = undefined;
    for (const socket of sessions.keys()) socket.destroy();
    sessions.clear();
    const srv = server;
    server = undefined;
    if (srv) await new Promise<void>((resolve) => srv.close(() => resolve()));
  };

  await listen();

  return {
    devId: options.devId,
    localKey: options.localKey,
    version: options.version,
    kind,
    port,
    get host() {
      return host;
    },
    get dps() {
      return { ...dps };
    },
    get clients() {
      return sessions.size;
    },
    press(changed) {
      dps = { ...dps, ...changed };
      for (const session of sessions.values()) if (session.ready) session.push(Command.STATUS, statusBody(changed));
    },
    dropHeartbeats(on = true) {
      heartbeatsDropped = on;
    },
    misnumberAnswers(on = true) {
      misnumbered = on;
    },
    resetConnections() {
      for (const socket of sessions.keys()) socket.resetAndDestroy();
      sessions.clear();
    },
    slow(ms) {
      delayMs = Math.max(0, ms);
    },
    setMaxClients(n) {
      maxClients = n;
    },
    async reboot(next = {}) {
      await close();
      if (next.host) host = next.host;
      await listen();
    },
    announce() {
      broadcaster?.now();
    },
    stop: close,
    async start() {
      if (!server) await listen();
    },
  };
}
