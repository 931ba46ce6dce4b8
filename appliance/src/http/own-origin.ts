/**
 * Whether a browser's `Origin` header names this appliance: the host the request was sent
 * to (its Host header, so the LAN address, localhost and the HTTPS port all work), or one
 * of `ownOrigins` (publicUrl, for a reverse proxy that rewrites Host). No Origin at all is
 * accepted: browsers send one on every cross-site request (and on every WebSocket), so its
 * absence means a same-origin request or a program that holds no one's cookie by accident.
 */
export function isOwnOrigin(origin: string | undefined, host: string | undefined, ownOrigins: readonly string[]): boolean {
  if (origin === undefined) return true;
  let url: URL;
  try {
    url = new URL(origin);
  } catch {
    return false; // "null" (sandboxed frames, files) and anything unreadable
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") return false;
  if (host && url.host === host.trim().toLowerCase()) return true;
  return ownOrigins.some((own) => {
    try {
      return new URL(own).origin === url.origin;
    } catch {
      return false;
    }
  });
}
