import { useEffect, useState } from "preact/hooks";
import type { TelegramLinkStatus } from "../api/client";
import { useSession } from "../app-context";
import { Alert } from "../components/alert";
import { Icon } from "../components/icon";
import { t } from "../messages";
import { TelegramLinkPanel } from "./team/telegram-link-panel";

/** The signed-in person's own Telegram: whether it is linked, and a link and QR code to link it. */
export function MyTelegramCard() {
  const { api, session } = useSession();
  const me = { id: session.user.id, name: session.user.name };
  const [status, setStatus] = useState<TelegramLinkStatus | null>(null);
  const [linking, setLinking] = useState(false);
  const [justLinked, setJustLinked] = useState(false);

  useEffect(() => {
    // If this fails the card offers the link anyway; the panel reports its own errors.
    api.getMemberTelegram(me.id).then(setStatus, () => setStatus({ linked: false, telegramName: null, linkedAt: null }));
  }, [api, me.id]);

  return (
    <section class="card my-telegram" aria-labelledby="my-telegram-title">
      <h2 id="my-telegram-title">{t.home.myTelegramTitle}</h2>
      {justLinked ? <Alert kind="success">{t.home.myTelegramLinkedNow}</Alert> : null}
      {status === null ? <p role="status">{t.app.loading}</p> : null}
      {status?.linked ? (
        <p class="telegram-linked">
          <Icon name="telegram" />
          <span>{t.home.myTelegramLinked(status.telegramName ?? me.name)}</span>
        </p>
      ) : null}
      {status && !status.linked && !linking ? (
        <>
          <p class="muted">{t.home.myTelegramLead}</p>
          <div class="actions">
            <button type="button" class="button button-primary" onClick={() => setLinking(true)}>
              <Icon name="telegram" />
              <span>{t.team.linkMine}</span>
            </button>
          </div>
        </>
      ) : null}
      {linking ? (
        <TelegramLinkPanel
          member={me}
          self
          titled={false}
          onLinked={(linked) => {
            setStatus(linked);
            setLinking(false);
            setJustLinked(true);
          }}
          onClose={() => setLinking(false)}
        />
      ) : null}
    </section>
  );
}
