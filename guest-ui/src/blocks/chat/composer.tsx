import { useLayoutEffect, useRef, useState } from "preact/hooks";
import { t } from "../../i18n";

export const MAX_LENGTH = 4000;
const COUNTER_FROM = 3600;

interface ComposerProps {
  onSend(text: string): void;
  /** The optional name field, shown until the conversation exists (null: hidden). */
  draftName: string | null;
  onDraftName(name: string): void;
}

/** The message bar: Enter sends, Shift+Enter starts a new line, and it grows as you type. */
export function Composer({ onSend, draftName, onDraftName }: ComposerProps) {
  const [text, setText] = useState("");
  const [name, setName] = useState(draftName ?? "");
  const field = useRef<HTMLTextAreaElement>(null);

  useLayoutEffect(() => {
    const el = field.current;
    if (!el) return;
    el.style.height = "auto";
    el.style.height = `${el.scrollHeight}px`;
  }, [text]);

  const send = () => {
    if (!text.trim()) return;
    onSend(text);
    setText("");
    field.current?.focus();
  };

  const onKeyDown = (event: KeyboardEvent) => {
    // keyCode 229: a key press that belongs to an input method still composing.
    if (event.key === "Enter" && !event.shiftKey && !event.isComposing && event.keyCode !== 229) {
      event.preventDefault();
      send();
    }
  };

  const left = MAX_LENGTH - text.length;
  return (
    <form
      class="composer"
      onSubmit={(event) => {
        event.preventDefault();
        send();
      }}
    >
      <div class="composer-inner">
        {draftName !== null && (
          <div class="composer-name">
            <label for="guest-name">{t.chat.nameLabel}</label>
            <input
              id="guest-name"
              class="input input-small"
              type="text"
              autoComplete="name"
              maxLength={80}
              placeholder={t.chat.namePlaceholder}
              value={name}
              onInput={(event) => {
                setName(event.currentTarget.value);
                onDraftName(event.currentTarget.value);
              }}
            />
          </div>
        )}
        {text.length >= COUNTER_FROM && (
          <p class={left <= 100 ? "char-counter char-counter-low" : "char-counter"} aria-live="polite">
            {t.chat.charsLeft(left)}
          </p>
        )}
        <div class="composer-row">
          <textarea
            ref={field}
            class="composer-text"
            rows={1}
            maxLength={MAX_LENGTH}
            aria-label={t.chat.messageLabel}
            placeholder={t.chat.placeholder}
            enterkeyhint="send"
            value={text}
            onInput={(event) => setText(event.currentTarget.value)}
            onKeyDown={onKeyDown}
          />
          <button
            type="submit"
            class="send-button"
            aria-label={t.chat.send}
            title={t.chat.send}
            disabled={!text.trim()}
            // Keep the keyboard open on phones: the tap must not take focus from the text.
            onPointerDown={(event) => event.preventDefault()}
          >
            <svg viewBox="0 0 24 24" width="22" height="22" aria-hidden="true" focusable="false">
              <path fill="currentColor" d="M3.4 20.4 21 12 3.4 3.6 3.4 10.2 15 12 3.4 13.8z" />
            </svg>
          </button>
        </div>
      </div>
    </form>
  );
}
