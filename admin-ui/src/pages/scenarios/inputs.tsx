// The editor's small fields over the shared ones (components/field.tsx): numbers that may
// be empty, times, and the menus of rooms, devices and scenarios by name.
import { FORECAST_HOURS } from "@innbox/protocol/scenario-rules";
import type { ComponentChildren } from "preact";
import { SelectField, TextField } from "../../components/field";
import { Icon } from "../../components/icon";
import { t } from "../../messages";
import type { Names } from "./sentence";

interface Base {
  label: string;
  name: string;
  error?: string | undefined;
  hint?: string | undefined;
}

/** A number field; empty is undefined. */
export function NumberInput({ value, onValue, min, max, ...base }: Base & { value: number | undefined; onValue: (value: number | undefined) => void; min?: number; max?: number }) {
  return (
    <TextField
      {...base}
      type="number"
      inputMode="numeric"
      min={min}
      max={max}
      value={value === undefined || Number.isNaN(value) ? "" : String(value)}
      onValue={(typed) => onValue(typed.trim() === "" ? undefined : Number(typed))}
    />
  );
}

export function TimeInput({ value, onValue, ...base }: Base & { value: string; onValue: (value: string) => void }) {
  return <TextField {...base} type="time" value={value} onValue={onValue} />;
}

export function Menu({ value, onValue, children, ...base }: Base & { value: string; onValue: (value: string) => void; children: ComponentChildren }) {
  return (
    <SelectField {...base} value={value} onValue={onValue}>
      {children}
    </SelectField>
  );
}

/** The devices by name; a removed one stays listed so the field shows what is wrong. */
export function DeviceMenu({ names, value, onValue, ...base }: Base & { names: Names; value: string; onValue: (value: string) => void }) {
  const gone = value && !names.devices.some((device) => device.id === value);
  return (
    <Menu {...base} value={value} onValue={onValue}>
      <option value="">{t.scenarios.chooseDevice}</option>
      {gone ? <option value={value}>{t.sentence.removedDevice}</option> : null}
      {names.devices.map((device) => (
        <option key={device.id} value={device.id}>
          {device.name}
        </option>
      ))}
    </Menu>
  );
}

/** The rooms by name, after the choices that are not one room ("Any room", "The room that triggered"). */
export function RoomMenu({ names, value, onValue, first, ...base }: Base & { names: Names; value: string; onValue: (value: string) => void; first: Array<[string, string]> }) {
  const gone = value && !first.some(([id]) => id === value) && !names.rooms.some((room) => room.id === value);
  return (
    <Menu {...base} value={value} onValue={onValue}>
      {first.map(([id, label]) => (
        <option key={id} value={id}>
          {label}
        </option>
      ))}
      {gone ? <option value={value}>{t.sentence.removedRoom}</option> : null}
      {names.rooms.map((room) => (
        <option key={room.id} value={room.id}>
          {room.name}
        </option>
      ))}
    </Menu>
  );
}

/** Sets `key` of `object` to `value`, or leaves it out when `value` is undefined. */
export function withField<T extends object, K extends string>(object: T, key: K, value: unknown): T {
  const next = { ...object } as Record<string, unknown>;
  if (value === undefined) delete next[key];
  else next[key] = value;
  return next as T;
}

/** A sentence's word as a menu choice: "sunset" → "Sunset". */
export function choice(words: string | undefined): string {
  return words ? words.charAt(0).toUpperCase() + words.slice(1) : "";
}

/** A trigger's, condition's or action's first line: what kind it is (a menu) and Remove; its own error below. */
export function RowHead<K extends string>({ name, kinds, value, words, label, error, onKind, onRemove }: {
  name: string;
  kinds: readonly K[];
  value: K;
  words: Record<K, string>;
  label: string;
  error: string | undefined;
  onKind: (kind: K) => void;
  onRemove: () => void;
}) {
  const s = t.scenarios;
  return (
    <>
      <div class="scenario-row-head">
        <Menu label={s.kindLabel} name={name} value={value} onValue={(kind) => onKind(kind as K)}>
          {kinds.map((kind) => (
            <option key={kind} value={kind}>
              {words[kind]}
            </option>
          ))}
        </Menu>
        <button type="button" class="button button-small button-danger-quiet scenario-remove" onClick={onRemove} aria-label={s.removeLabel(label)}>
          <Icon name="trash" />
          {s.remove}
        </button>
      </div>
      {error ? <p class="field-error">{error}</p> : null}
    </>
  );
}

/** Hours ahead in the forecast (0 or empty: the weather now), for weather triggers and conditions. */
export function ForecastHoursInput({ path, value, error, onValue }: { path: string; value: number | undefined; error: string | undefined; onValue: (hours: number | undefined) => void }) {
  const s = t.scenarios;
  return <NumberInput label={s.forecastHours} name={`${path}.forecastHours`} hint={s.forecastHint} min={FORECAST_HOURS.min} max={FORECAST_HOURS.max} value={value} error={error} onValue={(hours) => onValue(hours || undefined)} />;
}
