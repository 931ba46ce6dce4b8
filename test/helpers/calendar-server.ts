// A stand-in for the platforms' calendar exports: a plain HTTP server on loopback serving
// whatever each path is set to, and misbehaving on demand the ways real feeds do (an
// error status, a web page, a body cut off mid-event, a connection that hangs).
import { once } from "node:events";
import { readFileSync } from "node:fs";
import { createServer, type ServerResponse } from "node:http";
import type { AddressInfo, Socket } from "node:net";
import { join } from "node:path";

export type FeedAnswer =
  | { kind: "calendar"; body: string; contentType?: string }
  | { kind: "status"; status: number; body?: string }
  | { kind: "html" }
  | { kind: "cut"; body: string; at: number }
  | { kind: "hang" };

export interface CalendarServer {
  /** The address of a path on this server. */
  url(path: string): string;
  serve(path: string, answer: FeedAnswer | string): void;
  /** Requests per path so far. */
  hits(path: string): number;
  close(): Promise<void>;
}

const FIXTURES = join(import.meta.dirname, "..", "fixtures", "calendars");

/** A fixture in a platform's real export format (CRLF line ends, folded lines), its {{KEYS}} filled in. */
export function fixture(name: string, replacements: Record<string, string> = {}): string {
  let text = readFileSync(join(FIXTURES, name), "utf8");
  for (const [key, value] of Object.entries(replacements)) text = text.split(`{{${key}}}`).join(value);
  if (/\{\{[A-Z_]+\}\}/.test(text)) throw new Error(`${name}: a {{PLACEHOLDER}} was left unfilled`);
  return text;
}

export async function startCalendarServer(): Promise<CalendarServer> {
  const answers = new Map<string, FeedAnswer>();
  const counts = new Map<string, number>();
  const sockets = new Set<Socket>();
  const server = createServer((req, res: ServerResponse) => {
    const path = new URL(req.url ?? "/", "http://x").pathname;
    counts.set(path, (counts.get(path) ?? 0) + 1);
    const answer = answers.get(path) ?? { kind: "status", status: 404, body: "Not found" };
    switch (answer.kind) {
      case "calendar":
        res.writeHead(200, { "content-type": answer.contentType ?? "text/calendar; charset=utf-8" }).end(answer.body);
        return;
      case "status":
        res.writeHead(answer.status, { "content-type": "text/plain" }).end(answer.body ?? "");
        return;
      case "html":
        res.writeHead(200, { "content-type": "text/html" }).end("<!DOCTYPE html><html><head><title>Log in</title></head><body>Please log in</body></html>");
        return;
      case "cut":
        res.writeHead(200, { "content-type": "text/calendar" }).end(answer.body.slice(0, answer.at));
        return;
      case "hang":
        res.writeHead(200, { "content-type": "text/calendar" });
        res.write("BEGIN:VCALENDAR\r\n");
        return; // never ends
    }
  });
  server.on("connection", (socket) => {
    sockets.add(socket);
    socket.on("close", () => sockets.delete(socket));
  });
  server.listen(0, "127.0.0.1");
  await once(server, "listening");
  const port = (server.address() as AddressInfo).port;
  return {
    url: (path) => `http://127.0.0.1:${port}${path}`,
    serve: (path, answer) => answers.set(path, typeof answer === "string" ? { kind: "calendar", body: answer } : answer),
    hits: (path) => counts.get(path) ?? 0,
    async close() {
      for (const socket of sockets) socket.destroy();
      server.close();
      await once(server, "close").catch(() => undefined);
    },
  };
}
