// The runs the scenario as edited would make in the next days, worked out by the appliance's
// own scheduler (asked a moment after the last change), grouped by day in the property's time.
import { useEffect, useId, useState } from "preact/hooks";
import { toApiError, type ScenarioPreview } from "../../api/client";
import { useSession } from "../../app-context";
import { Alert } from "../../components/alert";
import { timeFormat } from "../../format/time-format";
import { t } from "../../messages";
import { bodyOf, type Draft } from "./draft";
import { triggerWords, type Names } from "./sentence";

const s = () => t.scenarios;
const DAYS = 7;
const WAIT_MS = 500;

export function PreviewPanel({ draft, ready, names }: { draft: Draft; ready: boolean; names: Names }) {
  const { api } = useSession();
  const [from, setFrom] = useState("");
  const [preview, setPreview] = useState<ScenarioPreview | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const fromId = useId();
  const asked = ready ? JSON.stringify({ ...bodyOf(draft), name: draft.name.trim() || "Preview" }) : "";

  useEffect(() => {
    if (!asked) return;
    let cancelled = false;
    setBusy(true);
    const timer = setTimeout(() => {
      api.previewScenario(JSON.parse(asked), { ...(from ? { from } : {}), days: DAYS }).then(
        (answer) => {
          if (cancelled) return;
          setPreview(answer);
          setError(null);
          setBusy(false);
        },
        (caught: unknown) => {
          if (cancelled) return;
          setError(toApiError(caught).message);
          setBusy(false);
        },
      );
    }, WAIT_MS);
    return () => {
      cancelled = true;
      clearTimeout(timer);
    };
  }, [api, asked, from]);

  const format = preview ? timeFormat(preview.timeZone) : null;
  const days: Array<{ key: string; label: string; runs: ScenarioPreview["runs"] }> = [];
  if (preview && format) {
    for (const run of preview.runs) {
      const key = format.dayKey(run.at);
      let day = days.find((each) => each.key === key);
      if (!day) {
        day = { key, label: format.dayLabel(run.at, Date.now()), runs: [] };
        days.push(day);
      }
      day.runs.push(run);
    }
  }

  return (
    <section class="card scenario-preview" aria-labelledby="preview-title" aria-busy={busy ? true : undefined}>
      <h2 id="preview-title">
        {s().preview}
      </h2>
      <p class="muted">{s().previewLead}</p>
      <div class="field field-narrow">
        <label for={fromId}>{s().previewFrom}</label>
        <input id={fromId} class="preview-from" type="date" value={from || preview?.from || ""} onInput={(event) => setFrom(event.currentTarget.value)} />
      </div>
      {!ready ? <p class="muted">{s().previewIncomplete}</p> : null}
      {ready && error ? <Alert kind="error">{error}</Alert> : null}
      {ready && busy && !preview ? <p role="status">{s().previewLoading}</p> : null}
      {ready && preview && preview.runs.length === 0 ? <p class="muted">{s().previewNone}</p> : null}
      {ready && format
        ? days.map((day) => (
            <div key={day.key} class="preview-day">
              <h3>{day.label}</h3>
              <ul class="preview-list">
                {day.runs.map((run, index) => {
                  const room = run.roomId ? names.rooms.find((each) => each.id === run.roomId)?.name : undefined;
                  const met = run.conditionsMet === null ? "unknown" : run.conditionsMet ? "yes" : "no";
                  return (
                    <li key={`${run.at}-${index}`} class="preview-run">
                      <span class="preview-time">{format.clock(run.at)}</span>
                      <span class="preview-trigger">
                        {triggerWords(run.trigger, names)}
                        {room ? ` (${room})` : ""}
                      </span>
                      <span class={`preview-met met-${met}`}>
                        <span class="visually-hidden">{s().conditionsMet}: </span>
                        {s().met[met]}
                      </span>
                    </li>
                  );
                })}
              </ul>
            </div>
          ))
        : null}
    </section>
  );
}
