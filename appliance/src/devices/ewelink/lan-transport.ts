// The HTTP under ewelink-api-next's Lan client. The library takes a `request` object and
// turns every failure into one generic Error; this transport posts with node:http (one
// connection per request, `Connection: close`, as the device wants), bounds each request
// with the app's timers, and keeps how the last request failed so the adapter can tell
// a refused port from a reset, a silence or a stranger on the port.
import { request as httpRequest } from "node:http";
import type { Timers } from "../../time/index.js";

export type TransportFailure = "refused" | "reset" | "timeout" | "not-zeroconf" | "garbled";

export interface LanTransport {
  /** The shape ewelink-api-next calls: `request.request({url, method, data})`, resolving with the answer's JSON. */
  request(config: { url: string; method: string; data?: unknown; params?: unknown }): Promise<Record<string, unknown>>;
  /** How the last request failed (undefined when it did not). */
  lastFailure: TransportFailure | undefined;
}

const UNREACHABLE = new Set(["ECONNREFUSED", "EHOSTUNREACH", "ENETUNREACH", "EHOSTDOWN", "EADDRNOTAVAIL", "ENOTFOUND"]);

export function createLanTransport(timers: Timers, timeoutMs: number): LanTransport {
  const transport: LanTransport = {
    lastFailure: undefined,
    request(config) {
      transport.lastFailure = undefined;
      const body = JSON.stringify(plainData(config.data));
      return new Promise((resolve, reject) => {
        const fail = (failure: TransportFailure, error: Error) => {
          transport.lastFailure ??= failure;
          reject(error);
        };
        const req = httpRequest(config.url, {
          method: config.method.toUpperCase(),
          agent: false,
          headers: { "Content-Type": "application/json", "Content-Length": Buffer.byteLength(body), Connection: "close" },
        });
        const timer = timers.setTimeout(() => {
          transport.lastFailure ??= "timeout";
          req.destroy(new Error("timeout"));
        }, timeoutMs);
        req.on("error", (error: NodeJS.ErrnoException) => {
          timers.clearTimeout(timer);
          const code = error.code ?? "";
          fail(UNREACHABLE.has(code) ? "refused" : code === "ECONNRESET" || code === "EPIPE" ? "reset" : "timeout", error);
        });
        req.on("response", (res) => {
          const chunks: Buffer[] = [];
          res.on("data", (c: Buffer) => chunks.push(c));
          res.on("error", (error) => {
            timers.clearTimeout(timer);
            fail("reset", error);
          });
          res.on("end", () => {
            timers.clearTimeout(timer);
            if (res.statusCode !== 200) return fail("not-zeroconf", new Error(`HTTP ${res.statusCode}`));
            try {
              const parsed = JSON.parse(Buffer.concat(chunks).toString("utf8")) as unknown;
              if (typeof parsed !== "object" || parsed === null) throw new Error("not an object");
              resolve(parsed as Record<string, unknown>);
            } catch (error) {
              fail("garbled", error as Error);
            }
          });
        });
        req.end(body);
      });
    },
  };
  return transport;
}

/**
 * ewelink-api-next sends a DIY (unencrypted) request's `data` as a JSON string; the
 * Sonoff DIY API documents it as an object, and that is what firmware of every generation
 * takes (SonoffLAN sends it so). Encrypted data stays the base64 string it is.
 */
function plainData(payload: unknown): unknown {
  if (typeof payload !== "object" || payload === null) return payload ?? {};
  const body = payload as Record<string, unknown>;
  if (body.encrypt || typeof body.data !== "string") return body;
  try {
    return { ...body, data: JSON.parse(body.data) as unknown };
  } catch {
    return body;
  }
}
