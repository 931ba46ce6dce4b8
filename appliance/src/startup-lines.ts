import { httpUrl, isLoopbackHost, isWildcardHost } from "./network.js";

export interface Listening {
  version: string;
  host: string;
  port: number;
  /** The base of links and QR codes, without a trailing slash. */
  publicUrl: string;
  /** Whether publicUrl came from the config file rather than the listen address. */
  publicUrlConfigured: boolean;
  /** The first-run setup token, while no manager exists. */
  setupToken?: string | undefined;
}

/**
 * The first lines of the log: where the appliance listens and, on the first run, the
 * setup link. Each address named is one it answers on; a second one is given only when
 * it differs (the LAN address, or the configured publicUrl).
 */
export function startupLines(l: Listening): { url: string; lines: string[] } {
  const url = httpUrl(isWildcardHost(l.host) ? "localhost" : l.host, l.port);
  const other = l.publicUrl !== url ? l.publicUrl : undefined;
  const where = isLoopbackHost(l.host) ? `${l.host}:${l.port} (this machine only)` : `${l.host}:${l.port}`;
  const also = other ? (l.publicUrlConfigured ? ` (links and QR codes use ${other}/)` : ` (on the LAN: ${other}/admin/)`) : "";
  const lines = [`Innbox ${l.version} listening on ${where}: admin page at ${url}/admin/${also}`];
  if (l.setupToken) {
    const path = `/admin/setup?token=${l.setupToken}`;
    lines.push(
      other
        ? `First run: open ${other}${path} to create the manager account (or ${url}${path} on this machine).`
        : `First run: open ${url}${path} to create the manager account.`,
    );
  }
  return { url, lines };
}
