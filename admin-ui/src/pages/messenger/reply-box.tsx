import { useId, useRef, useState } from "preact/hooks";
import { useAutoGrow } from "../../components/field";
import { Icon } from "../../components/icon";
import { t } from "../../messages";

export const MAX_REPLY = 4_000;
/** The counter shows once this few characters are left. */
const COUNTER_FROM = 200;

interface ReplyBoxProps {
  initial: string;
  onDraft: (text: string) => void;
  onSend: (text: string) => void;
}

/** The reply field: Enter sends, Shift+Enter starts a new line; at most 4,000 characters. */
export function ReplyBox({ initial, onDraft, onSend }: ReplyBoxProps) {
  const id = useId();
  const [text, setText] = useState(initial);
  const field = useRef<HTMLTextAreaElement>(null);
  const left = MAX_REPLY - text.length;
  useAutoGrow(field, text);

  const update = (value: string) => {
    setText(value);
    onDraft(value);
  };

  const submit = () => {
    if (!text.trim() || text.length > MAX_REPLY) return;
    onSend(text);
    update("");
    field.current?.focus();
  };

  return (
    <form
      class="reply"
      onSubmit={(event) => {
        event.preventDefault();
        submit();
      }}
    >
      <label for={id} class="visually-hidden">
        {t.messenger.replyLabel}
      </label>
      <textarea
        ref={field}
        id={id}
        name="reply"
        rows={1}
        maxLength={MAX_REPLY}
        placeholder={t.messenger.replyPlaceholder}
        value={text}
        onInput={(event) => update(event.currentTarget.value)}
        onKeyDown={(event) => {
          if (event.key !== "Enter" || event.shiftKey || event.isComposing) return;
          event.preventDefault();
          submit();
        }}
        aria-describedby={`${id}-hint`}
      />
      <button type="submit" class="button button-primary reply-send" disabled={!text.trim()} aria-label={t.messenger.send}>
        <Icon name="send" />
        <span class="phone-icon-only">{t.messenger.send}</span>
      </button>
      <p class="reply-hint" id={`${id}-hint`}>
        {left <= COUNTER_FROM ? <span class="reply-count">{t.messenger.charsLeft(left)}</span> : t.messenger.replyHint}
      </p>
    </form>
  );
}
