import type { TeamMember } from "@innbox/protocol";
import type { TelegramLinkStatus } from "../../api/client";
import { Icon } from "../../components/icon";
import { t } from "../../messages";

export type TelegramState = TelegramLinkStatus | "checking" | "unknown";

interface TelegramCellProps {
  member: TeamMember;
  state: TelegramState;
  /** A manager: may link anyone's Telegram and unlink it. */
  canManage: boolean;
  /** The signed-in person's own row: they may link their own Telegram. */
  isSelf: boolean;
  linking: boolean;
  onLink: () => void;
  onUnlink: () => void;
}

/** Whether a member's Telegram is linked, and the button to change it (managers; staff for themselves). */
export function TelegramCell({ member, state, canManage, isSelf, linking, onLink, onUnlink }: TelegramCellProps) {
  if (state === "checking") return <span class="muted">{t.team.telegramChecking}</span>;
  if (state === "unknown") return <span class="muted">{t.team.telegramUnknown}</span>;
  return (
    <span class="telegram-cell">
      {state.linked ? (
        <span class="telegram-linked">
          <Icon name="telegram" />
          <span>{t.team.telegramLinked(state.telegramName ?? member.name)}</span>
        </span>
      ) : (
        <span class="muted">{t.team.telegramNotLinked}</span>
      )}
      {canManage && state.linked ? (
        <button type="button" class="button button-small button-danger-quiet" onClick={onUnlink} aria-label={t.team.unlinkTelegramFor(member.name)}>
          {t.team.unlinkTelegram}
        </button>
      ) : null}
      {(canManage || isSelf) && !state.linked && !linking ? (
        <button type="button" class="button button-small" onClick={onLink} aria-label={t.team.linkTelegramFor(member.name)}>
          {t.team.linkTelegram}
        </button>
      ) : null}
    </span>
  );
}
