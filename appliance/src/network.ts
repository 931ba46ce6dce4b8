import { networkInterfaces } from "node:os";

/** The first non-internal IPv4 address: what phones on the LAN reach the box at. */
export function firstLanAddress(): string | undefined {
  for (const list of Object.values(networkInterfaces())) {
    for (const addr of list ?? []) {
      if (addr.family === "IPv4" && !addr.internal) return addr.address;
    }
  }
  return undefined;
}

/** `HOST` values that listen on every interface. */
export function isWildcardHost(host: string): boolean {
  return host === "0.0.0.0" || host === "::" || host === "";
}

export function isLoopbackHost(host: string): boolean {
  return host === "localhost" || host === "::1" || /^127\./.test(host);
}

/** `http://host:port`, with an IPv6 address in brackets. */
export function httpUrl(host: string, port: number): string {
  return `http://${host.includes(":") ? `[${host}]` : host}:${port}`;
}

/**
 * The base of links and QR codes when `publicUrl` is not set: an address the appliance
 * listens on. Listening on every interface, that is the LAN address phones reach; bound
 * to one address (HOST=127.0.0.1, or one LAN address), it is that address.
 */
export function defaultPublicUrl(port: number, host = "0.0.0.0"): string {
  return httpUrl(isWildcardHost(host) ? (firstLanAddress() ?? "localhost") : host, port);
}
