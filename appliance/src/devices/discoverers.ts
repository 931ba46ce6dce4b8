// What listens on the LAN for the devices capability: Tuya's UDP presence broadcasts and
// eWeLink's mDNS announcements. Both follow devices that move (a new DHCP lease) and feed
// discoverDevices; the eWeLink browser also carries each device's state pushes to its
// adapter. In the product they listen on the LAN; tests point them at loopback.
import { networkInterfaces } from "node:os";
import type { Logger } from "pino";
import type { Timers } from "../time/index.js";
import type { AdapterFactory, DeviceProtocol } from "./adapter.js";
import type { Discoverer } from "./devices-service.js";
import { createEwelinkBrowser, ewelinkAdapterFactory, type EwelinkAnnouncements, type EwelinkBrowser } from "./ewelink/index.js";
import { createTuyaAdapter, startTuyaDiscovery } from "./tuya/index.js";

export interface LanSettings {
  /** Listen for devices at all (off: devices are reached at their stored addresses only). */
  discovery: boolean;
  /** Where Tuya's broadcasts are received: every interface when left out. */
  broadcastAddress?: string;
  /** The interface mDNS joins on: the box's first LAN address when left out. */
  mdnsInterface?: string;
}

/** Tuya devices' UDP presence broadcasts (6666 plain, 6667 and 7000 encrypted). */
function tuyaDiscoverer(options: { timers: Timers; log: Logger; bindAddress?: string }): Discoverer {
  return (found) => {
    const started = startTuyaDiscovery({
      timers: options.timers,
      log: options.log,
      ...(options.bindAddress ? { bindAddress: options.bindAddress } : {}),
      onDevice: (device) => found({ protocol: "tuya", deviceId: device.deviceId, ip: device.ip, version: device.version }),
    }).catch((err: unknown) => {
      // Another program holding the ports only costs following moved devices.
      options.log.warn({ err }, "Tuya discovery could not listen on UDP 6666/6667/7000; devices that move will need their address set by hand");
      return undefined;
    });
    return () => void started.then((discovery) => discovery?.stop());
  };
}

/** eWeLink devices' mDNS announcements, asked for when listening starts. */
function ewelinkDiscoverer(browser: EwelinkBrowser): Discoverer {
  return (found) => {
    const report = (a: { deviceId: string; ip: string; encrypted: boolean }) => found({ protocol: "ewelink", deviceId: a.deviceId, ip: a.ip, encrypted: a.encrypted });
    for (const known of browser.devices()) report(known);
    const unsubscribe = browser.subscribe(report);
    browser.query();
    return unsubscribe;
  };
}

function firstLanAddress(): string | undefined {
  for (const addresses of Object.values(networkInterfaces())) {
    for (const address of addresses ?? []) if (address.family === "IPv4" && !address.internal) return address.address;
  }
  return undefined;
}

const silence: EwelinkAnnouncements = { subscribe: () => () => undefined };

/** The adapters' factories and the LAN listeners, with what starts and stops them. */
export function createLan(settings: LanSettings, deps: { timers: Timers; log: Logger }) {
  const mdnsInterface = settings.discovery ? (settings.mdnsInterface ?? firstLanAddress()) : undefined;
  const browser = mdnsInterface
    ? createEwelinkBrowser({
        interface: mdnsInterface,
        now: () => deps.timers.now(),
        onError: (err) => deps.log.warn({ err: err.message }, "eWeLink mDNS listening failed; devices are polled instead"),
      })
    : undefined;
  const factories: Record<DeviceProtocol, AdapterFactory> = { tuya: createTuyaAdapter, ewelink: ewelinkAdapterFactory(browser ?? silence) };
  const discoverers: Discoverer[] = settings.discovery
    ? [tuyaDiscoverer({ timers: deps.timers, log: deps.log, ...(settings.broadcastAddress ? { bindAddress: settings.broadcastAddress } : {}) }), ...(browser ? [ewelinkDiscoverer(browser)] : [])]
    : [];
  return {
    factories,
    discoverers,
    async start() {
      if (!browser) {
        if (settings.discovery) deps.log.warn("no LAN address found for eWeLink's mDNS; set devices.mdnsInterface. eWeLink devices are polled instead");
        return;
      }
      await browser.start().catch((err: unknown) => deps.log.warn({ err }, "eWeLink mDNS could not start; devices are polled instead"));
    },
    stop: () => browser?.stop() ?? Promise.resolve(),
  };
}
