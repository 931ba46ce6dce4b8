import { ConfigError, loadConfig } from "./config/index.js";
import { createApp } from "./app.js";
import { DataFolderInUseError } from "./db/index.js";

async function main(): Promise<void> {
  let config;
  try {
    config = loadConfig();
  } catch (err) {
    if (err instanceof ConfigError) {
      for (const line of err.problems) process.stderr.write(`Bad setting: ${line}\n`);
      process.exit(1);
    }
    throw err;
  }
  const app = createApp(config);
  let stopping = false;
  const shutdown = (signal: string) => {
    if (stopping) return;
    stopping = true;
    app.log.info(`${signal} received: finishing requests in flight and stopping`);
    app
      .stop()
      .then(() => {
        app.log.info("stopped");
        process.exit(0);
      })
      .catch((err: unknown) => {
        app.log.error({ err }, "stop failed");
        process.exit(1);
      });
  };
  process.on("SIGTERM", () => shutdown("SIGTERM"));
  process.on("SIGINT", () => shutdown("SIGINT"));
  try {
    await app.start();
  } catch (err) {
    const e = err as NodeJS.ErrnoException;
    if (err instanceof DataFolderInUseError) app.log.fatal(err.message);
    else if (e.code === "EADDRINUSE") app.log.fatal(`Port ${config.port} is already in use: stop the other program or set PORT.`);
    else if (e.code === "EACCES") app.log.fatal(`Not allowed to listen on ${config.host}:${config.port}: use a port above 1023 or set HOST.`);
    else app.log.fatal({ err }, "could not start");
    await app.stop().catch(() => undefined);
    process.exit(1);
  }
}

void main();
