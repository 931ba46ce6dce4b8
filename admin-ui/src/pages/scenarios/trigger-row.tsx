// One trigger of the editor: its kind from a menu, then the fields of that kind.
import type { Trigger } from "@innbox/protocol";
import { BOOKING_TRIGGER_EVENTS, FOR_MINUTES, OFFSET_MINUTES, SUN_EVENTS, WEATHER_GROUPS, WEATHER_TRIGGER_FIELDS } from "@innbox/protocol/scenario-rules";
import { t } from "../../messages";
import { newTrigger, TRIGGER_TYPES, type TriggerType } from "./draft";
import { choice, DeviceMenu, Menu, NumberInput, RoomMenu, TimeInput, withField, ForecastHoursInput, RowHead } from "./inputs";
import type { Names } from "./sentence";

interface Props {
  trigger: Trigger;
  index: number;
  names: Names;
  errors: Readonly<Record<string, string>>;
  onChange: (trigger: Trigger) => void;
  onRemove: () => void;
}

const s = () => t.scenarios;

export function TriggerRow({ trigger, index, names, errors, onChange, onRemove }: Props) {
  const path = `triggers.${index}`;
  const err = (field: string) => errors[`${path}.${field}`];
  const label = s().triggerN(index + 1);
  return (
    <fieldset class="scenario-row">
      <legend class="visually-hidden">{label}</legend>
      <RowHead name={`${path}.type`} kinds={TRIGGER_TYPES} value={trigger.type as TriggerType} words={s().triggerType} label={label} error={errors[path]} onKind={(next) => onChange(newTrigger(next))} onRemove={onRemove} />
      <div class="scenario-fields">
        {trigger.type === "time" ? (
          <>
            <TimeInput label={s().at} name={`${path}.at`} value={trigger.at} error={err("at")} onValue={(at) => onChange({ ...trigger, at })} />
            <Weekdays value={trigger.weekdays} name={`${path}.weekdays`} onValue={(weekdays) => onChange(withField(trigger, "weekdays", weekdays))} />
          </>
        ) : null}
        {trigger.type === "sun" ? (
          <>
            <Menu label={s().event} name={`${path}.event`} value={trigger.event} onValue={(event) => onChange({ ...trigger, event: event as typeof trigger.event })}>
              {SUN_EVENTS.map((event) => (
                <option key={event} value={event}>
                  {choice(t.sentence.sunEvent[event])}
                </option>
              ))}
            </Menu>
            <Offset value={trigger.offsetMinutes} name={`${path}.offsetMinutes`} error={err("offsetMinutes")} onValue={(offsetMinutes) => onChange({ ...trigger, offsetMinutes: offsetMinutes as number })} />
          </>
        ) : null}
        {trigger.type === "booking" ? (
          <>
            <Menu label={s().event} name={`${path}.event`} value={trigger.event} onValue={(event) => onChange({ ...trigger, event: event as typeof trigger.event })}>
              {BOOKING_TRIGGER_EVENTS.map((event) => (
                <option key={event} value={event}>
                  {choice(t.sentence.bookingEvent[event])}
                </option>
              ))}
            </Menu>
            <Offset value={trigger.offsetMinutes} name={`${path}.offsetMinutes`} error={err("offsetMinutes")} onValue={(offsetMinutes) => onChange({ ...trigger, offsetMinutes: offsetMinutes as number })} />
            <RoomMenu
              label={s().room}
              name={`${path}.roomId`}
              names={names}
              value={trigger.roomId ?? ""}
              error={err("roomId")}
              first={[["", s().anyRoom]]}
              onValue={(roomId) => onChange(withField(trigger, "roomId", roomId || undefined))}
            />
          </>
        ) : null}
        {trigger.type === "device" ? (
          <>
            <DeviceMenu label={s().device} name={`${path}.deviceId`} names={names} value={trigger.deviceId} error={err("deviceId")} onValue={(deviceId) => onChange({ ...trigger, deviceId })} />
            <Menu label={s().to} name={`${path}.to`} value={trigger.to.on ? "on" : "off"} onValue={(to) => onChange({ ...trigger, to: { on: to === "on" } })}>
              <option value="on">{s().on}</option>
              <option value="off">{s().off}</option>
            </Menu>
            <NumberInput
              label={s().forMinutes}
              name={`${path}.forMinutes`}
              hint={s().forMinutesHint}
              min={FOR_MINUTES.min}
              max={FOR_MINUTES.max}
              value={trigger.forMinutes}
              error={err("forMinutes")}
              onValue={(forMinutes) => onChange(withField(trigger, "forMinutes", forMinutes))}
            />
          </>
        ) : null}
        {trigger.type === "weather" ? (
          <>
            <Menu
              label={s().field}
              name={`${path}.field`}
              value={trigger.field}
              onValue={(field) =>
                onChange(field === "condition" ? { type: "weather", field: "condition", group: "rain" } : { type: "weather", field: field as "temperature", above: trigger.above ?? trigger.below ?? 0 })
              }
            >
              {WEATHER_TRIGGER_FIELDS.map((field) => (
                <option key={field} value={field}>
                  {s().weatherFieldName[field]}
                </option>
              ))}
            </Menu>
            {trigger.field === "condition" ? (
              <Menu label={s().group} name={`${path}.group`} value={trigger.group ?? "rain"} onValue={(group) => onChange({ ...trigger, group: group as "rain" })}>
                {WEATHER_GROUPS.map((group) => (
                  <option key={group} value={group}>
                    {choice(t.sentence.weatherGroup[group])}
                  </option>
                ))}
              </Menu>
            ) : (
              <>
                <Menu
                  label={s().direction}
                  name={`${path}.direction`}
                  value={trigger.above !== undefined ? "above" : "below"}
                  onValue={(direction) => {
                    const value = trigger.above ?? trigger.below;
                    const { above: _above, below: _below, ...rest } = trigger;
                    onChange({ ...rest, [direction]: value });
                  }}
                >
                  <option value="above">{s().above}</option>
                  <option value="below">{s().below}</option>
                </Menu>
                <NumberInput
                  label={s().value}
                  name={`${path}.value`}
                  value={trigger.above ?? trigger.below}
                  error={err("above") ?? err("below")}
                  onValue={(value) => onChange({ ...trigger, ...(trigger.above !== undefined ? { above: value ?? Number.NaN } : { below: value ?? Number.NaN }) })}
                />
              </>
            )}
            <ForecastHoursInput path={path} value={trigger.forecastHours} error={err("forecastHours")} onValue={(hours) => onChange(withField(trigger, "forecastHours", hours))} />
          </>
        ) : null}
      </div>
    </fieldset>
  );
}

