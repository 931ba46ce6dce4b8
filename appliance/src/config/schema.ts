import { isIP } from "node:net";
import { z } from "zod";

const Url = z.url({ error: "must be a URL such as https://example.com" });

/** express's names for address ranges, and its IP or IP/prefix entries. */
const PROXY_RANGES = new Set(["loopback", "linklocal", "uniquelocal"]);
function isProxyAddress(entry: string): boolean {
  if (PROXY_RANGES.has(entry)) return true;
  const [address = "", prefix, ...rest] = entry.split("/");
  const version = isIP(address);
  if (!version || rest.length) return false;
  if (prefix === undefined) return true;
  return /^\d{1,3}$/.test(prefix) && Number(prefix) <= (version === 4 ? 32 : 128);
}
const ProxyAddress = z.string().trim().refine(isProxyAddress, {
  error: 'must be "loopback", "linklocal", "uniquelocal", an IP address or a subnet such as 10.0.0.0/8',
});

/**
 * The proxies whose X-Forwarded-For is believed: a list of addresses or subnets (one string
 * may hold several, comma-separated). `false` trusts none; `true` (every hop, so any client
 * could name its own address) is refused.
 */
const TrustProxy = z
  .union([z.literal(false), z.string(), z.array(z.string())], {
    error: 'must be a list of proxy addresses or subnets, e.g. ["loopback"] or ["10.0.0.2"], or false',
  })
  .transform((value) => (value === false ? [] : (Array.isArray(value) ? value : [value]).flatMap((v) => v.split(",")).map((v) => v.trim()).filter(Boolean)))
  .pipe(z.array(ProxyAddress));

/** Every setting of the appliance, with its default. config.example.json documents each one. */
export const ConfigSchema = z.strictObject({
  port: z.coerce
    .number({ error: "must be a port number" })
    .int({ error: "must be a whole number" })
    .min(0, { error: "must be between 0 and 65535" })
    .max(65535, { error: "must be between 0 and 65535" })
    .default(8080),
  host: z.string().min(1, { error: "must not be empty" }).default("0.0.0.0"),
  dataDir: z.string().min(1, { error: "must not be empty" }).default("./data"),
  logLevel: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
  logFormat: z.enum(["pretty", "json"], { error: 'must be "pretty" or "json"' }).default("pretty"),
  publicUrl: Url.optional(),
  http: z
    .strictObject({
      bodyLimitKb: z.number().int().min(1).max(10240).default(100),
      trustProxy: z
        .unknown()
        .refine((v) => v !== true, {
          error: 'true would believe any X-Forwarded-For a client sends; name the proxy instead, e.g. ["loopback"] for one on this box',
        })
        .pipe(TrustProxy)
        .default(["loopback"]),
    })
    .prefault({}),
  https: z
    .strictObject(
      {
        port: z
          .number({ error: "must be a port number, such as 8443 (leave https out to serve plain HTTP only)" })
          .int({ error: "must be a whole number, such as 8443" })
          .min(0, { error: "must be between 0 and 65535" })
          .max(65535, { error: "must be between 0 and 65535" })
          .optional()
          .describe("Serve HTTPS on the LAN on this port too, with a certificate from the appliance's own CA (GET /ca.crt). Off when absent; plain HTTP keeps working."),
      },
      { error: 'must be an object such as {"port": 8443}' },
    )
    .prefault({}),
  auth: z
    .strictObject({
      sessionDays: z.number().int().min(1).max(365).default(30),
      sessionMaxDays: z.number().int().min(1).max(3650).optional(),
      sessionCheckSeconds: z.number().int().min(1).max(3600).default(5),
      loginSlowAfter: z.number().int().min(1).max(100).default(5),
      loginLockAfter: z.number().int().min(2).max(1000).default(10),
      loginWindowMinutes: z.number().int().min(1).max(1440).default(15),
    })
    .refine((auth) => auth.sessionMaxDays === undefined || auth.sessionMaxDays >= auth.sessionDays, {
      error: "must be at least auth.sessionDays (a sign-in cannot end before its sliding lifetime)",
      path: ["sessionMaxDays"],
    })
    // Absent: 90 days, or sessionDays when that is longer.
    .transform((auth) => ({ ...auth, sessionMaxDays: auth.sessionMaxDays ?? Math.max(90, auth.sessionDays) }))
    .prefault({}),
  telegram: z
    .strictObject({
      token: z.string().min(1, { error: "must not be empty" }).optional(),
      apiRoot: Url.default("https://api.telegram.org"),
      pollTimeoutS: z.number().int().min(0).max(50).default(25),
      perSecond: z.number().int().min(1).max(30).default(30),
      privateChatIntervalMs: z.number().int().min(0).max(60_000).default(1000),
      groupIntervalMs: z.number().int().min(0).max(600_000).default(3000),
    })
    .prefault({}),
  chat: z
    .strictObject({
      retryMaxSeconds: z.number().int().min(1).max(3600).default(60),
      alertCheckSeconds: z.number().int().min(1).max(3600).default(30),
      guestTokenDays: z.number().int().min(1).max(3650).default(90),
      guestSessionsPerMinute: z.number().int().min(1).max(1_000_000).default(20),
      guestMessagesPerMinute: z.number().int().min(1).max(1_000_000).default(30),
    })
    .prefault({}),
  weather: z
    .strictObject({
      apiBase: Url.default("https://api.open-meteo.com"),
      apiKey: z.string().min(1, { error: "must not be empty; leave it out for Open-Meteo's free API" }).optional(),
      refreshMinutes: z.number().int().min(5, { error: "must be at least 5" }).max(1440, { error: "must be at most 1440 (a day)" }).default(30),
    })
    .prefault({}),
  devices: z
    .strictObject({
      discovery: z.boolean().default(true).describe("Listen on the LAN for devices announcing themselves (Tuya UDP 6666/6667/7000, eWeLink mDNS), to follow devices that move."),
      broadcastAddress: z
        .string()
        .regex(/^\d{1,3}(\.\d{1,3}){3}$/, { error: "must be an IPv4 address, such as 192.168.1.255" })
        .optional()
        .describe("Where Tuya's presence broadcasts are received: every interface when left out."),
      mdnsInterface: z
        .string()
        .regex(/^\d{1,3}(\.\d{1,3}){3}$/, { error: "must be the box's IPv4 address on the LAN, such as 192.168.1.10" })
        .optional()
        .describe("The interface eWeLink's mDNS joins on: the box's first LAN address when left out."),
      discoverSeconds: z.number().int().min(1, { error: "must be at least 1" }).max(60, { error: "must be at most 60" }).default(6),
    })
    .prefault({}),
  reception: z
    .strictObject({
      mapTiles: Url.refine((u) => /^https?:\/\//.test(u) && ["{z}", "{x}", "{y}"].every((p) => u.includes(p)), {
        error: "must be an http(s) tile address with {z}, {x} and {y}, such as https://tile.openstreetmap.org/{z}/{x}/{y}.png",
      }).default("https://tile.openstreetmap.org/{z}/{x}/{y}.png"),
      mapAttribution: z.string().min(1, { error: "must not be empty: tile servers require their credit" }).max(300).default("© OpenStreetMap contributors"),
    })
    .prefault({}),
}).refine((config) => config.https.port === undefined || config.https.port === 0 || config.https.port !== config.port, {
  error: "must differ from port (plain HTTP keeps its own port beside HTTPS)",
  path: ["https", "port"],
});

export type Config = z.infer<typeof ConfigSchema>;
export type ConfigInput = z.input<typeof ConfigSchema>;
