import type { CreateDeviceBody, Device, Room, UpdateDeviceBody } from "@innbox/protocol";
import { useEffect, useRef, useState } from "preact/hooks";
import { useSession } from "../../app-context";
import { Alert } from "../../components/alert";
import { Checkbox, SelectField, TextField, fieldsFor } from "../../components/field";
import { useFormRequest } from "../../components/use-form-request";
import { t } from "../../messages";

/** What Discover found, to start the form with. */
export interface DevicePrefill {
  protocol: "tuya" | "ewelink";
  deviceId: string;
  ip: string;
  version?: string | undefined;
}

interface DeviceFormProps {
  rooms: Room[];
  /** The device to edit; absent: a new one. */
  device?: Device;
  prefill?: DevicePrefill | undefined;
  onSaved: (device: Device) => void;
  onCancel: () => void;
}

const KINDS = ["switch", "light", "heater", "sensor"] as const;
const VERSIONS = ["3.1", "3.3", "3.4", "3.5"] as const;

const WORDS = {
  name: t.devices.name,
  roomId: t.devices.room,
  kind: t.devices.kindLabel,
  gangs: t.devices.gangs,
  deviceId: t.devices.deviceId,
  ip: t.devices.ip,
  localKey: t.devices.localKey,
  version: t.devices.version,
  deviceKey: t.devices.deviceKey,
  port: t.devices.port,
};

function initial(device: Device | undefined, prefill: DevicePrefill | undefined) {
  return {
    protocol: (device?.protocol ?? prefill?.protocol ?? "tuya") as string,
    name: device?.name ?? "",
    roomId: device?.roomId ?? "",
    kind: device?.kind ?? "switch",
    gangs: String(device?.gangs ?? 1),
    deviceId: device?.deviceId ?? prefill?.deviceId ?? "",
    ip: device?.ip ?? prefill?.ip ?? "",
    localKey: "",
    version: device?.version ?? prefill?.version ?? "3.3",
    deviceKey: "",
    port: String(device?.port ?? 8081),
  };
}

