// One scenario in the list: its name and sentence, switched on or off, its mode, next run and
// last run, what stops it running, and its buttons.
import type { Scenario } from "@innbox/protocol";
import { useState } from "preact/hooks";
import { toApiError } from "../../api/client";
import { useSession } from "../../app-context";
import { Icon } from "../../components/icon";
import { Link } from "../../components/link";
import { useTimeFormat } from "../../format/use-time-format";
import { t } from "../../messages";
import { scenarioSentence, type Names } from "./sentence";

interface Props {
  scenario: Scenario;
  names: Names;
  isManager: boolean;
  onChanged: (scenario: Scenario) => void;
  onStarted: (scenario: Scenario) => void;
  onDuplicate: () => void;
  onDelete: () => void;
}

const s = () => t.scenarios;

export function ScenarioCard({ scenario, names, isManager, onChanged, onStarted, onDuplicate, onDelete }: Props) {
  const { api } = useSession();
  const format = useTimeFormat();
  const [pending, setPending] = useState<"enable" | "run" | null>(null);
  const [error, setError] = useState<string | null>(null);
  const titleId = `scenario-${scenario.id}`;

  const act = async (what: "enable" | "run", request: () => Promise<void>) => {
    setPending(what);
    setError(null);
    try {
      await request();
    } catch (caught) {
      setError(toApiError(caught).message);
    } finally {
      setPending(null);
    }
  };

  return (
    <li class={scenario.enabled ? "scenario-card card" : "scenario-card card is-off"} aria-labelledby={titleId}>
      <div class="scenario-card-head">
        <h3 id={titleId}>{scenario.name}</h3>
        {isManager ? (
          <button
            type="button"
            class={scenario.enabled ? "device-switch is-on" : "device-switch"}
            aria-pressed={scenario.enabled}
            disabled={pending !== null}
            onClick={() => act("enable", async () => onChanged(await api.updateScenario(scenario.id, { enabled: !scenario.enabled })))}
          >
            <span class="device-switch-track" aria-hidden="true">
              <span class="device-switch-thumb" />
            </span>
            <span class="visually-hidden">{scenario.name}: </span>
            {scenario.enabled ? s().enabled : s().disabled}
          </button>
        ) : (
          <span class={scenario.enabled ? "badge" : "badge badge-muted"}>{scenario.enabled ? s().enabled : s().disabled}</span>
        )}
      </div>
      <p class="scenario-sentence">{scenarioSentence(scenario, names)}</p>
      {scenario.problem ? (
        <p class="scenario-problem">
          <strong>{s().problemHeading}</strong> {scenario.problem}
        </p>
      ) : null}
      <dl class="scenario-facts">
        <div>
          <dt>{s().mode}</dt>
          <dd>{s().modeName[scenario.mode]}</dd>
        </div>
        <div>
          <dt>{s().nextRun}</dt>
          <dd>{scenario.nextRunAt ? format.dateTime(scenario.nextRunAt) : s().noNextRun}</dd>
        </div>
        <div>
          <dt>{s().lastRun}</dt>
          <dd>
            {scenario.lastRun ? (
              <>
                <span class={`outcome-badge outcome-${scenario.lastRun.outcome}`}>{s().outcome[scenario.lastRun.outcome]}</span> {format.dateTime(scenario.lastRun.startedAt)}
              </>
            ) : (
              s().neverRun
            )}
          </dd>
        </div>
        {scenario.running > 0 ? (
          <div>
            <dt class="visually-hidden">{s().running(scenario.running)}</dt>
            <dd class="scenario-running">{s().running(scenario.running)}</dd>
          </div>
        ) : null}
      </dl>
      {error ? (
        <p class="device-error" role="alert">
          {error}
        </p>
      ) : null}
      <div class="scenario-actions">
        <button
          type="button"
          class="button button-small button-primary"
          disabled={pending !== null}
          aria-label={s().runNowLabel(scenario.name)}
          onClick={() =>
            act("run", async () => {
              await api.runScenario(scenario.id);
              onStarted(scenario);
            })
          }
        >
          {s().runNow}
        </button>
        {isManager ? (
          <>
            <Link to={`/scenarios/${encodeURIComponent(scenario.id)}`} class="button button-small">
              <Icon name="edit" />
              <span aria-hidden="true">{s().edit}</span>
              <span class="visually-hidden">{s().editLabel(scenario.name)}</span>
            </Link>
            <button type="button" class="button button-small" onClick={onDuplicate} aria-label={s().duplicateLabel(scenario.name)}>
              <Icon name="copy" />
              {s().duplicate}
            </button>
            <button type="button" class="button button-small button-danger-quiet" onClick={onDelete} aria-label={s().deleteLabel(scenario.name)}>
              <Icon name="trash" />
              {s().delete}
            </button>
          </>
        ) : null}
      </div>
    </li>
  );
}