/** Minutes from an event, negative before it. */
export function Offset({ value, name, error, onValue }: { value: number | undefined; name: string; error?: string | undefined; onValue: (value: number | undefined) => void }) {
  return <NumberInput label={s().offset} name={name} hint={s().offsetHint} min={OFFSET_MINUTES.min} max={OFFSET_MINUTES.max} value={value} error={error} onValue={(next) => onValue(next ?? Number.NaN)} />;
}

/** Days of the week as toggles; none chosen (or all) is every day. */
function Weekdays({ value, name, onValue }: { value: number[] | undefined; name: string; onValue: (value: number[] | undefined) => void }) {
  const chosen = new Set(value ?? []);
  return (
    <fieldset class="scenario-weekdays">
      <legend>{s().weekdays}</legend>
      <div class="scenario-day-list">
        {s().weekdayShort.map((short, index) => {
          const day = index + 1;
          return (
            <label key={day} class={chosen.has(day) ? "scenario-day is-chosen" : "scenario-day"}>
              <input
                type="checkbox"
                name={name}
                checked={chosen.has(day)}
                aria-label={t.sentence.weekday[index]}
                onChange={(event) => {
                  const next = new Set(chosen);
                  if (event.currentTarget.checked) next.add(day);
                  else next.delete(day);
                  onValue(next.size === 0 || next.size === 7 ? undefined : [...next].sort((a, b) => a - b));
                }}
              />
              <span aria-hidden="true">{short}</span>
            </label>
          );
        })}
      </div>
      {chosen.size === 0 ? <p class="field-hint">{s().everyDay}</p> : null}
    </fieldset>
  );
}
