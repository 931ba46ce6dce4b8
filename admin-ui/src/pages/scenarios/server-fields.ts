// Where the appliance's 400 `details` go in the editor: beside the field the editor shows
// for that path, else on the row (trigger, condition or action) the path is in.
import type { FieldPlace } from "../../forms/server-errors";
import { t } from "../../messages";

const s = () => t.scenarios;

/** The fields the editor shows, by the last part of their path, with their labels. */
const SHOWN: Record<string, () => string> = {
  at: () => s().at,
  offsetMinutes: () => s().offset,
  roomId: () => s().room,
  deviceId: () => s().device,
  forMinutes: () => s().forMinutes,
  above: () => s().above,
  below: () => s().below,
  forecastHours: () => s().forecastHours,
  after: () => s().after,
  before: () => s().before,
  minutes: () => s().waitMinutes,
  text: () => s().notifyText,
  scenarioId: () => s().scenario,
  kind: () => s().kind,
  roomState: () => s().roomState,
  brightness: () => s().brightness,
};

export function placeScenarioField(field: string): FieldPlace | undefined {
  if (field === "name") return { key: "name", label: s().name };
  if (field === "triggers" || field === "conditions" || field === "actions") return { key: field, label: field };
  const row = /^((?:triggers|conditions|actions)\.\d+(?:\.(?:and|or)\.\d+|\.not)*)(?:\.(.+))?$/.exec(field);
  if (!row) return undefined;
  const [, rowPath, rest] = row;
  if (!rest) return { key: rowPath!, label: "" };
  if (rest === "set.brightness") return { key: field, label: s().brightness };
  if (rest === "set") return { key: field, label: s().set };
  const label = SHOWN[rest];
  return label ? { key: field, label: label() } : { key: rowPath!, label: rest.slice(rest.lastIndexOf(".") + 1) };
}
