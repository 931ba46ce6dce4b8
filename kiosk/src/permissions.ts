/**
 * What the kiosk page may do and where the window may go. Pure decisions, wired in
 * main.ts to session.setPermissionRequestHandler / setPermissionCheckHandler,
 * webContents' will-navigate / will-redirect and setWindowOpenHandler.
 */

/** True for `<appliance>/kiosk` itself (and its query or fragment), nothing else on the origin. */
export function isKioskPage(url: string, applianceUrl: string): boolean {
  const parsed = safeUrl(url);
  if (!parsed) return false;
  return parsed.origin === new URL(applianceUrl).origin && (parsed.pathname === "/kiosk" || parsed.pathname === "/kiosk/");
}

export interface PermissionQuery {
  /** Electron's permission name: "media", "notifications", "geolocation", … */
  permission: string;
  /** The URL of the frame asking (requestingUrl / details.requestingUrl). */
  requestingUrl: string;
  /** For "media": what it asks for; Electron gives `mediaTypes` on requests, `mediaType` on checks. */
  mediaTypes?: readonly string[];
}

/**
 * Camera and microphone for the kiosk page only; every other permission (notifications,
 * geolocation, screen capture, MIDI, USB, …) and every other page is refused.
 */
export function allowPermission(query: PermissionQuery, applianceUrl: string): boolean {
  if (query.permission !== "media") return false;
  if (!isKioskPage(query.requestingUrl, applianceUrl)) return false;
  const types = query.mediaTypes ?? [];
  // An empty list is a check for "any media"; screen capture types are never granted.
  return types.every((type) => type === "audio" || type === "video");
}

/** The window stays on the appliance's origin; links elsewhere do nothing. */
export function allowNavigation(url: string, applianceUrl: string): boolean {
  const parsed = safeUrl(url);
  return !!parsed && parsed.origin === new URL(applianceUrl).origin;
}

/** window.open and target=_blank never open anything on a kiosk. */
export function windowOpenDecision(): { action: "deny" } {
  return { action: "deny" };
}

function safeUrl(url: string): URL | undefined {
  try {
    return new URL(url);
  } catch {
    return undefined;
  }
}
