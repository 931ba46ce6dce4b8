import { useSession } from "../../app-context";
import { Alert } from "../../components/alert";
import { Checkbox, SelectField, TextField } from "../../components/field";
import { Icon } from "../../components/icon";
import { Link } from "../../components/link";
import { LoadState } from "../../components/use-load";
import { t } from "../../messages";
import { timeIn } from "../timezones";
import { SaveActions, useSettingsForm } from "./settings-form";
import {
  DEFAULT_RANGE,
  MAX_RANGES,
  WEEKDAYS,
  copyMondayToWeekdays,
  errorsUnder,
  fromForm,
  hoursFieldPlace,
  newKey,
  normalizeForm,
  normalizeTime,
  toForm,
  validateHours,
  type ExceptionForm,
  type HoursForm,
  type RangeForm,
} from "./working-hours-form";

/** Working hours: the weekly schedule and exceptions, in the property's timezone. */
export function WorkingHoursSettings() {
  const { api, property } = useSession();
  const { form, setForm, loadError, change, save, saved, fieldErrors: errors, alert, busy } = useSettingsForm((api) => api.getWorkingHours(), toForm, hoursFieldPlace);

  if (!form) return <LoadState error={loadError} />;

  const setDay = (day: (typeof WEEKDAYS)[number], ranges: RangeForm[]) => change({ ...form, weekly: { ...form.weekly, [day]: ranges } });
  const setException = (index: number, exception: ExceptionForm) =>
    change({ ...form, exceptions: form.exceptions.map((e, i) => (i === index ? exception : e)) });

  const onSubmit = (event: Event) => {
    const tidy = normalizeForm(form);
    setForm(tidy);
    return save(event, validateHours(tidy), () => api.setWorkingHours(fromForm(tidy)));
  };

  const zone = property?.timezone;
  const now = zone ? timeIn(zone) : null;

  return (
    <form class="card form hours" onSubmit={onSubmit} noValidate aria-labelledby="hours-title">
      <h2 id="hours-title">{t.settings.tabs.hours}</h2>
      <p class="muted">{t.hours.intro}</p>
      <Checkbox
        label={t.hours.enabled}
        name="enabled"
        checked={form.enabled}
        onChecked={(enabled) => change({ ...form, enabled })}
        hint={t.hours.enabledHint}
      />
      {zone ? (
        <p class="hours-zone">
          {t.hours.timezone(zone)} {now ? t.hours.timezoneNow(now) : null} <Link to="/property">{t.hours.changeTimezone}</Link>
        </p>
      ) : null}
      {!form.enabled ? <Alert kind="info">{t.hours.disabledNote}</Alert> : null}

      <fieldset class="fieldset">
        <legend>{t.hours.weeklyHeading}</legend>
        <p class="field-hint">{t.hours.midnightHint}</p>
        <div class="week">
          {WEEKDAYS.map((day) => (
            <RangesEditor
              key={day}
              label={t.hours.days[day] ?? day}
              base={`weekly.${day}`}
              ranges={form.weekly[day]}
              errors={errors}
              onRanges={(ranges) => setDay(day, ranges)}
            />
          ))}
        </div>
        <div>
          <button type="button" class="button button-small" onClick={() => change(copyMondayToWeekdays(form))}>
            {t.hours.copyMonday}
          </button>
        </div>
      </fieldset>

      <fieldset class="fieldset">
        <legend>{t.hours.exceptionsHeading}</legend>
        <p class="field-hint">{t.hours.exceptionsHint}</p>
        {form.exceptions.length === 0 ? <p class="muted">{t.hours.noExceptions}</p> : null}
        {errors.exceptions ? <p class="field-error">{errors.exceptions}</p> : null}
        {form.exceptions.map((exception, index) => (
          <ExceptionEditor
            key={exception.key}
            index={index}
            exception={exception}
            errors={errors}
            onChange={(next) => setException(index, next)}
            onRemove={() => change({ ...form, exceptions: form.exceptions.filter((_, i) => i !== index) })}
          />
        ))}
        <div>
          <button
            type="button"
            class="button button-small"
            onClick={() =>
              change({ ...form, exceptions: [...form.exceptions, { key: newKey(), date: "", closed: true, ranges: [], note: "" }] })
            }
          >
            {t.hours.addException}
          </button>
        </div>
      </fieldset>

      <SaveActions alert={alert} fieldErrors={errors} saved={saved ? t.hours.saved : null} busy={busy} />
    </form>
  );
}

interface RangesEditorProps {
  /** The day's name, or the exception's date, for labels. */
  label: string;
  /** The field path of these ranges in the API body, e.g. weekly.mon. */
  base: string;
  ranges: RangeForm[];
  errors: Readonly<Record<string, string>>;
  onRanges: (ranges: RangeForm[]) => void;
  /** Exceptions show no day name and no "closed" line. */
  bare?: boolean;
}

