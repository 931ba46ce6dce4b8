import type { Device, SetDeviceStateBody } from "@innbox/protocol";
import { useEffect, useState } from "preact/hooks";
import { toApiError } from "../../api/client";
import { useSession } from "../../app-context";
import { Icon } from "../../components/icon";
import { t } from "../../messages";
import { KindIcon } from "./kind-icon";

interface DeviceCardProps {
  device: Device;
  isManager: boolean;
  onChanged: (device: Device) => void;
  onEdit: () => void;
  onDelete: () => void;
}

/** One device: its state live, its controls, and what to check when it fails. */
export function DeviceCard({ device, isManager, onChanged, onEdit, onDelete }: DeviceCardProps) {
  const { api } = useSession();
  // Which control waits for the device's confirmation ("power", "gang-1", "brightness").
  const [pending, setPending] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const titleId = `device-${device.id}`;

  const send = async (control: string, body: SetDeviceStateBody) => {
    setPending(control);
    setError(null);
    try {
      onChanged(await api.setDeviceState(device.id, body));
    } catch (caught) {
      setError(toApiError(caught).message);
    } finally {
      setPending(null);
    }
  };

  const { state } = device;
  const gangs = state.gangs && state.gangs.length > 1 ? state.gangs : null;
  // A multi-gang switch's main control switches every outlet: on when all of them are.
  const mainOn = gangs ? gangs.every((gang) => gang.on) : state.on === true;
  const failing = !device.online || device.problem !== undefined;
  const classes = ["device-card", "card", device.online ? "is-online" : "is-offline", state.on ? "is-on" : ""].filter(Boolean).join(" ");

  return (
    <li class={classes} aria-labelledby={titleId} aria-busy={pending ? true : undefined}>
      <div class="device-head">
        <span class={`device-kind kind-${device.kind}`}>
          <KindIcon kind={device.kind} />
        </span>
        <div class="device-title">
          <h3 id={titleId}>{device.name}</h3>
          <p class="device-meta">
            {t.devices.kind[device.kind]} · {t.devices.details(t.devices.protocolName[device.protocol] ?? device.protocol, device.ip)}
          </p>
        </div>
        <span class={device.online ? "device-online" : "device-offline"}>
          <span class="device-dot" aria-hidden="true" />
          {device.online ? t.devices.online : t.devices.offline}
        </span>
      </div>

      <div class="device-controls">
        {device.kind !== "sensor" ? (
          <div class="device-power">
            <button
              type="button"
              class={mainOn ? "device-switch is-on" : "device-switch"}
              aria-pressed={mainOn}
              disabled={pending !== null}
              onClick={() => send("power", { on: !mainOn })}
            >
              <span class="device-switch-track" aria-hidden="true">
                <span class="device-switch-thumb" />
              </span>
              <span class="visually-hidden">{device.name}: </span>
              {gangs ? t.devices.allOutlets : t.devices.powerWord}
            </button>
            <span class="device-state-word">
              {state.on === undefined && !gangs ? t.devices.unknownState : mainOn ? t.devices.on : t.devices.off}
            </span>
          </div>
        ) : null}
        {gangs ? (
          <div class="device-gangs">
            {gangs.map((gang, index) => (
              <button
                key={index}
                type="button"
                class={gang.on ? "device-gang is-on" : "device-gang"}
                aria-pressed={gang.on}
                disabled={pending !== null}
                onClick={() => send(`gang-${index}`, { on: !gang.on, gang: index })}
              >
                <span class="device-gang-mark" aria-hidden="true" />
                <span class="visually-hidden">{device.name}: </span>
                {t.devices.gang(index + 1)}
              </button>
            ))}
          </div>
        ) : null}
        {device.kind === "light" ? (
          <Dimmer device={device} pending={pending === "brightness"} disabled={pending !== null} onSet={(brightness) => send("brightness", { brightness })} />
        ) : null}
      </div>

      {pending ? (
        <p class="device-pending" role="status">
          {t.devices.sending}
        </p>
      ) : null}
      {error ? (
        <p class="device-error" role="alert">
          {error}
        </p>
      ) : null}
      {failing ? <Trouble device={device} isManager={isManager} /> : null}

      {isManager ? (
        <div class="device-actions">
          <button type="button" class="button button-small" onClick={onEdit} aria-label={t.devices.editDevice(device.name)}>
            <Icon name="edit" />
            {t.devices.edit}
          </button>
          <button type="button" class="button button-small button-danger-quiet" onClick={onDelete} aria-label={t.devices.deleteDevice(device.name)}>
            <Icon name="trash" />
            {t.devices.delete}
          </button>
        </div>
      ) : null}
    </li>
  );
}

/** The brightness slider: sent once, when let go, not at every step of the drag. */
function Dimmer({ device, pending, disabled, onSet }: { device: Device; pending: boolean; disabled: boolean; onSet: (value: number) => void }) {
  const known = device.state.brightness ?? 0;
  const [value, setValue] = useState(known);
  useEffect(() => setValue(known), [known]);
  const id = `dim-${device.id}`;
  return (
    <div class="device-dimmer">
      <label for={id}>
        {t.devices.brightness} <output for={id}>{t.devices.brightnessValue(value)}</output>
      </label>
      <input
        id={id}
        type="range"
        min={0}
        max={100}
        step={1}
        value={value}
        disabled={disabled}
        aria-label={t.devices.brightnessLabel(device.name)}
        aria-busy={pending ? true : undefined}
        onInput={(event) => setValue(Number(event.currentTarget.value))}
        onChange={(event) => onSet(Number(event.currentTarget.value))}
      />
    </div>
  );
}

/** What is wrong, in the device's words, and what usually fixes it. */
function Trouble({ device, isManager }: { device: Device; isManager: boolean }) {
  const hint = device.problem ? t.devices.hints[device.problem] : !device.online ? t.devices.hints.unreachable : undefined;
  if (!hint && !device.lastError) return null;
  return (
    <div class="device-trouble">
      <h4>{t.devices.hintHeading}</h4>
      {device.lastError ? (
        <p class="device-last-error">
          <span class="muted">{t.devices.lastError}</span> {device.lastError}
        </p>
      ) : null}
      {hint ? <p>{hint}</p> : null}
      {!isManager ? <p class="muted">{t.devices.hintsStaff}</p> : null}
    </div>
  );
}
