// What ran, newest first: the trigger, when it was planned and when it started, the outcome
// in colour and words, why, each condition's value and each action's result. New runs and
// finished ones arrive over the /staff socket.
import type { ScenarioRun } from "@innbox/protocol";
import { useEffect, useState } from "preact/hooks";
import { toApiError } from "../../api/client";
import { useSession } from "../../app-context";
import { Alert } from "../../components/alert";
import { useTimeFormat } from "../../format/use-time-format";
import { t } from "../../messages";
import { useInbox } from "../messenger/inbox";
import { actionWords, conditionWords, runTriggerWords, span, type Names } from "./sentence";

const s = () => t.scenarios;
const PAGE = 50;

function newestFirst(runs: ScenarioRun[]): ScenarioRun[] {
  return [...runs].sort((a, b) => b.startedAt.localeCompare(a.startedAt));
}

export function RunLog({ scenarioId, names, headingLevel = 2 }: { scenarioId?: string | undefined; names: Names; headingLevel?: 2 | 3 }) {
  const { api } = useSession();
  const { listen } = useInbox();
  const [runs, setRuns] = useState<ScenarioRun[] | null>(null);
  const [limit, setLimit] = useState(PAGE);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    let cancelled = false;
    const load = () =>
      api.listScenarioRuns({ ...(scenarioId ? { scenarioId } : {}), limit }).then(
        (list) => {
          if (cancelled) return;
          setRuns(newestFirst(list));
          setError(null);
        },
        (caught: unknown) => !cancelled && setError(toApiError(caught).message),
      );
    void load();
    const stop = listen({
      scenarioRun: (run) => {
        if (scenarioId && run.scenarioId !== scenarioId) return;
        setRuns((list) => newestFirst([run, ...(list ?? []).filter((known) => known.id !== run.id)]));
      },
      reconnected: () => void load(),
    });
    return () => {
      cancelled = true;
      stop();
    };
  }, [api, listen, scenarioId, limit]);

  const Heading = headingLevel === 2 ? "h2" : "h3";
  return (
    <section class="run-log" aria-labelledby={`run-log-${scenarioId ?? "all"}`}>
      <Heading id={`run-log-${scenarioId ?? "all"}`} class="run-log-title">
        {scenarioId ? s().logScenario : s().log}
      </Heading>
      <p class="muted">{s().logLead}</p>
      {error ? <Alert kind="error">{error}</Alert> : null}
      {!runs && !error ? <p role="status">{t.app.loading}</p> : null}
      {runs && runs.length === 0 ? <p class="card card-pad muted">{s().logEmpty}</p> : null}
      {runs && runs.length > 0 ? (
        <ol class="run-list">
          {runs.map((run) => (
            <RunItem key={run.id} run={run} names={names} showName={!scenarioId} />
          ))}
        </ol>
      ) : null}
      {runs && runs.length >= limit ? (
        <button type="button" class="button" onClick={() => setLimit(limit + PAGE)}>
          {s().loadMore}
        </button>
      ) : null}
    </section>
  );
}

const capital = (words: string) => words.charAt(0).toUpperCase() + words.slice(1);

function RunItem({ run, names, showName }: { run: ScenarioRun; names: Names; showName: boolean }) {
  const format = useTimeFormat();
  const lateBy = run.plannedAt ? Math.round((Date.parse(run.startedAt) - Date.parse(run.plannedAt)) / 60_000) : 0;
  return (
    <li class={`run-item card outcome-${run.outcome}`}>
      <div class="run-head">
        <span class={`outcome-badge outcome-${run.outcome}`}>{s().outcome[run.outcome] ?? run.outcome}</span>
        <div class="run-title">
          {showName ? <h3 class="run-name">{run.scenarioName}</h3> : null}
          <p class="run-trigger">{runTriggerWords(run.trigger, names, (at) => format.dateTime(at))}</p>
        </div>
      </div>
      <dl class="run-times">
        {run.plannedAt ? (
          <div>
            <dt>{s().planned}</dt>
            <dd>{format.dateTime(run.plannedAt)}</dd>
          </div>
        ) : null}
        <div>
          <dt>{s().startedAt}</dt>
          <dd>
            {format.dateTime(run.startedAt)}
            {lateBy >= 1 ? <span class="run-late"> · {s().late(span(lateBy))}</span> : null}
          </dd>
        </div>
        {run.reason ? (
          <div>
            <dt>{s().reason}</dt>
            <dd>{run.reason}</dd>
          </div>
        ) : null}
      </dl>
      {run.conditions.length ? (
        <div class="run-detail">
          <h4>{s().conditionValues}</h4>
          <ul>
            {run.conditions.map((each, index) => (
              <li key={index}>
                {capital(conditionWords(each.condition, names))}:{" "}
                <span class={each.value === null ? "value-unknown" : each.value ? "value-yes" : "value-no"}>{s().conditionValue[String(each.value) as "true" | "false" | "null"]}</span>
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      {run.actions.length ? (
        <div class="run-detail">
          <h4>{s().actionResults}</h4>
          <ul>
            {run.actions.map((each, index) => {
              const device = each.deviceId ? names.devices.find((known) => known.id === each.deviceId)?.name : undefined;
              return (
                <li key={index}>
                  {capital(actionWords(each.action, names))}
                  {device && each.action.type === "device" && !each.action.deviceId ? ` ${s().onDevice(device)}` : ""}:{" "}
                  <span class={`result-${each.result}`}>{s().actionResult[each.result] ?? each.result}</span>
                  {each.result === "failed" && each.attempts ? ` ${s().attempts(each.attempts)}` : ""}
                  {each.error ? <span class="run-error"> — {each.error}</span> : null}
                </li>
              );
            })}
          </ul>
        </div>
      ) : null}
    </li>
  );
}
