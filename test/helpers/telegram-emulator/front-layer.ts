// The front layer: the node:http server the bot talks to. Parses requests (token, method
// name, parameters), records them, applies outages, delays and injected faults, calls the
// method and answers with Telegram's envelope (or drops the connection).
import http, { type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo, Socket } from "node:net";
import type { EmulatorContext, Outcome } from "./context.js";
import type { FaultControls } from "./faults.js";
import type { Dispatch } from "./methods.js";
import { parseParams, readBody } from "./params.js";
import type { RequestRecord } from "./types.js";
import { ApiError, type Params } from "./util.js";

const METHODS = [
  "getUpdates", "getMe", "sendMessage", "editMessageText", "sendChatAction", "setMyCommands",
  "getMyCommands", "deleteMyCommands", "deleteWebhook", "setWebhook", "getWebhookInfo", "deleteMessage",
  "answerCallbackQuery", "getChat", "logOut", "close", "setMyName", "setMyDescription",
  "setMyShortDescription", "setChatMenuButton",
];
const METHOD_BY_LOWER = new Map(METHODS.map((m) => [m.toLowerCase(), m]));

export async function startFrontLayer(
  ctx: EmulatorContext,
  deps: { dispatch: Dispatch; takeFault: FaultControls["takeFault"] },
): Promise<{ front: http.Server; apiRoot: string }> {
  const { dispatch, takeFault } = deps;

  function waitUnlessClosed(ms: number, res: ServerResponse): Promise<boolean> {
    return new Promise((resolve) => {
      if (res.destroyed) return resolve(false);
      const timer = setTimeout(() => {
        res.off("close", onClose);
        resolve(!res.destroyed);
      }, ms);
      const onClose = () => {
        clearTimeout(timer);
        resolve(false);
      };
      res.once("close", onClose);
    });
  }

  function drop(req: IncomingMessage, record: RequestRecord): void {
    record.outcome = "dropped";
    ctx.stats.dropped++;
    if (ctx.outageMode === "hang" && !ctx.stopped) {
      ctx.hung.add(req.socket);
      return;
    }
    req.socket.destroy();
  }

  function respond(res: ServerResponse, record: RequestRecord, status: number, body: unknown, html = false): void {
    if (res.destroyed || res.writableEnded) {
      record.outcome = "aborted";
      return;
    }
    record.outcome = status;
    const payload = html ? String(body) : JSON.stringify(body);
    res.writeHead(status, {
      "content-type": html ? "text/html" : "application/json",
      "content-length": Buffer.byteLength(payload),
      server: "nginx/1.18.0",
    });
    res.end(payload);
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? "/", "http://127.0.0.1");
    const match = /^\/bot([^/]+)\/([A-Za-z0-9_]+)\/?$/.exec(url.pathname);
    if (!match) {
      res.writeHead(404, { "content-type": "application/json" });
      res.end(JSON.stringify({ ok: false, error_code: 404, description: "Not Found" }));
      return;
    }
    const reqToken = match[1] as string;
    const rawMethod = match[2] as string;
    const method = METHOD_BY_LOWER.get(rawMethod.toLowerCase()) ?? rawMethod;
    ctx.stats.calls[method] = (ctx.stats.calls[method] ?? 0) + 1;
    const record: RequestRecord = { method, at: Date.now(), params: {}, outcome: "pending" };
    ctx.requests.push(record);

    let body: Buffer;
    try {
      body = await readBody(req);
    } catch {
      record.outcome = "aborted";
      return;
    }
    if (ctx.stopped || ctx.outageMode) return drop(req, record);
    let params: Params;
    try {
      params = parseParams(req, url, body);
    } catch {
      return respond(res, record, 400, { ok: false, error_code: 400, description: "Bad Request: can't parse JSON" });
    }
    record.params = params;

    if (ctx.delayMs > 0 && !ctx.delayAfterProcessing) {
      if (!(await waitUnlessClosed(ctx.delayMs, res))) {
        record.outcome = "aborted";
        return;
      }
      if (ctx.stopped || ctx.outageMode) return drop(req, record);
    }

    const fault = takeFault(method);
    if (fault?.kind === "fail") {
      ctx.stats.failed++;
      const description = fault.description ?? (http.STATUS_CODES[fault.status] ?? "Internal Server Error");
      if (fault.html) {
        const page = `<html>\r\n<head><title>${fault.status} ${description}</title></head>\r\n<body>\r\n<center><h1>${fault.status} ${description}</h1></center>\r\n<hr><center>nginx/1.18.0</center>\r\n</body>\r\n</html>\r\n`;
        return respond(res, record, fault.status, page, true);
      }
      return respond(res, record, fault.status, { ok: false, error_code: fault.status, description });
    }
    if (fault?.kind === "rateLimit") {
      ctx.stats.rateLimited++;
      const n = fault.retryAfter ?? 1;
      return respond(res, record, 429, { ok: false, error_code: 429, description: `Too Many Requests: retry after ${n}`, parameters: { retry_after: n } });
    }
    if (reqToken !== ctx.token) {
      return respond(res, record, 401, { ok: false, error_code: 401, description: "Unauthorized" });
    }
    if (!METHOD_BY_LOWER.has(rawMethod.toLowerCase())) {
      return respond(res, record, 404, { ok: false, error_code: 404, description: "Not Found" });
    }

    let result: Outcome;
    try {
      result = await dispatch(method, params, res);
    } catch (err) {
      if (err instanceof ApiError) {
        if (err.code === 429) ctx.stats.rateLimited++;
        const envelope: Record<string, unknown> = { ok: false, error_code: err.code, description: err.description };
        if (err.parameters) envelope.parameters = err.parameters;
        result = { status: err.code, body: envelope };
      } else {
        result = { status: 500, body: { ok: false, error_code: 500, description: `Internal Server Error: ${String(err)}` } };
      }
    }
    if (result === "aborted") {
      record.outcome = "aborted";
      return;
    }
    if (result === "dropped") {
      // A long poll cut by an outage or stop: the connection is destroyed in every mode.
      record.outcome = "dropped";
      ctx.stats.dropped++;
      req.socket.destroy();
      return;
    }
    if (ctx.delayMs > 0 && ctx.delayAfterProcessing) {
      if (!(await waitUnlessClosed(ctx.delayMs, res))) {
        record.outcome = "aborted";
        return;
      }
    }
    if (ctx.stopped || ctx.outageMode) return drop(req, record);
    respond(res, record, result.status, result.body);
  }

  const front = http.createServer((req, res) => {
    handle(req, res).catch((err: unknown) => {
      if (!res.headersSent && !res.destroyed) {
        res.writeHead(500, { "content-type": "application/json" });
        res.end(JSON.stringify({ ok: false, error_code: 500, description: `Internal Server Error: ${String(err)}` }));
      }
    });
  });
  front.on("connection", (socket: Socket) => {
    if (ctx.stopped || ctx.outageMode === "reset") {
      ctx.stats.dropped++;
      socket.destroy();
      return;
    }
    ctx.sockets.add(socket);
    socket.on("close", () => {
      ctx.sockets.delete(socket);
      ctx.hung.delete(socket);
    });
  });
  await new Promise<void>((resolve, reject) => {
    front.once("error", reject);
    front.listen(0, "127.0.0.1", () => resolve());
  });
  const apiRoot = `http://127.0.0.1:${(front.address() as AddressInfo).port}`;
  return { front, apiRoot };
}
