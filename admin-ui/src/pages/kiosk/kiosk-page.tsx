import type { CallLogEntry, Kiosk, KioskPairing, KioskSettings } from "@innbox/protocol";
import { useEffect, useState } from "preact/hooks";
import { toApiError } from "../../api/client";
import { useSession } from "../../app-context";
import { Alert } from "../../components/alert";
import { ConfirmDialog } from "../../components/confirm-dialog";
import { TextField } from "../../components/field";
import { Page } from "../../components/page";
import { useFormRequest } from "../../components/use-form-request";
import { LoadState, useLoad } from "../../components/use-load";
import { useTimeFormat } from "../../format/use-time-format";
import { t } from "../../messages";
import { PairingPanel } from "./pairing-panel";
import { ScreenSettingsForm } from "./screen-settings-form";

/** How often the list asks again which kiosks are online. */
const REFRESH_MS = 10_000;

export function KioskPage() {
  const { api } = useSession();
  const [kiosks, setKiosks] = useState<Kiosk[] | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [pairing, setPairing] = useState<KioskPairing | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [actionError, setActionError] = useState<string | null>(null);
  const [revoking, setRevoking] = useState<Kiosk | null>(null);
  const [revokeBusy, setRevokeBusy] = useState(false);
  const [settings, , settingsError] = useLoad<KioskSettings>((client) => client.getKioskSettings());
  const [calls, , callsError] = useLoad<{ calls: CallLogEntry[] }>((client) => client.listCalls());

  const refresh = () => api.listKiosks().then(({ kiosks: list }) => setKiosks(list), (caught: unknown) => setLoadError(toApiError(caught).message));
  useEffect(() => {
    void refresh();
    const timer = setInterval(() => void refresh(), REFRESH_MS);
    return () => clearInterval(timer);
  }, [api]);

  const act = async (run: () => Promise<string | void>) => {
    setNotice(null);
    setActionError(null);
    try {
      const said = await run();
      if (said) setNotice(said);
      await refresh();
    } catch (caught) {
      setActionError(toApiError(caught).message);
    }
  };

  const onRevoke = async () => {
    if (!revoking) return;
    setRevokeBusy(true);
    await act(async () => {
      await api.revokeKiosk(revoking.id);
      if (pairing?.kiosk.id === revoking.id) setPairing(null);
      return t.kiosk.revoked(revoking.name);
    });
    setRevokeBusy(false);
    setRevoking(null);
  };

  return (
    <Page title={t.kiosk.title} lead={t.kiosk.lead}>
      {notice ? <Alert kind="success">{notice}</Alert> : null}
      {actionError ? <Alert kind="error">{actionError}</Alert> : null}
      <section class="card card-flush kiosk-card" aria-labelledby="kiosks-title">
        <h2 id="kiosks-title" class="card-title">
          {t.kiosk.listHeading}
          {kiosks ? <span class="count">{kiosks.length}</span> : null}
        </h2>
        {loadError ? <Alert kind="error">{loadError}</Alert> : null}
        {!kiosks && !loadError ? <p role="status" class="card-pad">{t.app.loading}</p> : null}
        {kiosks && kiosks.length === 0 ? <p class="card-pad muted">{t.kiosk.empty}</p> : null}
        {kiosks && kiosks.length > 0 ? (
          <ul class="kiosk-list">
            {kiosks.map((kiosk) => (
              <KioskRow
                key={kiosk.id}
                kiosk={kiosk}
                onRenamed={(renamed) => {
                  setKiosks((list) => list?.map((k) => (k.id === renamed.id ? renamed : k)) ?? null);
                  setNotice(t.kiosk.renamed(renamed.name));
                }}
                onReload={() =>
                  void act(async () => ((await api.reloadKiosk(kiosk.id)).connected ? t.kiosk.reloaded(kiosk.name) : t.kiosk.reloadOffline(kiosk.name)))
                }
                onNewCode={() =>
                  void act(async () => {
                    setPairing(await api.newKioskCode(kiosk.id));
                  })
                }
                onRevoke={() => {
                  setNotice(null);
                  setRevoking(kiosk);
                }}
              />
            ))}
          </ul>
        ) : null}
        <div class="card-pad kiosk-pair">
          {pairing ? (
            <PairingPanel pairing={pairing} onClose={() => setPairing(null)} />
          ) : (
            <PairForm
              onCreated={(created) => {
                setNotice(null);
                setPairing(created);
                void refresh();
              }}
            />
          )}
        </div>
      </section>

      <section class="card kiosk-card" aria-labelledby="kiosk-screen-title">
        <h2 id="kiosk-screen-title">
          {t.kiosk.screenHeading}
        </h2>
        <p class="muted">{t.kiosk.screenLead}</p>
        {settings ? <ScreenSettingsForm settings={settings} onSaved={() => undefined} /> : <LoadState error={settingsError} />}
      </section>

      <section class="card kiosk-card" aria-labelledby="kiosk-calls-title">
        <h2 id="kiosk-calls-title">
          {t.kiosk.callsHeading}
        </h2>
        {calls ? <CallLog calls={calls.calls} /> : <LoadState error={callsError} />}
      </section>

      {revoking ? (
        <ConfirmDialog
          title={t.kiosk.revokeTitle(revoking.name)}
          confirmLabel={t.kiosk.revokeConfirm}
          cancelLabel={t.kiosk.revokeCancel}
          busy={revokeBusy}
          danger
          onConfirm={() => void onRevoke()}
          onCancel={() => setRevoking(null)}
        >
          <p>{t.kiosk.revokeBody}</p>
        </ConfirmDialog>
      ) : null}
    </Page>
  );
}

