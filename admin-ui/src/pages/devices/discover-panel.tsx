import type { Device } from "@innbox/protocol";
import { useEffect, useRef, useState } from "preact/hooks";
import { toApiError } from "../../api/client";
import { useSession } from "../../app-context";
import { Alert } from "../../components/alert";
import { t } from "../../messages";
import type { DevicePrefill } from "./device-form";

interface Found {
  protocol: "tuya" | "ewelink";
  deviceId: string;
  ip: string;
  version?: string | undefined;
  knownAs?: string | undefined;
}

interface DiscoverPanelProps {
  devices: Device[];
  onAdd: (prefill: DevicePrefill) => void;
  onClose: () => void;
}

/** Listens on the LAN for a few seconds and lists what answered: known ones by name, the others with Add. */
export function DiscoverPanel({ devices, onAdd, onClose }: DiscoverPanelProps) {
  const { api } = useSession();
  const [found, setFound] = useState<Found[] | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const heading = useRef<HTMLHeadingElement>(null);

  const listen = async () => {
    setBusy(true);
    setError(null);
    try {
      setFound((await api.discoverDevices()).devices);
    } catch (caught) {
      setError(toApiError(caught).message);
    } finally {
      setBusy(false);
    }
  };

  useEffect(() => {
    heading.current?.focus();
    void listen();
  }, []);

  const nameOf = (id: string) => devices.find((device) => device.id === id)?.name ?? id;

  return (
    <section class="device-panel" aria-labelledby="discover-title">
      <h2 id="discover-title" ref={heading} tabIndex={-1}>
        {t.devices.discoverHeading}
      </h2>
      {error ? <Alert kind="error">{error}</Alert> : null}
      {busy ? (
        <p role="status" class="device-listening">
          {t.devices.discovering}
        </p>
      ) : null}
      {found && !busy ? <p role="status">{found.length ? t.devices.discoverFound(found.length) : t.devices.discoverNone}</p> : null}
      {found && found.length ? (
        <ul class="plain-list discovered" aria-label={t.devices.discoverHeading}>
          {found.map((item) => (
            <li key={`${item.protocol}-${item.deviceId}`} class="discovered-item">
              <div>
                <code>{item.deviceId}</code>
                <p class="muted">{t.devices.discoveredDetails(t.devices.protocolName[item.protocol] ?? item.protocol, item.ip, item.version)}</p>
              </div>
              {item.knownAs ? (
                <span class="badge badge-muted">{t.devices.knownAs(nameOf(item.knownAs))}</span>
              ) : (
                <button
                  type="button"
                  class="button button-small button-primary"
                  aria-label={t.devices.discoverAddLabel(item.deviceId)}
                  onClick={() => onAdd({ protocol: item.protocol, deviceId: item.deviceId, ip: item.ip, version: item.version })}
                >
                  {t.devices.discoverAdd}
                </button>
              )}
            </li>
          ))}
        </ul>
      ) : null}
      <div class="actions">
        <button type="button" class="button" disabled={busy} onClick={listen}>
          {t.devices.discoverAgain}
        </button>
        <button type="button" class="button button-quiet" onClick={onClose}>
          {t.devices.closePanel}
        </button>
      </div>
    </section>
  );
}
