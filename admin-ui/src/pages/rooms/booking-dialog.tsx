import type { Booking, Property, Room, UpdateBookingBody } from "@innbox/protocol";
import { PERSON_NAME_MAX } from "@innbox/protocol/rules";
import { useEffect, useRef, useState } from "preact/hooks";
import { useSession } from "../../app-context";
import { Alert } from "../../components/alert";
import { SelectField, TextAreaField, TextField, fieldsFor } from "../../components/field";
import { useFormRequest } from "../../components/use-form-request";
import { checkName, checkText, problems } from "../../forms/checks";
import { t } from "../../messages";
import { daysBetween } from "./days";
import { shortDay } from "./day-format";
import { sourceName } from "./stay-badge";

/** The appliance's limit on notes (protocol BOOKING_NOTES_MAX). */
const NOTES_MAX = 2000;

/** What the dialog opens on: a booking, or a new one (with a room and day when a free day was clicked). */
export type BookingTarget = { booking: Booking } | { roomId?: string; checkIn?: string };

interface BookingDialogProps {
  target: BookingTarget;
  rooms: Room[];
  property: Property | null;
  /** Every booking the page knows, to name the stays a double-booked one shares nights with. */
  known: Booking[];
  onDone: (notice: string) => void;
  onClose: () => void;
}

interface Form {
  roomId: string;
  guestName: string;
  checkIn: string;
  checkOut: string;
  guestEmail: string;
  notes: string;
}

const WORDS = {
  roomId: t.rooms.room,
  guestName: t.rooms.guestName,
  checkIn: t.rooms.checkIn,
  checkOut: t.rooms.checkOut,
  guestEmail: t.rooms.guestEmail,
  notes: t.rooms.notes,
};

