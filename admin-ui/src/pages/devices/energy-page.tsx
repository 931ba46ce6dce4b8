import type { EnergyReport } from "@innbox/protocol";
import { useEffect, useState } from "preact/hooks";
import { toApiError } from "../../api/client";
import { useSession } from "../../app-context";
import { Alert } from "../../components/alert";
import { Icon } from "../../components/icon";
import { Page } from "../../components/page";
import { t } from "../../messages";
import { DevicesTabs } from "./devices-tabs";
import { addDays, longDay } from "./energy-days";
import { EnergyRoomCard } from "./energy-room";

const DAYS = 7;
const KIND_ORDER = ["light", "heater", "switch"];

/** The Energy view: hours on per room and day for a week, and how much of it in empty rooms. */
export function EnergyPage() {
  const { api } = useSession();
  /** The week's first day; null: the week ending today (the appliance knows the property's today). */
  const [from, setFrom] = useState<string | null>(null);
  const [today, setToday] = useState<string | null>(null);
  const [report, setReport] = useState<EnergyReport | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    let current = true;
    setError(null);
    api.getEnergyReport(from ?? undefined, DAYS).then(
      (answer) => {
        if (!current) return;
        setReport(answer);
        if (from === null) setToday(answer.days[answer.days.length - 1] ?? null);
      },
      (caught: unknown) => current && setError(toApiError(caught).message),
    );
    return () => {
      current = false;
    };
  }, [api, from]);

  const first = from ?? report?.days[0] ?? null;
  const last = first ? addDays(first, DAYS - 1) : null;
  const range = first && last ? t.energy.rangeText(longDay(first), longDay(last)) : "";
  const atToday = today !== null && last !== null && last >= today;
  /** Steps a week: landing on the week that ends today (or later) shows "this week". */
  const go = (day: string | null) => setFrom(day === null || (today !== null && addDays(day, DAYS - 1) >= today) ? null : day);

  const devices = report?.rooms.flatMap((room) => room.devices) ?? [];
  const kinds = KIND_ORDER.filter((kind) => devices.some((device) => device.kind === kind)).map((kind) => t.energy.kinds[kind] ?? t.energy.devicesWord);
  const shown = report && report.days[0] === first;

  return (
    <Page title={t.energy.title} lead={t.energy.lead}>
      <DevicesTabs current="energy" />
      <div class="energy-toolbar" role="group" aria-label={t.energy.weekLabel}>
        <button type="button" class="button button-small" onClick={() => first && go(addDays(first, -DAYS))} disabled={!first}>
          <Icon name="back" />
          <span>{t.energy.earlier}</span>
        </button>
        <label class="energy-date-field">
          <span>{t.energy.firstDay}</span>
          <input
            type="date"
            value={first ?? ""}
            max={today ?? undefined}
            onChange={(event) => {
              const value = (event.target as HTMLInputElement).value;
              // A chosen first day is kept as chosen (days after today show nothing yet).
              if (/^\d{4}-\d{2}-\d{2}$/.test(value)) setFrom(value);
            }}
          />
        </label>
        <button type="button" class="button button-small" onClick={() => first && go(addDays(first, DAYS))} disabled={!first || atToday}>
          <span>{t.energy.later}</span>
          <Icon name="back" class="icon-flip" />
        </button>
        <button type="button" class="button button-small" onClick={() => go(null)} disabled={from === null}>
          {t.energy.thisWeek}
        </button>
      </div>

      {error ? <Alert kind="error">{error}</Alert> : null}
      {!report && !error ? <p role="status">{t.app.loading}</p> : null}

      {report ? (
        <div class={shown ? "energy-report" : "energy-report is-loading"} aria-busy={!shown}>
          <section class="card card-pad energy-summary" aria-live="polite">
            <p class="energy-range">{range}</p>
            {devices.length === 0 ? (
              <p class="energy-sentence">{t.energy.noDevices}</p>
            ) : (
              <p class="energy-sentence">
                {t.energy.summary(from === null, range, t.energy.joinWords(kinds.length ? kinds : [t.energy.devicesWord]), report.totals.onHours, report.totals.onHoursWhileVacant)}
              </p>
            )}
            <ul class="energy-legend plain-list" aria-label={t.energy.legendLabel}>
              <li>
                <span class="energy-swatch is-occupied" aria-hidden="true" />
                {t.energy.legendGuest}
              </li>
              <li>
                <span class="energy-swatch is-vacant" aria-hidden="true" />
                {t.energy.legendEmpty}
              </li>
            </ul>
            <p class="muted energy-note">{t.energy.counting}</p>
          </section>
          {report.rooms.map((room) => (
            <EnergyRoomCard key={room.roomId ?? "none"} room={room} days={report.days} range={range} />
          ))}
        </div>
      ) : null}
    </Page>
  );
}
