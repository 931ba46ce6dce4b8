// One condition of the editor, or a group of them (all of, any of, not), nested.
import type { Condition } from "@innbox/protocol";
import { CONDITION_DEPTH_MAX, TRIGGER_ROOM, WEATHER_CONDITION_FIELDS } from "@innbox/protocol/scenario-rules";
import { Icon } from "../../components/icon";
import { t } from "../../messages";
import { CONDITION_KINDS, conditionKind, newCondition, type ConditionKind } from "./draft";
import { choice, DeviceMenu, Menu, NumberInput, RoomMenu, TimeInput, withField, ForecastHoursInput, RowHead } from "./inputs";
import type { Names } from "./sentence";
import { Offset } from "./trigger-row";

interface Props {
  condition: Condition;
  /** The API's path: "conditions.0", "conditions.0.or.1". */
  path: string;
  /** "1", "1.2": how people find it. */
  number: string;
  depth: number;
  names: Names;
  errors: Readonly<Record<string, string>>;
  onChange: (condition: Condition) => void;
  onRemove: () => void;
}

const s = () => t.scenarios;
const STAY_STATES = ["vacant", "awaiting-checkin", "occupied", "checked-out"] as const;

export function ConditionRow({ condition, path, number, depth, names, errors, onChange, onRemove }: Props) {
  const kind = conditionKind(condition);
  const label = s().conditionN(number);
  const err = (field: string) => errors[`${path}.${field}`];
  // A group's kinds are offered only where one more level fits.
  const kinds = depth < CONDITION_DEPTH_MAX ? CONDITION_KINDS : CONDITION_KINDS.filter((each) => each !== "and" && each !== "or" && each !== "not");
  return (
    <fieldset class={kind === "and" || kind === "or" || kind === "not" ? "scenario-row scenario-group" : "scenario-row"}>
      <legend class="visually-hidden">{label}</legend>
      <RowHead name={`${path}.kind`} kinds={kinds} value={kind as ConditionKind} words={s().conditionType} label={label} error={errors[path]} onKind={(next) => onChange(newCondition(next))} onRemove={onRemove} />
      {"and" in condition || "or" in condition ? <GroupList condition={condition} path={path} number={number} depth={depth} names={names} errors={errors} onChange={onChange} /> : null}
      {"not" in condition ? (
        <div class="scenario-nested">
          <ConditionRow
            condition={condition.not}
            path={`${path}.not`}
            number={`${number}.1`}
            depth={depth + 1}
            names={names}
            errors={errors}
            onChange={(inner) => onChange({ not: inner })}
            onRemove={() => onChange(newCondition("stay"))}
          />
        </div>
      ) : null}
      {"type" in condition ? <div class="scenario-fields">{leafFields(condition)}</div> : null}
    </fieldset>
  );

  function leafFields(leaf: Extract<Condition, { type: string }>) {
    switch (leaf.type) {
      case "stay": {
        const where = leaf.roomId ?? (leaf.scope === "all" ? "*all" : "");
        return (
          <>
            <RoomMenu
              label={s().room}
              name={`${path}.roomId`}
              names={names}
              value={where}
              error={err("roomId")}
              first={[
                ["", s().scopeAny],
                ["*all", s().scopeAll],
                [TRIGGER_ROOM, s().triggerRoom],
              ]}
              onValue={(room) => {
                const { roomId: _roomId, scope: _scope, ...rest } = leaf;
                onChange(room === "" ? { ...rest, scope: "any" } : room === "*all" ? { ...rest, scope: "all" } : { ...rest, roomId: room });
              }}
            />
            <Menu label={s().state} name={`${path}.state`} value={leaf.state} onValue={(state) => onChange({ ...leaf, state: state as typeof leaf.state })}>
              {STAY_STATES.map((state) => (
                <option key={state} value={state}>
                  {choice(t.sentence.stayWord[state])}
                </option>
              ))}
            </Menu>
          </>
        );
      }
      case "time":
        return (
          <>
            <TimeInput label={s().after} name={`${path}.after`} hint={s().timeHint} value={leaf.after ?? ""} error={err("after")} onValue={(after) => onChange(withField(leaf, "after", after || undefined))} />
            <TimeInput label={s().before} name={`${path}.before`} value={leaf.before ?? ""} error={err("before")} onValue={(before) => onChange(withField(leaf, "before", before || undefined))} />
          </>
        );
      case "sun": {
        const relation = leaf.after !== undefined ? "after" : "before";
        const event = leaf.after ?? leaf.before ?? "sunset";
        const set = (nextRelation: string, nextEvent: string) => {
          const { after: _after, before: _before, ...rest } = leaf;
          onChange({ ...rest, [nextRelation]: nextEvent });
        };
        return (
          <>
            <Menu label={s().direction} name={`${path}.relation`} value={relation} onValue={(next) => set(next, event)}>
              <option value="after">{s().sunAfter}</option>
              <option value="before">{s().sunBefore}</option>
            </Menu>
            <Menu label={s().event} name={`${path}.event`} value={event} onValue={(next) => set(relation, next)}>
              <option value="sunrise">{choice(t.sentence.sunEvent.sunrise)}</option>
              <option value="sunset">{choice(t.sentence.sunEvent.sunset)}</option>
            </Menu>
            <Offset value={leaf.offsetMinutes ?? 0} name={`${path}.offsetMinutes`} error={err("offsetMinutes")} onValue={(offset) => onChange(withField(leaf, "offsetMinutes", offset === 0 ? undefined : offset))} />
          </>
        );
      }
      case "weather":
        return (
          <>
            <Menu label={s().field} name={`${path}.field`} value={leaf.field} onValue={(field) => onChange({ ...leaf, field: field as typeof leaf.field })}>
              {WEATHER_CONDITION_FIELDS.map((field) => (
                <option key={field} value={field}>
                  {s().weatherFieldName[field]}
                </option>
              ))}
            </Menu>
            <NumberInput label={s().above} name={`${path}.above`} value={leaf.above} error={err("above")} onValue={(above) => onChange(withField(leaf, "above", above))} />
            <NumberInput label={s().below} name={`${path}.below`} value={leaf.below} error={err("below")} onValue={(below) => onChange(withField(leaf, "below", below))} />
            <ForecastHoursInput path={path} value={leaf.forecastHours} error={err("forecastHours")} onValue={(hours) => onChange(withField(leaf, "forecastHours", hours))} />
          </>
        );
      case "device":
        return (
          <>
            <DeviceMenu label={s().device} name={`${path}.deviceId`} names={names} value={leaf.deviceId} error={err("deviceId")} onValue={(deviceId) => onChange({ ...leaf, deviceId })} />
            <Menu label={s().state} name={`${path}.state`} value={leaf.state.on ? "on" : "off"} onValue={(state) => onChange({ ...leaf, state: { on: state === "on" } })}>
              <option value="on">{s().on}</option>
              <option value="off">{s().off}</option>
            </Menu>
          </>
        );
    }
  }
}

