import { useRef } from "preact/hooks";
import { Alert } from "../../components/alert";
import { usePageHeading } from "../../components/page";
import { t } from "../../messages";
import { ConversationList } from "./conversation-list";
import { ConversationView } from "./conversation-view";
import { DutySwitch } from "./duty-switch";
import { useInbox } from "./inbox";
import { useNow } from "./use-now";

/**
 * The Team Messenger: the conversation list beside the open conversation; on a phone,
 * the list, then the conversation on its own with a back button.
 */
export function MessengerPage({ conversationId }: { conversationId: string | null }) {
  const inbox = useInbox();
  const now = useNow();
  // Unsent replies per conversation, kept while switching between them.
  const drafts = useRef(new Map<string, string>());
  const { conversations } = inbox;

  return (
    <div class={conversationId ? "messenger messenger-open" : "messenger"}>
      <section class="messenger-list" aria-labelledby="messenger-title">
        <ListHeader active={conversationId === null} />
        {!inbox.live ? (
          <p class="messenger-offline" role="status">
            {t.messenger.reconnecting}
          </p>
        ) : null}
        {inbox.loadError ? <Alert kind="error">{inbox.loadError}</Alert> : null}
        {conversations === null && !inbox.loadError ? (
          <p role="status" class="messenger-note">
            {t.messenger.loading}
          </p>
        ) : null}
        {conversations && conversations.length === 0 ? (
          <div class="messenger-note">
            <p class="messenger-empty">{t.messenger.empty}</p>
            <p class="muted">{t.messenger.emptyHint}</p>
          </div>
        ) : null}
        {conversations && conversations.length > 0 ? (
          <ConversationList conversations={conversations} selectedId={conversationId} now={now} />
        ) : null}
      </section>
      <div class="messenger-pane">
        {conversationId ? (
          <ConversationView key={conversationId} id={conversationId} now={now} drafts={drafts.current} />
        ) : (
          <p class="messenger-choose">{t.messenger.choose}</p>
        )}
      </div>
    </div>
  );
}

/** The Messenger's heading; it names the tab only while no conversation is open. */
function ListHeader({ active }: { active: boolean }) {
  return (
    <header class="messenger-header">
      {active ? <ActiveHeading /> : <h1 id="messenger-title">{t.messenger.title}</h1>}
      <DutySwitch />
    </header>
  );
}

function ActiveHeading() {
  const heading = usePageHeading(t.messenger.title);
  return (
    <h1 id="messenger-title" ref={heading} tabIndex={-1}>
      {t.messenger.title}
    </h1>
  );
}
