import { useState } from "preact/hooks";
import { PAIRING_WORDS as w } from "./kiosk-words";
import { normalizeCode } from "./pairing-code";

/** The code field: large, for a finger on a touch screen. `error` is the last attempt's sentence. */
export function PairingScreen({ notice, error, busy, onPair }: { notice?: string; error?: string; busy: boolean; onPair(code: string): void }) {
  const [typed, setTyped] = useState("");
  const [empty, setEmpty] = useState(false);
  const submit = (event: Event) => {
    event.preventDefault();
    const code = normalizeCode(typed);
    setEmpty(!code);
    if (code) onPair(code);
  };
  const problem = empty ? w.emptyCode : error;
  return (
    <main class="kiosk-pairing">
      <h1>{w.title}</h1>
      {notice && (
        <p class="kiosk-notice" role="status">
          {notice}
        </p>
      )}
      <p>{w.intro}</p>
      <form onSubmit={submit} noValidate>
        <label for="kiosk-code">{w.codeLabel}</label>
        <input
          id="kiosk-code"
          value={typed}
          onInput={(e) => setTyped((e.target as HTMLInputElement).value)}
          autocomplete="off"
          autocapitalize="characters"
          spellcheck={false}
          inputmode="text"
          aria-invalid={problem ? true : undefined}
          aria-describedby={problem ? "kiosk-code-error" : undefined}
        />
        {problem && (
          <p id="kiosk-code-error" class="kiosk-error" role="alert">
            {problem}
          </p>
        )}
        <button type="submit" class="kiosk-button kiosk-primary" disabled={busy}>
          {busy ? w.pairing : w.pair}
        </button>
      </form>
    </main>
  );
}