/** Adds a device, or changes one. Keys are write-only: an empty key field keeps the stored one. */
export function DeviceForm({ rooms, device, prefill, onSaved, onCancel }: DeviceFormProps) {
  const { api } = useSession();
  const [form, setForm] = useState(() => initial(device, prefill));
  const [diy, setDiy] = useState(device ? device.protocol === "ewelink" && !device.encrypted : false);
  const { fieldErrors, alert, busy, send } = useFormRequest(WORDS);
  const heading = useRef<HTMLHeadingElement>(null);
  const field = fieldsFor(form, fieldErrors, setForm);
  const tuya = form.protocol === "tuya";
  const headingId = device ? `edit-device-${device.id}` : "add-device-title";

  useEffect(() => heading.current?.focus(), [prefill]);

  const onSubmit = async (event: Event) => {
    event.preventDefault();
    await send(async () => onSaved(device ? await api.updateDevice(device.id, changes(device)) : await api.createDevice(created())));
  };

  const created = (): CreateDeviceBody => {
    const common = {
      name: form.name,
      ...(form.roomId ? { roomId: form.roomId } : {}),
      kind: form.kind as Device["kind"],
      gangs: Number(form.gangs),
      deviceId: form.deviceId,
      ip: form.ip,
    };
    if (tuya) return { ...common, protocol: "tuya", localKey: form.localKey, version: form.version as "3.3" };
    return { ...common, protocol: "ewelink", port: Number(form.port), ...(form.deviceKey.trim() ? { deviceKey: form.deviceKey } : {}) };
  };

  const changes = (before: Device): UpdateDeviceBody => {
    const body: UpdateDeviceBody = {};
    if (form.name !== before.name) body.name = form.name;
    if (form.roomId !== (before.roomId ?? "")) body.roomId = form.roomId || null;
    if (form.kind !== before.kind) body.kind = form.kind as Device["kind"];
    if (Number(form.gangs) !== (before.gangs ?? 1)) body.gangs = Number(form.gangs);
    if (form.ip !== before.ip) body.ip = form.ip;
    if (tuya) {
      if (form.version !== before.version) body.version = form.version as "3.3";
      if (form.localKey) body.localKey = form.localKey;
    } else {
      if (Number(form.port) !== (before.port ?? 8081)) body.port = Number(form.port);
      if (diy) {
        if (before.encrypted) body.deviceKey = null;
      } else if (form.deviceKey.trim()) body.deviceKey = form.deviceKey;
    }
    return body;
  };

  return (
    <form class="form device-form" onSubmit={onSubmit} noValidate aria-labelledby={headingId}>
      <h2 id={headingId} ref={heading} tabIndex={-1}>
        {device ? t.devices.editHeading(device.name) : t.devices.addHeading}
      </h2>
      {alert ? <Alert kind="error">{alert}</Alert> : null}
      {!device ? (
        <fieldset class="fieldset device-protocol">
          <legend>{t.devices.protocol}</legend>
          {(["tuya", "ewelink"] as const).map((protocol) => (
            <label key={protocol} class={form.protocol === protocol ? "device-choice is-chosen" : "device-choice"}>
              <input type="radio" name="protocol" value={protocol} checked={form.protocol === protocol} onChange={() => setForm({ ...form, protocol })} />
              {protocol === "tuya" ? t.devices.protocolTuya : t.devices.protocolEwelink}
            </label>
          ))}
        </fieldset>
      ) : null}
      <div class="field-row">
        <TextField label={t.devices.name} {...field("name")} hint={t.devices.nameHint} autoComplete="off" required />
        <SelectField label={t.devices.room} {...field("roomId")}>
          <option value="">{t.devices.roomNone}</option>
          {rooms.map((room) => (
            <option key={room.id} value={room.id}>
              {room.name}
            </option>
          ))}
        </SelectField>
      </div>
      <div class="field-row">
        <SelectField label={t.devices.kindLabel} {...field("kind")}>
          {KINDS.map((kind) => (
            <option key={kind} value={kind}>
              {t.devices.kind[kind]}
            </option>
          ))}
        </SelectField>
        <TextField label={t.devices.gangs} {...field("gangs")} type="number" inputMode="numeric" min={1} max={8} hint={t.devices.gangsHint} />
      </div>
      {device ? (
        <p class="device-fixed-id">
          {t.devices.deviceId}: <code>{device.deviceId}</code>
        </p>
      ) : (
        <TextField label={t.devices.deviceId} {...field("deviceId")} hint={tuya ? t.devices.deviceIdTuyaHint : t.devices.deviceIdEwelinkHint} verbatim autoComplete="off" required />
      )}
      <TextField label={t.devices.ip} {...field("ip")} hint={t.devices.ipHint} inputMode="decimal" verbatim autoComplete="off" placeholder="192.168.1.40" required />
      {tuya ? (
        <div class="field-row">
          <TextField
            label={t.devices.localKey}
            {...field("localKey")}
            hint={device ? `${t.devices.localKeyKeep} ${t.devices.localKeyHint}` : t.devices.localKeyHint}
            verbatim
            autoComplete="off"
            required={!device}
          />
          <SelectField label={t.devices.version} {...field("version")} hint={t.devices.versionHint}>
            {VERSIONS.map((version) => (
              <option key={version} value={version}>
                {version}
              </option>
            ))}
          </SelectField>
        </div>
      ) : (
        <>
          {device ? <Checkbox label={t.devices.diy} name="diy" checked={diy} onChecked={setDiy} hint={t.devices.diyHint} /> : null}
          <div class="field-row">
            {!diy ? (
              <TextField
                label={t.devices.deviceKey}
                {...field("deviceKey")}
                hint={device?.encrypted ? `${t.devices.deviceKeyKeep} ${t.devices.deviceKeyHint}` : t.devices.deviceKeyHint}
                verbatim
                autoComplete="off"
              />
            ) : null}
            <TextField label={t.devices.port} {...field("port")} type="number" inputMode="numeric" min={1} max={65535} hint={t.devices.portHint} />
          </div>
        </>
      )}
      <div class="actions">
        <button type="submit" class="button button-primary" disabled={busy}>
          {device ? (busy ? t.devices.saving : t.devices.save) : busy ? t.devices.adding : t.devices.add}
        </button>
        <button type="button" class="button" disabled={busy} onClick={onCancel}>
          {t.devices.cancel}
        </button>
      </div>
    </form>
  );
}