function RangesEditor({ label, base, ranges, errors, onRanges, bare }: RangesEditorProps) {
  const set = (index: number, range: RangeForm) => onRanges(ranges.map((r, i) => (i === index ? range : r)));
  const own = errors[base];
  return (
    <div class={bare ? "day day-bare" : "day"} role="group" aria-label={label}>
      {bare ? null : <p class="day-name" aria-hidden="true">{label}</p>}
      <div class="day-ranges">
        {ranges.length === 0 && !bare ? <p class="day-closed">{t.hours.closed}</p> : null}
        {ranges.map((range, index) => {
          const at = `${base}.${index}`;
          const problems = errorsUnder(errors, at);
          return (
            <div key={index} class={problems.length ? "range range-invalid" : "range"}>
              <TimeInput
                value={range.from}
                label={t.hours.fromLabel(label, index)}
                invalid={Boolean(errors[`${at}.from`] || errors[at])}
                onValue={(from) => set(index, { ...range, from })}
                end={false}
              />
              <span class="range-dash" aria-hidden="true">
                –
              </span>
              <TimeInput
                value={range.to}
                label={t.hours.toLabel(label, index)}
                invalid={Boolean(errors[`${at}.to`] || errors[at])}
                onValue={(to) => set(index, { ...range, to })}
                end
              />
              <button
                type="button"
                class="button button-small button-quiet range-remove"
                aria-label={t.hours.removeRangeFor(`${label} ${range.from}–${range.to}`)}
                onClick={() => onRanges(ranges.filter((_, i) => i !== index))}
              >
                {t.hours.removeRange}
              </button>
              {problems.length ? <p class="field-error range-error">{[...new Set(problems)].join(" ")}</p> : null}
            </div>
          );
        })}
        {own ? <p class="field-error">{own}</p> : null}
        {ranges.length < MAX_RANGES ? (
          <button
            type="button"
            class="button button-small button-quiet day-add"
            aria-label={t.hours.addRangeFor(label)}
            onClick={() => onRanges([...ranges, nextRange(ranges)])}
          >
            <Icon name="plus" />
            <span>{t.hours.addRange}</span>
          </button>
        ) : null}
      </div>
    </div>
  );
}

interface TimeInputProps {
  value: string;
  label: string;
  invalid: boolean;
  end: boolean;
  onValue: (value: string) => void;
}

/**
 * A time on the 24-hour clock as text: <input type="time"> follows the device's 12/24-hour
 * habit and cannot hold 24:00, the end of a day that runs until midnight.
 */
function TimeInput({ value, label, invalid, end, onValue }: TimeInputProps) {
  return (
    <input
      class="time-input"
      type="text"
      inputMode="decimal"
      autoComplete="off"
      maxLength={5}
      placeholder={end ? "18:00" : "09:00"}
      value={value}
      aria-label={label}
      aria-invalid={invalid ? true : undefined}
      onInput={(event) => onValue(event.currentTarget.value)}
      onBlur={(event) => onValue(normalizeTime(event.currentTarget.value, end))}
    />
  );
}

/** A new range after the last one: from its end until midnight (a split shift's second half). */
function nextRange(ranges: readonly RangeForm[]): RangeForm {
  const last = ranges[ranges.length - 1];
  if (!last || !last.to || last.to >= "23:00") return { ...DEFAULT_RANGE };
  return { from: last.to, to: "24:00" };
}

interface ExceptionEditorProps {
  index: number;
  exception: ExceptionForm;
  errors: Readonly<Record<string, string>>;
  onChange: (exception: ExceptionForm) => void;
  onRemove: () => void;
}

function ExceptionEditor({ index, exception, errors, onChange, onRemove }: ExceptionEditorProps) {
  const base = `exceptions.${index}`;
  const label = t.hours.exceptionRangeLabel(exception.date);
  return (
    <div class="exception" role="group" aria-label={t.hours.exceptionLabel(index)}>
      <div class="field-row">
        <TextField
          label={t.hours.date}
          name={`${base}.date`}
          type="date"
          value={exception.date}
          onValue={(date) => onChange({ ...exception, date })}
          error={errors[`${base}.date`]}
        />
        <SelectField
          label={t.hours.exceptionKind}
          name={`${base}.kind`}
          value={exception.closed ? "closed" : "open"}
          onValue={(kind) =>
            onChange({
              ...exception,
              closed: kind === "closed",
              ranges: kind === "open" && exception.ranges.length === 0 ? [{ ...DEFAULT_RANGE }] : exception.ranges,
            })
          }
        >
          <option value="closed">{t.hours.exceptionClosed}</option>
          <option value="open">{t.hours.exceptionOpen}</option>
        </SelectField>
      </div>
      {exception.closed ? null : (
        <RangesEditor
          label={label}
          base={`${base}.ranges`}
          ranges={exception.ranges}
          errors={errors}
          onRanges={(ranges) => onChange({ ...exception, ranges })}
          bare
        />
      )}
      <TextField
        label={t.hours.note}
        name={`${base}.note`}
        value={exception.note}
        onValue={(note) => onChange({ ...exception, note })}
        hint={t.hours.noteHint}
        error={errors[`${base}.note`]}
      />
      {errors[base] ? <p class="field-error">{errors[base]}</p> : null}
      <div>
        <button type="button" class="button button-small button-danger-quiet" aria-label={t.hours.removeExceptionFor(exception.date)} onClick={onRemove}>
          {t.hours.removeException}
        </button>
      </div>
    </div>
  );
}
