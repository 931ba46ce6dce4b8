import { describe, expect, it } from "vitest";
import { t } from "../../messages";
import { checkDraft, previewable } from "./checks";
import { emptyDraft, type Draft } from "./draft";
import { templateDraft } from "./templates";

const names = { rooms: [{ id: "r1", name: "Room 12" }], devices: [{ id: "d1", name: "Garden lights" }], scenarios: [] };
const draft = (parts: Partial<Draft>): Draft => ({ ...emptyDraft(), name: "Test", ...parts });
const c = t.scenarios.check;

describe("the editor's checks before saving", () => {
  it("says a trigger, an action and a name are missing", () => {
    expect(checkDraft(emptyDraft(), names)).toEqual({ name: c.name, triggers: c.noTrigger, actions: c.noAction });
  });

  it("passes a complete scenario", () => {
    expect(checkDraft(draft({ triggers: [{ type: "time", at: "01:00" }], actions: [{ type: "device", kind: "light", set: { on: false } }] }), names)).toEqual({});
  });

  it("finds a time out of range and offsets beyond 12 hours", () => {
    const found = checkDraft(
      draft({
        triggers: [
          { type: "time", at: "24:30" },
          { type: "sun", event: "sunset", offsetMinutes: -721 },
          { type: "booking", event: "created", offsetMinutes: -5 },
        ],
        conditions: [{ type: "sun", after: "sunset", offsetMinutes: 800 }],
        actions: [{ type: "wait", minutes: 0 }],
      }),
      names,
    );
    expect(found).toEqual({
      "triggers.0.at": c.time,
      "triggers.1.offsetMinutes": c.offset(-720, 720),
      "triggers.2.offsetMinutes": c.offsetAfter,
      "conditions.0.offsetMinutes": c.offset(-720, 720),
      "actions.0.minutes": c.minutes(1, 1440),
    });
  });

  it("asks for a device where one is missing or gone", () => {
    const found = checkDraft(
      draft({
        triggers: [{ type: "device", deviceId: "gone", to: { on: true } }],
        conditions: [{ not: { and: [{ type: "device", deviceId: "", state: { on: true } }] } }],
        actions: [{ type: "device", deviceId: "", set: { on: true } }, { type: "device", set: { on: true } }],
      }),
      names,
    );
    expect(found).toEqual({
      "triggers.0.deviceId": c.deviceGone,
      "conditions.0.not.and.0.deviceId": c.device,
      "actions.0.deviceId": c.device,
      "actions.1": c.whichDevices,
    });
  });

  it("finds empty groups, missing bounds and bad numbers", () => {
    const found = checkDraft(
      draft({
        triggers: [{ type: "weather", field: "temperature", below: Number.NaN }],
        conditions: [{ or: [] }, { type: "time" }, { type: "weather", field: "cloudCover" }],
        actions: [{ type: "device", deviceId: "d1", set: { brightness: 120 } }, { type: "notify", text: "  " }, { type: "scenario", scenarioId: "" }],
      }),
      names,
    );
    expect(found).toEqual({
      "triggers.0.below": c.number,
      "conditions.0.or": c.emptyGroup,
      "conditions.1": c.timeBounds,
      "conditions.2": c.weatherBounds,
      "actions.0.set.brightness": c.brightness,
      "actions.1.text": c.text(1000),
      "actions.2.scenarioId": c.scenario,
    });
  });

  it("lets a template be previewed once its devices are chosen, before it has a name", () => {
    const outdoor = templateDraft("outdoor");
    expect(previewable(outdoor, names)).toBe(false);
    expect(checkDraft(outdoor, names)).toEqual({ "actions.0.deviceId": c.device });
    const chosen: Draft = { ...outdoor, name: "", actions: [{ type: "device", deviceId: "d1", set: { on: true } }] };
    expect(previewable(chosen, names)).toBe(true);
    expect(checkDraft(templateDraft("hotWater"), names)).toEqual({});
    expect(checkDraft(templateDraft("heaterOff"), names)).toEqual({});
    expect(checkDraft(templateDraft("allOff"), names)).toEqual({});
  });
});
