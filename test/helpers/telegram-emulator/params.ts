// Request bodies and parameters: JSON, application/x-www-form-urlencoded, multipart/form-data
// (text fields) and the query string; typed access to single parameters.
import type { IncomingMessage } from "node:http";
import { badRequest, type Params } from "./util.js";

export function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => resolve(Buffer.concat(chunks)));
    req.on("error", reject);
    req.on("close", () => {
      if (!req.complete) reject(new Error("request aborted"));
    });
  });
}

export function parseMultipart(body: Buffer, boundary: string): Params {
  const out: Params = {};
  const text = body.toString("latin1");
  for (const rawPart of text.split(`--${boundary}`)) {
    if (rawPart === "" || rawPart.startsWith("--")) continue;
    const part = rawPart.replace(/^\r\n/, "");
    const split = part.indexOf("\r\n\r\n");
    if (split < 0) continue;
    const head = part.slice(0, split);
    const value = part.slice(split + 4).replace(/\r\n$/, "");
    const name = /name="([^"]*)"/i.exec(head)?.[1];
    if (!name) continue;
    out[name] = /filename=/i.test(head) ? { file: true, size: value.length } : Buffer.from(value, "latin1").toString("utf8");
  }
  return out;
}

export function parseParams(req: IncomingMessage, url: URL, body: Buffer): Params {
  const params: Params = Object.fromEntries(url.searchParams.entries());
  const type = (req.headers["content-type"] ?? "").toLowerCase();
  if (body.length === 0) return params;
  if (type.includes("application/json")) {
    const parsed = JSON.parse(body.toString("utf8")) as unknown;
    if (parsed && typeof parsed === "object") Object.assign(params, parsed);
  } else if (type.includes("multipart/form-data")) {
    const boundary = /boundary=(?:"([^"]+)"|([^;]+))/i.exec(req.headers["content-type"] ?? "");
    if (boundary) Object.assign(params, parseMultipart(body, (boundary[1] ?? boundary[2] ?? "").trim()));
  } else {
    Object.assign(params, Object.fromEntries(new URLSearchParams(body.toString("utf8")).entries()));
  }
  return params;
}

/** A structured field: an object in a JSON body, a JSON string in a form body. */
export function jsonParam<T>(params: Params, name: string): T | undefined {
  const value = params[name];
  if (value === undefined || value === null || value === "") return undefined;
  if (typeof value !== "string") return value as T;
  try {
    return JSON.parse(value) as T;
  } catch {
    throw badRequest(`can't parse ${name.replace(/_/g, " ")} JSON object`);
  }
}

export function intParam(params: Params, name: string): number | undefined {
  const value = params[name];
  if (value === undefined || value === null || value === "") return undefined;
  const n = typeof value === "number" ? value : Number(value);
  if (!Number.isFinite(n)) throw badRequest(`field "${name}" must be a number`);
  return Math.trunc(n);
}

export function boolParam(params: Params, name: string): boolean {
  const value = params[name];
  return value === true || value === "true" || value === "1" || value === 1;
}

export function stringParam(params: Params, name: string): string | undefined {
  const value = params[name];
  if (value === undefined || value === null) return undefined;
  return typeof value === "string" ? value : String(value);
}
