import { useState } from "preact/hooks";
import type { KioskWords } from "./kiosk-words";

const newClientId = () => `kiosk-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 10)}`;

type Sending = "idle" | "sending" | "sent" | "failed" | "empty";

/** "Leave a message": posts to the reception's conversations, then says it went. */
export function MessagePanel({ words, intro, onSend, onClose }: { words: KioskWords; intro: string; onSend(text: string, name: string, clientId: string): Promise<void>; onClose(): void }) {
  const [text, setText] = useState("");
  const [name, setName] = useState("");
  const [state, setState] = useState<Sending>("idle");
  // One id per message, kept across retries: a send that reached the appliance but lost its answer is stored once.
  const [clientId, setClientId] = useState(newClientId);
  const submit = async (event: Event) => {
    event.preventDefault();
    if (!text.trim()) {
      setState("empty");
      return;
    }
    setState("sending");
    try {
      await onSend(text.trim(), name.trim(), clientId);
      setState("sent");
      setClientId(newClientId());
    } catch {
      setState("failed");
    }
  };
  return (
    <div class="kiosk-overlay">
      <section class="kiosk-panel" role="dialog" aria-modal="true" aria-labelledby="kiosk-message-title">
        {state === "sent" ? (
          <div class="kiosk-sent" role="status">
            <h2 id="kiosk-message-title">{words.sent}</h2>
            <p>{words.sentBody}</p>
            <button type="button" class="kiosk-button kiosk-primary" onClick={onClose}>
              {words.close}
            </button>
          </div>
        ) : (
          <form onSubmit={submit} noValidate>
            <h2 id="kiosk-message-title">{words.messageTitle}</h2>
            <p>{intro}</p>
            <label for="kiosk-message">{words.messageLabel}</label>
            <textarea id="kiosk-message" rows={4} autoFocus maxLength={2000} value={text} onInput={(e) => {
                setText((e.target as HTMLTextAreaElement).value);
                setClientId(newClientId());
                if (state === "empty") setState("idle");
              }} />
            <label for="kiosk-name">{words.nameLabel}</label>
            <input id="kiosk-name" maxLength={80} value={name} autocomplete="off" onInput={(e) => setName((e.target as HTMLInputElement).value)} />
            {(state === "failed" || state === "empty") && (
              <p class="kiosk-error" role="alert">
                {state === "failed" ? words.sendFailed : words.emptyMessage}
              </p>
            )}
            <div class="kiosk-actions">
              <button type="button" class="kiosk-button" onClick={onClose}>
                {words.close}
              </button>
              <button type="submit" class="kiosk-button kiosk-primary" disabled={state === "sending"}>
                {state === "sending" ? words.sending : words.send}
              </button>
            </div>
          </form>
        )}
      </section>
    </div>
  );
}
