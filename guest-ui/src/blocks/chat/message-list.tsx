import type { ChatMessage } from "@innbox/protocol";
import type { ComponentChildren } from "preact";
import { useEffect, useLayoutEffect, useRef } from "preact/hooks";
import type { ChatState, OutgoingMessage } from "../../chat/chat-controller";
import { dayKey, formatDay, formatTime } from "../../format";
import { t } from "../../i18n";

interface MessageListProps {
  state: ChatState;
  intro: ComponentChildren;
  footer: ComponentChildren;
  onDiscard(clientId: string): void;
}

type Row =
  | { kind: "day"; key: string; label: string }
  | { kind: "stored"; key: string; message: ChatMessage; showName: boolean; showStatus: boolean }
  | { kind: "outgoing"; key: string; message: OutgoingMessage };

function rowsOf(messages: readonly ChatMessage[], outgoing: readonly OutgoingMessage[]): Row[] {
  const rows: Row[] = [];
  let lastDay = "";
  const addDay = (iso: string) => {
    const key = dayKey(iso);
    if (key === lastDay) return;
    lastDay = key;
    rows.push({ kind: "day", key: `day-${key}`, label: formatDay(iso) });
  };
  let lastGuest = -1;
  messages.forEach((m, i) => {
    if (m.from === "guest") lastGuest = i;
  });
  messages.forEach((message, i) => {
    addDay(message.createdAt);
    const previous = messages[i - 1];
    const showName =
      message.from === "staff" &&
      !(previous?.from === "staff" && previous.staffName === message.staffName && dayKey(previous.createdAt) === dayKey(message.createdAt));
    rows.push({ kind: "stored", key: message.id, message, showName, showStatus: i === lastGuest });
  });
  for (const message of outgoing) {
    addDay(message.typedAt);
    rows.push({ kind: "outgoing", key: `out-${message.clientId}`, message });
  }
  return rows;
}

/** The conversation, oldest first, kept scrolled to the newest unless the guest scrolled up. */
export function MessageList({ state, intro, footer, onDiscard }: MessageListProps) {
  const scroller = useRef<HTMLDivElement>(null);
  const stuck = useRef(true);
  const outgoingCount = useRef(state.outgoing.length);

  useLayoutEffect(() => {
    const el = scroller.current;
    if (!el) return;
    // The guest just sent something: bring it into view even if they had scrolled up.
    if (state.outgoing.length > outgoingCount.current) stuck.current = true;
    outgoingCount.current = state.outgoing.length;
    if (stuck.current) el.scrollTop = el.scrollHeight;
  });

  useEffect(() => {
    const el = scroller.current;
    if (!el || typeof ResizeObserver === "undefined") return;
    // The keyboard opening or the message bar growing shrinks the list: keep the end in view.
    const observer = new ResizeObserver(() => {
      if (stuck.current) el.scrollTop = el.scrollHeight;
    });
    observer.observe(el);
    return () => observer.disconnect();
  }, []);

  const onScroll = () => {
    const el = scroller.current;
    if (el) stuck.current = el.scrollHeight - el.scrollTop - el.clientHeight < 48;
  };

  return (
    <div class="message-scroller" ref={scroller} onScroll={onScroll}>
      <div class="message-column">
        {intro}
        {/* A list may not take the log role itself: the log is around it. */}
        <div role="log" aria-live="polite" aria-relevant="additions" aria-busy={state.loading ? "true" : undefined}>
          <ol class="messages">
            {rowsOf(state.messages, state.outgoing).map((row) => {
              switch (row.kind) {
                case "day":
                  return (
                    <li key={row.key} class="day-separator">
                      <span>{row.label}</span>
                    </li>
                  );
                case "stored":
                  return <StoredMessage key={row.key} message={row.message} showName={row.showName} showStatus={row.showStatus} />;
                case "outgoing":
                  return <OutgoingBubble key={row.key} message={row.message} onDiscard={onDiscard} />;
              }
            })}
          </ol>
        </div>
        {footer}
      </div>
    </div>
  );
}

function StoredMessage({ message, showName, showStatus }: { message: ChatMessage; showName: boolean; showStatus: boolean }) {
  const time = <time dateTime={message.createdAt}>{formatTime(message.createdAt)}</time>;
  if (message.from === "system") {
    return (
      <li class="msg msg-system" data-from="system">
        <p class="msg-text">{message.text}</p>
      </li>
    );
  }
  if (message.from === "staff") {
    return (
      <li class="msg msg-staff" data-from="staff">
        {showName && <p class="msg-author">{message.staffName || t.chat.reception}</p>}
        <div class="bubble">
          <p class="msg-text">{message.text}</p>
        </div>
        <p class="msg-meta">{time}</p>
      </li>
    );
  }
  const status = message.deliveredAt ? "delivered" : "sent";
  return (
    <li class="msg msg-guest" data-from="guest" data-client-id={message.clientId} data-status={status}>
      <div class="bubble">
        <p class="msg-text">{message.text}</p>
      </div>
      <p class="msg-meta">
        {time}
        {showStatus && <span class="msg-status">{status === "delivered" ? t.chat.delivered : t.chat.sent}</span>}
      </p>
    </li>
  );
}

function OutgoingBubble({ message, onDiscard }: { message: OutgoingMessage; onDiscard(clientId: string): void }) {
  const label = message.status === "failed" ? t.chat.failed : message.status === "queued" ? t.chat.queued : t.chat.sending;
  return (
    <li class={`msg msg-guest msg-${message.status}`} data-from="guest" data-client-id={message.clientId} data-status={message.status}>
      <div class="bubble">
        <p class="msg-text">{message.text}</p>
      </div>
      <p class="msg-meta">
        <time dateTime={message.typedAt}>{formatTime(message.typedAt)}</time>
        <span class="msg-status">{label}</span>
        {message.status === "failed" && (
          <button type="button" class="link-button" onClick={() => onDiscard(message.clientId)}>
            {t.chat.remove}
          </button>
        )}
      </p>
    </li>
  );
}
