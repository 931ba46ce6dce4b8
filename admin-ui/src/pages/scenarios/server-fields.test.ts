import { describe, expect, it } from "vitest";
import { ApiError } from "../../api/client";
import { placeServerErrors } from "../../forms/server-errors";
import { t } from "../../messages";
import { placeScenarioField } from "./server-fields";

describe("the appliance's refusals in the scenario editor", () => {
  it("puts each sentence beside the field the editor shows, in the editor's words", () => {
    const refusal = new ApiError(400, "2 fields of the request body are not valid.", [
      { field: "body.triggers.0.offsetMinutes", message: "offsetMinutes must be between -720 and 720 (12 hours either way)." },
      { field: "body.actions.1.deviceId", message: "deviceId cannot be empty." },
    ]);
    expect(placeServerErrors(refusal, placeScenarioField)).toEqual({
      fields: {
        "triggers.0.offsetMinutes": `${t.scenarios.offset} must be between -720 and 720 (12 hours either way).`,
        "actions.1.deviceId": `${t.scenarios.device} cannot be empty.`,
      },
      alert: t.errors.fixFields,
    });
  });

  it("puts what no field shows on its row, nested conditions included", () => {
    expect(placeScenarioField("conditions.0.or.1.not.state.on")).toEqual({ key: "conditions.0.or.1.not", label: "on" });
    expect(placeScenarioField("conditions.2")).toEqual({ key: "conditions.2", label: "" });
    expect(placeScenarioField("actions.0.set.brightness")).toEqual({ key: "actions.0.set.brightness", label: t.scenarios.brightness });
    expect(placeScenarioField("actions")).toEqual({ key: "actions", label: "actions" });
    expect(placeScenarioField("name")).toEqual({ key: "name", label: t.scenarios.name });
    expect(placeScenarioField("mode")).toBeUndefined();
  });
});
