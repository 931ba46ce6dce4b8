// The device's little web server, with the manners of the real one: it handles ONE
// request at a time and needs a moment (recoveryMs, ~200 ms) after each answer before it
// takes the next. A connection that comes while it is busy or recovering is reset (what
// Sonoff firmware does; SonoffLAN retries on ECONNRESET for this reason), or, with
// whenBusy "wait", held until the device is ready. Faults on demand: reset the next
// connections, answer slowly, stay silent.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { Socket } from "node:net";

export interface ZeroconfReply {
  status: number;
  body: string;
  contentType: string;
}

export type ZeroconfHandler = (path: string, body: string) => ZeroconfReply;

export interface ServedRequest {
  path: string;
  /** When the request was taken on (ms, Date.now()). */
  at: number;
  /** What became of it. */
  outcome: "answered" | "reset" | "silent";
}

export interface ZeroconfServerOptions {
  recoveryMs: number;
  whenBusy: "reset" | "wait";
}

export interface ZeroconfServer {
  readonly port: number;
  readonly served: ServedRequest[];
  /** Resets the next `count` connections on arrival. */
  resetNext(count: number): void;
  /** Delays every answer by `ms` (0 to stop). */
  answerSlowly(ms: number): void;
  /** Accepts connections and reads requests but never answers (true) or answers again (false). */
  silent(on: boolean): void;
  close(): Promise<void>;
}

export async function startZeroconfServer(ip: string, port: number, options: ZeroconfServerOptions, handler: ZeroconfHandler): Promise<ZeroconfServer> {
  const served: ServedRequest[] = [];
  const sockets = new Set<Socket>();
  let busy = false;
  let readyAt = 0;
  let toReset = 0;
  let slowMs = 0;
  let isSilent = false;
  const waiting: Array<() => void> = [];
  let current: Socket | undefined;

  // The device is free again once the connection it serves is answered or gone (whichever comes first).
  const done = (socket: Socket) => {
    if (current !== socket) return;
    current = undefined;
    busy = false;
    readyAt = Date.now() + options.recoveryMs;
    const next = waiting.shift();
    if (next) setTimeout(next, options.recoveryMs);
  };

  const turns = new WeakMap<Socket, Promise<void>>();
  const answer = async (req: IncomingMessage, res: ServerResponse, body: string) => {
    await turns.get(req.socket);
    if (res.destroyed) return;
    const record: ServedRequest = { path: req.url ?? "/", at: Date.now(), outcome: "answered" };
    served.push(record);
    if (isSilent) {
      record.outcome = "silent";
      return;
    }
    const reply = handler(req.url ?? "/", body);
    const send = () => {
      if (res.destroyed) return done(req.socket);
      res.once("finish", () => done(req.socket));
      res.writeHead(reply.status, { "Content-Type": reply.contentType, Connection: "close", "Content-Length": Buffer.byteLength(reply.body) });
      res.end(reply.body);
    };
    if (slowMs > 0) setTimeout(send, slowMs);
    else send();
  };

  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => void answer(req, res, Buffer.concat(chunks).toString("utf8")));
    req.on("error", () => {});
    res.on("error", () => {});
  });
  server.keepAliveTimeout = 0;

  server.on("connection", (socket: Socket) => {
    socket.on("error", () => {});
    const reset = () => {
      served.push({ path: "?", at: Date.now(), outcome: "reset" });
      socket.resetAndDestroy();
    };
    if (toReset > 0) {
      toReset -= 1;
      return reset();
    }
    const free = !busy && Date.now() >= readyAt;
    if (!free && options.whenBusy === "reset") return reset();
    sockets.add(socket);
    socket.once("close", () => {
      sockets.delete(socket);
      // A client that hung up before its answer frees the device as well.
      done(socket);
    });
    if (free) {
      busy = true;
      current = socket;
      return;
    }
    // Held: its request is read but answered only when the device is ready for it.
    turns.set(
      socket,
      new Promise<void>((resolve) =>
        waiting.push(() => {
          busy = true;
          current = socket;
          if (socket.destroyed) return done(socket);
          resolve();
        }),
      ),
    );
  });
  server.on("request", (_req, res) => {
    // One request per connection, as on the device.
    res.shouldKeepAlive = false;
  });

  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, ip, () => {
      server.off("error", reject);
      resolve();
    });
  });
  server.on("error", () => {});
  const address = server.address();
  const boundPort = typeof address === "object" && address ? address.port : port;

  return {
    port: boundPort,
    served,
    resetNext(count) {
      toReset += count;
    },
    answerSlowly(ms) {
      slowMs = ms;
    },
    silent(on) {
      isSilent = on;
    },
    close() {
      return new Promise<void>((resolve) => {
        server.close(() => resolve());
        for (const s of sockets) s.destroy();
        waiting.length = 0;
      });
    },
  };
}
