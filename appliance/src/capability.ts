import type { Router } from "express";
import type { Server } from "socket.io";
import type { MigrationSet } from "./db/index.js";
import type { RouteRegistry } from "./http/index.js";

/**
 * The face every capability shows the app (see app.ts). `createX(deps)` does no work:
 * `start()` subscribes and arms timers, `stop()` undoes each of them.
 */
export interface Capability {
  name: string;
  migrations: MigrationSet;
  routes(registry: RouteRegistry): void;
  sockets?(io: Server): void;
  /** Optional: routes outside /api (redirects of pages), mounted before the static pages. */
  pages?(): Router;
  start(): void | Promise<void>;
  /** Optional: runs once the server listens and the first log lines say where. */
  serving?(): void | Promise<void>;
  stop(): void | Promise<void>;
}