/** Adds a booking or opens one: its details, cancel or confirm again, delete. A modal on the native <dialog>. */
export function BookingDialog({ target, rooms, property, known, onDone, onClose }: BookingDialogProps) {
  const { api } = useSession();
  const booking = "booking" in target ? target.booking : null;
  const imported = booking?.calendarId !== undefined;
  const [form, setForm] = useState<Form>(() =>
    booking
      ? { roomId: booking.roomId, guestName: booking.guestName, checkIn: booking.checkIn, checkOut: booking.checkOut, guestEmail: booking.guestEmail ?? "", notes: booking.notes ?? "" }
      : { roomId: ("roomId" in target && target.roomId) || rooms[0]?.id || "", guestName: "", checkIn: ("checkIn" in target && target.checkIn) || "", checkOut: "", guestEmail: "", notes: "" },
  );
  const { fieldErrors, alert, error, busy, check, send } = useFormRequest(WORDS);
  const [confirmDelete, setConfirmDelete] = useState(false);
  const dialog = useRef<HTMLDialogElement>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  const field = fieldsFor(form, fieldErrors, setForm);

  useEffect(() => {
    const element = dialog.current;
    if (!element) return;
    const opener = document.activeElement as HTMLElement | null;
    element.showModal();
    heading.current?.focus();
    return () => {
      if (element.open) element.close();
      opener?.focus();
    };
  }, []);

  const roomName = (id: string) => rooms.find((room) => room.id === id)?.name ?? "";
  const nights = form.checkIn && form.checkOut ? daysBetween(form.checkIn, form.checkOut) : 0;
  // The appliance's refusal for dates another stay has: its own sentence, beside the dates.
  const taken = error?.status === 409 && !imported ? error.message : null;

  const validate = () =>
    problems({
      guestName: imported ? undefined : checkName(form.guestName, t.rooms.guestName, PERSON_NAME_MAX),
      checkIn: imported || form.checkIn ? undefined : t.rooms.datesRequired(t.rooms.checkIn),
      checkOut: imported ? undefined : !form.checkOut ? t.rooms.datesRequired(t.rooms.checkOut) : form.checkIn && nights < 1 ? t.rooms.checkOutAfter : undefined,
      notes: checkText(form.notes, t.rooms.notes, { max: NOTES_MAX, required: false }),
    });

  const onSubmit = async (event: Event) => {
    event.preventDefault();
    if (!check(validate())) return;
    const email = form.guestEmail.trim();
    const notes = form.notes.trim();
    if (!booking) {
      await send(async () => {
        const created = await api.createBooking({
          roomId: form.roomId,
          guestName: form.guestName.trim(),
          checkIn: form.checkIn,
          checkOut: form.checkOut,
          ...(email ? { guestEmail: email } : {}),
          ...(notes ? { notes } : {}),
        });
        onDone(t.rooms.added(created.guestName, roomName(created.roomId)));
      });
      return;
    }
    const changes: UpdateBookingBody = {};
    if (!imported) {
      if (form.roomId !== booking.roomId) changes.roomId = form.roomId;
      if (form.guestName.trim() !== booking.guestName) changes.guestName = form.guestName.trim();
      if (form.checkIn !== booking.checkIn) changes.checkIn = form.checkIn;
      if (form.checkOut !== booking.checkOut) changes.checkOut = form.checkOut;
    }
    if (email !== (booking.guestEmail ?? "")) changes.guestEmail = email || null;
    if (notes !== (booking.notes ?? "")) changes.notes = notes || null;
    await send(async () => {
      const saved = Object.keys(changes).length ? await api.updateBooking(booking.id, changes) : booking;
      onDone(t.rooms.saved(saved.guestName));
    });
  };

  const setStatus = (status: "cancelled" | "confirmed") =>
    send(async () => {
      if (!booking) return;
      await api.updateBooking(booking.id, { status });
      onDone(status === "cancelled" ? t.rooms.cancelled(booking.guestName) : t.rooms.confirmed(booking.guestName));
    });

  const remove = () =>
    send(async () => {
      if (!booking) return;
      await api.deleteBooking(booking.id);
      onDone(t.rooms.deleted(booking.guestName));
    });

  const conflicts = booking?.status === "confirmed" ? (booking.conflictsWith ?? []) : [];
  const conflictNames = conflicts.map((id) => {
    const other = known.find((candidate) => candidate.id === id);
    return other ? `${other.guestName} (${sourceName(other.source)}, ${shortDay(other.checkIn)} – ${shortDay(other.checkOut)})` : t.rooms.unknownStay;
  });

  return (
    <dialog
      ref={dialog}
      class="dialog booking-dialog"
      aria-labelledby="booking-dialog-title"
      onCancel={(event) => {
        event.preventDefault();
        if (!busy) onClose();
      }}
    >
      <form class="form" onSubmit={onSubmit} noValidate>
        <div class="booking-dialog-head">
          <h2 id="booking-dialog-title" ref={heading} tabIndex={-1}>
            {booking ? t.rooms.editHeading(booking.guestName) : t.rooms.addHeading}
          </h2>
          {booking ? (
            <span class={booking.status === "cancelled" ? "badge badge-muted" : "badge"}>
              {booking.status === "cancelled" ? t.rooms.statusCancelled : t.rooms.statusConfirmed}
            </span>
          ) : null}
        </div>
        {booking && imported ? <Alert kind="info">{t.rooms.importedFrom(sourceName(booking.source))}</Alert> : null}
        {booking?.status === "cancelled" ? <p class="muted">{t.rooms.cancelledNote}</p> : null}
        {conflicts.length ? (
          <div class="alert alert-warning" role="status">
            {t.rooms.conflictWarning(conflictNames.join(", "))}
          </div>
        ) : null}
        {alert && !taken ? <Alert kind="error">{alert}</Alert> : null}

        {imported && booking ? (
          <dl class="booking-dialog-facts">
            <dt>{t.rooms.room}</dt>
            <dd>{roomName(booking.roomId)}</dd>
            <dt>{t.rooms.guestName}</dt>
            <dd>{booking.guestName}</dd>
            <dt>{t.rooms.colDates}</dt>
            <dd>
              {shortDay(booking.checkIn)} – {shortDay(booking.checkOut)} · {t.rooms.nights(daysBetween(booking.checkIn, booking.checkOut))}
            </dd>
            {booking.phoneLast4 ? (
              <>
                <dt>{t.rooms.phoneLast4}</dt>
                <dd>{booking.phoneLast4}</dd>
              </>
            ) : null}
          </dl>
        ) : (
          <>
            <SelectField label={t.rooms.room} {...field("roomId")}>
              {rooms.map((room) => (
                <option key={room.id} value={room.id}>
                  {room.name}
                </option>
              ))}
            </SelectField>
            <TextField label={t.rooms.guestName} {...field("guestName")} autoComplete="off" required />
            <div class="field-row">
              <TextField label={t.rooms.checkIn} type="date" {...field("checkIn")} required />
              <TextField label={t.rooms.checkOut} type="date" {...field("checkOut")} hint={t.rooms.checkOutHint} required />
            </div>
            {taken ? (
              <p class="field-error stay-taken" role="alert">
                {taken}
              </p>
            ) : nights > 0 && property?.checkInTime && property.checkOutTime ? (
              <p class="field-hint field-aside">{t.rooms.stayLength(nights, property.checkInTime, property.checkOutTime)}</p>
            ) : null}
          </>
        )}
        <TextField label={t.rooms.guestEmail} {...field("guestEmail")} hint={t.rooms.guestEmailHint} autoComplete="off" verbatim />
        <TextAreaField label={t.rooms.notes} {...field("notes")} hint={t.rooms.notesHint} maxLength={NOTES_MAX} rows={2} />
        {booking ? (
          <p class="booking-code">
            <span class="muted">{t.rooms.code}: </span>
            <code>{booking.code}</code>
            <span class="field-hint"> {t.rooms.codeHint}</span>
          </p>
        ) : null}

        <div class="actions">
          <button type="submit" class="button button-primary" disabled={busy}>
            {booking ? (busy ? t.rooms.saving : t.rooms.save) : busy ? t.rooms.adding : t.rooms.add}
          </button>
          <button type="button" class="button" disabled={busy} onClick={onClose}>
            {t.rooms.close}
          </button>
        </div>

        {booking && !imported ? (
          <div class="booking-more">
            {booking.status === "confirmed" ? (
              <button type="button" class="button button-small" disabled={busy} onClick={() => void setStatus("cancelled")}>
                {t.rooms.cancelBooking}
              </button>
            ) : (
              <button type="button" class="button button-small" disabled={busy} onClick={() => void setStatus("confirmed")}>
                {t.rooms.confirmAgain}
              </button>
            )}
            {confirmDelete ? (
              <div class="booking-delete" role="group" aria-labelledby="booking-delete-question">
                <p id="booking-delete-question">{t.rooms.deleteQuestion}</p>
                <div class="actions">
                  <button type="button" class="button button-danger button-small" disabled={busy} onClick={() => void remove()}>
                    {busy ? t.rooms.deleting : t.rooms.deleteConfirm}
                  </button>
                  <button type="button" class="button button-small" disabled={busy} onClick={() => setConfirmDelete(false)} autoFocus>
                    {t.rooms.deleteKeep}
                  </button>
                </div>
              </div>
            ) : (
              <button type="button" class="button button-small button-danger-quiet" disabled={busy} onClick={() => setConfirmDelete(true)}>
                {t.rooms.delete}
              </button>
            )}
          </div>
        ) : null}
      </form>
    </dialog>
  );
}