/** The conditions of an "all of" or "any of" group, each editable, with an add button. */
function GroupList({ condition, path, number, depth, names, errors, onChange }: Omit<Props, "onRemove"> & { condition: { and: Condition[] } | { or: Condition[] } }) {
  const key = "and" in condition ? "and" : "or";
  const inner = "and" in condition ? condition.and : condition.or;
  const set = (list: Condition[]) => onChange((key === "and" ? { and: list } : { or: list }) as Condition);
  return (
    <div class="scenario-nested">
      <p class="scenario-group-word">{key === "and" ? s().groupAnd : s().groupOr}</p>
      {errors[`${path}.${key}`] ? <p class="field-error">{errors[`${path}.${key}`]}</p> : null}
      {inner.map((each, index) => (
        <ConditionRow
          key={index}
          condition={each}
          path={`${path}.${key}.${index}`}
          number={`${number}.${index + 1}`}
          depth={depth + 1}
          names={names}
          errors={errors}
          onChange={(changed) => set(inner.map((old, at) => (at === index ? changed : old)))}
          onRemove={() => set(inner.filter((_, at) => at !== index))}
        />
      ))}
      <button type="button" class="button button-small" onClick={() => set([...inner, newCondition("stay")])}>
        <Icon name="plus" />
        {s().addCondition}
      </button>
    </div>
  );
}
