import type { Logger } from "pino";
import { AppError } from "./app-error.js";

/**
 * Socket errors mapped once, like HTTP errors in error-handler.ts: an AppError's sentence
 * goes to the client as it is; anything else is logged and the client gets `fallback`.
 */
export function socketErrorMessage(err: unknown, log: Logger, fallback: string): string {
  if (err instanceof AppError) return err.message;
  log.error({ err }, "socket handler failed");
  return fallback;
}

/** For a namespace middleware: the Error that socket.io sends as `connect_error`. */
export function connectError(err: unknown, log: Logger, fallback: string): Error {
  return new Error(socketErrorMessage(err, log, fallback));
}
