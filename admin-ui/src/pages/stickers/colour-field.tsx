import { useId } from "preact/hooks";
import { described } from "../../components/field";
import { t } from "../../messages";

interface Props {
  label: string;
  name: string;
  /** As typed: `#1d4e89`. */
  value: string;
  onValue: (value: string) => void;
  error?: string | undefined;
}

const HEX = /^#[0-9a-fA-F]{6}$/;

/** A colour as a picker and as `#rrggbb` text, kept together; the text may be typed freely. */
export function ColourField({ label, name, value, onValue, error }: Props) {
  const id = useId();
  return (
    <div class={error ? "field field-invalid colour-field" : "field colour-field"}>
      <label for={id}>{label}</label>
      <div class="colour-inputs">
        <input
          type="color"
          class="colour-swatch"
          value={HEX.test(value) ? value.toLowerCase() : "#000000"}
          onInput={(event) => onValue(event.currentTarget.value)}
          aria-label={t.stickers.colourPicker(label)}
        />
        <input
          id={id}
          name={name}
          type="text"
          value={value}
          maxLength={7}
          autoCapitalize="none"
          autoCorrect="off"
          spellcheck={false}
          onInput={(event) => onValue(event.currentTarget.value.trim())}
          {...described(id, undefined, error)}
        />
      </div>
      {error ? (
        <p class="field-error" id={`${id}-error`}>
          {error}
        </p>
      ) : null}
    </div>
  );
}
