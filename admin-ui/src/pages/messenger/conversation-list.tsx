import type { ConversationListItem } from "@innbox/protocol";
import { Icon } from "../../components/icon";
import { Link } from "../../components/link";
import { RoomTag } from "../../components/room-tag";
import { languageName } from "../../format/language-name";
import { minutesSince } from "../../format/time-format";
import { useTimeFormat } from "../../format/use-time-format";
import { t } from "../../messages";
import { channelIcon, channelName } from "./channel";

interface ConversationListProps {
  conversations: readonly ConversationListItem[];
  selectedId: string | null;
  now: number;
}

export function ConversationList({ conversations, selectedId, now }: ConversationListProps) {
  return (
    <ul class="conversations" aria-label={t.messenger.listLabel}>
      {conversations.map((conversation) => (
        <li key={conversation.id}>
          <ConversationItem conversation={conversation} selected={conversation.id === selectedId} now={now} />
        </li>
      ))}
    </ul>
  );
}

function ConversationItem({ conversation: c, selected, now }: { conversation: ConversationListItem; selected: boolean; now: number }) {
  const time = useTimeFormat();
  const classes = ["conversation-item", c.unanswered ? "conversation-unanswered" : "", selected ? "conversation-selected" : ""];
  return (
    <Link to={`/messenger/${encodeURIComponent(c.id)}`} class={classes.filter(Boolean).join(" ")} current={selected}>
      <span class="conversation-top">
        <span class="conversation-name">{c.guestName}</span>
        {c.tag ? <RoomTag tag={c.tag} /> : null}
        <time class="conversation-time" dateTime={c.lastMessageAt}>
          {time.relative(c.lastMessageAt, now)}
        </time>
      </span>
      <span class="conversation-facts">
        <Icon name={channelIcon(c.channel)} />
        <span>{channelName(c.channel)}</span>
        {c.language ? (
          <span class="language" title={languageName(c.language)}>
            <span class="visually-hidden">{t.messenger.languageLabel(languageName(c.language))}</span>
            <span aria-hidden="true">{c.language.toUpperCase()}</span>
          </span>
        ) : null}
      </span>
      <span class="conversation-last">{c.lastMessage}</span>
      {c.unanswered ? (
        <span class="conversation-waiting">
          <span class="mark-unanswered">{t.messenger.unanswered}</span>
          {c.waitingSince ? <span>{t.messenger.waiting(minutesSince(c.waitingSince, now))}</span> : null}
          {c.alerted ? <span>· {t.messenger.alerted}</span> : null}
        </span>
      ) : null}
    </Link>
  );
}
