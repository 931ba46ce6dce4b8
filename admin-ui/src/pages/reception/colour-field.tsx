import { COLOR } from "@innbox/protocol/rules";
import { useEffect, useId, useState } from "preact/hooks";
import { described } from "../../components/field";
import { t } from "../../messages";

interface ColourFieldProps {
  label: string;
  name: string;
  /** The last good colour, #rrggbb. */
  value: string;
  onValue: (colour: string) => void;
  /** Whether what is typed is a colour; the editor will not save while one is not. */
  onValidity: (ok: boolean) => void;
  /** The appliance's sentence about this colour, if it refused it. */
  error?: string | undefined;
}

/**
 * A colour as a picker and as #rrggbb text side by side. Text that is not a colour yet
 * (half typed, or mistyped) stays in the field with a sentence; the last good colour is
 * what the preview shows and what is saved.
 */
export function ColourField({ label, name, value, onValue, onValidity, error }: ColourFieldProps) {
  const id = useId();
  const [typed, setTyped] = useState(value);
  const bad = !COLOR.test(typed.trim());

  // A colour from elsewhere (the picker, Discard) replaces what is typed.
  useEffect(() => {
    if (typed.trim().toLowerCase() !== value.toLowerCase()) setTyped(value);
  }, [value]);
  useEffect(() => onValidity(!bad), [bad]);
  // A closed block's field no longer holds anything back.
  useEffect(() => () => onValidity(true), []);

  const shown = bad ? t.editor.colourInvalid(label) : error;
  const hint = t.editor.colourHint;
  return (
    <div class={shown ? "field colour-field field-invalid" : "field colour-field"}>
      <label for={id}>{label}</label>
      <div class="colour-inputs">
        <input
          type="color"
          class="colour-picker"
          value={value}
          aria-label={t.editor.colourPicker(label)}
          onInput={(event) => {
            const colour = event.currentTarget.value.toLowerCase();
            setTyped(colour);
            onValue(colour);
          }}
        />
        <input
          id={id}
          name={name}
          type="text"
          class="colour-text"
          value={typed}
          autoCapitalize="none"
          autoCorrect="off"
          spellcheck={false}
          placeholder="#rrggbb"
          onInput={(event) => {
            const text = event.currentTarget.value;
            setTyped(text);
            if (COLOR.test(text.trim())) onValue(text.trim().toLowerCase());
          }}
          {...described(id, hint, shown)}
        />
      </div>
      {shown ? (
        <p class="field-error" id={`${id}-error`} role="alert">
          {shown}
        </p>
      ) : null}
      <p class="visually-hidden" id={`${id}-hint`}>
        {hint}
      </p>
    </div>
  );
}
