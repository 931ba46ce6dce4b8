import { t } from "../../i18n";

/** The chat as the editor's preview shows it: its words, and no conversation. */
export function ChatPreview({ heading, welcome }: { heading?: string | undefined; welcome?: string | undefined }) {
  return (
    <div class="chat chat-preview">
      <div class="message-scroller"><div class="message-column">
        <div class="chat-intro">
          <h2>{heading ?? t.chat.title}</h2>
          <p>{welcome ?? t.chat.intro}</p>
        </div>
      </div>
      </div>
      <p class="preview-note">{t.reception.previewChat}</p>
    </div>
  );
}
