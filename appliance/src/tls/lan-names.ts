import { hostname, networkInterfaces } from "node:os";
import { isIP } from "node:net";

export interface NameSources {
  hostname: string;
  interfaces: ReturnType<typeof networkInterfaces>;
  /** The configured publicUrl, if any: its host is named too (a LAN name set by hand). */
  publicUrl?: string | undefined;
}

/** What this machine answers to now. */
export function machineNames(publicUrl?: string): NameSources {
  return { hostname: hostname(), interfaces: networkInterfaces(), publicUrl };
}

/**
 * The names and addresses the server certificate is for: the box's host name and its
 * mDNS name (`<host>.local`), every non-internal IPv4 address, localhost and 127.0.0.1,
 * and publicUrl's host. Lower case, without duplicates, names before addresses, sorted,
 * so two lists of the same names compare equal.
 */
export function lanNames(sources: NameSources): string[] {
  const names = new Set<string>(["localhost", "127.0.0.1"]);
  const host = sources.hostname.trim().toLowerCase().replace(/\.$/, "");
  if (/^[a-z0-9-]+(\.[a-z0-9-]+)*$/.test(host) && host !== "localhost") {
    names.add(host);
    if (!host.includes(".")) names.add(`${host}.local`);
  }
  for (const list of Object.values(sources.interfaces)) {
    for (const addr of list ?? []) {
      if (addr.family === "IPv4" && !addr.internal) names.add(addr.address);
    }
  }
  if (sources.publicUrl) {
    try {
      const publicHost = new URL(sources.publicUrl).hostname.toLowerCase().replace(/^\[|\]$/g, "");
      // IPv6 hosts are left out: their written forms vary, and the LAN reaches the box by IPv4.
      if (publicHost && isIP(publicHost) !== 6) names.add(publicHost);
    } catch {
      // The config schema already refused a URL that does not parse.
    }
  }
  const list = [...names];
  const dns = list.filter((n) => !isIP(n)).sort();
  const ips = list.filter((n) => isIP(n)).sort();
  return [...dns, ...ips];
}

/** Whether two lists hold the same names, in any order. */
export function sameNames(a: readonly string[], b: readonly string[]): boolean {
  const left = [...new Set(a.map((n) => n.toLowerCase()))].sort();
  const right = [...new Set(b.map((n) => n.toLowerCase()))].sort();
  return left.length === right.length && left.every((n, i) => n === right[i]);
}
