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

export function defaultPublicUrl(port: number): string {
  return `http://${firstLanAddress() ?? "localhost"}:${port}`;
}
