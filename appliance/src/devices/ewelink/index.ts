// eWeLink/Sonoff devices on the LAN: the adapter (DIY and encrypted LAN mode) and the
// mDNS browser whose announcements it listens to.
import type { AdapterFactory } from "../adapter.js";
import { createEwelinkAdapter } from "./ewelink-adapter.js";
import type { EwelinkAnnouncements } from "./mdns-browser.js";

export { createEwelinkAdapter, EWELINK_TIMING, type EwelinkAdapterDeps, type EwelinkTiming } from "./ewelink-adapter.js";
export {
  createEwelinkBrowser,
  EWELINK_SERVICE,
  type EwelinkAnnouncement,
  type EwelinkAnnouncements,
  type EwelinkBrowser,
  type EwelinkBrowserOptions,
} from "./mdns-browser.js";
export { ewelinkTexts } from "./messages.js";

/** The factory the devices capability holds: every adapter it makes listens to the one browser. */
export function ewelinkAdapterFactory(announcements: EwelinkAnnouncements): AdapterFactory {
  return (connection, deps) => createEwelinkAdapter(connection, { ...deps, announcements });
}
