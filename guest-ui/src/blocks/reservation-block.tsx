import type { GuestReservation } from "@innbox/protocol";
import { useState } from "preact/hooks";
import { choice, t } from "../i18n";
import { stayDay, stayTime } from "../reservation/stay-format";
import { useReservation } from "../reservation/use-reservation";
import type { BlockContext } from "./index";
import { Markdown } from "./text/markdown";

/** What the editor's preview shows: never a real guest's stay, and no code is ever sent. */
const SAMPLE: GuestReservation = {
  guestName: "Anna Rossi",
  room: { name: "Sea View 12", tag: "Room12" },
  checkIn: "2026-07-10",
  checkOut: "2026-07-13",
  checkInTime: "15:00",
  checkOutTime: "11:00",
  status: "confirmed",
  timeZone: "UTC",
};

/** My Reservation: shown once the property has bookings a guest could look up. */
export function ReservationBlock({ reception, block, slug, tag, preview }: BlockContext) {
  if (!reception.reservation.available) return null;
  const heading = block.heading ?? t.reception.reservationHeading;
  if (preview) {
    return (
      <div class="text-block reservation-block">
        <h2>{heading}</h2>
        <p class="block-intro">{t.reservation.sample}</p>
        <Stay reservation={SAMPLE} />
      </div>
    );
  }
  return <LiveReservation heading={heading} intro={block.body} slug={slug} tag={tag} />;
}

function LiveReservation({ heading, intro, slug, tag }: { heading: string; intro: string | undefined; slug: string; tag: string | undefined }) {
  const { state, submit } = useReservation(slug, tag);
  return (
    <div class="text-block reservation-block" aria-busy={state.kind === "loading"}>
      <h2>{heading}</h2>
      {state.kind === "shown" ? (
        <Stay reservation={state.reservation} />
      ) : state.kind === "ask" ? (
        <CodeForm intro={intro} busy={state.busy} error={state.error} onSubmit={submit} />
      ) : null}
    </div>
  );
}

function Stay({ reservation }: { reservation: GuestReservation }) {
  const r = reservation;
  const cancelled = r.status === "cancelled";
  return (
    <div class={cancelled ? "reservation reservation-cancelled" : "reservation"}>
      <p class="reservation-guest">
        <strong>{r.guestName}</strong>
        {r.room.name && <span> · {r.room.name}</span>}
      </p>
      {cancelled && (
        <p class="reservation-status" role="status">
          {t.reservation.cancelled}
        </p>
      )}
      <dl class="reservation-dates">
        <div>
          <dt>{t.reservation.checkIn}</dt>
          <dd>
            <span class="reservation-day">{stayDay(r.checkIn, choice.locale)}</span>
            <span class="reservation-time">{t.reservation.fromTime(stayTime(r.checkInTime, choice.locale))}</span>
          </dd>
        </div>
        <div>
          <dt>{t.reservation.checkOut}</dt>
          <dd>
            <span class="reservation-day">{stayDay(r.checkOut, choice.locale)}</span>
            <span class="reservation-time">{t.reservation.untilTime(stayTime(r.checkOutTime, choice.locale))}</span>
          </dd>
        </div>
      </dl>
      <p class="note">{t.reservation.localTime}</p>
      {r.instructions && !cancelled && (
        <div class="reservation-instructions">
          <h3>{t.reservation.instructions}</h3>
          <Markdown source={r.instructions} />
        </div>
      )}
    </div>
  );
}

function CodeForm({ intro, busy, error, onSubmit }: { intro: string | undefined; busy: boolean; error: string | undefined; onSubmit(code: string): Promise<void> }) {
  const [code, setCode] = useState("");
  return (
    <form
      class="reservation-form"
      onSubmit={(event) => {
        event.preventDefault();
        void onSubmit(code);
      }}
    >
      <p class="block-intro">{intro ?? t.reservation.intro}</p>
      <label class="field-label" for="reservation-code">
        {t.reservation.codeLabel}
      </label>
      <div class="reservation-row">
        <input
          id="reservation-code"
          class="input reservation-code"
          type="text"
          autoComplete="off"
          autoCapitalize="characters"
          spellcheck={false}
          maxLength={40}
          value={code}
          aria-invalid={error ? "true" : undefined}
          aria-describedby={error ? "reservation-code-error" : undefined}
          onInput={(event) => setCode((event.target as HTMLInputElement).value)}
        />
        <button type="submit" class="button" disabled={busy}>
          {busy ? t.reservation.checking : t.reservation.show}
        </button>
      </div>
      {error && (
        <p id="reservation-code-error" class="note note-error" role="alert">
          {error}
        </p>
      )}
    </form>
  );
}
