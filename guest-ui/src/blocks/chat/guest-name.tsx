import { useState } from "preact/hooks";
import { t } from "../../i18n";

interface GuestNameProps {
  name: string;
  onSave(name: string): Promise<void>;
}

/** "You are chatting as Anna · Change", or a way to add a name later. */
export function GuestName({ name, onSave }: GuestNameProps) {
  const [editing, setEditing] = useState(false);
  const [value, setValue] = useState(name);
  const [busy, setBusy] = useState(false);
  const [note, setNote] = useState<{ error: boolean; text: string } | null>(null);

  if (!editing) {
    return (
      <p class="guest-name">
        {name && <span>{t.chat.chattingAs(name)}</span>}
        <button
          type="button"
          class="link-button"
          onClick={() => {
            setValue(name);
            setNote(null);
            setEditing(true);
          }}
        >
          {name ? t.chat.change : t.chat.addName}
        </button>
        {note && (
          <span class={note.error ? "note note-error" : "note"} role="status">
            {note.text}
          </span>
        )}
      </p>
    );
  }

  const submit = async (event: Event) => {
    event.preventDefault();
    const trimmed = value.trim();
    if (!trimmed || trimmed === name) {
      setEditing(false);
      return;
    }
    setBusy(true);
    try {
      await onSave(trimmed);
      setNote({ error: false, text: t.chat.nameSaved });
      setEditing(false);
    } catch {
      setNote({ error: true, text: t.offHours.saveFailed });
    } finally {
      setBusy(false);
    }
  };

  return (
    <form class="inline-form" onSubmit={submit}>
      <label class="field-label" for="guest-name-edit">
        {t.chat.nameLabel}
      </label>
      <div class="inline-row">
        <input
          id="guest-name-edit"
          class="input"
          type="text"
          autoComplete="name"
          maxLength={80}
          value={value}
          onInput={(e) => setValue(e.currentTarget.value)}
        />
        <button type="submit" class="button" disabled={busy}>
          {t.chat.save}
        </button>
        <button type="button" class="button button-quiet" onClick={() => setEditing(false)}>
          {t.chat.cancel}
        </button>
      </div>
      {note?.error && (
        <p class="note note-error" role="alert">
          {note.text}
        </p>
      )}
    </form>
  );
}
