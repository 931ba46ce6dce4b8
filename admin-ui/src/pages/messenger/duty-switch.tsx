import { useEffect, useId, useState } from "preact/hooks";
import { type DutyStatus, toApiError } from "../../api/client";
import { useSession } from "../../app-context";
import { t } from "../../messages";

/** The signed-in member's own on/off duty switch: off duty, Telegram stays quiet. */
export function DutySwitch() {
  const { api } = useSession();
  const id = useId();
  const [duty, setDuty] = useState<DutyStatus | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    api.getDuty().then(setDuty, (caught: unknown) => setError(toApiError(caught).message));
  }, [api]);

  const onChange = async (onDuty: boolean) => {
    if (!duty) return;
    const before = duty;
    setDuty({ ...duty, onDuty });
    setBusy(true);
    setError(null);
    try {
      setDuty(await api.setDuty(onDuty));
    } catch (caught) {
      setDuty(before);
      setError(toApiError(caught).message);
    } finally {
      setBusy(false);
    }
  };

  return (
    <div class="duty">
      <div class="switch">
        <input
          id={id}
          type="checkbox"
          role="switch"
          checked={duty?.onDuty ?? false}
          disabled={!duty || busy}
          onChange={(event) => void onChange(event.currentTarget.checked)}
          aria-describedby={`${id}-hint`}
        />
        <label for={id}>{t.messenger.dutyLabel}</label>
      </div>
      <p class="duty-hint" id={`${id}-hint`}>
        {t.messenger.dutyHint}
        {duty?.onDuty && !duty.withinHours ? ` ${t.messenger.dutyOutsideHours}` : ""}
      </p>
      {error ? (
        <p class="field-error" role="alert">
          {error}
        </p>
      ) : null}
    </div>
  );
}
