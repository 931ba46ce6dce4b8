import type { ComponentChildren, RefObject } from "preact";
import { useId, useLayoutEffect, useRef } from "preact/hooks";

interface ShellProps {
  id: string;
  label: string;
  hint?: ComponentChildren;
  error?: string | undefined;
  children: ComponentChildren;
}

/** Label, control, hint and error of one form field, wired for screen readers. */
export function FieldShell({ id, label, hint, error, children }: ShellProps) {
  return (
    <div class={error ? "field field-invalid" : "field"}>
      <label for={id}>{label}</label>
      {children}
      {error ? (
        <p class="field-error" id={`${id}-error`}>
          {error}
        </p>
      ) : null}
      {hint ? (
        <p class="field-hint" id={`${id}-hint`}>
          {hint}
        </p>
      ) : null}
    </div>
  );
}

/** A control's ARIA wiring: invalid while it has an error, described by its error and hint. */
export function described(id: string, hint: unknown, error: unknown) {
  const ids = [error ? `${id}-error` : "", hint ? `${id}-hint` : ""].filter(Boolean);
  return { "aria-invalid": error ? true : undefined, "aria-describedby": ids.length ? ids.join(" ") : undefined };
}

/** What a text, text-area and select field each take. */
interface FieldProps {
  label: string;
  name: string;
  value: string;
  onValue: (value: string) => void;
  hint?: ComponentChildren;
  error?: string | undefined;
}

/**
 * The props that tie a TextField or SelectField to one key of a form of strings: its
 * name, value, change handler (a new form to `onForm`) and its error from `errors`.
 */
export function fieldsFor<F extends { [K in keyof F]: string }>(form: F, errors: Readonly<Record<string, string>>, onForm: (form: F) => void) {
  return (key: keyof F & string): Pick<FieldProps, "name" | "value" | "onValue" | "error"> => ({
    name: key,
    value: form[key],
    onValue: (value: string) => onForm({ ...form, [key]: value }),
    error: errors[key],
  });
}

interface TextFieldProps extends FieldProps {
  type?: "text" | "password" | "date" | "number" | "time";
  autoComplete?: string;
  inputMode?: "text" | "decimal" | "numeric";
  min?: number;
  max?: number;
  required?: boolean;
  autoFocus?: boolean;
  /** Usernames, slugs and codes: no capitals or spelling fixes from phone keyboards. */
  verbatim?: boolean;
  /** An example of what to type, shown while the field is empty. */
  placeholder?: string;
}

export function TextField(props: TextFieldProps) {
  const id = useId();
  const { label, name, value, onValue, type = "text", hint, error } = props;
  return (
    <FieldShell id={id} label={label} hint={hint} error={error}>
      <input
        id={id}
        name={name}
        type={type}
        value={value}
        onInput={(event) => onValue(event.currentTarget.value)}
        autoComplete={props.autoComplete}
        inputMode={props.inputMode}
        min={props.min}
        max={props.max}
        required={props.required}
        autoFocus={props.autoFocus}
        placeholder={props.placeholder}
        autoCapitalize={props.verbatim ? "none" : undefined}
        autoCorrect={props.verbatim ? "off" : undefined}
        spellcheck={props.verbatim ? false : undefined}
        {...described(id, hint, error)}
      />
    </FieldShell>
  );
}

interface TextAreaFieldProps extends FieldProps {
  maxLength?: number;
  rows?: number;
  lang?: string;
}

export function TextAreaField({ label, name, value, onValue, hint, error, maxLength, rows = 3, lang }: TextAreaFieldProps) {
  const id = useId();
  const field = useRef<HTMLTextAreaElement>(null);
  useAutoGrow(field, value);
  return (
    <FieldShell id={id} label={label} hint={hint} error={error}>
      <textarea
        ref={field}
        id={id}
        name={name}
        value={value}
        rows={rows}
        maxLength={maxLength}
        lang={lang}
        onInput={(event) => onValue(event.currentTarget.value)}
        {...described(id, hint, error)}
      />
    </FieldShell>
  );
}

const sizesItself = typeof CSS !== "undefined" && CSS.supports("field-sizing", "content");

/**
 * Grows a text area with its text where the browser cannot (`field-sizing: content` is
 * newer than some phones' browsers); the style sheet's min-height and max-height still apply.
 */
export function useAutoGrow(field: RefObject<HTMLTextAreaElement>, value: string): void {
  useLayoutEffect(() => {
    const element = field.current;
    if (sizesItself || !element) return;
    element.style.height = "auto";
    element.style.height = `${element.scrollHeight + element.offsetHeight - element.clientHeight}px`;
  }, [field, value]);
}

interface SelectFieldProps extends FieldProps {
  children: ComponentChildren;
}

export function SelectField({ label, name, value, onValue, hint, error, children }: SelectFieldProps) {
  const id = useId();
  return (
    <FieldShell id={id} label={label} hint={hint} error={error}>
      <select
        id={id}
        name={name}
        value={value}
        onChange={(event) => onValue(event.currentTarget.value)}
        {...described(id, hint, error)}
      >
        {children}
      </select>
    </FieldShell>
  );
}

interface CheckboxProps {
  label: string;
  name: string;
  checked: boolean;
  onChecked: (checked: boolean) => void;
  hint?: ComponentChildren;
}

export function Checkbox({ label, name, checked, onChecked, hint }: CheckboxProps) {
  const id = useId();
  return (
    <div class="checkbox">
      <input
        id={id}
        name={name}
        type="checkbox"
        checked={checked}
        onChange={(event) => onChecked(event.currentTarget.checked)}
        aria-describedby={hint ? `${id}-hint` : undefined}
      />
      <div>
        <label for={id}>{label}</label>
        {hint ? (
          <p class="field-hint" id={`${id}-hint`}>
            {hint}
          </p>
        ) : null}
      </div>
    </div>
  );
}
