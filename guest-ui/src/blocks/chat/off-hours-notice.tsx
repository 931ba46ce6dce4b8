import type { GuestConversationInfo } from "@innbox/protocol";
import { useState } from "preact/hooks";
import { ApiError } from "../../api/guest-api";
import { t } from "../../i18n";

interface OffHoursNoticeProps {
  info: GuestConversationInfo;
  /** False when the notice already stands in the conversation. */
  showNotice: boolean;
  onSave(email: string): Promise<void>;
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** Nobody is on duty: the property's notice, and a way to be answered by email. */
export function OffHoursNotice({ info, showNotice, onSave }: OffHoursNoticeProps) {
  const [editing, setEditing] = useState(!info.email);
  const [value, setValue] = useState(info.email ?? "");
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const submit = async (event: Event) => {
    event.preventDefault();
    const email = value.trim();
    if (!EMAIL.test(email)) {
      setError(t.offHours.emailInvalid);
      return;
    }
    setBusy(true);
    setError(null);
    try {
      await onSave(email);
      setEditing(false);
    } catch (e) {
      setError(e instanceof ApiError && e.status === 400 ? t.offHours.emailInvalid : t.offHours.saveFailed);
    } finally {
      setBusy(false);
    }
  };

  return (
    <aside class="off-hours">
      <h3>{t.offHours.title}</h3>
      {showNotice && info.offHoursNotice && <p class="off-hours-text">{info.offHoursNotice}</p>}
      {editing || !info.email ? (
        <form class="inline-form" onSubmit={submit} noValidate>
          <label class="field-label" for="guest-email">
            {t.offHours.emailPrompt}
          </label>
          <div class="inline-row">
            <input
              id="guest-email"
              class="input"
              type="email"
              inputMode="email"
              autoComplete="email"
              maxLength={200}
              placeholder={t.offHours.emailPlaceholder}
              value={value}
              aria-invalid={error ? "true" : undefined}
              aria-describedby={error ? "guest-email-error" : undefined}
              onInput={(e) => setValue(e.currentTarget.value)}
            />
            <button type="submit" class="button" disabled={busy}>
              {t.chat.save}
            </button>
          </div>
          {error && (
            <p id="guest-email-error" class="note note-error" role="alert">
              {error}
            </p>
          )}
        </form>
      ) : (
        <p class="note note-ok" role="status">
          {t.offHours.emailSaved(info.email)}{" "}
          <button type="button" class="link-button" onClick={() => setEditing(true)}>
            {t.chat.change}
          </button>
        </p>
      )}
    </aside>
  );
}
