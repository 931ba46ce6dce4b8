import type { ChatMessage } from "@innbox/protocol";
import type { ComponentChildren } from "preact";
import { useLayoutEffect, useRef } from "preact/hooks";
import type { TimeFormat } from "../../format/time-format";
import { useTimeFormat } from "../../format/use-time-format";
import { t } from "../../messages";

/** A reply typed here that the appliance has not confirmed yet. */
export interface PendingReply {
  clientId: string;
  text: string;
  createdAt: string;
  /** Why it was not sent, once it failed. */
  error?: string;
}

interface MessageThreadProps {
  messages: readonly ChatMessage[];
  pending: readonly PendingReply[];
  myName: string;
  now: number;
  onRetry: (reply: PendingReply) => void;
  onDiscard: (reply: PendingReply) => void;
}

/** The conversation, oldest first, kept scrolled to the newest while the reader is there. */
export function MessageThread({ messages, pending, myName, now, onRetry, onDiscard }: MessageThreadProps) {
  const scroller = useRef<HTMLDivElement>(null);
  const atBottom = useRef(true);
  const pendingBefore = useRef(0);
  const count = messages.length + pending.length;
  const time = useTimeFormat();

  useLayoutEffect(() => {
    const element = scroller.current;
    // One's own new reply always scrolls into view; others only if the reader is at the end.
    const sent = pending.length > pendingBefore.current;
    pendingBefore.current = pending.length;
    if (element && (atBottom.current || sent)) element.scrollTop = element.scrollHeight;
  }, [count]);

  const items: ComponentChildren[] = [];
  let lastDay = "";
  const day = (at: string, key: string) => {
    const current = time.dayKey(at);
    if (current === lastDay) return;
    lastDay = current;
    items.push(
      <li key={`day-${key}`} class="thread-day">
        <span>{time.dayLabel(at, now)}</span>
      </li>,
    );
  };

  for (const message of messages) {
    day(message.createdAt, message.id);
    items.push(<Message key={message.id} message={message} time={time} />);
  }
  for (const reply of pending) {
    day(reply.createdAt, reply.clientId);
    items.push(
      <li key={reply.clientId} class={reply.error ? "msg msg-staff msg-failed" : "msg msg-staff msg-pending"} data-from="staff">
        <p class="msg-author">{myName}</p>
        <div class="msg-bubble">
          <p class="msg-text">{reply.text}</p>
        </div>
        <p class="msg-meta">
          {reply.error ? (
            <>
              <span class="msg-error">
                {t.messenger.notSent} {reply.error}
              </span>
              <button type="button" class="button button-link" onClick={() => onRetry(reply)}>
                {t.messenger.retry}
              </button>
              <button type="button" class="button button-link" onClick={() => onDiscard(reply)}>
                {t.messenger.discard}
              </button>
            </>
          ) : (
            <span>{t.messenger.sending}</span>
          )}
        </p>
      </li>,
    );
  }

  return (
    <div
      ref={scroller}
      class="thread-scroll"
      role="log"
      aria-label={t.messenger.threadLabel}
      onScroll={(event) => {
        const element = event.currentTarget;
        atBottom.current = element.scrollHeight - element.scrollTop - element.clientHeight < 48;
      }}
    >
      <ol class="thread">
        {items}
      </ol>
    </div>
  );
}

function Message({ message, time }: { message: ChatMessage; time: TimeFormat }) {
  if (message.from === "system") {
    return (
      <li class="msg msg-system" data-from="system">
        <p class="msg-text">{message.text}</p>
        <p class="msg-meta">
          <time dateTime={message.createdAt}>{time.clock(message.createdAt)}</time>
        </p>
      </li>
    );
  }
  const staff = message.from === "staff";
  return (
    <li class={staff ? "msg msg-staff" : "msg msg-guest"} data-from={message.from}>
      {staff && message.staffName ? <p class="msg-author">{message.staffName}</p> : null}
      <div class="msg-bubble">
        <p class="msg-text">{message.text}</p>
      </div>
      <p class="msg-meta">
        <time dateTime={message.createdAt}>{time.clock(message.createdAt)}</time>
        {!staff && !message.deliveredAt ? <span class="msg-unseen">{t.messenger.notSeen}</span> : null}
      </p>
    </li>
  );
}
