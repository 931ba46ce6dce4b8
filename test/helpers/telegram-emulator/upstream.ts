// telegram-test-api (CommonJS; its typings need `typegram`, so describe what we use): started
// on a free loopback port, and called over HTTP for what the front layer forwards to it.
import type { EventEmitter } from "node:events";
import http from "node:http";
import { createRequire } from "node:module";
import net, { type AddressInfo } from "node:net";
import type { Params } from "./util.js";

export interface TtaServer extends EventEmitter {
  config: { apiURL: string };
  start(): Promise<void>;
  stop(): Promise<boolean>;
  addUserMessage(message: Record<string, unknown>): Promise<void>;
  getUpdates(token: string): Array<Record<string, unknown>>;
}
type TtaCtor = new (config: { port: number; host: string; storeTimeout?: number }) => TtaServer;
const TelegramServer = createRequire(import.meta.url)("telegram-test-api") as TtaCtor;

async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

/** telegram-test-api, on a free loopback port (it treats port 0 as "9000"). */
export async function startUpstream(): Promise<TtaServer> {
  let upstream: TtaServer | undefined;
  for (let attempt = 0; !upstream; attempt++) {
    const candidate = new TelegramServer({ port: await freePort(), host: "127.0.0.1", storeTimeout: 24 * 3600 });
    try {
      await candidate.start();
      upstream = candidate;
    } catch (err) {
      if (attempt >= 5) throw err;
    }
  }
  const emu: TtaServer = upstream;
  return emu;
}

export type UpstreamCall = (method: string, body: Params) => Promise<{ ok: boolean; result?: unknown; description?: string }>;

export function createUpstreamCall(token: string, upstreamUrl: string): UpstreamCall {
  return async function upstreamCall(method: string, body: Params): Promise<{ ok: boolean; result?: unknown; description?: string }> {
    const payload = Buffer.from(JSON.stringify(body));
    const url = new URL(`/bot${token}/${method}`, upstreamUrl);
    return new Promise((resolve, reject) => {
      const req = http.request(
        url,
        { method: "POST", agent: false, headers: { "content-type": "application/json", "content-length": payload.length } },
        (res) => {
          const chunks: Buffer[] = [];
          res.on("data", (c: Buffer) => chunks.push(c));
          res.on("end", () => {
            try {
              const parsed = JSON.parse(Buffer.concat(chunks).toString("utf8")) as { ok?: boolean; result?: unknown; message?: string };
              resolve({ ok: parsed.ok === true, result: parsed.result, description: parsed.message });
            } catch (err) {
              reject(err);
            }
          });
          res.on("error", reject);
        },
      );
      req.on("error", reject);
      req.end(payload);
    });
  };
}
