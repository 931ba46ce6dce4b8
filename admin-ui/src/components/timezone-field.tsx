import type { ComponentChildren } from "preact";
import { useEffect, useId, useMemo, useState } from "preact/hooks";
import { t } from "../messages";
import { exactTimezone, searchTimezones, timezoneList, zoneLabel } from "../pages/timezones";
import { FieldShell, described } from "./field";

interface TimezoneFieldProps {
  label: string;
  name: string;
  /** The IANA name chosen, e.g. Europe/Rome. */
  value: string;
  onValue: (zone: string) => void;
  hint?: ComponentChildren;
  error?: string | undefined;
}

const MAX_SHOWN = 50;

/**
 * A timezone picked by typing part of its name ("Rome" offers Europe/Rome): a combobox
 * with a list of the matches, chosen with a click, or the arrow keys and Enter.
 */
export function TimezoneField({ label, name, value, onValue, hint, error }: TimezoneFieldProps) {
  const id = useId();
  const listId = `${id}-list`;
  const zones = useMemo(() => timezoneList(value), [value]);
  // What is typed while searching; null while the field shows the chosen zone.
  const [query, setQuery] = useState<string | null>(null);
  const [active, setActive] = useState(0);

  const open = query !== null;
  const matches = open ? searchTimezones(query, zones, MAX_SHOWN) : [];
  const activeZone = matches[Math.min(active, matches.length - 1)];

  const activeId = open && activeZone ? `${id}-${zones.indexOf(activeZone)}` : undefined;
  useEffect(() => {
    if (activeId) document.getElementById(activeId)?.scrollIntoView({ block: "nearest" });
  }, [activeId]);

  const choose = (zone: string) => {
    setQuery(null);
    if (zone !== value) onValue(zone);
  };
  const search = (text: string) => {
    setQuery(text);
    setActive(0);
  };
  /** Leaving the field keeps a zone typed out in full, and otherwise the zone chosen before. */
  const settle = () => {
    if (query === null) return;
    const typed = exactTimezone(query, zones);
    choose(typed ?? value);
  };

  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === "ArrowDown" || event.key === "ArrowUp") {
      event.preventDefault();
      if (!open) return search("");
      const step = event.key === "ArrowDown" ? 1 : -1;
      setActive((Math.min(active, matches.length - 1) + step + matches.length) % Math.max(matches.length, 1));
    } else if (event.key === "Enter" && open) {
      // Enter picks the zone rather than submitting the form.
      event.preventDefault();
      if (activeZone) choose(activeZone);
    } else if (event.key === "Escape" && open) {
      event.preventDefault();
      setQuery(null);
    }
  };

  return (
    <FieldShell id={id} label={label} hint={hint} error={error}>
      <div class="combobox">
        <input
          id={id}
          name={name}
          type="text"
          role="combobox"
          aria-autocomplete="list"
          aria-expanded={open}
          aria-controls={listId}
          aria-activedescendant={activeId}
          autoComplete="off"
          autoCapitalize="none"
          autoCorrect="off"
          spellcheck={false}
          placeholder={t.timezone.placeholder}
          value={open ? query : zoneLabel(value)}
          onFocus={(event) => event.currentTarget.select()}
          onInput={(event) => search(event.currentTarget.value)}
          onKeyDown={onKeyDown}
          onBlur={settle}
          {...described(id, hint, error)}
        />
        <ul id={listId} role="listbox" aria-label={t.timezone.listLabel} class="combobox-list" hidden={!open}>
          {matches.map((zone) => (
            <li
              key={zone}
              id={`${id}-${zones.indexOf(zone)}`}
              role="option"
              aria-selected={zone === activeZone}
              class={zone === activeZone ? "combobox-option combobox-active" : "combobox-option"}
              // Chosen on mousedown, before the input's blur would close the list.
              onMouseDown={(event) => {
                event.preventDefault();
                choose(zone);
              }}
            >
              {zoneLabel(zone)}
            </li>
          ))}
          {open && matches.length === 0 ? <li class="combobox-empty">{t.timezone.noMatch(query ?? "")}</li> : null}
        </ul>
      </div>
    </FieldShell>
  );
}
