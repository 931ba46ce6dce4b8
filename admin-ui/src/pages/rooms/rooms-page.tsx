import type { Booking, CalendarBlock } from "@innbox/protocol";
import { useEffect, useLayoutEffect, useRef, useState } from "preact/hooks";
import { toApiError } from "../../api/client";
import { useSession } from "../../app-context";
import { Alert } from "../../components/alert";
import { Icon } from "../../components/icon";
import { Page } from "../../components/page";
import { t } from "../../messages";
import { BookingDialog, type BookingTarget } from "./booking-dialog";
import { addDays } from "./days";
import { shortDay } from "./day-format";
import { RoomAdmin } from "./room-admin";
import { StayList } from "./stay-list";
import { Timeline, TimelineLegend } from "./timeline";
import { TodayPanel } from "./today-panel";
import { useFrontDesk } from "./use-front-desk";
import { useNow } from "../messenger/use-now";

/** Days the timeline shows, and how far Earlier and Later move it. */
const DAYS = 28;
const STEP = 14;
/** The timeline starts a few days before today, so the stays in progress show whole. */
const BEFORE_TODAY = 3;
const REFRESH_MS = 5 * 60_000;

export function RoomsPage() {
  const { api, session, property } = useSession();
  const isManager = session.user.role === "manager";
  const [version, setVersion] = useState(0);
  const { desk, error } = useFrontDesk(version);
  const [offset, setOffset] = useState(0);
  // Each answer with the first day it was asked for: the bars never show on another window's days.
  const [loaded, setLoaded] = useState<{ start: string; bookings: Booking[] } | null>(null);
  const [loadedBlocks, setBlocks] = useState<{ start: string; blocks: CalendarBlock[] } | null>(null);
  const [windowError, setWindowError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [target, setTarget] = useState<BookingTarget | null>(null);

  const today = desk?.today;
  // The feeds sync by themselves and others enter stays too: the weeks are asked for again every five minutes.
  const refresh = useNow(REFRESH_MS);
  const start = today ? addDays(today, offset - BEFORE_TODAY) : null;
  const end = start ? addDays(start, DAYS - 1) : null;

  useEffect(() => {
    if (!start || !end) return;
    let cancelled = false;
    api.listBookings({ from: start, to: end }).then(
      (list) => {
        if (cancelled) return;
        setLoaded({ start, bookings: list });
        setWindowError(null);
      },
      (caught: unknown) => !cancelled && setWindowError(toApiError(caught).message),
    );
    // Closed ranges are extra: without them (an older appliance) the timeline still shows the stays.
    api.listCalendarBlocks({ from: start, to: end }).then(
      (list) => !cancelled && setBlocks({ start, blocks: list }),
      () => !cancelled && setBlocks({ start, blocks: [] }),
    );
    return () => {
      cancelled = true;
    };
  }, [api, start, end, version, refresh]);

  // Where the weeks do not fit (a phone), today starts near the left edge, the day before it showing.
  const scroller = useRef<HTMLDivElement>(null);
  useLayoutEffect(() => {
    const element = scroller.current;
    if (!element || element.scrollWidth <= element.clientWidth) return;
    const todayCell = element.querySelector<HTMLElement>(".timeline-head .is-today");
    const roomCell = element.querySelector<HTMLElement>(".timeline-head .timeline-room");
    element.scrollLeft = todayCell && roomCell ? Math.max(0, todayCell.offsetLeft - roomCell.offsetWidth - todayCell.offsetWidth) : 0;
  }, [start]);

  const changed = (message: string | null) => {
    if (message) setNotice(message);
    setVersion((current) => current + 1);
  };
  const open = (next: BookingTarget) => {
    setNotice(null);
    setTarget(next);
  };

  const rooms = desk?.rooms ?? [];
  const bookings = loaded && loaded.start === start ? loaded.bookings : null;
  const blocks = loadedBlocks && loadedBlocks.start === start ? loadedBlocks.blocks : [];
  return (
    <Page title={t.rooms.title} lead={isManager ? t.rooms.lead : t.rooms.staffLead}>
      {notice ? <Alert kind="success">{notice}</Alert> : null}
      {error ? <Alert kind="error">{error}</Alert> : null}
      {!desk && !error ? <p role="status">{t.rooms.loading}</p> : null}
      {desk && rooms.length === 0 && !isManager ? <p class="card">{t.rooms.noRoomsStaff}</p> : null}
      {desk && rooms.length > 0 ? (
        <>
          <TodayPanel desk={desk} property={property} onOpen={(booking) => open({ booking })} />
          <section class="card card-wide timeline-card" aria-labelledby="timeline-title">
            <div class="timeline-header">
              <div>
                <h2 id="timeline-title">{t.rooms.timelineHeading}</h2>
                {start && end ? <p class="timeline-range">{t.rooms.range(shortDay(start), shortDay(end))}</p> : null}
              </div>
              <div class="timeline-controls">
                <button type="button" class="button button-small" onClick={() => setOffset(offset - STEP)} aria-label={t.rooms.earlierLabel}>
                  <Icon name="back" />
                  <span>{t.rooms.earlier}</span>
                </button>
                <button type="button" class="button button-small" onClick={() => setOffset(0)} disabled={offset === 0}>
                  {t.rooms.showToday}
                </button>
                <button type="button" class="button button-small" onClick={() => setOffset(offset + STEP)} aria-label={t.rooms.laterLabel}>
                  <span>{t.rooms.later}</span>
                  <Icon name="back" class="icon-flip" />
                </button>
                <button type="button" class="button button-primary button-small" onClick={() => open({})}>
                  <Icon name="plus" />
                  {t.rooms.newBooking}
                </button>
              </div>
            </div>
            <p class="muted timeline-lead">{t.rooms.timelineLead}</p>
            {windowError ? <Alert kind="error">{windowError}</Alert> : null}
            {start && today ? (
              <div ref={scroller} class="timeline-scroll" tabIndex={0} role="region" aria-label={t.rooms.timelineRegion(shortDay(start), shortDay(addDays(start, DAYS - 1)))}>
                <Timeline
                  rooms={rooms}
                  start={start}
                  days={DAYS}
                  today={today}
                  bookings={bookings ?? []}
                  blocks={blocks}
                  onOpen={(booking) => open({ booking })}
                  onNew={(roomId, day) => open({ roomId, checkIn: day })}
                />
              </div>
            ) : null}
            <TimelineLegend />
          </section>
          {bookings ? <StayList rooms={rooms} bookings={bookings} onOpen={(booking) => open({ booking })} /> : null}
        </>
      ) : null}
      {desk && isManager ? <RoomAdmin rooms={rooms} onChanged={changed} /> : null}
      {target && desk ? (
        <BookingDialog
          target={target}
          rooms={rooms}
          property={property}
          known={[...(bookings ?? []), ...desk.arrivals, ...desk.departures]}
          onDone={(message) => {
            setTarget(null);
            changed(message);
          }}
          onClose={() => setTarget(null)}
        />
      ) : null}
    </Page>
  );
}

