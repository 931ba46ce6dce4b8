import type { Room, UpdateRoomBody } from "@innbox/protocol";
import { useRef, useState } from "preact/hooks";
import { toApiError } from "../../api/client";
import { useSession } from "../../app-context";
import { Alert } from "../../components/alert";
import { ConfirmDialog } from "../../components/confirm-dialog";
import { TextField } from "../../components/field";
import { Icon } from "../../components/icon";
import { RoomTag } from "../../components/room-tag";
import { useFormRequest } from "../../components/use-form-request";
import { checkName, checkTag, problems } from "../../forms/checks";
import { t } from "../../messages";
import { RoomFeeds } from "./room-feeds";
import { StayBadge } from "./stay-badge";

/** The appliance's limit on room names (protocol ROOM_NAME_MAX). */
const ROOM_NAME_MAX = 60;
const ROOM_WORDS = { name: t.rooms.roomName, tag: t.rooms.roomTag };

interface RoomAdminProps {
  rooms: Room[];
  /** Rooms or their stays changed: the page asks again, and says `notice`. */
  onChanged: (notice: string | null) => void;
}

/** The manager's rooms: add, rename, change the tag, delete; each room's calendar export and imported calendars. */
export function RoomAdmin({ rooms, onChanged }: RoomAdminProps) {
  const { api } = useSession();
  const [open, setOpen] = useState<string | null>(null);
  const [deleting, setDeleting] = useState<Room | null>(null);
  const [deleteBusy, setDeleteBusy] = useState(false);
  const [deleteError, setDeleteError] = useState<string | null>(null);

  const onDelete = async () => {
    if (!deleting) return;
    setDeleteBusy(true);
    setDeleteError(null);
    try {
      await api.deleteRoom(deleting.id);
      setDeleting(null);
      setOpen(null);
      onChanged(t.rooms.roomDeleted(deleting.name));
    } catch (caught) {
      // "This room has 2 bookings; move or remove them first."
      setDeleteError(toApiError(caught).message);
    } finally {
      setDeleteBusy(false);
    }
  };

  return (
    <section class="card card-wide room-admin" aria-labelledby="room-admin-title">
      <h2 id="room-admin-title">
        {t.rooms.roomsHeading} <span class="count">{rooms.length}</span>
      </h2>
      <p class="muted">{t.rooms.roomsLead}</p>
      {rooms.length === 0 ? <p>{t.rooms.noRooms}</p> : null}
      <ul class="room-list">
        {rooms.map((room) => (
          <li key={room.id} class={open === room.id ? "room-item room-item-open" : "room-item"}>
            <div class="room-item-head">
              <span class="room-item-name">{room.name}</span>
              <RoomTag tag={room.tag} />
              <StayBadge state={room.stay} />
              <button
                type="button"
                class="button button-small room-item-toggle"
                aria-expanded={open === room.id}
                aria-controls={`room-panel-${room.id}`}
                aria-label={open === room.id ? `${t.rooms.hideRoom}: ${room.name}` : t.rooms.manageRoom(room.name)}
                onClick={() => setOpen(open === room.id ? null : room.id)}
              >
                {open === room.id ? t.rooms.hideRoom : t.rooms.manage}
              </button>
            </div>
            {open === room.id ? (
              <div class="room-panel" id={`room-panel-${room.id}`}>
                <RoomDetailsForm room={room} onSaved={(saved) => onChanged(t.rooms.roomSaved(saved.name))} />
                {room.exportUrl ? <ExportAddress room={room} url={room.exportUrl} /> : null}
                <RoomFeeds room={room} onChanged={() => onChanged(null)} />
                <div class="room-part">
                  <button
                    type="button"
                    class="button button-small button-danger-quiet"
                    onClick={() => {
                      setDeleteError(null);
                      setDeleting(room);
                    }}
                  >
                    <Icon name="trash" />
                    {t.rooms.roomDelete}
                  </button>
                </div>
              </div>
            ) : null}
          </li>
        ))}
      </ul>
      <AddRoomForm onAdded={(room) => onChanged(t.rooms.roomAdded(room.name))} />
      {deleting ? (
        <ConfirmDialog
          title={t.rooms.roomDeleteTitle(deleting.name)}
          confirmLabel={deleteBusy ? t.rooms.deleting : t.rooms.roomDelete}
          cancelLabel={t.team.cancel}
          busy={deleteBusy}
          danger
          onConfirm={() => void onDelete()}
          onCancel={() => setDeleting(null)}
        >
          <p>{t.rooms.roomDeleteBody}</p>
          {deleteError ? <Alert kind="error">{deleteError}</Alert> : null}
        </ConfirmDialog>
      ) : null}
    </section>
  );
}

const checkRoom = (name: string, tag: string) =>
  problems({ name: checkName(name, t.rooms.roomName, ROOM_NAME_MAX), tag: checkTag(tag, t.rooms.roomTag) });

