import type { EnergyRoom } from "@innbox/protocol";
import { t } from "../../messages";
import { dayParts } from "./energy-days";
import { KindIcon } from "./kind-icon";

const sum = (values: number[]) => Math.round(values.reduce((a, b) => a + b * 100, 0)) / 100;
/** A bar's share of a whole day. */
const share = (hours: number) => `${Math.min(100, (hours / 24) * 100).toFixed(1)}%`;

/** One day's hours on: the figure, a bar (the part in an empty room set apart), and that part in words. */
function HoursCell({ on, vacant, occupied, bar }: { on: number; vacant: number; occupied: boolean; bar: boolean }) {
  return (
    <td class={occupied ? "energy-cell is-occupied" : "energy-cell"}>
      {on > 0 ? (
        <>
          <span class="energy-hours">{t.energy.hours(on)}</span>
          {bar ? (
            <span class="energy-bar" aria-hidden="true">
              <span class="energy-bar-guest" style={{ width: share(on - vacant) }} />
              <span class="energy-bar-empty" style={{ width: share(vacant) }} />
            </span>
          ) : null}
          {vacant > 0 ? (
            <span class="energy-vacant">
              <span aria-hidden="true">{t.energy.emptyPart(vacant)}</span>
              <span class="visually-hidden">{t.energy.emptyPartLabel(vacant)}</span>
            </span>
          ) : null}
        </>
      ) : (
        <span class="energy-none">{t.energy.hours(0)}</span>
      )}
    </td>
  );
}

function TotalCell({ on, vacant }: { on: number; vacant: number }) {
  return (
    <td class="energy-total">
      <span class="energy-hours">{t.energy.hours(on)}</span>
      {vacant > 0 ? (
        <span class="energy-vacant">
          <span aria-hidden="true">{t.energy.emptyPart(vacant)}</span>
          <span class="visually-hidden">{t.energy.emptyPartLabel(vacant)}</span>
        </span>
      ) : null}
    </td>
  );
}

/** A room's devices day by day: a table whose columns are the days, shaded on the nights a guest stayed. */
export function EnergyRoomCard({ room, days, range }: { room: EnergyRoom; days: string[]; range: string }) {
  const headingId = `energy-room-${room.roomId ?? "none"}`;
  const on = sum(room.onHours);
  const vacant = sum(room.onHoursWhileVacant);
  const inRoom = room.roomId !== null;
  // The Devices page's own words for the devices in no room.
  const name = inRoom ? room.name : t.devices.noRoom;
  return (
    <section class="card energy-room" aria-labelledby={headingId}>
      <header class="energy-room-header">
        <h2 id={headingId}>{name}</h2>
        <p class={vacant > 0 ? "energy-room-totals has-vacant" : "energy-room-totals"}>{t.energy.roomTotals(on, vacant)}</p>
      </header>
      {!inRoom ? <p class="muted energy-note">{t.energy.noRoomNote}</p> : null}
      <div class="energy-scroll" role="region" tabIndex={0} aria-label={t.energy.scrollRegion(name)}>
        <table class="energy-table">
          <caption class="visually-hidden">{t.energy.tableCaption(name, range)}</caption>
          <thead>
            <tr>
              <th scope="col" class="energy-name">
                {t.energy.deviceColumn}
              </th>
              {days.map((day, i) => {
                const parts = dayParts(day);
                return (
                  <th key={day} scope="col" class={room.occupied[i] ? "energy-day is-occupied" : "energy-day"}>
                    <span class="energy-weekday">{parts.weekday}</span>
                    <span class="energy-date">{parts.date}</span>
                  </th>
                );
              })}
              <th scope="col" class="energy-total">
                {t.energy.totalColumn}
              </th>
            </tr>
          </thead>
          <tbody>
            {inRoom ? (
              <tr class="energy-guest-row">
                <th scope="row" class="energy-name">
                  {t.energy.guestRow}
                </th>
                {days.map((day, i) => (
                  <td key={day} class={room.occupied[i] ? "is-occupied" : "is-empty"}>
                    {room.occupied[i] ? t.energy.guestYes : t.energy.guestNo}
                  </td>
                ))}
                <td class="energy-total" />
              </tr>
            ) : null}
            {room.devices.map((device) => (
              <tr key={device.id}>
                <th scope="row" class="energy-name">
                  <span class="energy-device">
                    <KindIcon kind={device.kind} />
                    <span>{device.name}</span>
                  </span>
                </th>
                {days.map((day, i) => (
                  <HoursCell key={day} on={device.onHours[i] ?? 0} vacant={device.onHoursWhileVacant[i] ?? 0} occupied={room.occupied[i] ?? false} bar />
                ))}
                <TotalCell on={sum(device.onHours)} vacant={sum(device.onHoursWhileVacant)} />
              </tr>
            ))}
          </tbody>
          {room.devices.length > 1 ? (
            <tfoot>
              <tr>
                <th scope="row" class="energy-name">
                  {t.energy.allDevices}
                </th>
                {days.map((day, i) => (
                  <HoursCell key={day} on={room.onHours[i] ?? 0} vacant={room.onHoursWhileVacant[i] ?? 0} occupied={room.occupied[i] ?? false} bar={false} />
                ))}
                <TotalCell on={on} vacant={vacant} />
              </tr>
            </tfoot>
          ) : null}
        </table>
      </div>
    </section>
  );
}
