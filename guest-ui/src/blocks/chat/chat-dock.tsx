import { useEffect, useState } from "preact/hooks";
import { t } from "../../i18n";
import { ChatBlock, type ChatProps } from "./chat-block";
import { ChatPreview } from "./chat-preview";

export type DockMode = "collapsed" | "welcome" | "hidden";

/**
 * The chat when it does not start open: a button at the bottom of the screen ("welcome"
 * adds the manager's greeting above it; "hidden" shows no button, the page's footer link
 * opens it). Opened, it covers the screen on a phone and sits at the side on wider ones; once
 * opened it stays connected while the guest reads the rest of the page.
 */
export function ChatDock(props: ChatProps & { mode: DockMode; open: boolean; onOpen: () => void; onClose: () => void; preview: boolean }) {
  const { mode, open, onOpen, onClose, preview, ...chat } = props;
  const [mounted, setMounted] = useState(open);
  const [greeting, setGreeting] = useState(mode === "welcome");
  useEffect(() => {
    if (open) setMounted(true);
    document.documentElement.classList.toggle("chat-open", open);
    if (!open) return;
    const onKey = (event: KeyboardEvent) => event.key === "Escape" && onClose();
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [open, onClose]);

  return (
    <>
      {!open && mode !== "hidden" && (
        <div class="chat-dock">
          {greeting && (
            <div class="chat-greeting" role="status">
              <p>{chat.welcome ?? t.chat.intro}</p>
              <button type="button" class="greeting-close" aria-label={t.reception.dismiss} onClick={() => setGreeting(false)}>
                ×
              </button>
            </div>
          )}
          <button type="button" class="chat-launcher" onClick={onOpen}>
            <svg viewBox="0 0 24 24" width="22" height="22" aria-hidden="true">
              <path fill="currentColor" d="M4 4h16a2 2 0 0 1 2 2v10a2 2 0 0 1-2 2H9l-5 4v-4a2 2 0 0 1-2-2V6a2 2 0 0 1 2-2Z" />
            </svg>
            {t.reception.openChat}
          </button>
        </div>
      )}
      {mounted && (
        <div class="chat-sheet" hidden={!open} role="dialog" aria-modal="true" aria-label={chat.heading ?? t.chat.title}>
          <div class="chat-sheet-bar">
            <span class="chat-sheet-title">{chat.heading ?? t.chat.title}</span>
            <button type="button" class="chat-sheet-close" onClick={onClose}>
              {t.reception.closeChat}
            </button>
          </div>
          {preview ? <ChatPreview heading={chat.heading} welcome={chat.welcome} /> : <ChatBlock {...chat} />}
        </div>
      )}
    </>
  );
}
