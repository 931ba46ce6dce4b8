import type { Room, RoomCalendar } from "@innbox/protocol";
import { useEffect, useState } from "preact/hooks";
import { toApiError } from "../../api/client";
import { useSession } from "../../app-context";
import { Alert } from "../../components/alert";
import { ConfirmDialog } from "../../components/confirm-dialog";
import { TextField } from "../../components/field";
import { useFormRequest } from "../../components/use-form-request";
import { useTimeFormat } from "../../format/use-time-format";
import { t } from "../../messages";
import { sourceName } from "./stay-badge";

interface RoomFeedsProps {
  room: Room;
  /** A feed's stays changed (added, fetched, removed): the page asks for the bookings again. */
  onChanged: () => void;
}

/** A room's imported calendars (Airbnb, Booking.com, Vrbo): their state, Sync now, remove, and adding one. */
export function RoomFeeds({ room, onChanged }: RoomFeedsProps) {
  const { api } = useSession();
  const format = useTimeFormat();
  const [feeds, setFeeds] = useState<RoomCalendar[] | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [actionError, setActionError] = useState<string | null>(null);
  const [syncing, setSyncing] = useState<string | null>(null);
  const [removing, setRemoving] = useState<RoomCalendar | null>(null);
  const [removeBusy, setRemoveBusy] = useState(false);
  const [removeError, setRemoveError] = useState<string | null>(null);
  const [url, setUrl] = useState("");
  const { fieldErrors, alert, busy, check, send } = useFormRequest({ url: t.rooms.feedUrl });

  useEffect(() => {
    api.listRoomCalendars(room.id).then(setFeeds, (caught: unknown) => {
      const failure = toApiError(caught);
      setLoadError(failure.status === 404 ? t.rooms.feedsUnavailable : failure.message);
    });
  }, [api, room.id]);

  const replace = (feed: RoomCalendar) => setFeeds((list) => list?.map((known) => (known.id === feed.id ? feed : known)) ?? [feed]);

  const onAdd = async (event: Event) => {
    event.preventDefault();
    if (!check(url.trim() ? {} : { url: t.validation.required(t.rooms.feedUrl) })) return;
    await send(async () => {
      const feed = await api.addRoomCalendar(room.id, { url: url.trim() });
      setFeeds((list) => [...(list ?? []), feed]);
      setUrl("");
      setNotice(t.rooms.feedAdded(sourceName(feed.source)));
      onChanged();
    });
  };

  const sync = async (feed: RoomCalendar) => {
    setSyncing(feed.id);
    setNotice(null);
    setActionError(null);
    try {
      const fresh = await api.syncCalendar(feed.id);
      replace(fresh);
      if (fresh.status === "ok") setNotice(t.rooms.synced(sourceName(fresh.source)));
      onChanged();
    } catch (caught) {
      setActionError(toApiError(caught).message);
    } finally {
      setSyncing(null);
    }
  };

  const remove = async () => {
    if (!removing) return;
    setRemoveBusy(true);
    setRemoveError(null);
    try {
      await api.deleteRoomCalendar(removing.id);
      setFeeds((list) => list?.filter((feed) => feed.id !== removing.id) ?? null);
      setNotice(t.rooms.feedRemoved(sourceName(removing.source)));
      setRemoving(null);
      onChanged();
    } catch (caught) {
      setRemoveError(toApiError(caught).message);
    } finally {
      setRemoveBusy(false);
    }
  };

  const headingId = `feeds-${room.id}`;
  return (
    <section class="room-part" aria-labelledby={headingId}>
      <h4 id={headingId}>{t.rooms.feedsHeading}</h4>
      <p class="muted">{t.rooms.feedsLead}</p>
      {notice ? <Alert kind="success">{notice}</Alert> : null}
      {actionError ? <Alert kind="error">{actionError}</Alert> : null}
      {loadError ? <Alert kind="info">{loadError}</Alert> : null}
      {!feeds && !loadError ? <p role="status">{t.rooms.loading}</p> : null}
      {feeds && feeds.length === 0 ? <p class="muted">{t.rooms.feedsEmpty}</p> : null}
      {feeds && feeds.length > 0 ? (
        <ul class="feed-list">
          {feeds.map((feed) => {
            const source = sourceName(feed.source);
            return (
              <li key={feed.id} class={`feed feed-${feed.status}`}>
                <div class="feed-head">
                  <strong class="feed-source">{source}</strong>
                  <span class={`feed-status feed-status-${feed.status}`}>{t.rooms.feedStatus[feed.status]}</span>
                </div>
                <p class="feed-url">
                  <code>{feed.url}</code>
                </p>
                <dl class="feed-facts">
                  <dt>{t.rooms.feedLastSync}</dt>
                  <dd>{feed.lastSyncAt ? format.dateTime(feed.lastSyncAt) : t.rooms.feedNever}</dd>
                  {feed.nextSyncAt ? (
                    <>
                      <dt>{t.rooms.feedNextSync}</dt>
                      <dd>{format.dateTime(feed.nextSyncAt)}</dd>
                    </>
                  ) : null}
                  {feed.lastError ? (
                    <>
                      <dt>{t.rooms.feedLastError}</dt>
                      <dd class="feed-error">{feed.lastError}</dd>
                    </>
                  ) : null}
                </dl>
                <p class="feed-counts">{t.rooms.feedCounts(feed.stays, feed.blocks)}</p>
                <div class="actions">
                  <button type="button" class="button button-small" disabled={syncing !== null} onClick={() => void sync(feed)} aria-label={t.rooms.syncNowLabel(source)}>
                    {syncing === feed.id ? t.rooms.syncing : t.rooms.syncNow}
                  </button>
                  <button
                    type="button"
                    class="button button-small button-danger-quiet"
                    onClick={() => {
                      setRemoveError(null);
                      setRemoving(feed);
                    }}
                    aria-label={t.rooms.removeFeedLabel(source)}
                  >
                    {t.rooms.removeFeed}
                  </button>
                </div>
              </li>
            );
          })}
        </ul>
      ) : null}
      {loadError ? null : (
        <form class="form feed-add" onSubmit={onAdd} noValidate>
          {alert ? <Alert kind="error">{alert}</Alert> : null}
          <div class="feed-add-row">
            <TextField label={t.rooms.feedUrl} name="url" value={url} onValue={setUrl} error={fieldErrors.url} hint={t.rooms.feedUrlHint} autoComplete="off" verbatim />
            <button type="submit" class="button" disabled={busy}>
              {busy ? t.rooms.addingFeed : t.rooms.addFeed}
            </button>
          </div>
        </form>
      )}
      {removing ? (
        <ConfirmDialog
          title={t.rooms.removeFeedTitle(sourceName(removing.source))}
          confirmLabel={removeBusy ? t.rooms.removingFeed : t.rooms.removeFeed}
          cancelLabel={t.team.cancel}
          busy={removeBusy}
          danger
          onConfirm={() => void remove()}
          onCancel={() => setRemoving(null)}
        >
          <p>{t.rooms.removeFeedBody}</p>
          {removeError ? <Alert kind="error">{removeError}</Alert> : null}
        </ConfirmDialog>
      ) : null}
    </section>
  );
}
