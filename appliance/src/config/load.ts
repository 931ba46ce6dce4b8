import { existsSync, readFileSync } from "node:fs";
import { resolve } from "node:path";
import { z } from "zod";
import { ConfigSchema, type Config, type ConfigInput } from "./schema.js";

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(problems.join("\n"));
    this.name = "ConfigError";
  }
}

const ENV_KEYS: Record<string, keyof ConfigInput> = {
  PORT: "port",
  HOST: "host",
  INNBOX_DATA_DIR: "dataDir",
  LOG_LEVEL: "logLevel",
  LOG_FORMAT: "logFormat",
};

/** Validates a config object; throws ConfigError with one line per problem, each naming the key. */
export function parseConfig(input: unknown, source = "config"): Config {
  const result = ConfigSchema.safeParse(input);
  if (result.success) return result.data;
  throw new ConfigError(result.error.issues.map((issue) => describeIssue(issue, source)));
}

function describeIssue(issue: z.core.$ZodIssue, source: string): string {
  if (issue.code === "unrecognized_keys") {
    const prefix = issue.path.length ? `${issue.path.join(".")}.` : "";
    return issue.keys.map((k) => `${source}: ${prefix}${k}: unknown setting (see config.example.json)`).join("\n");
  }
  const key = issue.path.join(".") || "(root)";
  return `${source}: ${key}: ${issue.message}`;
}

/**
 * Reads the config file (INNBOX_CONFIG, else ./config.json when present) and the
 * environment (PORT, HOST, INNBOX_DATA_DIR, LOG_LEVEL, LOG_FORMAT); the environment wins.
 */
export function loadConfig(env: NodeJS.ProcessEnv = process.env, cwd = process.cwd()): Config {
  const explicit = env.INNBOX_CONFIG;
  const path = explicit ? resolve(cwd, explicit) : resolve(cwd, "config.json");
  let fileValues: Record<string, unknown> = {};
  if (explicit || existsSync(path)) {
    let text: string;
    try {
      text = readFileSync(path, "utf8");
    } catch (err) {
      throw new ConfigError([`INNBOX_CONFIG: cannot read ${path} (${(err as NodeJS.ErrnoException).code ?? String(err)})`]);
    }
    try {
      const parsed: unknown = JSON.parse(text);
      if (typeof parsed !== "object" || parsed === null || Array.isArray(parsed)) {
        throw new ConfigError([`${path}: must hold a JSON object`]);
      }
      fileValues = withoutComments(parsed) as Record<string, unknown>;
    } catch (err) {
      if (err instanceof ConfigError) throw err;
      throw new ConfigError([`${path}: is not valid JSON (${(err as Error).message})`]);
    }
  }
  const fromEnv: Record<string, unknown> = {};
  for (const [name, key] of Object.entries(ENV_KEYS)) {
    const value = env[name];
    if (value !== undefined && value !== "") fromEnv[key] = value;
  }
  // Problems with environment values are reported under the variable's name.
  const merged = { ...fileValues, ...fromEnv };
  try {
    const config = parseConfig(merged, explicit || existsSync(path) ? path : "config");
    return { ...config, dataDir: resolve(cwd, config.dataDir) };
  } catch (err) {
    if (!(err instanceof ConfigError)) throw err;
    const renamed = err.problems.map((line) => {
      for (const [name, key] of Object.entries(ENV_KEYS)) {
        if (fromEnv[key] !== undefined && line.includes(`: ${key}: `)) {
          return `${name}: ${line.slice(line.indexOf(`: ${key}: `) + key.length + 4)}`;
        }
      }
      return line;
    });
    throw new ConfigError(renamed);
  }
}

/** Keys starting with "//" are comments (config.example.json documents itself that way). */
function withoutComments(value: unknown): unknown {
  if (typeof value !== "object" || value === null || Array.isArray(value)) return value;
  return Object.fromEntries(
    Object.entries(value)
      .filter(([key]) => !key.startsWith("//"))
      .map(([key, v]) => [key, withoutComments(v)]),
  );
}
