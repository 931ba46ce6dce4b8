// One action of the editor: switch devices (one, or by kind and room), wait, tell the staff, run another scenario.
import type { Action } from "@innbox/protocol";
import { NOTIFY_TEXT_MAX, TRIGGER_ROOM, WAIT_MINUTES } from "@innbox/protocol/scenario-rules";
import { TextAreaField } from "../../components/field";
import { t } from "../../messages";
import { ACTION_TYPES, newAction, type ActionType } from "./draft";
import { choice, DeviceMenu, Menu, NumberInput, RoomMenu, withField, RowHead } from "./inputs";
import type { Names } from "./sentence";

interface Props {
  action: Action;
  index: number;
  names: Names;
  /** This scenario's id, left out of the menu of scenarios to run. */
  selfId: string | undefined;
  errors: Readonly<Record<string, string>>;
  onChange: (action: Action) => void;
  onRemove: () => void;
}

const s = () => t.scenarios;
const KINDS = ["switch", "light", "heater"] as const;
const STAY_STATES = ["vacant", "awaiting-checkin", "occupied", "checked-out"] as const;

export function ActionRow({ action, index, names, selfId, errors, onChange, onRemove }: Props) {
  const path = `actions.${index}`;
  const err = (field: string) => errors[`${path}.${field}`];
  const label = s().actionN(index + 1);
  return (
    <fieldset class="scenario-row">
      <legend class="visually-hidden">{label}</legend>
      <RowHead name={`${path}.type`} kinds={ACTION_TYPES} value={action.type as ActionType} words={s().actionType} label={label} error={errors[path]} onKind={(next) => onChange(newAction(next))} onRemove={onRemove} />
      <div class="scenario-fields">
        {action.type === "device" ? <DeviceFields action={action} path={path} names={names} errors={errors} onChange={onChange} /> : null}
        {action.type === "wait" ? (
          <NumberInput
            label={s().waitMinutes}
            name={`${path}.minutes`}
            min={WAIT_MINUTES.min}
            max={WAIT_MINUTES.max}
            value={action.minutes}
            error={err("minutes")}
            onValue={(minutes) => onChange({ ...action, minutes: minutes ?? Number.NaN })}
          />
        ) : null}
        {action.type === "notify" ? (
          <TextAreaField label={s().notifyText} name={`${path}.text`} maxLength={NOTIFY_TEXT_MAX} value={action.text} error={err("text")} onValue={(text) => onChange({ ...action, text })} rows={2} />
        ) : null}
        {action.type === "scenario" ? (
          <Menu label={s().scenario} name={`${path}.scenarioId`} value={action.scenarioId} error={err("scenarioId")} onValue={(scenarioId) => onChange({ ...action, scenarioId })}>
            <option value="">{s().chooseScenario}</option>
            {names.scenarios
              .filter((scenario) => scenario.id !== selfId)
              .map((scenario) => (
                <option key={scenario.id} value={scenario.id}>
                  {scenario.name}
                </option>
              ))}
          </Menu>
        ) : null}
      </div>
    </fieldset>
  );
}

function DeviceFields({ action, path, names, errors, onChange }: { action: Extract<Action, { type: "device" }>; path: string; names: Names; errors: Readonly<Record<string, string>>; onChange: (action: Action) => void }) {
  const err = (field: string) => errors[`${path}.${field}`];
  const one = action.deviceId !== undefined;
  const set = action.set;
  const power = set.on === undefined ? "keep" : set.on ? "on" : "off";
  return (
    <>
      <Menu
        label={s().which}
        name={`${path}.which`}
        value={one ? "one" : "many"}
        onValue={(which) => onChange(which === "one" ? { type: "device", deviceId: "", set } : { type: "device", kind: "light", set })}
      >
        <option value="one">{s().whichDevice}</option>
        <option value="many">{s().whichKind}</option>
      </Menu>
      {one ? (
        <DeviceMenu label={s().device} name={`${path}.deviceId`} names={names} value={action.deviceId ?? ""} error={err("deviceId")} onValue={(deviceId) => onChange({ ...action, deviceId })} />
      ) : (
        <>
          <Menu label={s().kind} name={`${path}.kind`} value={action.kind ?? ""} error={err("kind")} onValue={(kind) => onChange(withField(action, "kind", kind || undefined))}>
            <option value="">{s().anyKind}</option>
            {KINDS.map((kind) => (
              <option key={kind} value={kind}>
                {t.devices.kind[kind]}
              </option>
            ))}
          </Menu>
          <RoomMenu
            label={s().room}
            name={`${path}.roomId`}
            names={names}
            value={action.roomId ?? ""}
            error={err("roomId")}
            first={[
              ["", s().anyRoom],
              [TRIGGER_ROOM, s().triggerRoom],
            ]}
            onValue={(roomId) => {
              const next = withField(action, "roomId", roomId || undefined);
              onChange(roomId ? withField(next, "roomState", undefined) : next);
            }}
          />
          {action.roomId === undefined ? (
            <Menu label={s().roomState} name={`${path}.roomState`} value={action.roomState ?? ""} error={err("roomState")} onValue={(state) => onChange(withField(action, "roomState", state || undefined))}>
              <option value="">{s().anyState}</option>
              {STAY_STATES.map((state) => (
                <option key={state} value={state}>
                  {choice(t.sentence.stayWord[state])}
                </option>
              ))}
            </Menu>
          ) : null}
        </>
      )}
      <Menu label={s().set} name={`${path}.set.on`} value={power} error={err("set")} onValue={(next) => onChange({ ...action, set: withField(set, "on", next === "keep" ? undefined : next === "on") })}>
        <option value="on">{s().setOn}</option>
        <option value="off">{s().setOff}</option>
        <option value="keep">{s().setKeep}</option>
      </Menu>
      <NumberInput
        label={s().brightness}
        name={`${path}.set.brightness`}
        hint={s().brightnessHint}
        min={0}
        max={100}
        value={set.brightness}
        error={err("set.brightness")}
        onValue={(brightness) => onChange({ ...action, set: withField(set, "brightness", brightness) })}
      />
    </>
  );
}
