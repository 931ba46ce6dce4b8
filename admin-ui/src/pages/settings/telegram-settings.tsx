import type { TelegramSettings } from "@innbox/protocol";
import { TELEGRAM_TOKEN } from "@innbox/protocol/rules";
import { useEffect, useState } from "preact/hooks";
import { toApiError } from "../../api/client";
import { useSession } from "../../app-context";
import { Alert } from "../../components/alert";
import { ConfirmDialog } from "../../components/confirm-dialog";
import { TextField } from "../../components/field";
import { Icon } from "../../components/icon";
import { Link } from "../../components/link";
import { RichText } from "../../components/rich-text";
import { useFormRequest } from "../../components/use-form-request";
import { LoadState, useLoad } from "../../components/use-load";
import { t } from "../../messages";

/** While a new token's bot name is being asked for, ask the appliance again this often. */
const IDENTIFY_POLL_MS = 2_000;

/** The property's Telegram bot: its status, and setting or removing its token. */
export function TelegramSettingsCard() {
  const { api } = useSession();
  const [status, setStatus, loadError] = useLoad((api) => api.getTelegram());
  const [token, setToken] = useState("");
  const { fieldErrors, alert, busy: connecting, check, send } = useFormRequest({ token: t.telegram.token });
  const [notice, setNotice] = useState<string | null>(null);
  const [removing, setRemoving] = useState(false);
  const [confirmRemove, setConfirmRemove] = useState(false);
  const [removeError, setRemoveError] = useState<string | null>(null);
  const busy = connecting || removing;

  // A token from config.json is checked in the background: show the name once known.
  const identifying = status?.configured && !status.botUsername && !status.lastError;
  useEffect(() => {
    if (!identifying) return;
    const timer = setInterval(() => api.getTelegram().then(setStatus, () => {}), IDENTIFY_POLL_MS);
    return () => clearInterval(timer);
  }, [api, identifying]);

  const onSubmit = async (event: Event) => {
    event.preventDefault();
    setNotice(null);
    // The shape @BotFather hands out; the appliance then asks Telegram whether it is valid.
    const shapeError = TELEGRAM_TOKEN.test(token.trim()) ? null : token.trim() ? t.telegram.tokenShape : t.validation.required(t.telegram.token);
    if (!check(shapeError ? { token: shapeError } : {})) return;
    await send(async () => {
      const next = await api.setTelegramToken(token.trim());
      setStatus(next);
      setToken("");
      setNotice(next.botUsername ? t.telegram.connected(next.botUsername) : null);
    });
  };

  const onRemove = async () => {
    setRemoving(true);
    setRemoveError(null);
    try {
      setStatus(await api.setTelegramToken(null));
      setNotice(t.telegram.removed);
      setConfirmRemove(false);
    } catch (caught) {
      setRemoveError(toApiError(caught).message);
    } finally {
      setRemoving(false);
    }
  };

  if (!status) return <LoadState error={loadError} />;

  return (
    <>
      {notice ? <Alert kind="success">{notice}</Alert> : null}
      <section class="card" aria-labelledby="bot-status-title">
        <h2 id="bot-status-title">{t.telegram.statusHeading}</h2>
        <BotStatus status={status} />
        {status.source === "config" ? (
          <p class="muted">
            <RichText text={t.telegram.sourceConfig} />
          </p>
        ) : null}
        {status.source === "admin" ? (
          <div class="bot-source">
            <p class="muted">{t.telegram.sourceAdmin}</p>
            <button
              type="button"
              class="button button-small button-danger-quiet"
              onClick={() => {
                setRemoveError(null);
                setConfirmRemove(true);
              }}
            >
              {t.telegram.remove}
            </button>
          </div>
        ) : null}
        {status.botUsername ? (
          <p class="bot-next">
            {t.telegram.nextStep}{" "}
            <Link to="/team">{t.telegram.openTeam}</Link>
          </p>
        ) : null}
      </section>

      <form class="card form" onSubmit={onSubmit} noValidate aria-labelledby="bot-token-title">
        <h2 id="bot-token-title">{status.configured ? t.telegram.replaceHeading : t.telegram.setupHeading}</h2>
        <ol class="steps">
          {t.telegram.steps.map((step, index) => (
            <li key={index}>
              <RichText text={step} />
              {index === 0 ? (
                <>
                  {" "}
                  <a href="https://t.me/BotFather" target="_blank" rel="noopener noreferrer">
                    {t.telegram.openBotFather}
                  </a>
                </>
              ) : null}
            </li>
          ))}
        </ol>
        {alert ? <Alert kind="error">{alert}</Alert> : null}
        <TextField
          label={t.telegram.token}
          name="token"
          type="password"
          value={token}
          onValue={setToken}
          hint={t.telegram.tokenHint}
          error={fieldErrors.token}
          autoComplete="off"
          verbatim
        />
        <div class="actions">
          <button type="submit" class="button button-primary" disabled={busy}>
            {busy && !confirmRemove ? t.telegram.connecting : t.telegram.connect}
          </button>
        </div>
      </form>

      {confirmRemove ? (
        <ConfirmDialog
          title={t.telegram.removeTitle}
          confirmLabel={busy ? t.telegram.removing : t.telegram.remove}
          cancelLabel={t.settings.cancel}
          busy={busy}
          danger
          onConfirm={onRemove}
          onCancel={() => setConfirmRemove(false)}
        >
          <p>{t.telegram.removeBody}</p>
          {removeError ? <Alert kind="error">{removeError}</Alert> : null}
        </ConfirmDialog>
      ) : null}
    </>
  );
}

function BotStatus({ status }: { status: TelegramSettings }) {
  if (!status.configured) return <p class="bot-none">{t.telegram.notConfigured}</p>;
  return (
    <div class="bot-status">
      {status.botUsername ? (
        <p class="bot-name">
          <Icon name="telegram" />
          <span>
            {t.telegram.connectedTo}{" "}
            <a href={`https://t.me/${status.botUsername}`} target="_blank" rel="noopener noreferrer">
              @{status.botUsername}
            </a>
          </span>
        </p>
      ) : (
        <p role="status">{t.telegram.identifying}</p>
      )}
      {status.lastError ? (
        <Alert kind="error">{t.telegram.problem(status.lastError)}</Alert>
      ) : status.polling ? (
        <p class="bot-ok">
          <Icon name="check" />
          <span>{t.telegram.pollingOk}</span>
        </p>
      ) : null}
    </div>
  );
}
