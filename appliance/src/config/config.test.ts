import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { ConfigError, loadConfig } from "./index.js";

function dirWithConfig(content: string): string {
  const dir = mkdtempSync(join(tmpdir(), "innbox-config-"));
  writeFileSync(join(dir, "config.json"), content);
  return dir;
}

function problemsOf(fn: () => unknown): string[] {
  try {
    fn();
  } catch (err) {
    if (err instanceof ConfigError) return err.problems;
    throw err;
  }
  throw new Error("expected a ConfigError");
}

describe("config", () => {
  it("uses the documented defaults when there is no file and no environment", () => {
    const dir = mkdtempSync(join(tmpdir(), "innbox-config-"));
    const config = loadConfig({}, dir);
    expect(config.port).toBe(8080);
    expect(config.host).toBe("0.0.0.0");
    expect(config.dataDir).toBe(join(dir, "data"));
    expect(config.logLevel).toBe("info");
    expect(config.telegram.apiRoot).toBe("https://api.telegram.org");
    expect(config.weather.apiBase).toBe("https://api.open-meteo.com");
    expect(config.publicUrl).toBeUndefined();
  });

  it("accepts config.example.json as it is, and its values are the defaults", () => {
    const example = readFileSync(join(import.meta.dirname, "..", "..", "..", "config.example.json"), "utf8");
    const fromExample = loadConfig({}, dirWithConfig(example));
    const defaults = loadConfig({}, mkdtempSync(join(tmpdir(), "innbox-config-")));
    expect({ ...fromExample, dataDir: "" }).toEqual({ ...defaults, dataDir: "" });
  });

  it("reads ./config.json and lets the environment override it", () => {
    const dir = dirWithConfig(JSON.stringify({ port: 9000, publicUrl: "https://inn.example.com", telegram: { token: "123:abc" } }));
    const config = loadConfig({ PORT: "9100", LOG_LEVEL: "debug" }, dir);
    expect(config.port).toBe(9100);
    expect(config.logLevel).toBe("debug");
    expect(config.publicUrl).toBe("https://inn.example.com");
    expect(config.telegram.token).toBe("123:abc");
  });

  it("reads the file named by INNBOX_CONFIG", () => {
    const dir = dirWithConfig("{}");
    const other = join(dir, "elsewhere.json");
    writeFileSync(other, JSON.stringify({ host: "127.0.0.1" }));
    expect(loadConfig({ INNBOX_CONFIG: other }, dir).host).toBe("127.0.0.1");
  });

  it("names every bad key, one line per problem", () => {
    const dir = dirWithConfig(JSON.stringify({ port: "eighty", publicUrl: "not a url", telegram: { apiRoot: 5, tokn: "x" }, colour: "red" }));
    const problems = problemsOf(() => loadConfig({}, dir));
    expect(problems).toHaveLength(5);
    expect(problems.some((p) => p.includes(": port: "))).toBe(true);
    expect(problems.some((p) => p.includes(": publicUrl: must be a URL"))).toBe(true);
    expect(problems.some((p) => p.includes(": telegram.apiRoot: "))).toBe(true);
    expect(problems.some((p) => p.includes("telegram.tokn: unknown setting"))).toBe(true);
    expect(problems.some((p) => p.includes("colour: unknown setting"))).toBe(true);
  });

  it("names the environment variable when its value is bad", () => {
    const dir = mkdtempSync(join(tmpdir(), "innbox-config-"));
    const problems = problemsOf(() => loadConfig({ PORT: "70000", LOG_LEVEL: "loud" }, dir));
    expect(problems).toEqual([expect.stringMatching(/^PORT: must be between 0 and 65535/), expect.stringMatching(/^LOG_LEVEL: /)]);
  });

  it("trusts the proxy on this box by default, only the proxies named, and never every hop", () => {
    const dir = mkdtempSync(join(tmpdir(), "innbox-config-"));
    expect(loadConfig({}, dir).http.trustProxy).toEqual(["loopback"]);
    expect(loadConfig({}, dirWithConfig(JSON.stringify({ http: { trustProxy: "loopback, 10.0.0.0/8" } }))).http.trustProxy).toEqual(["loopback", "10.0.0.0/8"]);
    expect(loadConfig({}, dirWithConfig(JSON.stringify({ http: { trustProxy: ["192.168.1.2", "fd00::/8"] } }))).http.trustProxy).toEqual(["192.168.1.2", "fd00::/8"]);
    expect(loadConfig({}, dirWithConfig(JSON.stringify({ http: { trustProxy: false } }))).http.trustProxy).toEqual([]);
    expect(problemsOf(() => loadConfig({}, dirWithConfig(JSON.stringify({ http: { trustProxy: true } }))))).toEqual([
      expect.stringMatching(/http\.trustProxy: true would believe any X-Forwarded-For a client sends; name the proxy instead/),
    ]);
    expect(problemsOf(() => loadConfig({}, dirWithConfig(JSON.stringify({ http: { trustProxy: ["proxy.lan", "10.0.0.0/40"] } }))))).toEqual([
      expect.stringMatching(/http\.trustProxy\.0: must be "loopback", .* an IP address or a subnet/),
      expect.stringMatching(/http\.trustProxy\.1: /),
    ]);
  });

  it("ends sessions at sessionMaxDays, never before sessionDays", () => {
    const dir = mkdtempSync(join(tmpdir(), "innbox-config-"));
    expect(loadConfig({}, dir).auth.sessionMaxDays).toBe(90);
    expect(loadConfig({}, dirWithConfig(JSON.stringify({ auth: { sessionDays: 120 } }))).auth.sessionMaxDays).toBe(120);
    expect(problemsOf(() => loadConfig({}, dirWithConfig(JSON.stringify({ auth: { sessionDays: 30, sessionMaxDays: 7 } }))))).toEqual([
      expect.stringMatching(/auth\.sessionMaxDays: must be at least auth\.sessionDays/),
    ]);
  });

  it("reports a config file that is not JSON", () => {
    const dir = dirWithConfig("{ port: 1 ");
    expect(problemsOf(() => loadConfig({}, dir))[0]).toMatch(/config\.json: is not valid JSON/);
  });

  it("reports a missing INNBOX_CONFIG file", () => {
    const dir = mkdtempSync(join(tmpdir(), "innbox-config-"));
    expect(problemsOf(() => loadConfig({ INNBOX_CONFIG: "missing.json" }, dir))[0]).toMatch(/^INNBOX_CONFIG: cannot read .*missing\.json \(ENOENT\)/);
  });
});
