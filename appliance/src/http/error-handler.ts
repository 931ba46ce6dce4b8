import type { ErrorRequestHandler, RequestHandler } from "express";
import type { Logger } from "pino";
import { AppError } from "./app-error.js";

interface HttpError {
  type?: string;
  status?: number;
  limit?: number;
}

/** Maps every error to the contract's `{error, details?}` body, once, for the whole app. */
export function errorHandler(log: Logger, bodyLimitKb: number): ErrorRequestHandler {
  return (err: unknown, req, res, _next) => {
    const { status, body, headers } = toResponse(err, bodyLimitKb);
    if (status >= 500) log.error({ err, method: req.method, url: req.originalUrl }, "request failed");
    if (res.headersSent) {
      res.end();
      return;
    }
    if (headers) res.set(headers);
    if (!req.originalUrl.startsWith("/api") && status === 404) {
      res.status(404).type("text/plain").send("Not found");
      return;
    }
    res.status(status).json(body);
  };
}

function toResponse(err: unknown, bodyLimitKb: number) {
  if (err instanceof AppError) {
    return { status: err.status, body: { error: err.message, ...(err.details ? { details: err.details } : {}) }, headers: err.headers };
  }
  const httpErr = (err ?? {}) as HttpError;
  switch (httpErr.type) {
    case "entity.parse.failed":
      return { status: 400, body: { error: "The request body is not valid JSON." } };
    case "entity.too.large":
      return { status: 413, body: { error: `The request body is larger than the ${bodyLimitKb} KB this appliance accepts.` } };
    case "encoding.unsupported":
    case "charset.unsupported":
      return { status: 415, body: { error: "Send the body as UTF-8 JSON." } };
    case "request.aborted":
      return { status: 400, body: { error: "The request was aborted before its body arrived." } };
  }
  if (typeof httpErr.status === "number" && httpErr.status >= 400 && httpErr.status < 500) {
    return { status: httpErr.status, body: { error: "The request could not be read." } };
  }
  return { status: 500, body: { error: "Something went wrong inside the appliance; it is logged. Try again, and report it if it repeats." } };
}

export const apiNotFound: RequestHandler = (req, _res, next) => {
  next(AppError.notFound(`There is no ${req.method} ${req.path} in this API; see /api/openapi.json.`));
};
