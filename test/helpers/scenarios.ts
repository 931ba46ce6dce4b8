import type { ApiClient } from "./app.js";
import type { TestClock } from "./test-clock.js";

/** A scenario as the admin page sends it, with plain defaults. */
export function scenario(extra: Record<string, unknown> = {}) {
  return { name: "Porch light", triggers: [{ type: "manual" }], conditions: [], actions: [{ type: "wait", minutes: 1 }], ...extra };
}

export async function createScenario(client: ApiClient, body: Record<string, unknown>) {
  const res = await client.post("/api/scenarios", body);
  if (res.status !== 201) throw new Error(`createScenario: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body.scenario as { id: string; name: string; nextRunAt?: string; running: number; problem?: string };
}

export async function runsOf(client: ApiClient, scenarioId?: string): Promise<any[]> {
  const res = await client.get(`/api/scenario-runs${scenarioId ? `?scenarioId=${scenarioId}` : ""}`);
  if (res.status !== 200) throw new Error(`listScenarioRuns: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body.runs;
}

/** Moves the app's clock on until the scenario has `count` runs in the log; those runs, newest first. */
export async function waitForRuns(clock: TestClock, client: ApiClient, scenarioId: string, count = 1, options: { stepMs?: number; maxMs?: number } = {}) {
  let runs: any[] = [];
  await clock.advanceUntil(
    async () => {
      runs = await runsOf(client, scenarioId);
      return runs.length >= count;
    },
    { stepMs: options.stepMs ?? 500, maxMs: options.maxMs ?? 60_000, what: `${count} run(s) of ${scenarioId}` },
  );
  return runs;
}

/** Lets what the app started finish its I/O (no app time passes). */
export const settle = (ms = 100) => new Promise((resolve) => setTimeout(resolve, ms));
