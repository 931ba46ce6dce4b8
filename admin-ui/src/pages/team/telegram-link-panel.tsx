import type { TeamMember, TelegramLink } from "@innbox/protocol";
import { useEffect, useRef, useState } from "preact/hooks";
import { type ApiError, type TelegramLinkStatus, toApiError } from "../../api/client";
import { useSession } from "../../app-context";
import { Alert } from "../../components/alert";
import { Icon } from "../../components/icon";
import { Link } from "../../components/link";
import { useTimeFormat } from "../../format/use-time-format";
import { t } from "../../messages";

/** How often to ask whether the person has pressed Start yet. */
const LINKED_POLL_MS = 3_000;

interface TelegramLinkPanelProps {
  member: Pick<TeamMember, "id" | "name">;
  /** The signed-in person's own link: "your Telegram". */
  self?: boolean;
  /** False inside a card whose own title says it: the heading is then for screen readers only. */
  titled?: boolean;
  onLinked: (status: TelegramLinkStatus) => void;
  onClose: () => void;
}

/** A one-time link and its QR code for a member's phone; closes itself once used. */
export function TelegramLinkPanel({ member, self = false, titled = true, onLinked, onClose }: TelegramLinkPanelProps) {
  const { api, session } = useSession();
  const isManager = session.user.role === "manager";
  const time = useTimeFormat();
  const [link, setLink] = useState<TelegramLink | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [attempt, setAttempt] = useState(0);
  const [copied, setCopied] = useState(false);
  const heading = useRef<HTMLHeadingElement>(null);
  const linkField = useRef<HTMLInputElement>(null);
  const linked = useRef(onLinked);
  linked.current = onLinked;

  useEffect(() => heading.current?.focus(), []);

  useEffect(() => {
    let cancelled = false;
    setLink(null);
    setError(null);
    setCopied(false);
    api.createTelegramLink(member.id).then(
      (created) => !cancelled && setLink(created),
      (caught: unknown) => !cancelled && setError(toApiError(caught)),
    );
    return () => {
      cancelled = true;
    };
  }, [api, member.id, attempt]);

  useEffect(() => {
    if (!link) return;
    const timer = setInterval(() => {
      api.getMemberTelegram(member.id).then((status) => status.linked && linked.current(status), () => {});
    }, LINKED_POLL_MS);
    return () => clearInterval(timer);
  }, [api, member.id, link]);

  const copy = async () => {
    if (!link) return;
    try {
      // The clipboard API exists only on HTTPS pages; on plain HTTP copy the selection.
      if (navigator.clipboard) await navigator.clipboard.writeText(link.url);
      else {
        linkField.current?.select();
        document.execCommand("copy");
      }
      setCopied(true);
    } catch {
      linkField.current?.select();
    }
  };

  return (
    <section class="telegram-link" aria-labelledby={`telegram-link-${member.id}`}>
      <h3 id={`telegram-link-${member.id}`} ref={heading} tabIndex={-1} class={titled ? undefined : "visually-hidden"}>
        {self ? t.team.linkHeadingSelf : t.team.linkHeading(member.name)}
      </h3>
      {error ? (
        <Alert kind="error">
          {error.status === 409 && isManager ? (
            <>
              {t.team.linkNoBot} <Link to="/settings/telegram">{t.team.linkNoBotAction}</Link>
            </>
          ) : error.status === 409 ? (
            <>
              {t.team.linkNoBot} {t.team.linkNoBotAskManager}
            </>
          ) : (
            error.message
          )}
        </Alert>
      ) : null}
      {!link && !error ? <p role="status">{t.team.linkCreating}</p> : null}
      {link ? (
        <div class="telegram-link-body">
          <img class="telegram-qr" src={svgDataUrl(link.qrSvg)} alt={self ? t.team.linkQrAltSelf : t.team.linkQrAlt(member.name)} width="200" height="200" />
          <div class="telegram-link-text">
            <p class="telegram-link-instruction">{t.team.linkInstruction}</p>
            {/* On the phone that has Telegram, the link opens the app itself. */}
            <p>
              <a class="button button-primary" href={link.url} target="_blank" rel="noopener noreferrer">
                <Icon name="telegram" />
                <span>{t.team.linkOpen}</span>
              </a>
            </p>
            <label class="telegram-link-label" for={`telegram-url-${member.id}`}>
              {t.team.linkLabel}
            </label>
            <div class="copy-row">
              <input
                ref={linkField}
                id={`telegram-url-${member.id}`}
                class="copy-field"
                type="text"
                readOnly
                value={link.url}
                onFocus={(event) => event.currentTarget.select()}
              />
              <button type="button" class="button" onClick={() => void copy()}>
                <Icon name="copy" />
                <span>{t.team.linkCopy}</span>
              </button>
            </div>
            <p class="field-hint" role="status">
              {copied ? t.team.linkCopied : null}
            </p>
            <p class="muted">{t.team.linkExpires(time.dateTime(link.expiresAt))}</p>
            <p class="muted">{t.team.linkWaiting}</p>
          </div>
        </div>
      ) : null}
      <div class="actions">
        {link ? (
          <button type="button" class="button" onClick={() => setAttempt(attempt + 1)}>
            {t.team.linkNew}
          </button>
        ) : null}
        <button type="button" class="button" onClick={onClose}>
          {t.team.linkClose}
        </button>
      </div>
    </section>
  );
}

/** The appliance's SVG as an image address: no markup is parsed into the page. */
function svgDataUrl(svg: string): string {
  const bytes = new TextEncoder().encode(svg);
  let binary = "";
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return `data:image/svg+xml;base64,${btoa(binary)}`;
}

