export { ConfigSchema, type Config, type ConfigInput } from "./schema.js";
export { ConfigError, loadConfig, parseConfig } from "./load.js";
