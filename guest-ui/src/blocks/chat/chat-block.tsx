import { formatBackAt } from "../../format";
import { t } from "../../i18n";
import type { Duty } from "../../api/guest-api";
import { Composer } from "./composer";
import { GuestName } from "./guest-name";
import { MessageList } from "./message-list";
import { OffHoursNotice } from "./off-hours-notice";
import { useChat } from "./use-chat";

export interface ChatProps {
  slug: string;
  tag?: string | undefined;
  /** Whether someone is on duty, as the page learnt it. */
  duty: Duty;
  /** The property's, for "back at" times. */
  timezone: string;
  /** The manager's heading and welcome, else the page's own. */
  heading?: string | undefined;
  welcome?: string | undefined;
}

/** The reception's chat: history, live replies, and the message bar. */
export function ChatBlock({ slug, tag, duty: pageDuty, timezone, heading, welcome }: ChatProps) {
  const { state, chat } = useChat(slug, tag, pageDuty);
  const duty = state.duty;
  // The appliance also posts the notice into the conversation after the first message; say it
  // only once. When the team is back is said here alone, and stays true while the page is open.
  const noticeInStream = Boolean(duty?.offHoursNotice && state.messages.some((m) => m.from === "system" && m.text === duty.offHoursNotice));
  return (
    <div class="chat">
      {state.offline && (
        <p class="offline-banner" role="status">
          {t.chat.offline}
        </p>
      )}
      <MessageList
        state={state}
        onDiscard={(clientId) => chat.discard(clientId)}
        intro={
          <div class="chat-intro">
            <h2>{heading ?? t.chat.title}</h2>
            <p>{welcome ?? t.chat.intro}</p>
            {state.hasConversation && <GuestName name={state.name} onSave={(name) => chat.update({ name })} />}
          </div>
        }
        footer={
          duty && !duty.onDuty ? (
            <OffHoursNotice
              notice={noticeInStream ? null : duty.offHoursNotice}
              backAt={formatBackAt(duty.backAt, timezone)}
              email={state.email}
              refused={state.emailRefused}
              onSave={(email) => chat.update({ email })}
            />
          ) : null
        }
      />
      <Composer
        onSend={(text) => chat.send(text)}
        draftName={state.hasConversation ? null : state.name}
        onDraftName={(name) => chat.setDraftName(name)}
      />
    </div>
  );
}
