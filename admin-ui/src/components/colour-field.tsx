import { COLOR } from "@innbox/protocol/rules";
import { useId } from "preact/hooks";
import { t } from "../messages";
import { described } from "./field";

export interface ColourFieldProps {
  label: string;
  name: string;
  /** What the text box shows: a colour, or text on its way to being one. */
  text: string;
  /** Text typed (trimmed by the caller as it likes). */
  onText: (text: string) => void;
  /** A colour taken from the picker, #rrggbb in lower case. */
  onPick: (colour: string) => void;
  /** The swatch's colour when `text` is not one (the last good colour). */
  fallback?: string;
  hint?: string | undefined;
  error?: string | undefined;
}

/**
 * A colour as a picker and as #rrggbb text side by side, for the reception editor and the
 * sticker editor. The text box has no length limit: Chromium drops a replacement typed
 * over a selection in a field that would overflow one.
 */
export function ColourField({ label, name, text, onText, onPick, fallback = "#000000", hint, error }: ColourFieldProps) {
  const id = useId();
  const swatch = COLOR.test(text.trim()) ? text.trim().toLowerCase() : fallback;
  return (
    <div class={error ? "field colour-field field-invalid" : "field colour-field"}>
      <label for={id}>{label}</label>
      <div class="colour-inputs">
        <input type="color" class="colour-picker" value={swatch} aria-label={t.fields.colourPicker(label)} onInput={(event) => onPick(event.currentTarget.value.toLowerCase())} />
        <input
          id={id}
          name={name}
          type="text"
          class="colour-text"
          value={text}
          autoCapitalize="none"
          autoCorrect="off"
          spellcheck={false}
          placeholder="#rrggbb"
          onInput={(event) => onText(event.currentTarget.value)}
          {...described(id, hint, error)}
        />
      </div>
      {error ? (
        <p class="field-error" id={`${id}-error`} role="alert">
          {error}
        </p>
      ) : null}
      {hint ? (
        <p class="visually-hidden" id={`${id}-hint`}>
          {hint}
        </p>
      ) : null}
    </div>
  );
}
