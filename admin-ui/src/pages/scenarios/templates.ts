// Ready-made scenarios for the editor's first screen: each fills the form, and the manager
// picks the devices (an empty device is left to choose).
import { t } from "../../messages";
import type { Draft } from "./draft";

export type TemplateId = "outdoor" | "allOff" | "hotWater" | "heaterOff";
export const TEMPLATE_IDS: readonly TemplateId[] = ["outdoor", "allOff", "hotWater", "heaterOff"];

export function templateDraft(id: TemplateId): Draft {
  const words = t.scenarios.template;
  switch (id) {
    case "outdoor":
      return {
        name: words.outdoorName,
        enabled: true,
        mode: "single",
        triggers: [{ type: "sun", event: "sunset", offsetMinutes: -10 }],
        conditions: [{ type: "stay", scope: "any", state: "occupied" }],
        actions: [{ type: "device", deviceId: "", set: { on: true } }],
      };
    case "allOff":
      return {
        name: words.allOffName,
        enabled: true,
        mode: "single",
        triggers: [{ type: "time", at: "01:00" }],
        conditions: [],
        actions: [{ type: "device", kind: "light", set: { on: false } }],
      };
    case "hotWater":
      return {
        name: words.hotWaterName,
        enabled: true,
        mode: "parallel",
        triggers: [{ type: "booking", event: "checkIn", offsetMinutes: -180 }],
        conditions: [{ type: "weather", field: "cloudCover", above: 60 }],
        actions: [{ type: "device", roomId: "trigger", kind: "heater", set: { on: true } }],
      };
    case "heaterOff":
      return {
        name: words.heaterOffName,
        enabled: true,
        mode: "parallel",
        triggers: [{ type: "booking", event: "checkOut", offsetMinutes: 0 }],
        conditions: [],
        actions: [{ type: "device", roomId: "trigger", kind: "heater", set: { on: false } }],
      };
  }
}
