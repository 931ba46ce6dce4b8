import type { Scenario } from "@innbox/protocol";
import { SCENARIO_NAME_MAX } from "@innbox/protocol/scenario-rules";
import type { ApiClient } from "../../api/client";
import { t } from "../../messages";
import { bodyOf, draftOf } from "./draft";

/** A copy of `scenario`, switched off until the manager has checked it. */
export function duplicateScenario(api: ApiClient, scenario: Scenario): Promise<Scenario> {
  const copy = bodyOf({ ...draftOf(scenario), name: t.scenarios.copyName(scenario.name).slice(0, SCENARIO_NAME_MAX), enabled: false });
  return api.createScenario(copy);
}
