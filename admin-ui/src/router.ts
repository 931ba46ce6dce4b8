import { useEffect, useState } from "preact/hooks";

// A tiny router on the History API: the app lives under the Vite base (/admin/) and the
// appliance answers every /admin/* path with index.html.

const BASE = import.meta.env.BASE_URL.replace(/\/$/, "");
const CHANGE = "innbox:navigate";

export interface Location {
  /** Path inside the app, always starting with "/" (e.g. "/team"). */
  path: string;
  query: URLSearchParams;
}

export function currentLocation(): Location {
  let path = window.location.pathname;
  if (path.startsWith(BASE)) path = path.slice(BASE.length);
  if (!path.startsWith("/")) path = `/${path}`;
  if (path.length > 1 && path.endsWith("/")) path = path.slice(0, -1);
  return { path, query: new URLSearchParams(window.location.search) };
}

/** The full URL of an app path, for links. */
export function href(path: string): string {
  return path === "/" ? `${BASE}/` : `${BASE}${path}`;
}

/**
 * A screen with unsaved work may hold the person back: `check` is asked before a link,
 * the browser's Back/Forward or signing out leaves the current path, and answers whether
 * that may happen now; when it says no, it asks the person itself and calls `go` if they
 * still want to leave. One screen at a time.
 */
type LeaveCheck = (path: string, go: () => void) => boolean;
let leaveCheck: LeaveCheck | null = null;
let guardedUrl = "";

export function guardNavigation(check: LeaveCheck): () => void {
  leaveCheck = check;
  guardedUrl = window.location.pathname + window.location.search;
  return () => {
    if (leaveCheck === check) leaveCheck = null;
  };
}

/** Leaves for `path` by `go` (navigating, signing out…), unless the screen holds the person back first. */
export function leave(path: string, go: () => void): void {
  if (!leaveCheck || leaveCheck(path, go)) go();
}

// Registered before any screen's listener: a Back that the screen holds back is undone
// (the address put back) before the app reads the address.
if (typeof window !== "undefined") {
  window.addEventListener("popstate", () => {
    if (!leaveCheck) return;
    const { path, query } = currentLocation();
    const to = query.size ? `${path}?${query}` : path;
    if (window.location.pathname + window.location.search === guardedUrl) return;
    if (!leaveCheck(to, () => navigate(to))) window.history.pushState(null, "", guardedUrl);
  });
}

export function navigate(path: string, options: { replace?: boolean } = {}): void {
  const url = href(path);
  if (options.replace) window.history.replaceState(null, "", url);
  else window.history.pushState(null, "", url);
  window.dispatchEvent(new Event(CHANGE));
}

export function useLocation(): Location {
  const [location, setLocation] = useState(currentLocation);
  useEffect(() => {
    const update = () => setLocation(currentLocation());
    window.addEventListener("popstate", update);
    window.addEventListener(CHANGE, update);
    return () => {
      window.removeEventListener("popstate", update);
      window.removeEventListener(CHANGE, update);
    };
  }, []);
  return location;
}

/** Click handler for in-app links: plain left clicks navigate without a page load. */
export function followLink(event: MouseEvent, path: string): void {
  if (event.defaultPrevented || event.button !== 0) return;
  if (event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
  event.preventDefault();
  leave(path, () => navigate(path));
}
