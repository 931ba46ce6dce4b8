import { useState } from "preact/hooks";
import { ApiError } from "../../api/guest-api";
import { t } from "../../i18n";

interface OffHoursNoticeProps {
  /** The property's notice; null when it already stands in the conversation. */
  notice: string | null;
  /** "We're back on Monday at 09:00", in the guest's language; null when unknown. */
  backAt: string | null;
  /** The email answers go to, if the guest gave one. */
  email: string | null;
  /** An email the appliance refused after it was saved. */
  refused: string | null;
  /** Before the first message this only keeps the email: it is stored with the conversation. */
  onSave(email: string): Promise<void>;
}

// The appliance's own test (zod's email pattern): before the first message nothing can ask
// the appliance, so the guest hears about a typo here, not after writing.
const EMAIL = /^(?:[A-Za-z0-9_'+\-]+\.)*[A-Za-z0-9_'+\-]*[A-Za-z0-9_+-]@(?:[A-Za-z0-9][A-Za-z0-9\-]*\.)+[A-Za-z]{2,}$/;

/** Nobody is on duty: the property's notice, and a way to be answered by email. */
export function OffHoursNotice({ notice, backAt, email: saved, refused, onSave }: OffHoursNoticeProps) {
  const [editing, setEditing] = useState(!saved);
  const [value, setValue] = useState(saved ?? "");
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

  const shownError = error ?? (refused !== null && value.trim() === refused ? t.offHours.emailInvalid : null);

  return (
    <aside class="off-hours">
      <h3>{t.offHours.title}</h3>
      {notice && <p class="off-hours-text">{notice}</p>}
      {backAt && <p class="off-hours-back">{backAt}</p>}
      {editing || !saved ? (
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
              aria-invalid={shownError ? "true" : undefined}
              aria-describedby={shownError ? "guest-email-error" : undefined}
              onInput={(e) => setValue(e.currentTarget.value)}
            />
            <button type="submit" class="button" disabled={busy}>
              {t.chat.save}
            </button>
          </div>
          {shownError && (
            <p id="guest-email-error" class="note note-error" role="alert">
              {shownError}
            </p>
          )}
        </form>
      ) : (
        <p class="note note-ok" role="status">
          {t.offHours.emailSaved(saved)}{" "}
          <button type="button" class="link-button" onClick={() => setEditing(true)}>
            {t.chat.change}
          </button>
        </p>
      )}
    </aside>
  );
}
