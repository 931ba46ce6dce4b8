import type { ChatMessage, ConversationListItem } from "@innbox/protocol";
import { newClientId } from "@innbox/protocol/web/client-id";
import { useCallback, useEffect, useRef, useState } from "preact/hooks";
import { type ApiError, toApiError } from "../../api/client";
import { useSession } from "../../app-context";
import { Alert } from "../../components/alert";
import { Icon } from "../../components/icon";
import { Link } from "../../components/link";
import { RoomTag } from "../../components/room-tag";
import { usePageHeading } from "../../components/page";
import { languageName } from "../../format/language-name";
import { minutesSince } from "../../format/time-format";
import { t } from "../../messages";
import { BookingPanel } from "./booking-panel";
import { channelIcon, channelName } from "./channel";
import { markDelivered, mergeMessages } from "./conversation-state";
import { useInbox } from "./inbox";
import { MessageThread, type PendingReply } from "./message-thread";
import { ReplyBox } from "./reply-box";

interface ConversationViewProps {
  id: string;
  now: number;
  drafts: Map<string, string>;
}

/** One conversation: who the guest is, the messages, live, and the reply box. */
export function ConversationView({ id, now, drafts }: ConversationViewProps) {
  const { api, session } = useSession();
  const inbox = useInbox();
  const [loaded, setLoaded] = useState<ConversationListItem | null>(null);
  const [messages, setMessages] = useState<ChatMessage[]>([]);
  const [pending, setPending] = useState<PendingReply[]>([]);
  const [error, setError] = useState<ApiError | null>(null);
  const seenTimer = useRef<ReturnType<typeof setTimeout>>();

  const { upsert, listen } = inbox;

  // Opening the conversation is what marks the guest's messages as seen by the team.
  const load = useCallback(async () => {
    try {
      const detail = await api.getConversation(id);
      setLoaded(detail.conversation);
      setMessages((current) => mergeMessages(current, detail.messages));
      upsert(detail.conversation);
      setError(null);
    } catch (caught) {
      setError(toApiError(caught));
    }
  }, [api, id, upsert]);

  useEffect(() => {
    void load();
  }, [load]);

  useEffect(() => {
    // A guest message arriving while this is open on screen has been seen: open it again.
    const markSeenSoon = () => {
      clearTimeout(seenTimer.current);
      seenTimer.current = setTimeout(() => {
        if (document.visibilityState === "visible") void load();
      }, 400);
    };
    const onVisible = () => {
      if (document.visibilityState === "visible") void load();
    };
    document.addEventListener("visibilitychange", onVisible);
    const stop = listen({
      message(event) {
        if (event.conversationId !== id) return;
        setMessages((current) => mergeMessages(current, [event.message]));
        if (event.message.from === "guest" && !event.message.deliveredAt) markSeenSoon();
      },
      delivered(event) {
        if (event.conversationId === id) setMessages((current) => markDelivered(current, event.ids, event.deliveredAt));
      },
      reconnected: () => void load(),
    });
    return () => {
      stop();
      clearTimeout(seenTimer.current);
      document.removeEventListener("visibilitychange", onVisible);
    };
  }, [listen, id, load]);

  const deliver = async (reply: PendingReply) => {
    setPending((list) => list.map((p) => (p.clientId === reply.clientId ? { ...p, error: undefined } : p)));
    try {
      const message = await api.sendStaffMessage(id, reply.text, reply.clientId);
      setMessages((current) => mergeMessages(current, [message]));
      setPending((list) => list.filter((p) => p.clientId !== reply.clientId));
    } catch (caught) {
      const failure = toApiError(caught);
      setPending((list) => list.map((p) => (p.clientId === reply.clientId ? { ...p, error: failure.message } : p)));
    }
  };

  const send = (text: string) => {
    const reply: PendingReply = { clientId: newClientId(), text, createdAt: new Date().toISOString() };
    setPending((list) => [...list, reply]);
    void deliver(reply);
  };

  // The list's copy is the live one; the loaded copy stands in until the list has it.
  const conversation = inbox.conversations?.find((c) => c.id === id) ?? loaded;
  // A reply the socket already brought in is no longer pending.
  const confirmed = new Set(messages.map((m) => m.clientId).filter(Boolean));
  const stillPending = pending.filter((p) => !confirmed.has(p.clientId));

  if (error && !conversation) {
    return (
      <div class="conversation conversation-missing">
        <BackLink />
        <Alert kind="error">{error.status === 404 ? t.messenger.notFound : error.message}</Alert>
      </div>
    );
  }
  if (!conversation) {
    return (
      <div class="conversation">
        <p role="status" class="conversation-loading">
          {t.messenger.conversationLoading}
        </p>
      </div>
    );
  }

  return (
    <div class="conversation conversation-with-booking">
      <ConversationHeader conversation={conversation} now={now} />
      <BookingPanel conversation={conversation} />
      {error ? <Alert kind="error">{error.message}</Alert> : null}
      <MessageThread
        messages={messages}
        pending={stillPending}
        myName={session.user.name}
        now={now}
        onRetry={(reply) => void deliver(reply)}
        onDiscard={(reply) => setPending((list) => list.filter((p) => p.clientId !== reply.clientId))}
      />
      <ReplyBox initial={drafts.get(id) ?? ""} onDraft={(text) => drafts.set(id, text)} onSend={send} />
    </div>
  );
}

function BackLink() {
  return (
    <Link to="/messenger" class="button button-quiet conversation-back">
      <Icon name="back" />
      <span class="visually-hidden">{t.messenger.back}</span>
    </Link>
  );
}

function ConversationHeader({ conversation: c, now }: { conversation: ConversationListItem; now: number }) {
  const heading = usePageHeading<HTMLHeadingElement>(c.guestName);
  return (
    <header class="conversation-header">
      <BackLink />
      <div class="conversation-who">
        <h2 ref={heading} tabIndex={-1}>
          <span class="conversation-guest" title={c.guestName}>
            {c.guestName}
          </span>
          {c.tag ? <RoomTag tag={c.tag} /> : null}
        </h2>
        <div class="conversation-meta">
          <p class="conversation-facts">
            <Icon name={channelIcon(c.channel)} />
            <span>{channelName(c.channel)}</span>
            {c.language ? <span>· {languageName(c.language)}</span> : null}
          </p>
          <p class={c.unanswered ? "conversation-status status-unanswered" : "conversation-status status-answered"}>
            {c.unanswered ? (
              <>
                <Icon name="clock" />
                <span>
                  {t.messenger.unanswered}
                  {c.waitingSince ? ` · ${t.messenger.waiting(minutesSince(c.waitingSince, now))}` : ""}
                  {c.alerted ? ` · ${t.messenger.alerted}` : ""}
                </span>
              </>
            ) : (
              <>
                <Icon name="check" />
                <span>{t.messenger.answered}</span>
              </>
            )}
          </p>
        </div>
        {c.email ? (
          <p class="conversation-email">
            <Icon name="mail" />
            <span>
              {t.messenger.leftEmail} <a href={`mailto:${c.email}`}>{c.email}</a>
            </span>
          </p>
        ) : null}
      </div>
    </header>
  );
}