function AddRoomForm({ onAdded }: { onAdded: (room: Room) => void }) {
  const { api } = useSession();
  const [form, setForm] = useState({ name: "", tag: "" });
  const { fieldErrors, alert, error, busy, check, send } = useFormRequest(ROOM_WORDS);
  // "Another room already has the tag…": the appliance's sentence, beside the tag.
  const tagTaken = error?.status === 409 ? error.message : undefined;

  const onSubmit = async (event: Event) => {
    event.preventDefault();
    if (!check(checkRoom(form.name, form.tag))) return;
    await send(async () => {
      const room = await api.createRoom({ name: form.name.trim(), ...(form.tag.trim() ? { tag: form.tag.trim() } : {}) });
      setForm({ name: "", tag: "" });
      onAdded(room);
    });
  };

  return (
    <form class="form room-add" onSubmit={onSubmit} noValidate aria-labelledby="add-room-title">
      <h3 id="add-room-title">{t.rooms.addRoomHeading}</h3>
      {alert && !tagTaken ? <Alert kind="error">{alert}</Alert> : null}
      <div class="field-row">
        <TextField label={t.rooms.roomName} name="name" value={form.name} onValue={(name) => setForm({ ...form, name })} error={fieldErrors.name} hint={t.rooms.roomNameHint} autoComplete="off" required />
        <TextField label={t.rooms.roomTag} name="tag" value={form.tag} onValue={(tag) => setForm({ ...form, tag })} error={fieldErrors.tag ?? tagTaken} hint={t.rooms.roomTagHint} autoComplete="off" />
      </div>
      <div class="actions">
        <button type="submit" class="button button-primary" disabled={busy}>
          {busy ? t.rooms.addingRoom : t.rooms.addRoom}
        </button>
      </div>
    </form>
  );
}

function RoomDetailsForm({ room, onSaved }: { room: Room; onSaved: (room: Room) => void }) {
  const { api } = useSession();
  const [form, setForm] = useState({ name: room.name, tag: room.tag });
  const { fieldErrors, alert, error, busy, check, send } = useFormRequest(ROOM_WORDS);
  const tagTaken = error?.status === 409 ? error.message : undefined;

  const onSubmit = async (event: Event) => {
    event.preventDefault();
    if (!check(checkRoom(form.name, form.tag))) return;
    const changes: UpdateRoomBody = {};
    if (form.name.trim() !== room.name) changes.name = form.name.trim();
    if (form.tag.trim() && form.tag.trim() !== room.tag) changes.tag = form.tag.trim();
    await send(async () => onSaved(Object.keys(changes).length ? await api.updateRoom(room.id, changes) : room));
  };

  return (
    <form class="form room-part" onSubmit={onSubmit} noValidate aria-labelledby={`room-details-${room.id}`}>
      <h4 id={`room-details-${room.id}`}>{t.rooms.roomDetailsHeading}</h4>
      {alert && !tagTaken ? <Alert kind="error">{alert}</Alert> : null}
      <div class="field-row">
        <TextField label={t.rooms.roomName} name="name" value={form.name} onValue={(name) => setForm({ ...form, name })} error={fieldErrors.name} autoComplete="off" required />
        <TextField label={t.rooms.roomTag} name="tag" value={form.tag} onValue={(tag) => setForm({ ...form, tag })} error={fieldErrors.tag ?? tagTaken} hint={t.rooms.roomTagHint} autoComplete="off" />
      </div>
      <div class="actions">
        <button type="submit" class="button button-primary button-small" disabled={busy}>
          {busy ? t.rooms.saving : t.rooms.save}
        </button>
      </div>
    </form>
  );
}

/** The room's secret calendar address for the platforms, with Copy. */
function ExportAddress({ room, url }: { room: Room; url: string }) {
  const [copied, setCopied] = useState<"copied" | "selected" | null>(null);
  const field = useRef<HTMLInputElement>(null);
  const id = `export-${room.id}`;

  const copy = async () => {
    try {
      // The clipboard API exists only on HTTPS pages (and loopback); elsewhere select it for Ctrl+C.
      if (!navigator.clipboard) throw new Error("no clipboard");
      await navigator.clipboard.writeText(url);
      setCopied("copied");
    } catch {
      field.current?.focus();
      field.current?.select();
      setCopied("selected");
    }
  };

  return (
    <section class="room-part" aria-labelledby={`${id}-title`}>
      <h4 id={`${id}-title`}>{t.rooms.exportHeading}</h4>
      <p class="muted">{t.rooms.exportLead}</p>
      <label class="visually-hidden" for={id}>
        {t.rooms.exportLabel(room.name)}
      </label>
      <div class="copy-row">
        <input ref={field} id={id} class="copy-field" type="text" readOnly value={url} onFocus={(event) => event.currentTarget.select()} />
        <button type="button" class="button" onClick={() => void copy()} aria-label={t.rooms.copyLabel(room.name)}>
          <Icon name="copy" />
          <span>{t.rooms.copy}</span>
        </button>
      </div>
      <p class="field-hint" role="status">
        {copied === "copied" ? t.rooms.copied : copied === "selected" ? t.rooms.copySelected : null}
      </p>
    </section>
  );
}