function PairForm({ onCreated }: { onCreated: (pairing: KioskPairing) => void }) {
  const { api } = useSession();
  const [name, setName] = useState("");
  const request = useFormRequest({ name: t.kiosk.nameLabel });
  const onSubmit = (event: Event) => {
    event.preventDefault();
    if (!request.check(name.trim() ? {} : { name: t.validation.required(t.kiosk.nameLabel) })) return;
    void request.send(async () => {
      onCreated(await api.createKiosk(name.trim()));
      setName("");
    });
  };
  return (
    <form class="form kiosk-pair-form" onSubmit={onSubmit} noValidate aria-labelledby="kiosk-pair-title">
      <h3 id="kiosk-pair-title">{t.kiosk.pairHeading}</h3>
      <p class="muted">{t.kiosk.pairLead}</p>
      {request.alert ? <Alert kind="error">{request.alert}</Alert> : null}
      <div class="kiosk-inline">
        <TextField label={t.kiosk.nameLabel} name="name" value={name} onValue={setName} placeholder={t.kiosk.namePlaceholder} error={request.fieldErrors.name} />
        <button type="submit" class="button button-primary" disabled={request.busy}>
          {request.busy ? t.kiosk.pairing : t.kiosk.pairButton}
        </button>
      </div>
    </form>
  );
}

interface KioskRowProps {
  kiosk: Kiosk;
  onRenamed: (kiosk: Kiosk) => void;
  onReload: () => void;
  onNewCode: () => void;
  onRevoke: () => void;
}

function KioskRow({ kiosk, onRenamed, onReload, onNewCode, onRevoke }: KioskRowProps) {
  const { api } = useSession();
  const time = useTimeFormat();
  const [renaming, setRenaming] = useState(false);
  const [name, setName] = useState(kiosk.name);
  const request = useFormRequest({ name: t.kiosk.nameLabel });

  const status = kiosk.pairedAt
    ? kiosk.online
      ? t.kiosk.statusOnline
      : `${t.kiosk.statusOffline} · ${kiosk.lastSeenAt ? t.kiosk.lastSeen(time.relative(kiosk.lastSeenAt, Date.now())) : t.kiosk.neverSeen}`
    : kiosk.pairingExpiresAt
      ? t.kiosk.statusWaiting(time.dateTime(kiosk.pairingExpiresAt))
      : t.kiosk.statusCodeExpired;

  const onSubmit = (event: Event) => {
    event.preventDefault();
    if (!request.check(name.trim() ? {} : { name: t.validation.required(t.kiosk.nameLabel) })) return;
    void request.send(async () => {
      onRenamed(await api.renameKiosk(kiosk.id, name.trim()));
      setRenaming(false);
    });
  };

  return (
    <li class="kiosk-item" data-kiosk={kiosk.id}>
      <div class="kiosk-item-head">
        <span class={`kiosk-dot ${kiosk.online ? "kiosk-dot-online" : ""}`} aria-hidden="true" />
        <div class="kiosk-item-text">
          <strong class="kiosk-item-name">{kiosk.name}</strong>
          <span class="muted kiosk-item-status">{status}</span>
        </div>
      </div>
      {renaming ? (
        <form class="form kiosk-rename" onSubmit={onSubmit} noValidate>
          {request.alert ? <Alert kind="error">{request.alert}</Alert> : null}
          <TextField label={t.kiosk.nameLabel} name="name" value={name} onValue={setName} error={request.fieldErrors.name} autoFocus />
          <div class="actions">
            <button type="submit" class="button button-primary button-small" disabled={request.busy}>
              {t.kiosk.renameSave}
            </button>
            <button type="button" class="button button-small" onClick={() => setRenaming(false)}>
              {t.kiosk.renameCancel}
            </button>
          </div>
        </form>
      ) : (
        <div class="actions kiosk-item-actions">
          <button type="button" class="button button-small" onClick={() => (setName(kiosk.name), setRenaming(true))} aria-label={`${t.kiosk.rename} ${kiosk.name}`}>
            {t.kiosk.rename}
          </button>
          {kiosk.pairedAt ? (
            <button type="button" class="button button-small" onClick={onReload} aria-label={`${t.kiosk.reload} ${kiosk.name}`}>
              {t.kiosk.reload}
            </button>
          ) : null}
          <button type="button" class="button button-small" onClick={onNewCode} title={t.kiosk.newCodeHint} aria-label={`${t.kiosk.newCode}: ${kiosk.name}`}>
            {t.kiosk.newCode}
          </button>
          <button type="button" class="button button-small button-danger-quiet" onClick={onRevoke} aria-label={`${t.kiosk.revoke} ${kiosk.name}`}>
            {t.kiosk.revoke}
          </button>
        </div>
      )}
    </li>
  );
}

function CallLog({ calls }: { calls: CallLogEntry[] }) {
  const time = useTimeFormat();
  if (!calls.length) return <p class="muted">{t.kiosk.callsEmpty}</p>;
  return (
    <ul class="plain-list kiosk-calls">
      {calls.map((call) => (
        <li key={call.id} class="kiosk-call">
          <span class="kiosk-call-time">{time.dateTime(call.startedAt)}</span>
          <span class="kiosk-call-name">{call.kioskName}</span>
          <span class="muted">
            {call.outcome === "answered"
              ? t.kiosk.callAnswered(call.answeredBy?.name ?? "", t.kiosk.duration(call.durationS))
              : call.outcome === "missed"
                ? t.kiosk.callMissed
                : call.outcome === "declined"
                  ? t.kiosk.callDeclined
                  : t.kiosk.callCancelled}
          </span>
        </li>
      ))}
    </ul>
  );
}
