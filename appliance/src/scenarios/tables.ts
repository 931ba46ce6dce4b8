/** A scenario: its triggers, conditions and actions are one JSON document (`definition`). */
export interface ScenarioRow {
  id: string;
  name: string;
  enabled: number;
  mode: string;
  /** JSON: {triggers, conditions, actions}. */
  definition: string;
  created_at: string;
  updated_at: string;
}

/** One finished run (the run log keeps 30 days). */
export interface ScenarioRunRow {
  id: string;
  scenario_id: string;
  scenario_name: string;
  started_at: string;
  finished_at: string;
  planned_at: string | null;
  outcome: string;
  reason: string | null;
  /** JSON of the trigger that started it. */
  trigger: string;
  /** JSON: [{condition, value}]. */
  conditions: string;
  /** JSON: [{action, result, error?, attempts?, deviceId?}]. */
  actions: string;
}

/**
 * The scheduler's memory per scenario and trigger: the last planned instant handled (so a
 * run is never made twice, and missed ones are known after downtime), and for weather
 * triggers whether the value is inside the range now.
 */
export interface ScenarioTriggerStateRow {
  scenario_id: string;
  trigger_key: string;
  handled_at: string | null;
  inside: number | null;
}

/** A run due later: booking created/cancelled triggers with an offset, kept across restarts. */
export interface ScenarioDueRow {
  id: string;
  scenario_id: string;
  trigger_index: number;
  due_at: string;
  booking_id: string | null;
  room_id: string | null;
}

/** Small values of the scheduler: `heartbeat` (when it last ticked), `sweptAt`. */
export interface ScenarioStateRow {
  key: string;
  value: string;
}

export interface ScenariosTables {
  scenarios: ScenarioRow;
  scenario_runs: ScenarioRunRow;
  scenario_trigger_state: ScenarioTriggerStateRow;
  scenario_due: ScenarioDueRow;
  scenario_state: ScenarioStateRow;
}
