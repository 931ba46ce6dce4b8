import type { WeatherStatus } from "@innbox/protocol";
import { useId, useState } from "preact/hooks";
import { toApiError } from "../../api/client";
import { useSession } from "../../app-context";
import { Alert } from "../../components/alert";
import { Link } from "../../components/link";
import { LoadState, useLoad } from "../../components/use-load";
import { minutesSince } from "../../format/time-format";
import { useTimeFormat } from "../../format/use-time-format";
import { t } from "../../messages";

/**
 * The forecast behind the weather blocks: how old it is, why the last fetch failed (a
 * server that answers garbage or hangs), when the box tries again, and a way to try now.
 */
export function WeatherStatusCard() {
  const id = useId();
  const { api } = useSession();
  const [status, setStatus, loadError] = useLoad((client) => client.getWeatherStatus());
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<{ kind: "success" | "error"; text: string } | null>(null);
  const time = useTimeFormat();
  const words = t.editor;

  const refresh = async () => {
    setBusy(true);
    setOutcome(null);
    try {
      setStatus(await api.refreshWeather());
      setOutcome({ kind: "success", text: words.weatherRefreshed });
    } catch (error) {
      setOutcome({ kind: "error", text: toApiError(error).message });
      // The failure is now the status's last error too.
      setStatus(await api.getWeatherStatus().catch(() => status as WeatherStatus));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section class="card editor-card weather-status" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{words.forecastTitle}</h2>
      <p class="muted">{words.weatherLead}</p>
      {!status ? (
        <LoadState error={loadError} />
      ) : !status.configured ? (
        <p>
          {words.weatherNoLocation} <Link to="/property">{words.weatherSetLocation}</Link>.
        </p>
      ) : (
        <>
          <p>{status.fetchedAt ? words.weatherFetched(time.dateTime(status.fetchedAt), minutesSince(status.fetchedAt, Date.now())) : words.weatherNone}</p>
          {status.lastError ? (
            <Alert kind="error">
              {words.weatherProblem(status.lastError)}
              {status.fetchedAt ? ` ${words.weatherStale}` : ""}
              {status.nextAttemptAt ? ` ${words.weatherNextTry(time.clock(status.nextAttemptAt))}` : ""}
            </Alert>
          ) : status.stale && status.fetchedAt ? (
            <p class="muted">{words.weatherStale}</p>
          ) : null}
          {outcome && !(outcome.kind === "error" && status.lastError) ? <Alert kind={outcome.kind}>{outcome.text}</Alert> : null}
          <div class="actions">
            <button type="button" class="button" disabled={busy} onClick={() => void refresh()}>
              {busy ? words.weatherRefreshing : words.weatherRefresh}
            </button>
          </div>
        </>
      )}
    </section>
  );
}
