import type { Booking, CalendarBlock, Room } from "@innbox/protocol";
import { t } from "../../messages";
import { dayRange, daysBetween, laneStays, weekdayIndex } from "./days";
import { monthName, shortDay, weekdayName } from "./day-format";
import { sourceName } from "./stay-badge";

interface TimelineProps {
  rooms: Room[];
  /** The first day shown. */
  start: string;
  days: number;
  today: string;
  bookings: Booking[];
  blocks: CalendarBlock[];
  onOpen: (booking: Booking) => void;
  /** A click on a free day: a new booking in that room from that day. */
  onNew: (roomId: string, day: string) => void;
}

// Each day is two half-columns: a stay runs from its check-in afternoon (the middle of its
// first day) to its check-out morning (the middle of its departure day), so a guest leaving
// and another arriving on the same day share it, as at the front desk.
const lineAt = (index: number) => 2 * index + 2;

/** Rooms down, days across: each room's stays as bars, closed ranges shaded, today marked. */
export function Timeline({ rooms, start, days, today, bookings, blocks, onOpen, onNew }: TimelineProps) {
  const shown = dayRange(start, days);
  const last = lineAt(days) - 1;
  const span = (from: string, to: string) => {
    const first = lineAt(daysBetween(start, from));
    const end = lineAt(daysBetween(start, to));
    return { first: Math.max(1, first), end: Math.min(last, end), cutStart: first < 1, cutEnd: end > last };
  };
  const columns = `repeat(${2 * days}, minmax(0, 1fr))`;
  const guestOf = new Map(bookings.map((booking) => [booking.id, booking.guestName]));

  return (
    <div class="timeline" style={{ "--days": String(days) }}>
      <div class="timeline-row timeline-head" aria-hidden="true">
        <div class="timeline-room">{t.rooms.roomColumn}</div>
        <div class="timeline-days" style={{ gridTemplateColumns: columns }}>
          {shown.map((day, index) => (
            <div
              key={day}
              class={dayClass("timeline-day", day, today)}
              style={{ gridColumn: `${2 * index + 1} / span 2` }}
            >
              <span class="timeline-month">{day === today ? t.rooms.todayMark : index === 0 || day.endsWith("-01") ? monthName(day) : "\u00a0"}</span>
              <span class="timeline-weekday">{weekdayName(day)}</span>
              <span class="timeline-date">{Number(day.slice(8))}</span>
            </div>
          ))}
        </div>
      </div>
      {rooms.map((room) => {
        const stays = bookings.filter((booking) => booking.roomId === room.id && booking.status === "confirmed");
        const { lanes, placed } = laneStays(stays);
        return (
          <div key={room.id} class="timeline-row" role="group" aria-label={room.name}>
            <div class="timeline-room" title={room.name}>
              {room.name}
            </div>
            <div class="timeline-days timeline-track" style={{ gridTemplateColumns: columns, gridTemplateRows: `repeat(${lanes}, 2.9rem)` }}>
              {shown.map((day, index) => (
                // Mouse only: the "New booking" button is the way for keyboards and screen readers.
                <div
                  key={day}
                  class={dayClass("timeline-cell", day, today)}
                  style={{ gridColumn: `${2 * index + 1} / span 2`, gridRow: "1 / -1" }}
                  onClick={() => onNew(room.id, day)}
                  title={t.rooms.newBookingHere(room.name, shortDay(day))}
                />
              ))}
              {blocks
                .filter((block) => block.roomId === room.id)
                .map((block) => {
                  const { first, end } = span(block.start, block.end);
                  if (end <= first) return null;
                  const label = t.rooms.blockLabel(sourceName(block.source), shortDay(block.start), shortDay(block.end));
                  return (
                    <div key={`${block.calendarId}-${block.start}`} class="timeline-block" style={{ gridColumn: `${first} / ${end}`, gridRow: "1 / -1" }} title={label}>
                      <span class="visually-hidden">{label}</span>
                      <span aria-hidden="true">{t.rooms.blockShort}</span>
                    </div>
                  );
                })}
              {placed.map(({ stay, lane }) => {
                const { first, end, cutStart, cutEnd } = span(stay.checkIn, stay.checkOut);
                if (end <= first) return null;
                const conflict = (stay.conflictsWith?.length ?? 0) > 0;
                const source = sourceName(stay.source);
                const others = conflict ? `, ${t.rooms.barConflict}: ${stay.conflictsWith!.map((id) => guestOf.get(id) ?? t.rooms.unknownStay).join(", ")}` : "";
                // "Airbnb guest" says its platform already.
                const shown = stay.source === "manual" || stay.guestName.includes(source) ? stay.guestName : t.rooms.barText(stay.guestName, source);
                const label = t.rooms.barLabel(shown, shortDay(stay.checkIn), shortDay(stay.checkOut)) + others;
                const classes = ["timeline-bar", `bar-${stay.source}`, conflict ? "bar-conflict" : "", cutStart ? "bar-cut-start" : "", cutEnd ? "bar-cut-end" : ""];
                // Its name starts with the words it shows ("Anna Rossi · Airbnb"), then the dates.
                return (
                  <button
                    key={stay.id}
                    type="button"
                    class={classes.filter(Boolean).join(" ")}
                    style={{ gridColumn: `${first} / ${end}`, gridRow: String(lane + 1) }}
                    aria-label={label}
                    title={label}
                    onClick={() => onOpen(stay)}
                  >
                    {conflict ? <span class="bar-warning" aria-hidden="true">!</span> : null}
                    <span class="bar-text">{shown}</span>
                  </button>
                );
              })}
            </div>
          </div>
        );
      })}
    </div>
  );
}

function dayClass(base: string, day: string, today: string): string {
  const classes = [base];
  if (weekdayIndex(day) >= 5) classes.push("is-weekend");
  if (day === today) classes.push("is-today");
  return classes.join(" ");
}

/** What the bars' colours and marks mean, in words. */
export function TimelineLegend() {
  return (
    <ul class="timeline-legend">
      <li>
        <span class="legend-swatch bar-manual" aria-hidden="true" />
        {t.rooms.legendStay}
      </li>
      {(["airbnb", "booking", "vrbo"] as const).map((source) => (
        <li key={source}>
          <span class={`legend-swatch bar-${source}`} aria-hidden="true" />
          {sourceName(source)}
        </li>
      ))}
      <li>
        <span class="legend-swatch timeline-block" aria-hidden="true" />
        {t.rooms.legendBlock}
      </li>
      <li>
        <span class="legend-swatch bar-conflict" aria-hidden="true">
          !
        </span>
        {t.rooms.legendConflict}
      </li>
    </ul>
  );
}
