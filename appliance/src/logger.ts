import pino, { type Logger } from "pino";
import pretty from "pino-pretty";

/** Human-readable lines by default (owners read them in a terminal or journalctl); JSON on request. */
export function createLogger(level: string, format: "pretty" | "json"): Logger {
  if (format === "json") return pino({ level });
  return pino(
    { level },
    pretty({
      sync: true,
      colorize: Boolean(process.stdout.isTTY),
      translateTime: "SYS:HH:MM:ss",
      ignore: "pid,hostname,part,req,res,responseTime,reqId",
      singleLine: true,
    }),
  );
}
