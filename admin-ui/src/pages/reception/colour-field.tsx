import { COLOR } from "@innbox/protocol/rules";
import { useEffect, useState } from "preact/hooks";
import { ColourField } from "../../components/colour-field";
import { t } from "../../messages";

interface BlockColourFieldProps {
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
 * A block's colour. Text that is not a colour yet (half typed, or mistyped) stays in the
 * field with a sentence; the last good colour is what the preview shows and what is saved.
 */
export function BlockColourField({ label, name, value, onValue, onValidity, error }: BlockColourFieldProps) {
  const [typed, setTyped] = useState(value);
  const bad = !COLOR.test(typed.trim());

  // A colour from elsewhere (the picker, Discard) replaces what is typed.
  useEffect(() => {
    if (typed.trim().toLowerCase() !== value.toLowerCase()) setTyped(value);
  }, [value]);
  useEffect(() => onValidity(!bad), [bad]);
  // A closed block's field no longer holds anything back.
  useEffect(() => () => onValidity(true), []);

  return (
    <ColourField
      label={label}
      name={name}
      text={typed}
      fallback={value}
      onText={(text) => {
        setTyped(text);
        if (COLOR.test(text.trim())) onValue(text.trim().toLowerCase());
      }}
      onPick={(colour) => {
        setTyped(colour);
        onValue(colour);
      }}
      hint={t.editor.colourHint}
      error={bad ? t.editor.colourInvalid(label) : error}
    />
  );
}
